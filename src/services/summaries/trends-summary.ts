import { translator } from "../../locales/index.js";
import { type Locale, regionLabel } from "../format/locale.js";
import type { Region, RegionOrUnattributed } from "../regions/types.js";
import type { OrgMover, TrendStats } from "../stats/types.js";
import { fitLines, type Line, line, type Part, tpl } from "./parts.js";
import { type Indexed, indexed, largest } from "./pick.js";
import type { Summary } from "./types.js";
import {
  ageFact,
  comparisonPeriod,
  displayName,
  downloadsFact,
  type MethodParts,
  methodParts,
  percentChangeFact,
  phrases,
  ppFact,
  regionSubject,
  roundsToZero,
  shareFact,
  sinceFact,
} from "./wording.js";

/** Longest `/trends` summary, in characters: short enough to read at a glance under the chart. */
export const TRENDS_SUMMARY_MAX_LENGTH = 600;

export interface TrendsSummaryOptions {
  locale: Locale;
  /** The clock, injected: the data's age is measured from it. */
  now: Date;
}

/**
 * The text under the `/trends [region]` chart: the headline share (of the region, or of the leading
 * region with the ranking after it) with what was counted in words, then the top organisation, the
 * biggest mover and a notable new model, then coverage and the data's age. Under a region, the
 * organisations are put in the region's own terms (their share of the region's downloads).
 * At most {@link TRENDS_SUMMARY_MAX_LENGTH} characters: when absurd Hub names make it longer, the
 * least important lines go first.
 */
export function summariseTrends(stats: TrendStats, options: TrendsSummaryOptions): Summary {
  const { locale, now } = options;
  const say = phrases(locale);
  const age = ageFact(stats.asOf, now, locale);
  const region = stats.region;

  if (stats.universe.totalDownloads <= 0) {
    // Shares of nothing are not 0%: say there is no data instead of dividing by zero.
    const headline =
      region === null
        ? say("summary.trends.no-downloads")
        : say("summary.trends.region-no-downloads", { subject: regionSubject(region, locale) });
    return fitLines(
      [line(headline, 0), line(say("summary.trends.age-only", { age }), 0)],
      TRENDS_SUMMARY_MAX_LENGTH,
    );
  }

  const method = methodParts(stats, locale);
  const lines: Line[] = [];
  if (region === null) {
    lines.push(...overviewLines(stats, method, locale));
  } else {
    lines.push(line(regionHeadline(stats, region, method, locale), 0));
  }
  // The overview names each organisation's region; under `/trends china` it goes without saying.
  const t = translator(locale);
  const where = (r: RegionOrUnattributed): string =>
    region === null ? t("summary.trends.where", { region: regionLabel(r, locale) }) : "";
  const inRegion = (r: RegionOrUnattributed): boolean => region === null || r === region;
  const whose =
    region === null
      ? t("summary.trends.of-all")
      : t("summary.trends.of-region", { subject: regionSubject(region, locale, false) });

  const [leader] = largest(
    indexed(stats.topOrgs, (org) => inRegion(org.region)),
    (org) => org.downloads,
    1,
  );
  if (leader !== undefined) {
    const share =
      region === null
        ? shareFact(`topOrgs[${leader.index}].share`, leader.item.share, locale)
        : shareFact(`topOrgs[${leader.index}].regionShare`, leader.item.regionShare, locale);
    lines.push(
      line(
        say("summary.trends.leader", {
          name: displayName(leader.item.author),
          where: where(leader.item.region),
          share,
          whose,
        }),
        2,
      ),
    );
  }

  // The mover is never the organisation the leader line already named, and never a flat "week"
  // whose counts the Hub had not refreshed.
  const wow = stats.weekOverWeek;
  const movers = wow === null || wow.countsUnchanged ? [] : wow.movers;
  const [mover] = largest(
    indexed(movers, (m) => inRegion(m.region) && m.author !== leader?.item.author),
    (m) => Math.abs(region === null ? m.changePp : m.regionChangePp),
    1,
  );
  if (mover !== undefined) lines.push(line(moverPart(mover, region, where, whose, locale), 3));

  // `newModels` is already most downloaded first; the first one (of the region) is the notable one.
  const [newModel] = indexed(stats.newModels, (m) => inRegion(m.region));
  if (newModel !== undefined) {
    const downloads = downloadsFact(
      `newModels[${newModel.index}].downloads`,
      newModel.item.downloads,
      locale,
    );
    lines.push(
      line(
        say("summary.trends.new-model", {
          id: displayName(newModel.item.id),
          where: where(newModel.item.region),
          downloads,
        }),
        4,
      ),
    );
  }

  lines.push(
    line(say("summary.trends.coverage", { coverage: shareFact("coverage", stats.coverage, locale), age }), 0),
  );
  return fitLines(lines, TRENDS_SUMMARY_MAX_LENGTH);
}

function moverPart(
  mover: Indexed<OrgMover>,
  region: Region | null,
  where: (r: RegionOrUnattributed) => string,
  whose: string,
  locale: Locale,
): Part {
  const path = `weekOverWeek.movers[${mover.index}]`;
  const { item } = mover;
  const share =
    region === null
      ? shareFact(`${path}.share`, item.share, locale)
      : shareFact(`${path}.regionShare`, item.regionShare, locale);
  const change =
    region === null
      ? ppFact(`${path}.changePp`, item.changePp, locale)
      : ppFact(`${path}.regionChangePp`, item.regionChangePp, locale);
  const downloads =
    item.downloadsChange === null
      ? null
      : percentChangeFact(`${path}.downloadsChange`, item.downloadsChange, locale);
  return phrases(locale)("summary.trends.mover", {
    name: displayName(item.author),
    where: where(item.region),
    downloads,
    share,
    whose,
    change,
  });
}

function regionHeadline(stats: TrendStats, region: Region, method: MethodParts, locale: Locale): Part {
  const say = phrases(locale);
  const subject = regionSubject(region, locale);
  const change = shareChange(stats, region, locale);
  const [entry] = indexed(stats.regions, (r) => r.region === region);
  if (entry === undefined || entry.item.modelCount === 0) {
    return say("summary.trends.region-none", { subject, method, change });
  }
  const share = shareFact(`regions[${entry.index}].share`, entry.item.share, locale);
  return say("summary.trends.region-share", { subject, share, method, change });
}

function overviewLines(stats: TrendStats, method: MethodParts, locale: Locale): Line[] {
  const say = phrases(locale);
  // Unattributed is not a region that can lead; its size shows as the coverage line instead.
  const ranked = largest(
    indexed(stats.regions, (r) => r.region !== "unattributed"),
    (r) => r.share,
    stats.regions.length,
  );
  const [leader, ...rest] = ranked;
  if (leader === undefined || leader.item.share <= 0) {
    return [line(say("summary.trends.no-leader", { method }), 0)];
  }
  const share = shareFact(`regions[${leader.index}].share`, leader.item.share, locale);
  const change = shareChange(stats, leader.item.region, locale);
  const lines = [
    line(
      say("summary.trends.leads", { region: regionLabel(leader.item.region, locale), share, method, change }),
      0,
    ),
  ];
  if (rest.length > 0) {
    const items = rest.map(
      (r) =>
        tpl`${regionLabel(r.item.region, locale)} ${shareFact(`regions[${r.index}].share`, r.item.share, locale)}`,
    );
    lines.push(line(say("summary.trends.ranking", { items }), 1));
  }
  return lines;
}

/**
 * The region's change as a clause: "+1.3 pp week over week", "+1.3 pp since 7 May 2026 (15 days)",
 * "no change week over week", or that the counts were not refreshed; "" with nothing to compare.
 */
function shareChange(stats: TrendStats, region: RegionOrUnattributed, locale: Locale): Part | null {
  const wow = stats.weekOverWeek;
  if (wow === null) return null;
  const say = phrases(locale);
  if (wow.countsUnchanged) return say("summary.trends.counts-unchanged", { since: sinceFact(wow, locale) });
  const [change] = indexed(wow.regions, (r) => r.region === region);
  if (change === undefined) return null;
  const period = comparisonPeriod(wow, locale);
  if (roundsToZero(change.item.changePp)) return say("summary.trends.no-change", { period });
  return say("summary.trends.change", {
    change: ppFact(`weekOverWeek.regions[${change.index}].changePp`, change.item.changePp, locale),
    period,
  });
}
