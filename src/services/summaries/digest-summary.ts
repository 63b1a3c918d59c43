import { translate, translator } from "../../locales/index.js";
import { formatDate } from "../format/dates.js";
import { type Locale, regionLabel } from "../format/locale.js";
import { REGIONS, type RegionOrUnattributed } from "../regions/types.js";
import type { CollectionFailureKind } from "../snapshots/collection-schedule.js";
import type { SizeBucket, TrendStats } from "../stats/types.js";
import { fact, fitLines, type Line, line, tpl } from "./parts.js";
import { indexed, largest } from "./pick.js";
import type { Summary } from "./types.js";
import {
  ageFact,
  comparisonPeriod,
  displayName,
  downloadsFact,
  methodParts,
  percentChangeFact,
  phrases,
  ppFact,
  regionSubject,
  roundsToZero,
  shareFact,
  sinceFact,
  TASK_MAX_LENGTH,
} from "./wording.js";

/** Longest weekly digest summary, in characters. */
export const DIGEST_SUMMARY_MAX_LENGTH = 1500;

/**
 * What "small deployable models" means: the `<1B` and `1-10B` size buckets. The label is the one
 * number in a digest that is not read from the stats: it is the definition, not a measurement.
 */
export const SMALL_MODEL_LIMIT_LABEL = "10B";
const SMALL_BUCKETS: readonly SizeBucket[] = ["<1B", "1-10B"];

/** Longest caller-given week label shown; it is free text. */
export const WEEK_LABEL_MAX_LENGTH = 40;

export interface DigestSummaryOptions {
  locale: Locale;
  /** The clock, injected: the data's age is measured from it. */
  now: Date;
  /** How to name the week ("2026-W19"); by default "week ending <date of the snapshot>". */
  weekLabel?: string;
  /** Since when collections have failed, when they have; the digest then says it runs on old data. */
  hubUnreachableSince?: Date | null;
  /** Why they fail (by default the Hub not answering): a full disk is not the Hub's fault. */
  collectionFailure?: CollectionFailureKind;
}

/**
 * The weekly digest's text: the week and the data's freshness (and, when the Hub is down, that the
 * figures are from the last good snapshot), each region's share with its change from last week, the
 * biggest movers, notable new models per region, the top tasks and the share of small models.
 * At most {@link DIGEST_SUMMARY_MAX_LENGTH} characters: when absurd Hub names make it longer, new
 * models are cut to one per region, then the least important lines go.
 */
export function summariseDigest(stats: TrendStats, options: DigestSummaryOptions): Summary {
  const full = digestLines(stats, options, 2);
  const fullLength = full.reduce((sum, l) => sum + l.text.length + 1, -1);
  const lines = fullLength > DIGEST_SUMMARY_MAX_LENGTH ? digestLines(stats, options, 1) : full;
  return fitLines(lines, DIGEST_SUMMARY_MAX_LENGTH);
}

function digestLines(stats: TrendStats, options: DigestSummaryOptions, newModelsPerRegion: number): Line[] {
  const { locale, now } = options;
  const say = phrases(locale);
  const t = translator(locale);
  const asOfMs = Date.parse(stats.asOf);
  const asOfKnown = !Number.isNaN(asOfMs);
  const lines: Line[] = [];

  // A blank label (or one that is only control characters) would leave "trends ·  · data": ignore it.
  const label = displayName(options.weekLabel ?? "", WEEK_LABEL_MAX_LENGTH);
  const week =
    label !== ""
      ? label
      : asOfKnown
        ? say("summary.digest.week-ending", { date: fact("asOf", asOfMs, formatDate(asOfMs, locale)) })
        : t("summary.digest.latest-week");
  const focus = stats.region === null ? null : regionLabel(stats.region, locale);
  lines.push(line(say("summary.digest.title", { week, focus, age: ageFact(stats.asOf, now, locale) }), 0));

  const since = options.hubUnreachableSince;
  if (since !== undefined && since !== null) {
    const sinceMs = since.getTime();
    const sincePart = Number.isNaN(sinceMs)
      ? null
      : fact("options.hubUnreachableSince", sinceMs, formatDate(sinceMs, locale, true));
    const snapshot = asOfKnown ? fact("asOf", asOfMs, formatDate(asOfMs, locale, true)) : null;
    const why = options.collectionFailure ?? "hub-unreachable";
    lines.push(line(say(`summary.digest.${why}`, { since: sincePart, snapshot }), 0));
  }

  if (stats.universe.totalDownloads <= 0) {
    // Shares of nothing are not 0%: say there is no data instead of dividing by zero.
    lines.push(line(say("summary.digest.no-downloads"), 0));
    return lines;
  }

  // A comparison whose counts the Hub had not refreshed shows no changes: they would all be zero
  // because nothing was measured, which is not a flat week.
  const wow = stats.weekOverWeek;
  const compared = wow !== null && !wow.countsUnchanged ? wow : null;
  const method = methodParts(stats, locale);
  const header =
    wow === null
      ? say("summary.digest.shares-header-alone", { method })
      : wow.countsUnchanged
        ? say("summary.digest.shares-header-unchanged", { method, since: sinceFact(wow, locale) })
        : say("summary.digest.shares-header", { method, period: comparisonPeriod(wow, locale) });
  lines.push(line(header, 0));
  for (const { item, index } of indexed(stats.regions)) {
    const share = shareFact(`regions[${index}].share`, item.share, locale);
    const [change] = indexed(compared?.regions ?? [], (r) => r.region === item.region);
    // No "±0.0 pp" filler: a change that rounds to nothing is left unsaid.
    const pp =
      change === undefined || roundsToZero(change.item.changePp)
        ? null
        : ppFact(`weekOverWeek.regions[${change.index}].changePp`, change.item.changePp, locale);
    lines.push(
      line(
        say("summary.digest.region-line", { region: regionLabel(item.region, locale), share, change: pp }),
        0,
      ),
    );
  }

  // The stats engine already keeps only the asked region's movers; filtering again keeps the digest
  // true to its focus even if that changes. Under a region, movers are in the region's own terms.
  const region = stats.region;
  const movers = largest(
    indexed(compared?.movers ?? [], (m) => region === null || m.region === region),
    (m) => Math.abs(region === null ? m.changePp : m.regionChangePp),
    3,
  );
  if (movers.length > 0) {
    const items = movers.map(({ item, index }) => {
      const path = `weekOverWeek.movers[${index}]`;
      const downloads =
        item.downloadsChange === null
          ? null
          : percentChangeFact(`${path}.downloadsChange`, item.downloadsChange, locale);
      return region === null
        ? say("summary.digest.mover", {
            name: displayName(item.author),
            region: regionLabel(item.region, locale),
            share: shareFact(`${path}.share`, item.share, locale),
            change: ppFact(`${path}.changePp`, item.changePp, locale),
            downloads,
          })
        : say("summary.digest.region-mover", {
            name: displayName(item.author),
            share: shareFact(`${path}.regionShare`, item.regionShare, locale),
            change: ppFact(`${path}.regionChangePp`, item.regionChangePp, locale),
            downloads,
          });
    });
    lines.push(
      line(
        region === null
          ? say("summary.digest.movers", { items })
          : say("summary.digest.region-movers", { subject: regionSubject(region, locale, false), items }),
        1,
      ),
    );
  }

  lines.push(...newModelLines(stats, locale, newModelsPerRegion));

  // Task and size shares are of the asked region's downloads when there is one: say whose.
  const scope = stats.region === null ? null : regionSubject(stats.region, locale, false);
  const tasks = largest(indexed(stats.tasks), (t) => t.share, 3);
  if (tasks.length > 0) {
    const items = tasks.map(
      ({ item, index }) =>
        tpl`${taskName(item.task, locale)} ${shareFact(`tasks[${index}].share`, item.share, locale)}`,
    );
    lines.push(line(say("summary.digest.tasks", { items, scope }), 2));
  }

  const small = indexed(stats.sizeBuckets, (b) => SMALL_BUCKETS.includes(b.bucket));
  if (small.length === SMALL_BUCKETS.length) {
    const path = small.map((b) => `sizeBuckets[${b.index}].share`).join(" + ");
    const value = small.reduce((sum, b) => sum + b.item.share, 0);
    const [unknown] = indexed(stats.sizeBuckets, (b) => b.bucket === "unknown" && b.share > 0);
    const unknownShare =
      unknown === undefined
        ? null
        : shareFact(`sizeBuckets[${unknown.index}].share`, unknown.item.share, locale);
    lines.push(
      line(
        say("summary.digest.small", {
          limit: SMALL_MODEL_LIMIT_LABEL,
          share: shareFact(path, value, locale),
          unknown: unknownShare,
          scope,
        }),
        2,
      ),
    );
  }
  return lines;
}

/** A pipeline tag as a digest names it: as the Hub spells it, "untagged" for none. */
function taskName(task: string, locale: Locale): string {
  return task === "unknown"
    ? translate(locale, "summary.digest.untagged")
    : displayName(task, TASK_MAX_LENGTH);
}

/** One line per region (then unattributed) with its most downloaded new models. */
function newModelLines(stats: TrendStats, locale: Locale, perRegion: number): Line[] {
  const say = phrases(locale);
  if (stats.newModels.length === 0) return [line(say("summary.digest.no-new-models"), 3)];
  const order: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];
  const lines: Line[] = [];
  for (const region of order) {
    const top = largest(
      indexed(stats.newModels, (m) => m.region === region),
      (m) => m.downloads,
      perRegion,
    );
    if (top.length === 0) continue;
    const items = top.map(({ item, index }) =>
      say("summary.digest.new-model", {
        id: displayName(item.id),
        downloads: downloadsFact(`newModels[${index}].downloads`, item.downloads, locale),
      }),
    );
    lines.push(line(say("summary.digest.new-models", { region: regionLabel(region, locale), items }), 3));
  }
  return lines;
}
