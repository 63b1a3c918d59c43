import type { Locale } from "../../format/locale.js";
import { ellipsize, formatCompact } from "../../format/numbers.js";
import type { Region, RegionOrUnattributed } from "../../regions/types.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { chartText, formatSnapshotTime, regionName, taskLabel } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import {
  COMPACT_TICKS,
  categoryAxis,
  chrome,
  type FooterSource,
  REGION_ORDER,
  themeOf,
  valueAxis,
} from "./common.js";

/** Bars that still fit 400 px of height with readable labels. */
export const MAX_RANKED = 10;
/** Repo ids are longer than organisation names; the axis still leaves room for the bars. */
export const MAX_RANKED_NAME_CHARS = 28;

/** What a ranking is ordered by. */
export type RankingMetric = "downloads" | "likes" | "trending";

/** One bar: a model or dataset, the region of its author, and the value it is ranked by. */
export interface RankingItem {
  name: string;
  region: RegionOrUnattributed;
  value: number;
}

/**
 * Input of the `ranking` view: the top models or datasets by one metric, optionally narrowed to a
 * region, a task or one organisation. Snapshot figures carry the usual footer; live lists (datasets
 * come from the Hub, not from snapshots) say when they were read instead, since they have no
 * universe or coverage.
 */
export interface RankingInput {
  kind: "ranking";
  subject: "models" | "datasets";
  metric: RankingMetric;
  scope: { region?: Region; task?: string; org?: string };
  /** Best first; at most {@link MAX_RANKED} are drawn. */
  items: RankingItem[];
  source: ({ kind: "snapshot" } & FooterSource) | { kind: "live"; fetchedAt: string };
}

/** The top models of a `TrendStats` by downloads, in its scope: the ranking `/trends` could show. */
export function rankingFromStats(stats: TrendStats): RankingInput {
  return {
    kind: "ranking",
    subject: "models",
    metric: "downloads",
    scope: stats.region === null ? {} : { region: stats.region },
    items: stats.topModels.map((model) => ({ name: model.id, region: model.region, value: model.downloads })),
    source: {
      kind: "snapshot",
      asOf: stats.asOf,
      coverage: stats.coverage,
      universe: stats.universe,
      method: stats.method,
    },
  };
}

const TEXT: Record<
  Locale,
  {
    metric: Record<RankingMetric, string>;
    subject: Record<RankingInput["subject"], string>;
    title: (subject: string, metric: string) => string;
    orgTitle: (org: string, subject: string, metric: string) => string;
    live: (time: string) => string;
  }
> = {
  "en-US": {
    metric: { downloads: "downloads", likes: "likes", trending: "trending score" },
    subject: { models: "models", datasets: "datasets" },
    title: (subject, metric) => `Top ${subject} by ${metric}`,
    orgTitle: (org, subject, metric) => `${org}: top ${subject} by ${metric}`,
    live: (time) => `read live ${time}`,
  },
  "zh-CN": {
    metric: { downloads: "下载量", likes: "点赞数", trending: "热度分" },
    subject: { models: "模型", datasets: "数据集" },
    title: (subject, metric) => `${metric}最高的${subject}`,
    orgTitle: (org, subject, metric) => `${org} ${metric}最高的${subject}`,
    live: (time) => `实时数据，读取于 ${time}`,
  },
};

const AXIS: Record<
  Locale,
  { value: Record<RankingMetric, string>; name: Record<RankingInput["subject"], string> }
> = {
  "en-US": {
    value: { downloads: chartText("en-US").downloads30d, likes: "Likes", trending: "Trending score" },
    name: { models: "Model", datasets: "Dataset" },
  },
  "zh-CN": {
    value: { downloads: chartText("zh-CN").downloads30d, likes: "点赞数", trending: "热度分" },
    name: { models: "模型", datasets: "数据集" },
  },
};

/** The chart's title, also used by the bot for the embed: "Top models by likes · China · Robotics". */
export function rankingTitle(
  input: Pick<RankingInput, "subject" | "metric" | "scope">,
  locale: Locale,
): string {
  const text = TEXT[locale];
  const subject = text.subject[input.subject];
  const metric = text.metric[input.metric];
  const base =
    input.scope.org === undefined
      ? text.title(subject, metric)
      : text.orgTitle(ellipsize(input.scope.org, 40), subject, metric);
  const scope = [
    input.scope.region === undefined ? null : regionName(input.scope.region, locale),
    input.scope.task === undefined ? null : taskLabel(input.scope.task, locale),
  ].filter((part): part is string => part !== null);
  return [base, ...scope].join(" · ");
}

/**
 * `ranking`: the top items as horizontal bars coloured by their author's region, one dataset per
 * region so the legend names the colours (as in `orgs`), labels pre-formatted with the value.
 */
export function rankingSpec(input: RankingInput, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const items = input.items.slice(0, MAX_RANKED);
  const labels = items.map(
    (item) => `${ellipsize(item.name, MAX_RANKED_NAME_CHARS)}  ${formatCompact(item.value, locale)}`,
  );
  const present = REGION_ORDER.filter((region) => items.some((item) => item.region === region));
  const datasets = present.map((region) => ({
    label: regionName(region, locale),
    data: items.map((item) => (item.region === region ? item.value : null)),
    backgroundColor: REGION_COLORS[region],
    borderRadius: 3,
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9,
  }));
  const { source } = input;
  // Live lists have no snapshot, universe or coverage: the footer says when the list was read.
  const base = chrome({
    title: rankingTitle(input, locale),
    footer: source.kind === "snapshot" ? source : [liveFooter(source.fetchedAt, locale)],
    locale,
    theme,
    legend: present.length > 1,
  });
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      ...base,
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: AXIS[locale].value[input.metric], grid: true, format: COMPACT_TICKS }),
        y: categoryAxis({ theme, title: AXIS[locale].name[input.subject], grid: false }),
      },
    },
  };
}

/** "Source: Hugging Face Hub · read live 2026-05-04 04:00 UTC": for figures read from the Hub, not a snapshot. */
export function liveFooter(fetchedAt: string, locale: Locale): string {
  const text = chartText(locale);
  return [text.source, TEXT[locale].live(formatSnapshotTime(fetchedAt))].join(text.separator);
}
