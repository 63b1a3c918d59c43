import { type Locale, regionLabel } from "../format/locale.js";
import type { Region, RegionOrUnattributed } from "../regions/types.js";
import type { TrendStats } from "../stats/types.js";
import { fitLines, joinParts, type Line, line, type Part, tpl } from "./parts.js";
import { indexed, largest } from "./pick.js";
import type { Summary } from "./types.js";
import {
  ageFact,
  displayName,
  downloadsFact,
  ppFact,
  regionSubject,
  shareFact,
  spaced,
  universePhrase,
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
 * region with the ranking after it), then the top organisation, the biggest mover and a notable new
 * model, then coverage and the data's age. At most {@link TRENDS_SUMMARY_MAX_LENGTH} characters:
 * when absurd Hub names make it longer, the least important lines go first.
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

  const universe = universePhrase(stats.universe, locale);
  const lines: Line[] = [];
  if (region === null) {
    lines.push(...overviewLines(stats, universe, locale));
  } else {
    lines.push(line(regionHeadline(stats, region, universe, locale), 0));
  }
  // The overview names each organisation's region; under `/trends china` it goes without saying.
  const where = (r: RegionOrUnattributed): string =>
    region === null ? words.where(regionLabel(r, locale)) : "";
  const inRegion = (r: RegionOrUnattributed): boolean => region === null || r === region;

  const [leader] = largest(
    indexed(stats.topOrgs, (org) => inRegion(org.region)),
    (org) => org.downloads,
    1,
  );
  if (leader !== undefined) {
    const share = shareFact(`topOrgs[${leader.index}].share`, leader.item.share, locale);
    lines.push(line(words.leader(displayName(leader.item.author), where(leader.item.region), share), 2));
  }

  const movers = stats.weekOverWeek?.movers ?? [];
  const [mover] = largest(
    indexed(movers, (m) => inRegion(m.region)),
    (m) => Math.abs(m.changePp),
    1,
  );
  if (mover !== undefined) {
    const path = `weekOverWeek.movers[${mover.index}]`;
    const share = shareFact(`${path}.share`, mover.item.share, locale);
    const change = ppFact(`${path}.changePp`, mover.item.changePp, locale);
    lines.push(line(words.mover(displayName(mover.item.author), where(mover.item.region), share, change), 3));
  }

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

function regionHeadline(stats: TrendStats, region: Region, universe: Part, locale: Locale): Part {
  const words = WORDS[locale];
  const subject = regionSubject(region, locale);
  const change = weekOverWeekChange(stats, region, locale);
  const [entry] = indexed(stats.regions, (r) => r.region === region);
  if (entry === undefined || entry.item.modelCount === 0) {
    return words.regionNone(subject, universe, change);
  }
  const share = shareFact(`regions[${entry.index}].share`, entry.item.share, locale);
  return words.regionShare(subject, share, universe, change);
}

function overviewLines(stats: TrendStats, universe: Part, locale: Locale): Line[] {
  const words = WORDS[locale];
  // Unattributed is not a region that can lead; its size shows as the coverage line instead.
  const ranked = largest(
    indexed(stats.regions, (r) => r.region !== "unattributed"),
    (r) => r.share,
    stats.regions.length,
  );
  const [leader, ...rest] = ranked;
  if (leader === undefined || leader.item.share <= 0) {
    return [line(words.noLeader(universe), 0)];
  }
  const share = shareFact(`regions[${leader.index}].share`, leader.item.share, locale);
  const change = weekOverWeekChange(stats, leader.item.region, locale);
  const lines = [line(words.leads(regionLabel(leader.item.region, locale), share, universe, change), 0)];
  if (rest.length > 0) {
    const items = rest.map(
      (r) =>
        tpl`${regionLabel(r.item.region, locale)} ${shareFact(`regions[${r.index}].share`, r.item.share, locale)}`,
    );
    lines.push(line(words.ranking(items), 1));
  }
  return lines;
}

/** The region's week-over-week change as a clause, or "" when there is nothing to compare with. */
function weekOverWeekChange(stats: TrendStats, region: RegionOrUnattributed, locale: Locale): Part | string {
  const [change] = indexed(stats.weekOverWeek?.regions ?? [], (r) => r.region === region);
  if (change === undefined) return "";
  return WORDS[locale].weekOverWeek(
    ppFact(`weekOverWeek.regions[${change.index}].changePp`, change.item.changePp, locale),
  );
}

interface TrendsWords {
  noDownloads(): Part;
  regionNoDownloads(subject: string): Part;
  ageOnly(age: Part | null): Part;
  weekOverWeek(change: Part): Part;
  regionShare(subject: string, share: Part, universe: Part, change: Part | string): Part;
  regionNone(subject: string, universe: Part, change: Part | string): Part;
  leads(region: string, share: Part, universe: Part, change: Part | string): Part;
  noLeader(universe: Part): Part;
  ranking(items: readonly Part[]): Part;
  where(region: string): string;
  leader(name: string, where: string, share: Part): Part;
  mover(name: string, where: string, share: Part, change: Part): Part;
  newModel(id: string, where: string, downloads: Part): Part;
  coverage(coverage: Part, age: Part | null): Part;
}

const WORDS: Record<Locale, TrendsWords> = {
  "en-US": {
    noDownloads: () => tpl`No downloads in this snapshot.`,
    regionNoDownloads: (subject) => tpl`${subject}: no downloads in this snapshot.`,
    ageOnly: (age) => (age === null ? tpl`Data age unknown.` : tpl`Data from ${age}.`),
    weekOverWeek: (change) => tpl`, ${change} week over week`,
    regionShare: (subject, share, universe, change) =>
      tpl`${subject}: ${share} of downloads among ${universe}${change}.`,
    regionNone: (subject, universe, change) => tpl`${subject}: none of ${universe}${change}.`,
    leads: (region, share, universe, change) =>
      tpl`${region} leads with ${share} of downloads among ${universe}${change}.`,
    noLeader: (universe) => tpl`No region leads: none of the downloads among ${universe} are attributed.`,
    ranking: (items) => tpl`Then ${joinParts(items, ", ")}.`,
    where: (region) => ` (${region})`,
    leader: (name, where, share) => tpl`Top organisation: ${name}${where}, ${share} of all downloads.`,
    mover: (name, where, share, change) =>
      tpl`Biggest mover: ${name}${where}, ${share} of all downloads (${change}).`,
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
    weekOverWeek: (change) => tpl`，周环比 ${change}`,
    regionShare: (subject, share, universe, change) =>
      tpl`${subject}：在${universe}中占下载量的 ${share}${change}。`,
    regionNone: (subject, universe, change) => tpl`${subject}：${universe}中没有该地区的模型${change}。`,
    leads: (region, share, universe, change) =>
      tpl`${region}领先：在${universe}中占下载量的 ${share}${change}。`,
    noLeader: (universe) => tpl`暂无领先地区：${universe}中，没有下载量归属到具体地区。`,
    ranking: (items) => tpl`其后依次为：${joinParts(items, "、")}。`,
    where: (region) => `（${region}）`,
    leader: (name, where, share) => tpl`头部机构：${name}${where}，占全部下载量的 ${share}。`,
    mover: (name, where, share, change) =>
      tpl`变化最大：${name}${where}，占全部下载量的 ${share}（${change}）。`,
    newModel: (id, where, downloads) => tpl`新模型：${id}${where}，${downloads}次下载。`,
    coverage: (coverage, age) =>
      age === null
        ? tpl`覆盖率：${coverage} 的下载量已归属地区 · 数据时间未知。`
        : tpl`覆盖率：${coverage} 的下载量已归属地区 · 数据采集于${spaced(age)}。`,
  },
};
