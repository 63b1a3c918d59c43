import { formatShare } from "../../format/numbers.js";
import type { TrendStats } from "../../stats/types.js";
import { SERIES_COLORS } from "../palette.js";
import { chartText, regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { COMPACT_TICKS, categoryAxis, chrome, themeOf, valueAxis } from "./common.js";

/**
 * `sizes`: downloads by parameter-count bucket, smallest first, with "unknown" last and in grey
 * (models whose size the Hub does not give are not a size). The share goes on a second label line.
 * With a region asked, the stats (and so the chart) cover that region's models only.
 */
export function sizesSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const buckets = stats.sizeBuckets;
  const title =
    stats.region === null ? text.sizesTitle : text.sizesTitleFor(regionName(stats.region, locale));
  return {
    type: "bar",
    data: {
      labels: buckets.map((row) => [text.sizeBuckets[row.bucket], formatShare(row.share, locale)]),
      datasets: [
        {
          label: text.downloads30d,
          data: buckets.map((row) => row.downloads),
          backgroundColor: buckets.map((row) =>
            row.bucket === "unknown" ? SERIES_COLORS.unknown : SERIES_COLORS.neutral,
          ),
          borderRadius: 3,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: false }),
      scales: {
        x: categoryAxis({ theme, title: text.parameters, grid: false }),
        y: valueAxis({ theme, title: text.downloads30d, grid: true, format: COMPACT_TICKS }),
      },
    },
  };
}
