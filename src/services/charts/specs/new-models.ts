import { translator } from "../../../locales/index.js";
import { formatDayMonth } from "../../format/dates.js";
import type { Locale } from "../../format/locale.js";
import { formatInteger, formatShare } from "../../format/numbers.js";
import { methodWords } from "../../method/wording.js";
import type { RegionOrUnattributed } from "../../regions/types.js";
import { weekCoverageMs } from "../../stats/new-models.js";
import type { TrendStats } from "../../stats/types.js";
import { REGION_COLORS, withAlpha } from "../palette.js";
import { regionName } from "../text.js";
import type { BarChartSpec, SpecOptions } from "../types.js";
import { categoryAxis, chrome, REGION_ORDER, themeOf, valueAxis } from "./common.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A week with less than this in the window is drawn and labelled as partial. */
const FULL_WEEK_MS = 6.5 * DAY_MS;

/** How a week of the window is drawn: whole, partial (paler), or left out (less than a day of it). */
type WeekKind = "whole" | "partial" | "left-out";

function weekKind(covered: number): WeekKind {
  if (covered >= FULL_WEEK_MS) return "whole";
  return covered >= DAY_MS ? "partial" : "left-out";
}

/** "4 h" / "3 d": how much of a week the window holds. */
function coveredSpan(covered: number, locale: Locale): string {
  const t = translator(locale);
  return covered < DAY_MS
    ? t("chart.span.hours", { count: formatInteger(Math.max(1, Math.round(covered / HOUR_MS)), locale) })
    : t("chart.span.days", { count: formatInteger(Math.round(covered / DAY_MS), locale) });
}

/**
 * `new-models`: the universe's models created per week (the top N in the cohort, as the title
 * says), stacked by region in the fixed region order; under a region, that region's alone. The
 * first and last weeks of the window are partial: drawn paler, or left out when less than a day of
 * them is in the window, and the axis says which, so a week that has just begun does not read as
 * a collapse. A thin border
 * in the card colour separates the segments, which helps where two neighbours are close in hue
 * for colour-blind readers.
 */
export function newModelsSpec(stats: TrendStats, options: SpecOptions): BarChartSpec {
  const { locale } = options;
  const theme = themeOf(options);
  const t = translator(locale);
  const asOf = new Date(stats.asOf);
  const all = stats.newModelsPerWeek.map((week) => {
    const covered = weekCoverageMs(week.weekStart, asOf);
    return { week, covered, kind: weekKind(covered) };
  });
  // A week with less than a day in the window would be drawn as a near-zero bar, read as a
  // collapse: it is left out, and said; a week partly in the window is drawn paler, and said.
  const drawn = all.filter((entry) => entry.kind !== "left-out");
  const weeks = drawn.map((entry) => entry.week);
  const notes = all
    .filter((entry) => entry.kind !== "whole")
    .map((entry) =>
      t(entry.kind === "partial" ? "chart.new-models.partial" : "chart.new-models.left-out", {
        day: formatDayMonth(Date.parse(entry.week.weekStart), locale),
        span: coveredSpan(entry.covered, locale),
      }),
    );
  const shown: readonly RegionOrUnattributed[] = stats.region === null ? REGION_ORDER : [stats.region];
  const datasets = shown.map((region) => ({
    label: regionName(region, locale),
    data: weeks.map((week) => week.byRegion[region]),
    backgroundColor: drawn.map((entry) =>
      entry.kind === "partial" ? withAlpha(REGION_COLORS[region], 0.45) : REGION_COLORS[region],
    ),
    borderColor: theme.background,
    borderWidth: 1,
    barPercentage: 0.75,
  }));
  const axisTitle = [t("chart.new-models.axis"), ...notes].join(t("chart.separator"));
  const total = stats.newModelsPerWeek.reduce((sum, week) => sum + week.total, 0);
  const models = methodWords(stats, locale).models;
  return {
    type: "bar",
    data: { labels: weeks.map((week) => formatDayMonth(Date.parse(week.weekStart), locale)), datasets },
    options: {
      ...chrome({
        title: newModelsTitle(stats, total, models, locale),
        footer: stats,
        locale,
        theme,
        legend: stats.region === null,
      }),
      scales: {
        x: categoryAxis({ theme, title: axisTitle, stacked: true }),
        y: valueAxis({
          theme,
          title: "",
          stacked: true,
          integer: true,
          format: { maximumFractionDigits: 0 },
        }),
      },
    },
  };
}

/** "596 new models in 8 weeks among the top 5,000 models · 41% from China", or the region's count. */
function newModelsTitle(stats: TrendStats, total: number, models: string, locale: Locale): string {
  const t = translator(locale);
  const countIn = (region: RegionOrUnattributed) =>
    stats.newModelsPerWeek.reduce((sum, week) => sum + week.byRegion[region], 0);
  if (stats.region !== null) {
    const count = countIn(stats.region);
    return t("chart.new-models.title-region", {
      region: stats.region,
      count: formatInteger(count, locale),
      total: formatInteger(total, locale),
      share: formatShare(total > 0 ? count / total : 0, locale, 0),
      models,
    });
  }
  if (total === 0) return t("chart.new-models.title-none", { models });
  const [leader] = REGION_ORDER.filter((region) => region !== "unattributed")
    .map((region) => ({ region, count: countIn(region) }))
    .sort((a, b) => b.count - a.count);
  return t("chart.new-models.title", {
    total: formatInteger(total, locale),
    models,
    leader: leader?.region ?? "china",
    share: formatShare((leader?.count ?? 0) / total, locale, 0),
  });
}
