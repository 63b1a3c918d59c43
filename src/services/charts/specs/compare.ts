import { translator } from "../../../locales/index.js";
import type { Locale } from "../../format/locale.js";
import { ellipsize, formatShare } from "../../format/numbers.js";
import type { RegionOrUnattributed } from "../../regions/types.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS, withAlpha } from "../palette.js";
import { chartText, regionName } from "../text.js";
import type { BarChartSpec, CompareInput, CompareSide, SpecOptions } from "../types.js";
import {
  chrome,
  LABELLED_BAR_THICKNESS,
  labelAxis,
  MAX_NAME_CHARS,
  PERCENT_TICKS,
  themeOf,
  valueAxis,
} from "./common.js";

function ratio(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

/** Drops metrics without a value, so `Partial<Record<…>>` holds no `undefined`. */
function defined(values: Partial<Record<string, number | undefined>>): CompareSide["values"] {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/**
 * Two regions of one `TrendStats` side by side: their share of downloads, of models, and of the
 * models created in the last 8 weeks.
 */
export function compareRegions(
  stats: TrendStats,
  a: RegionOrUnattributed,
  b: RegionOrUnattributed,
): CompareInput {
  const newTotal = stats.newModelsPerWeek.reduce((sum, week) => sum + week.total, 0);
  const side = (region: RegionOrUnattributed): CompareSide => {
    const row = stats.regions.find((candidate) => candidate.region === region);
    const newCount = stats.newModelsPerWeek.reduce((sum, week) => sum + week.byRegion[region], 0);
    return {
      name: region,
      region,
      values: defined({
        downloads: row?.share,
        models: row === undefined ? undefined : ratio(row.modelCount, stats.universe.modelCount),
        newModels: ratio(newCount, newTotal),
      }),
    };
  };
  return {
    kind: "regions",
    metrics: ["downloads", "models", "newModels"],
    sides: [side(a), side(b)],
    asOf: stats.asOf,
    coverage: stats.coverage,
    universe: stats.universe,
    method: stats.method,
  };
}

/**
 * Two organisations of `stats.topOrgs` side by side (names matched case-insensitively, as on the
 * Hub): their share of all downloads, of all models, and of their own region's downloads. Returns
 * null when either is not among the top organisations, so the caller can say which is missing.
 */
export function compareOrgs(stats: TrendStats, a: string, b: string): CompareInput | null {
  const find = (author: string) =>
    stats.topOrgs.find((org) => org.author.toLowerCase() === author.toLowerCase());
  const orgA = find(a);
  const orgB = find(b);
  if (orgA === undefined || orgB === undefined) return null;
  const side = (org: NonNullable<typeof orgA>): CompareSide => {
    const regionDownloads = stats.regions.find((row) => row.region === org.region)?.downloads ?? 0;
    return {
      name: org.author,
      region: org.region,
      values: defined({
        downloads: org.share,
        models: ratio(org.modelCount, stats.universe.modelCount),
        regionDownloads: ratio(org.downloads, regionDownloads),
      }),
    };
  };
  return {
    kind: "orgs",
    metrics: ["downloads", "models", "regionDownloads"],
    sides: [side(orgA), side(orgB)],
    asOf: stats.asOf,
    coverage: stats.coverage,
    universe: stats.universe,
    method: stats.method,
  };
}

function sideName(input: CompareInput, side: CompareSide, locale: Locale): string {
  if (input.kind === "orgs") return ellipsize(side.name, MAX_NAME_CHARS);
  const region = side.region;
  return regionName(region, locale);
}

/**
 * `compare`: two regions or two organisations as paired horizontal bars, one pair per metric,
 * each side in its region's colour, with both values written above the pair (there is no tooltip
 * to read them from) and the first metric's pair in the title. When both sides share a region (two
 * Chinese labs), the second is drawn as a pale fill with a full-colour outline, so the colour still
 * says "China" and the pair stays apart.
 */
export function compareSpec(input: CompareInput, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const text = chartText(locale);
  const [a, b] = input.sides;
  const nameA = sideName(input, a, locale);
  const nameB = sideName(input, b, locale);
  const formatValue = (value: number | undefined) => (value === undefined ? "–" : formatShare(value, locale));
  const labels = input.metrics.map((metric) =>
    t("chart.compare.label", {
      metric: text.compareMetrics[metric],
      a: formatValue(a.values[metric]),
      b: formatValue(b.values[metric]),
    }),
  );
  const colorA = REGION_COLORS[a.region];
  const colorB = REGION_COLORS[b.region];
  const sameRegion = a.region === b.region;
  const dataOf = (side: CompareSide) => input.metrics.map((metric) => side.values[metric] ?? null);
  const bar = { borderWidth: 2, borderRadius: 3, barThickness: LABELLED_BAR_THICKNESS };
  const [headline] = input.metrics;
  const title =
    headline === undefined
      ? text.compareTitle(nameA, nameB)
      : t("chart.compare.headline", {
          a: nameA,
          b: nameB,
          valueA: formatValue(a.values[headline]),
          valueB: formatValue(b.values[headline]),
          metric: headline,
        });
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        { label: nameA, data: dataOf(a), backgroundColor: colorA, borderColor: colorA, ...bar },
        {
          label: nameB,
          data: dataOf(b),
          backgroundColor: sameRegion ? withAlpha(colorB, 0.35) : colorB,
          borderColor: colorB,
          ...bar,
        },
      ],
    },
    options: {
      ...chrome({ title, footer: input, locale, theme, legend: true }),
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: t("chart.compare.axis"), format: PERCENT_TICKS }),
        y: labelAxis({ theme, barsHeight: 2 * LABELLED_BAR_THICKNESS }),
      },
    },
  };
}
