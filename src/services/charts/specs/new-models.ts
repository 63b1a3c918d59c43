import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { chartText, formatDay, regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { categoryAxis, chrome, REGION_ORDER, themeOf, valueAxis } from "./common.js";

/**
 * `new-models`: models created per week, stacked by region in the fixed region order. A thin
 * border in the card colour separates the segments, which helps where two neighbours are close
 * in hue for colour-blind readers.
 */
export function newModelsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const weeks = stats.newModelsPerWeek;
  const datasets = REGION_ORDER.map((region) => ({
    label: regionName(region, locale),
    data: weeks.map((week) => week.byRegion[region]),
    backgroundColor: REGION_COLORS[region],
    borderColor: theme.background,
    borderWidth: 1,
    barPercentage: 0.75,
  }));
  return {
    type: "bar",
    data: { labels: weeks.map((week) => formatDay(week.weekStart, locale)), datasets },
    options: {
      ...chrome({ title: text.newModelsTitle, footer: stats, locale, theme, legend: true }),
      scales: {
        x: categoryAxis({ theme, title: text.weekStarting, grid: false, stacked: true }),
        y: valueAxis({
          theme,
          title: text.newModels,
          grid: true,
          stacked: true,
          integer: true,
          format: { maximumFractionDigits: 0 },
        }),
      },
    },
  };
}
