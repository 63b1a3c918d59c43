import { formatShare } from "../../format/numbers.js";
import type { TrendStats } from "../../stats/types.js";
import { SERIES_COLORS, withAlpha } from "../palette.js";
import { chartText, regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { COMPACT_TICKS, categoryAxis, chrome, themeOf, valueAxis } from "./common.js";

/** Above this share of downloads of unknown size, the "unknown" bar would dwarf the chart. */
export const MOSTLY_UNKNOWN_SHARE = 0.5;

/**
 * `sizes`: downloads by parameter-count bucket, smallest first. A size comes from the Hub's
 * safetensors metadata, else from the model's name (`-7B`): the part estimated from names is
 * stacked on top in a lighter shade, so estimates are never passed off as measurements. "Unknown"
 * is last and grey; when most downloads are of unknown size, that bar is left out and the title
 * says how much is unknown instead of showing one tall "Unknown" bar. With a region asked, the
 * stats (and so the chart) cover that region's models only.
 */
export function sizesSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const unknown = stats.sizeBuckets.find((row) => row.bucket === "unknown");
  const mostlyUnknown = unknown !== undefined && unknown.share > MOSTLY_UNKNOWN_SHARE;
  const buckets = mostlyUnknown
    ? stats.sizeBuckets.filter((row) => row.bucket !== "unknown")
    : stats.sizeBuckets;
  const estimated = buckets.some((row) => row.estimatedDownloads > 0);
  const base = stats.region === null ? text.sizesTitle : text.sizesTitleFor(regionName(stats.region, locale));
  const title =
    mostlyUnknown && unknown !== undefined
      ? text.sizesMostlyUnknown(base, formatShare(unknown.share, locale))
      : base;
  const colour = (bucket: string) => (bucket === "unknown" ? SERIES_COLORS.unknown : SERIES_COLORS.neutral);
  return {
    type: "bar",
    data: {
      labels: buckets.map((row) => [text.sizeBuckets[row.bucket], formatShare(row.share, locale)]),
      datasets: [
        {
          label: text.sizeMeasured,
          data: buckets.map((row) => row.downloads - row.estimatedDownloads),
          backgroundColor: buckets.map((row) => colour(row.bucket)),
          borderRadius: 3,
          barPercentage: 0.7,
        },
        ...(estimated
          ? [
              {
                label: text.sizeEstimated,
                data: buckets.map((row) => row.estimatedDownloads),
                backgroundColor: buckets.map((row) => withAlpha(colour(row.bucket), 0.45)),
                borderRadius: 3,
                barPercentage: 0.7,
              },
            ]
          : []),
      ],
    },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: estimated }),
      scales: {
        x: categoryAxis({ theme, title: text.parameters, grid: false, stacked: true }),
        y: valueAxis({ theme, title: text.downloads30d, grid: true, format: COMPACT_TICKS, stacked: true }),
      },
    },
  };
}
