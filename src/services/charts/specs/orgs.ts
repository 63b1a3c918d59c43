import { translator } from "../../../locales/index.js";
import { ellipsize, formatCompact, formatShare } from "../../format/numbers.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS } from "../palette.js";
import { regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import {
  COMPACT_TICKS,
  chrome,
  LABELLED_BAR_THICKNESS,
  labelAxis,
  MAX_NAME_CHARS,
  REGION_ORDER,
  rowsThatFit,
  themeOf,
  valueAxis,
} from "./common.js";

/** The most rows drawn; fewer when the title, legend and footer leave less room (see `rowsThatFit`). */
export const MAX_ORGS = 8;

/**
 * `orgs`: the largest organisations by downloads, as horizontal bars coloured by region, each
 * labelled with its downloads and share: of all downloads in the overview, of the region's under
 * a region (Qwen's 74% of China), the region's own terms. Each region is its own dataset (with
 * gaps for the other organisations) so the legend names the colours; `grouped: false` keeps every
 * bar centred on its row despite the gaps.
 */
export function orgsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const candidates = stats.topOrgs.slice(0, MAX_ORGS);
  const shareOf = (org: (typeof candidates)[number]) =>
    formatShare(stats.region === null ? org.share : org.regionShare, locale);
  const regionsOf = (orgs: typeof candidates) =>
    REGION_ORDER.filter((r) => orgs.some((org) => org.region === r));
  const [leader] = candidates;
  const region = stats.region;
  const title =
    leader === undefined
      ? region === null
        ? t("chart.orgs.title-empty")
        : t("chart.orgs.title-region-empty", { region })
      : region === null
        ? t("chart.orgs.title", { org: ellipsize(leader.author, MAX_NAME_CHARS), share: shareOf(leader) })
        : t("chart.orgs.title-region", {
            region,
            org: ellipsize(leader.author, MAX_NAME_CHARS),
            share: shareOf(leader),
          });
  // The axis says what the labels' percentages are of; every label says its downloads.
  const axis = region === null ? t("chart.orgs.axis") : t("chart.orgs.axis-region", { region });
  const base = chrome({ title, footer: stats, locale, theme, legend: regionsOf(candidates).length > 1 });
  const rows = rowsThatFit({
    chrome: base,
    legendLabels: regionsOf(candidates).map((r) => regionName(r, locale)),
    axisTitle: axis,
    max: MAX_ORGS,
  });
  const orgs = candidates.slice(0, rows);
  const present = regionsOf(orgs);
  const labels = orgs.map((org) =>
    t("chart.orgs.label", {
      org: ellipsize(org.author, MAX_NAME_CHARS),
      downloads: formatCompact(org.downloads, locale),
      share: shareOf(org),
    }),
  );
  const datasets = present.map((r) => ({
    label: regionName(r, locale),
    data: orgs.map((org) => (org.region === r ? org.downloads : null)),
    backgroundColor: REGION_COLORS[r],
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
        x: valueAxis({ theme, title: axis, format: COMPACT_TICKS }),
        y: labelAxis({ theme }),
      },
    },
  };
}
