import { formatPp, formatShare } from "../../format/numbers.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { chartText, formatDay, regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { categoryAxis, chrome, PERCENT_TICKS, themeOf, valueAxis } from "./common.js";

/**
 * `regions`: each region's share of downloads now, as horizontal bars in the fixed region order
 * (the same order everywhere, so charts compare at a glance). The share and the week-over-week
 * change are written into the bar's label because a static image has no tooltip.
 */
export function regionsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const changes = new Map(
    (stats.weekOverWeek?.regions ?? []).map((change) => [change.region, change.changePp]),
  );
  const labels = stats.regions.map((row) => {
    const change = changes.get(row.region);
    const base = `${regionName(row.region, locale)}  ${formatShare(row.share, locale)}`;
    return change === undefined ? base : `${base} (${formatPp(change, locale)})`;
  });
  const asked = stats.region === null ? undefined : stats.regions.find((row) => row.region === stats.region);
  const title =
    stats.region === null || asked === undefined
      ? text.regionsTitle
      : text.regionsTitleFor(regionName(stats.region, locale), formatShare(asked.share, locale));
  const previous = stats.weekOverWeek?.previousAsOf;
  const axisTitle =
    previous === undefined
      ? text.shareOfDownloads
      : text.changeSince(text.shareOfDownloads, formatDay(previous, locale));
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          label: text.shareOfDownloads,
          data: stats.regions.map((row) => row.share),
          backgroundColor: stats.regions.map((row) => REGION_COLORS[row.region]),
          borderRadius: 3,
          barPercentage: 0.85,
          categoryPercentage: 0.9,
        },
      ],
    },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: false }),
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: axisTitle, grid: true, format: PERCENT_TICKS }),
        y: categoryAxis({ theme, title: text.regionAxis, grid: false }),
      },
    },
  };
}
