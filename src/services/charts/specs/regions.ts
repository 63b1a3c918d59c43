import { translator } from "../../../locales/index.js";
import { formatDayMonth } from "../../format/dates.js";
import { formatPp, formatShare } from "../../format/numbers.js";
import type { RegionOrUnattributed } from "../../regions/types.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS, withAlpha } from "../palette.js";
import { regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { chrome, LABELLED_BAR_THICKNESS, labelAxis, PERCENT_TICKS, themeOf, valueAxis } from "./common.js";

/** The change of each region's share in the stats' comparison, unless the counts were not refreshed. */
export function regionChanges(stats: TrendStats): Map<RegionOrUnattributed, number> {
  const wow = stats.weekOverWeek;
  if (wow === null || wow.countsUnchanged) return new Map();
  return new Map(wow.regions.map((change) => [change.region, change.changePp]));
}

/**
 * `regions`: each region's share of downloads now, as horizontal bars in the fixed region order
 * (the same order everywhere, so charts compare at a glance), each labelled with its share and
 * change. The title is the headline: the leading region (or the asked one) and its share. Under a
 * region, the other regions' bars are pale, so the chart is about the region asked.
 */
export function regionsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const changes = regionChanges(stats);
  const change = (region: RegionOrUnattributed) => {
    const pp = changes.get(region);
    return pp === undefined ? null : formatPp(pp, locale);
  };
  const labels = stats.regions.map((row) =>
    t("chart.regions.label", {
      region: regionName(row.region, locale),
      share: formatShare(row.share, locale),
      change: change(row.region),
    }),
  );
  const asked = stats.region;
  const leader = [...stats.regions]
    .filter((row) => row.region !== "unattributed")
    .sort((a, b) => b.share - a.share)[0];
  const headline = asked === null ? leader : stats.regions.find((row) => row.region === asked);
  const title =
    headline === undefined
      ? t("chart.regions.title-empty")
      : t(asked === null ? "chart.regions.title" : "chart.regions.title-region", {
          region: headline.region,
          share: formatShare(headline.share, locale),
          change: change(headline.region),
        });
  const wow = stats.weekOverWeek;
  const axisTitle =
    wow === null
      ? t("chart.regions.axis")
      : t(wow.countsUnchanged ? "chart.regions.axis-unchanged" : "chart.regions.axis-since", {
          day: formatDayMonth(Date.parse(wow.previousAsOf), locale),
        });
  const colour = (region: RegionOrUnattributed) =>
    asked === null || region === asked ? REGION_COLORS[region] : withAlpha(REGION_COLORS[region], 0.3);
  return {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          label: t("chart.regions.axis"),
          data: stats.regions.map((row) => row.share),
          backgroundColor: stats.regions.map((row) => colour(row.region)),
          borderRadius: 3,
          barThickness: LABELLED_BAR_THICKNESS,
        },
      ],
    },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: false }),
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: axisTitle, format: PERCENT_TICKS }),
        y: labelAxis({ theme }),
      },
    },
  };
}
