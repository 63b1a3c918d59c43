import { translator } from "../../../locales/index.js";
import { formatShare } from "../../format/numbers.js";
import type { SizeBucketStat, TrendStats } from "../../stats/types.js";
import { SERIES_COLORS, withAlpha } from "../palette.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { COMPACT_TICKS, categoryAxis, chrome, themeOf, valueAxis } from "./common.js";

/** Above this share of downloads of unknown size, the "unknown" bar would dwarf the chart. */
export const MOSTLY_UNKNOWN_SHARE = 0.5;

/** The buckets under 10B parameters: the "small, deployable" models the headline counts. */
const SMALL_BUCKETS = new Set<SizeBucketStat["bucket"]>(["<1B", "1-10B"]);

/**
 * `sizes`: downloads by parameter-count bucket, smallest first, under the headline share of models
 * under 10B parameters. A size comes from the Hub's safetensors metadata, else from the model's
 * name (`-7B`): the part estimated from names is stacked on top in a lighter shade, so estimates
 * are never passed off as measurements. "Unknown" is last and grey; when most downloads are of
 * unknown size, that bar is left out and the axis says how much is unknown, instead of one tall
 * "Unknown" bar; when every size is unknown, the bar stays and the axis says so. With a region
 * asked, the stats (and so the chart) cover that region's models only.
 */
export function sizesSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const unknown = stats.sizeBuckets.find((row) => row.bucket === "unknown");
  const known = stats.sizeBuckets.filter((row) => row.bucket !== "unknown");
  const anyKnown = known.some((row) => row.downloads > 0);
  const leaveOutUnknown = unknown !== undefined && unknown.share > MOSTLY_UNKNOWN_SHARE && anyKnown;
  const buckets = leaveOutUnknown ? known : stats.sizeBuckets;
  const measured = buckets.map((row) => row.downloads - row.estimatedDownloads);
  const estimated = buckets.map((row) => row.estimatedDownloads);
  const colour = (bucket: string) => (bucket === "unknown" ? SERIES_COLORS.unknown : SERIES_COLORS.neutral);
  const bar = { borderRadius: 3, barPercentage: 0.7 };
  const datasets = [
    ...(measured.some((value) => value > 0) || !estimated.some((value) => value > 0)
      ? [
          {
            label: t("chart.sizes.measured"),
            data: measured,
            backgroundColor: buckets.map((row) => colour(row.bucket)),
            ...bar,
          },
        ]
      : []),
    ...(estimated.some((value) => value > 0)
      ? [
          {
            label: t("chart.sizes.estimated"),
            data: estimated,
            backgroundColor: buckets.map((row) => withAlpha(colour(row.bucket), 0.5)),
            ...bar,
          },
        ]
      : []),
  ];
  const small = stats.sizeBuckets
    .filter((row) => SMALL_BUCKETS.has(row.bucket))
    .reduce((sum, row) => sum + row.share, 0);
  const title = anyKnown
    ? t("chart.sizes.title", { region: stats.region, share: formatShare(small, locale) })
    : t("chart.sizes.title-unknown", { region: stats.region });
  const axisTitle =
    leaveOutUnknown && unknown !== undefined
      ? t("chart.sizes.axis-unknown-left-out", { share: formatShare(unknown.share, locale) })
      : t("chart.sizes.axis");
  return {
    type: "bar",
    data: {
      labels: buckets.map((row) => [t(`chart.sizes.bucket.${row.bucket}`), formatShare(row.share, locale)]),
      datasets,
    },
    options: {
      // The legend says whether sizes are measured or estimated, whenever any is estimated.
      ...chrome({ title, footer: stats, locale, theme, legend: estimated.some((value) => value > 0) }),
      scales: {
        x: categoryAxis({ theme, title: axisTitle, stacked: true }),
        y: valueAxis({ theme, title: "", format: COMPACT_TICKS, stacked: true }),
      },
    },
  };
}
