import { ellipsize, formatCompact, formatShare } from "../../format/numbers.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { chartText, regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import {
  COMPACT_TICKS,
  categoryAxis,
  chrome,
  MAX_NAME_CHARS,
  REGION_ORDER,
  themeOf,
  valueAxis,
} from "./common.js";

/** Bars that still fit 400 px of height with readable labels. */
export const MAX_ORGS = 10;

/**
 * `orgs`: the largest organisations by downloads, as horizontal bars coloured by region. Each
 * region is its own dataset (with gaps for the other organisations) so the legend names the
 * colours; `grouped: false` keeps every bar centred on its row despite the gaps. Under a region,
 * each label also gives the organisation's share of that region's downloads (Qwen's 56% of China),
 * the region's own terms.
 */
export function orgsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const text = chartText(locale);
  const orgs = stats.topOrgs.slice(0, MAX_ORGS);
  const labels = orgs.map((org) => {
    const base = `${ellipsize(org.author, MAX_NAME_CHARS)}  ${formatCompact(org.downloads, locale)}`;
    return stats.region === null ? base : `${base} · ${formatShare(org.regionShare, locale, 0)}`;
  });
  const present = REGION_ORDER.filter((region) => orgs.some((org) => org.region === region));
  const datasets = present.map((region) => ({
    label: regionName(region, locale),
    data: orgs.map((org) => (org.region === region ? org.downloads : null)),
    backgroundColor: REGION_COLORS[region],
    borderRadius: 3,
    grouped: false,
    barPercentage: 0.8,
    categoryPercentage: 0.9,
  }));
  const title = stats.region === null ? text.orgsTitle : text.orgsTitleFor(regionName(stats.region, locale));
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: present.length > 1 }),
      indexAxis: "y",
      scales: {
        x: valueAxis({ theme, title: text.downloads30d, grid: true, format: COMPACT_TICKS }),
        y: categoryAxis({ theme, title: text.orgAxis, grid: false }),
      },
    },
  };
}
