import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { chartText, formatDay, regionName } from "../text.js";
import type { LineChartSpec, SpecOptions } from "../types.js";
import { categoryAxis, chrome, PERCENT_TICKS, REGION_ORDER, themeOf, valueAxis } from "./common.js";

/** Beyond this many snapshots, point markers only clutter the lines. */
const MAX_POINTS_WITH_MARKERS = 16;

/**
 * `history`: each region's share of downloads across the snapshots in `stats.history`, one line per
 * region. Lines rather than a stacked area: a reader asking about one region wants its own line
 * against zero, not a band whose baseline moves with every region below it. The region asked
 * about is drawn thicker. The x axis is categorical (one step per snapshot); snapshots are taken on
 * a fixed schedule, so equal steps are honest.
 */
export function historySpec(stats: TrendStats, options: SpecOptions): LineChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const points = stats.history;
  const days = points.map((point) => point.asOf.slice(0, 10));
  // Two snapshots on one day would get the same label: add the time then.
  const needsTime = new Set(days).size < days.length;
  const labels = points.map((point) => formatDay(point.asOf, locale, needsTime));
  const markers = points.length <= MAX_POINTS_WITH_MARKERS;
  const datasets = REGION_ORDER.map((region) => {
    const asked = region === stats.region;
    return {
      label: regionName(region, locale),
      data: points.map((point) => point.shares[region]),
      borderColor: REGION_COLORS[region],
      backgroundColor: REGION_COLORS[region],
      borderWidth: asked ? 4 : 2,
      borderDash: region === "unattributed" ? [6, 4] : [],
      pointRadius: markers ? 2.5 : 0,
      // Also the thickness of the legend marker, which Chart.js takes from the point style.
      pointBorderWidth: asked ? 3 : 2,
      tension: 0,
      fill: false,
      // Draw the asked region last, on top of the others.
      order: asked ? 0 : 1,
    };
  });
  const title =
    stats.region === null ? text.historyTitle : text.historyTitleFor(regionName(stats.region, locale));
  return {
    type: "line",
    data: { labels, datasets },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: true, lineLegend: true }),
      scales: {
        // One snapshot alone would sit on the left edge: centre it.
        x: categoryAxis({ theme, title: text.snapshotAxis, grid: false, offset: points.length === 1 }),
        y: valueAxis({ theme, title: text.shareOfDownloads, grid: true, format: PERCENT_TICKS }),
      },
    },
  };
}
