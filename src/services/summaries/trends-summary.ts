import { type Locale, regionLabel } from "../format/locale.js";
import type { Region, RegionOrUnattributed } from "../regions/types.js";
import type { OrgMover, TrendStats } from "../stats/types.js";
import { fitLines, joinParts, type Line, line, type Part, tpl } from "./parts.js";
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
  ppFact,
  regionSubject,
  roundsToZero,
  shareFact,
  sinceFact,
  spaced,
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
  const words = WORDS[locale];
  const age = ageFact(stats.asOf, now, locale);
  const region = stats.region;

  if (stats.universe.totalDownloads <= 0) {
    // Shares of nothing are not 0%: say there is no data instead of dividing by zero.
    const headline =
      region === null ? words.noDownloads() : words.regionNoDownloads(regionSubject(region, locale));
    return fitLines([line(headline, 0), line(words.ageOnly(age), 0)], TRENDS_SUMMARY_MAX_LENGTH);
  }

  const method = methodParts(stats, locale);
  const lines: Line[] = [];
  if (region === null) {
    lines.push(...overviewLines(stats, method, locale));
  } else {
    lines.push(line(regionHeadline(stats, region, method, locale), 0));
  }
  // The overview names each organisation's region; under `/trends china` it goes without saying.
  const where = (r: RegionOrUnattributed): string =>
    region === null ? words.where(regionLabel(r, locale)) : "";
  const inRegion = (r: RegionOrUnattributed): boolean => region === null || r === region;
  const whose = region === null ? words.ofAll : words.ofRegion(regionSubject(region, locale, false));

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
      line(words.leader(displayName(leader.item.author), where(leader.item.region), share, whose), 2),
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
      line(words.newModel(displayName(newModel.item.id), where(newModel.item.region), downloads), 4),
    );
  }

  lines.push(line(words.coverage(shareFact("coverage", stats.coverage, locale), age), 0));
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
  return WORDS[locale].mover(displayName(item.author), where(item.region), downloads, share, whose, change);
}

function regionHeadline(stats: TrendStats, region: Region, method: MethodParts, locale: Locale): Part {
  const words = WORDS[locale];
  const subject = regionSubject(region, locale);
  const change = shareChange(stats, region, locale);
  const [entry] = indexed(stats.regions, (r) => r.region === region);
  if (entry === undefined || entry.item.modelCount === 0) {
    return words.regionNone(subject, method, change);
  }
  const share = shareFact(`regions[${entry.index}].share`, entry.item.share, locale);
  return words.regionShare(subject, share, method, change);
}

function overviewLines(stats: TrendStats, method: MethodParts, locale: Locale): Line[] {
  const words = WORDS[locale];
  // Unattributed is not a region that can lead; its size shows as the coverage line instead.
  const ranked = largest(
    indexed(stats.regions, (r) => r.region !== "unattributed"),
    (r) => r.share,
    stats.regions.length,
  );
  const [leader, ...rest] = ranked;
  if (leader === undefined || leader.item.share <= 0) {
    return [line(words.noLeader(method), 0)];
  }
  const share = shareFact(`regions[${leader.index}].share`, leader.item.share, locale);
  const change = shareChange(stats, leader.item.region, locale);
  const lines = [line(words.leads(regionLabel(leader.item.region, locale), share, method, change), 0)];
  if (rest.length > 0) {
    const items = rest.map(
      (r) =>
        tpl`${regionLabel(r.item.region, locale)} ${shareFact(`regions[${r.index}].share`, r.item.share, locale)}`,
    );
    lines.push(line(words.ranking(items), 1));
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
  const words = WORDS[locale];
  if (wow.countsUnchanged) return words.countsUnchanged(sinceFact(wow, locale));
  const [change] = indexed(wow.regions, (r) => r.region === region);
  if (change === undefined) return null;
  const period = comparisonPeriod(wow, locale);
  if (roundsToZero(change.item.changePp)) return words.noChange(period);
  return words.change(
    ppFact(`weekOverWeek.regions[${change.index}].changePp`, change.item.changePp, locale),
    period,
  );
}

interface TrendsWords {
  noDownloads(): Part;
  regionNoDownloads(subject: string): Part;
  ageOnly(age: Part | null): Part;
  change(change: Part, period: Part): Part;
  noChange(period: Part): Part;
  countsUnchanged(since: Part): Part;
  regionShare(subject: string, share: Part, method: MethodParts, change: Part | null): Part;
  regionNone(subject: string, method: MethodParts, change: Part | null): Part;
  leads(region: string, share: Part, method: MethodParts, change: Part | null): Part;
  noLeader(method: MethodParts): Part;
  ranking(items: readonly Part[]): Part;
  where(region: string): string;
  ofAll: string;
  ofRegion(subject: string): string;
  leader(name: string, where: string, share: Part, whose: string): Part;
  mover(name: string, where: string, downloads: Part | null, share: Part, whose: string, change: Part): Part;
  newModel(id: string, where: string, downloads: Part): Part;
  coverage(coverage: Part, age: Part | null): Part;
}

/** " (+1.3 pp week over week)" / "，周环比 +1.3 个百分点": the clause after a headline share. */
const clause = {
  en: (change: Part | null): Part | string => (change === null ? "" : tpl` (${change})`),
  zh: (change: Part | null): Part | string => (change === null ? "" : tpl`，${change}`),
};

const WORDS: Record<Locale, TrendsWords> = {
  "en-US": {
    noDownloads: () => tpl`No downloads in this snapshot.`,
    regionNoDownloads: (subject) => tpl`${subject}: no downloads in this snapshot.`,
    ageOnly: (age) => (age === null ? tpl`Data age unknown.` : tpl`Data from ${age}.`),
    change: (change, period) => tpl`${change} ${period}`,
    noChange: (period) => tpl`no change ${period}`,
    countsUnchanged: (since) => tpl`download counts unchanged since ${since}: the Hub has not refreshed them`,
    regionShare: (subject, share, method, change) =>
      tpl`${subject}: ${share} of ${method.sentence}${clause.en(change)}.`,
    regionNone: (subject, method, change) => tpl`${subject}: none of ${method.models}${clause.en(change)}.`,
    leads: (region, share, method, change) =>
      tpl`${region} leads with ${share} of ${method.sentence}${clause.en(change)}.`,
    noLeader: (method) => tpl`No region leads: of the ${method.sentence}, none is attributed to a region.`,
    ranking: (items) => tpl`Then ${joinParts(items, ", ")}.`,
    where: (region) => ` (${region})`,
    ofAll: "all downloads",
    ofRegion: (subject) => `the downloads of ${subject}`,
    leader: (name, where, share, whose) => tpl`Top organisation: ${name}${where}, ${share} of ${whose}.`,
    mover: (name, where, downloads, share, whose, change) =>
      downloads === null
        ? tpl`Biggest mover: ${name}${where}, new, ${share} of ${whose} (${change}).`
        : tpl`Biggest mover: ${name}${where}, ${downloads} downloads, ${share} of ${whose} (${change}).`,
    newModel: (id, where, downloads) => tpl`New model: ${id}${where}, ${downloads} downloads.`,
    coverage: (coverage, age) =>
      age === null
        ? tpl`Coverage ${coverage} of downloads attributed · data age unknown.`
        : tpl`Coverage ${coverage} of downloads attributed · data from ${age}.`,
  },
  "zh-CN": {
    noDownloads: () => tpl`本快照中没有下载数据。`,
    regionNoDownloads: (subject) => tpl`${subject}：本快照中没有下载数据。`,
    ageOnly: (age) => (age === null ? tpl`数据时间未知。` : tpl`数据采集于${spaced(age)}。`),
    change: (change, period) => tpl`${period} ${change}`,
    noChange: (period) => tpl`${period}持平`,
    countsUnchanged: (since) => tpl`自 ${since} 起下载量未变：Hub 尚未更新计数`,
    regionShare: (subject, share, method, change) =>
      tpl`${subject}：在${method.models}中占 30 天下载量的 ${share}（${method.credit}）${clause.zh(change)}。`,
    regionNone: (subject, method, change) =>
      tpl`${subject}：${method.models}中没有该地区的模型${clause.zh(change)}。`,
    leads: (region, share, method, change) =>
      tpl`${region}领先：在${method.models}中占 30 天下载量的 ${share}（${method.credit}）${clause.zh(change)}。`,
    noLeader: (method) => tpl`暂无领先地区：${method.models}中，没有下载量归属到具体地区。`,
    ranking: (items) => tpl`其后依次为：${joinParts(items, "、")}。`,
    where: (region) => `（${region}）`,
    ofAll: "全部下载量",
    ofRegion: (subject) => `${subject}下载量`,
    leader: (name, where, share, whose) => tpl`头部机构：${name}${where}，占${whose}的 ${share}。`,
    mover: (name, where, downloads, share, whose, change) =>
      downloads === null
        ? tpl`变化最大：${name}${where}，新上榜，占${whose}的 ${share}（${change}）。`
        : tpl`变化最大：${name}${where}，下载量 ${downloads}，占${whose}的 ${share}（${change}）。`,
    newModel: (id, where, downloads) => tpl`新模型：${id}${where}，${downloads}次下载。`,
    coverage: (coverage, age) =>
      age === null
        ? tpl`覆盖率：${coverage} 的下载量已归属地区 · 数据时间未知。`
        : tpl`覆盖率：${coverage} 的下载量已归属地区 · 数据采集于${spaced(age)}。`,
  },
};
