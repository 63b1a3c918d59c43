import { translate, translator } from "../../../locales/index.js";
import type { Locale } from "../../format/locale.js";
import { ellipsize, formatCompact } from "../../format/numbers.js";
import type { Region, RegionOrUnattributed } from "../../regions/types.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { formatSnapshotTime, regionName, taskLabel } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import {
  COMPACT_TICKS,
  chrome,
  type FooterSource,
  LABELLED_BAR_THICKNESS,
  labelAxis,
  REGION_ORDER,
  rowsThatFit,
  themeOf,
  valueAxis,
} from "./common.js";

/** The most rows drawn; fewer when the title, legend and footer leave less room (see `rowsThatFit`). */
export const MAX_RANKED = 8;
/** Repo ids are long; written above the bar, a name has most of the card's width. */
export const MAX_RANKED_NAME_CHARS = 34;

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

/** The chart's title, also used by the bot for the embed: "Top models by likes · China · Robotics". */
export function rankingTitle(
  input: Pick<RankingInput, "subject" | "metric" | "scope">,
  locale: Locale,
): string {
  const t = translator(locale);
  const base =
    input.scope.org === undefined
      ? t("chart.ranking.title", { subject: input.subject, metric: input.metric })
      : t("chart.ranking.org-title", {
          org: ellipsize(input.scope.org, 40),
          subject: input.subject,
          metric: input.metric,
        });
  const scope = [
    input.scope.region === undefined ? null : regionName(input.scope.region, locale),
    input.scope.task === undefined ? null : taskLabel(input.scope.task, locale),
  ].filter((part): part is string => part !== null);
  return [base, ...scope].join(t("chart.separator"));
}

/**
 * `ranking`: the top items as horizontal bars coloured by their author's region, each labelled
 * above its bar with its name and value, one dataset per region so the legend names the colours
 * (as in `orgs`).
 */
export function rankingSpec(input: RankingInput, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const candidates = input.items.slice(0, MAX_RANKED);
  const regionsOf = (items: readonly RankingItem[]) =>
    REGION_ORDER.filter((region) => items.some((item) => item.region === region));
  const { source } = input;
  // Live lists have no snapshot, universe or coverage: the footer says when the list was read.
  const base = chrome({
    title: rankingTitle(input, locale),
    footer: source.kind === "snapshot" ? source : [liveFooter(source.fetchedAt, locale)],
    locale,
    theme,
    legend: regionsOf(candidates).length > 1,
  });
  const rows = rowsThatFit({
    chrome: base,
    legendLabels: regionsOf(candidates).map((region) => regionName(region, locale)),
    axisTitle: "",
    max: MAX_RANKED,
  });
  const items = candidates.slice(0, rows);
  const labels = items.map((item) =>
    t("chart.ranking.label", {
      name: ellipsize(item.name, MAX_RANKED_NAME_CHARS),
      value: formatCompact(item.value, locale),
    }),
  );
  const present = regionsOf(items);
  const datasets = present.map((region) => ({
    label: regionName(region, locale),
    data: items.map((item) => (item.region === region ? item.value : null)),
    backgroundColor: REGION_COLORS[region],
    borderRadius: 3,
    grouped: false,
    barThickness: LABELLED_BAR_THICKNESS,
  }));
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      ...base,
      plugins: { ...base.plugins, legend: { ...base.plugins.legend, display: present.length > 1 } },
      indexAxis: "y",
      scales: {
        // No axis title: the title says what the items are ranked by, and every label its value.
        x: valueAxis({ theme, title: "", format: COMPACT_TICKS }),
        y: labelAxis({ theme }),
      },
    },
  };
}

/** "Source: Hugging Face Hub · read live 2026-05-04 04:00 UTC": for figures read from the Hub, not a snapshot. */
export function liveFooter(fetchedAt: string, locale: Locale): string {
  return translate(locale, "chart.footer.live", { time: formatSnapshotTime(fetchedAt) });
}
