import { type Locale, regionLabel } from "../format/locale.js";
import { REGIONS, type RegionOrUnattributed } from "../regions/types.js";
import type { SizeBucket, TrendStats } from "../stats/types.js";
import { fact, fitLines, joinParts, type Line, line, type Part, tpl } from "./parts.js";
import { indexed, largest } from "./pick.js";
import type { Summary } from "./types.js";
import {
  ageFact,
  comparisonPeriod,
  displayName,
  downloadsFact,
  formatDay,
  type MethodParts,
  methodParts,
  percentChangeFact,
  ppFact,
  regionSubject,
  roundsToZero,
  shareFact,
  sinceFact,
  spaced,
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
  /** Since when the Hub has failed to answer, when it has; the digest then says it runs on old data. */
  hubUnreachableSince?: Date | null;
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
  const words = WORDS[locale];
  const asOfMs = Date.parse(stats.asOf);
  const asOfKnown = !Number.isNaN(asOfMs);
  const lines: Line[] = [];

  // A blank label (or one that is only control characters) would leave "trends ·  · data": ignore it.
  const label = displayName(options.weekLabel ?? "", WEEK_LABEL_MAX_LENGTH);
  const week =
    label !== ""
      ? label
      : asOfKnown
        ? words.weekEnding(fact("asOf", asOfMs, formatDay(asOfMs, locale)))
        : words.latestWeek;
  const focus = stats.region === null ? null : regionLabel(stats.region, locale);
  lines.push(line(words.title(week, focus, ageFact(stats.asOf, now, locale)), 0));

  const since = options.hubUnreachableSince;
  if (since !== undefined && since !== null) {
    const sinceMs = since.getTime();
    const sincePart = Number.isNaN(sinceMs)
      ? null
      : fact("options.hubUnreachableSince", sinceMs, formatDay(sinceMs, locale, true));
    const snapshot = asOfKnown ? fact("asOf", asOfMs, formatDay(asOfMs, locale, true)) : null;
    lines.push(line(words.hubUnreachable(sincePart, snapshot), 0));
  }

  if (stats.universe.totalDownloads <= 0) {
    // Shares of nothing are not 0%: say there is no data instead of dividing by zero.
    lines.push(line(words.noDownloads, 0));
    return lines;
  }

  // A comparison whose counts the Hub had not refreshed shows no changes: they would all be zero
  // because nothing was measured, which is not a flat week.
  const wow = stats.weekOverWeek;
  const compared = wow !== null && !wow.countsUnchanged ? wow : null;
  const method = methodParts(stats, locale);
  const header =
    wow === null
      ? words.sharesHeaderAlone(method)
      : wow.countsUnchanged
        ? words.sharesHeaderUnchanged(method, sinceFact(wow, locale))
        : words.sharesHeader(method, comparisonPeriod(wow, locale));
  lines.push(line(header, 0));
  for (const { item, index } of indexed(stats.regions)) {
    const share = shareFact(`regions[${index}].share`, item.share, locale);
    const [change] = indexed(compared?.regions ?? [], (r) => r.region === item.region);
    // No "±0.0 pp" filler: a change that rounds to nothing is left unsaid.
    const pp =
      change === undefined || roundsToZero(change.item.changePp)
        ? null
        : ppFact(`weekOverWeek.regions[${change.index}].changePp`, change.item.changePp, locale);
    lines.push(line(words.regionLine(regionLabel(item.region, locale), share, pp), 0));
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
        ? words.mover(
            displayName(item.author),
            regionLabel(item.region, locale),
            shareFact(`${path}.share`, item.share, locale),
            ppFact(`${path}.changePp`, item.changePp, locale),
            downloads,
          )
        : words.regionMover(
            displayName(item.author),
            shareFact(`${path}.regionShare`, item.regionShare, locale),
            ppFact(`${path}.regionChangePp`, item.regionChangePp, locale),
            downloads,
          );
    });
    lines.push(
      line(
        region === null
          ? words.movers(items)
          : words.regionMovers(regionSubject(region, locale, false), items),
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
        tpl`${words.task(item.task)} ${shareFact(`tasks[${index}].share`, item.share, locale)}`,
    );
    lines.push(line(words.tasks(items, scope), 2));
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
    lines.push(line(words.small(shareFact(path, value, locale), unknownShare, scope), 2));
  }
  return lines;
}

/** One line per region (then unattributed) with its most downloaded new models. */
function newModelLines(stats: TrendStats, locale: Locale, perRegion: number): Line[] {
  const words = WORDS[locale];
  if (stats.newModels.length === 0) return [line(words.noNewModels, 3)];
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
      words.newModel(
        displayName(item.id),
        downloadsFact(`newModels[${index}].downloads`, item.downloads, locale),
      ),
    );
    lines.push(line(words.newModels(regionLabel(region, locale), items), 3));
  }
  return lines;
}

interface DigestWords {
  weekEnding(date: Part): Part;
  latestWeek: string;
  title(week: Part | string, focus: string | null, age: Part | null): Part;
  hubUnreachable(since: Part | null, snapshot: Part | null): Part;
  noDownloads: Part;
  sharesHeader(method: MethodParts, period: Part): Part;
  sharesHeaderAlone(method: MethodParts): Part;
  sharesHeaderUnchanged(method: MethodParts, since: Part): Part;
  regionLine(region: string, share: Part, change: Part | null): Part;
  mover(name: string, region: string, share: Part, change: Part, downloads: Part | null): Part;
  regionMover(name: string, share: Part, change: Part, downloads: Part | null): Part;
  movers(items: readonly Part[]): Part;
  regionMovers(subject: string, items: readonly Part[]): Part;
  newModel(id: string, downloads: Part): Part;
  newModels(region: string, items: readonly Part[]): Part;
  noNewModels: Part;
  task(task: string): string;
  tasks(items: readonly Part[], scope: string | null): Part;
  small(share: Part, unknown: Part | null, scope: string | null): Part;
}

const WORDS: Record<Locale, DigestWords> = {
  "en-US": {
    weekEnding: (date) => tpl`week ending ${date}`,
    latestWeek: "latest week",
    title: (week, focus, age) => {
      const head =
        focus === null ? tpl`Weekly Hub trends · ${week}` : tpl`Weekly Hub trends · ${focus} · ${week}`;
      return age === null ? tpl`${head} · data age unknown` : tpl`${head} · data from ${age}`;
    },
    hubUnreachable: (since, snapshot) => {
      const down =
        since === null ? tpl`the Hub is unreachable` : tpl`the Hub has been unreachable since ${since}`;
      return snapshot === null
        ? tpl`Note: ${down}; these figures are from the last good snapshot.`
        : tpl`Note: ${down}; these figures are from the last good snapshot, taken ${snapshot}.`;
    },
    noDownloads: tpl`No downloads in this snapshot.`,
    sharesHeader: (method, period) => tpl`Share of ${method.sentence}, change ${period}:`,
    sharesHeaderAlone: (method) => tpl`Share of ${method.sentence} (no older snapshot to compare with yet):`,
    sharesHeaderUnchanged: (method, since) =>
      tpl`Share of ${method.sentence} (download counts unchanged since ${since}: the Hub has not refreshed them):`,
    regionLine: (region, share, change) =>
      change === null ? tpl`${region} ${share}` : tpl`${region} ${share} (${change})`,
    mover: (name, region, share, change, downloads) =>
      downloads === null
        ? tpl`${name} (${region}) ${share} (${change}, new)`
        : tpl`${name} (${region}) ${share} (${change}, downloads ${downloads})`,
    regionMover: (name, share, change, downloads) =>
      downloads === null
        ? tpl`${name} ${share} (${change}, new)`
        : tpl`${name} ${share} (${change}, downloads ${downloads})`,
    movers: (items) => tpl`Biggest movers, by share of all downloads: ${joinParts(items, " · ")}`,
    regionMovers: (subject, items) =>
      tpl`Biggest movers, by share of the downloads of ${subject}: ${joinParts(items, " · ")}`,
    newModel: (id, downloads) => tpl`${id} (${downloads} downloads)`,
    newModels: (region, items) => tpl`New models · ${region}: ${joinParts(items, ", ")}`,
    noNewModels: tpl`No notable new models in this snapshot.`,
    task: (task) => (task === "unknown" ? "untagged" : displayName(task, TASK_MAX_LENGTH)),
    tasks: (items, scope) =>
      scope === null
        ? tpl`Top tasks by downloads: ${joinParts(items, " · ")}`
        : tpl`Top tasks by downloads among ${scope}: ${joinParts(items, " · ")}`,
    small: (share, unknown, scope) => {
      const whose = scope === null ? "" : ` among ${scope}`;
      const head = tpl`Small deployable models (under ${SMALL_MODEL_LIMIT_LABEL} parameters): ${share} of downloads${whose}`;
      return unknown === null ? head : tpl`${head}; parameter count unknown for ${unknown}`;
    },
  },
  "zh-CN": {
    weekEnding: (date) => tpl`截至 ${date}的一周`,
    latestWeek: "最近一周",
    title: (week, focus, age) => {
      const head = focus === null ? tpl`Hub 趋势周报 · ${week}` : tpl`Hub 趋势周报 · ${focus} · ${week}`;
      return age === null ? tpl`${head} · 数据时间未知` : tpl`${head} · 数据采集于${spaced(age)}`;
    },
    hubUnreachable: (since, snapshot) => {
      const down =
        since === null ? tpl`目前无法访问 Hugging Face Hub` : tpl`自 ${since} 起无法访问 Hugging Face Hub`;
      return snapshot === null
        ? tpl`注意：${down}，以下数据来自最近一次成功获取的快照。`
        : tpl`注意：${down}，以下数据来自最近一次成功获取的快照（${snapshot}）。`;
    },
    noDownloads: tpl`本快照中没有下载数据。`,
    sharesHeader: (method, period) =>
      tpl`各地区在${method.models}中的 30 天下载量占比（${method.credit}；括号内为${period}）：`,
    sharesHeaderAlone: (method) =>
      tpl`各地区在${method.models}中的 30 天下载量占比（${method.credit}；暂无更早的快照可比）：`,
    sharesHeaderUnchanged: (method, since) =>
      tpl`各地区在${method.models}中的 30 天下载量占比（${method.credit}；自 ${since} 起下载量未变：Hub 尚未更新计数）：`,
    regionLine: (region, share, change) =>
      change === null ? tpl`${region} ${share}` : tpl`${region} ${share}（${change}）`,
    mover: (name, region, share, change, downloads) =>
      downloads === null
        ? tpl`${name}（${region}）${share}（${change}，新上榜）`
        : tpl`${name}（${region}）${share}（${change}，下载量 ${downloads}）`,
    regionMover: (name, share, change, downloads) =>
      downloads === null
        ? tpl`${name} ${share}（${change}，新上榜）`
        : tpl`${name} ${share}（${change}，下载量 ${downloads}）`,
    movers: (items) => tpl`变化最大的机构（占全部下载量）：${joinParts(items, "、")}`,
    regionMovers: (subject, items) => tpl`变化最大的机构（占${subject}下载量）：${joinParts(items, "、")}`,
    newModel: (id, downloads) => tpl`${id}（${downloads}次下载）`,
    newModels: (region, items) => tpl`新模型 · ${region}：${joinParts(items, "、")}`,
    noNewModels: tpl`本快照中没有值得关注的新模型。`,
    task: (task) => (task === "unknown" ? "未标注任务" : displayName(task, TASK_MAX_LENGTH)),
    tasks: (items, scope) => tpl`${scope ?? ""}下载量最高的任务：${joinParts(items, "、")}`,
    small: (share, unknown, scope) => {
      const head = tpl`参数量 ${SMALL_MODEL_LIMIT_LABEL} 以下的可部署小模型：占${scope ?? ""}下载量的 ${share}`;
      return unknown === null ? head : tpl`${head}；另有 ${unknown} 的下载量参数量未知`;
    },
  },
};
