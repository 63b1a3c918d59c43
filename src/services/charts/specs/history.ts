import { translator } from "../../../locales/index.js";
import { formatDayMonth } from "../../format/dates.js";
import type { Locale } from "../../format/locale.js";
import { formatInteger, formatPp, formatShare } from "../../format/numbers.js";
import { REGIONS, type Region } from "../../regions/types.js";
import type { RegionHistoryPoint, TrendStats } from "../../stats/types.js";
import type { ChartTheme } from "../palette.js";
import { ORG_LINE_COLORS, REGION_COLORS } from "../palette.js";
import { regionName } from "../text.js";
import { wrapText } from "../text-width.js";
import type { LineChartSpec, LinePoint, SpecOptions } from "../types.js";
import {
  chrome,
  FONT_SIZE,
  font,
  INVISIBLE,
  REGION_ORDER,
  TEXT_WIDTH,
  themeOf,
  valueAxis,
} from "./common.js";
import { type FittedRange, fittedRange, timeAxis } from "./scales.js";

/** Fewer points than this make no line worth reading: the card says so instead. */
export const MIN_HISTORY_POINTS = 3;
/** Beyond this many snapshots, point markers only clutter the lines. */
const MAX_POINTS_WITH_MARKERS = 16;
/** Organisations drawn in a region's history. */
export const HISTORY_ORGS = 3;
/** The smallest span a share axis shows, so that noise is not blown up (1 pp). */
const MIN_SHARE_SPAN = 0.01;
/** The smallest span of the overview's change axis, in percentage points. */
const MIN_CHANGE_SPAN_PP = 1;

/**
 * `history`: how shares moved across the snapshots in `stats.history`, on a time axis (a 2-day
 * gap is twice a 1-day gap), with axes that fit the data so that a ±0.3 pp move shows.
 * - Overview: each region's change in share since the first snapshot, in percentage points. One
 *   axis of levels cannot show both a 48% region's moves and a 0.6% region's line off the floor;
 *   changes can, and the legend gives each region's share now.
 * - A region: two panels about that region, its share of all downloads above, its largest
 *   organisations' shares of the region's downloads below.
 * With fewer than {@link MIN_HISTORY_POINTS} snapshots the card says there is not enough history.
 */
export function historySpec(stats: TrendStats, options: SpecOptions): LineChartSpec {
  const theme = themeOf(options);
  if (stats.history.length < MIN_HISTORY_POINTS) return tooShort(stats, options.locale, theme);
  return stats.region === null
    ? overviewHistory(stats, options.locale, theme)
    : regionHistory(stats, stats.region, options.locale, theme);
}

/** A line of the chart: its points on the time axis, against the value axis `yAxisID`. */
function lineDataset(input: {
  label: string;
  data: LinePoint[];
  yAxisID: string;
  color: string;
  width: number;
  dashed?: boolean;
  points: number;
}) {
  return {
    label: input.label,
    data: input.data,
    xAxisID: "x",
    yAxisID: input.yAxisID,
    borderColor: input.color,
    backgroundColor: input.color,
    borderWidth: input.width,
    borderDash: input.dashed === true ? [6, 4] : [],
    tension: 0,
    fill: false,
    pointRadius: input.points <= MAX_POINTS_WITH_MARKERS ? 2.5 : 0,
    pointBorderWidth: 2,
  };
}

/** A legend entry with no line or marker: a line of words in the legend (a heading, a message). */
function wordsDataset(label: string, yAxisID?: string) {
  return {
    label,
    data: [],
    ...(yAxisID === undefined ? {} : { xAxisID: "x", yAxisID }),
    borderColor: INVISIBLE,
    backgroundColor: INVISIBLE,
    borderWidth: 0,
    pointStyle: false as const,
  };
}

function sinceDay(points: readonly RegionHistoryPoint[], locale: Locale): string {
  return formatDayMonth(Date.parse(points[0]?.asOf ?? ""), locale);
}

/** The time axis of the history's snapshots, placing each point where its snapshot was taken. */
function historyAxis(points: readonly RegionHistoryPoint[], locale: Locale, theme: ChartTheme) {
  const axis = timeAxis(
    points.map((point) => Date.parse(point.asOf)),
    locale,
    theme,
  );
  return { scales: axis.scales, at: (point: RegionHistoryPoint) => axis.at(Date.parse(point.asOf)) };
}

function overviewHistory(stats: TrendStats, locale: Locale, theme: ChartTheme): LineChartSpec {
  const t = translator(locale);
  const points = stats.history;
  const axis = historyAxis(points, locale, theme);
  const first = points[0];
  const last = points.at(-1);
  const changeOf = (point: RegionHistoryPoint, region: (typeof REGION_ORDER)[number]) =>
    first === undefined ? 0 : (point.shares[region] - first.shares[region]) * 100;
  const datasets = REGION_ORDER.map((region) =>
    lineDataset({
      label: t("chart.history.legend", {
        region: regionName(region, locale),
        share: formatShare(last?.shares[region] ?? 0, locale),
      }),
      data: points.map((point) => ({
        x: axis.at(point),
        y: round(changeOf(point, region)),
      })),
      yAxisID: "y",
      color: REGION_COLORS[region],
      width: 2.5,
      dashed: region === "unattributed",
      points: points.length,
    }),
  );
  const changes = datasets.flatMap((dataset) => dataset.data.map((point) => point.y));
  const range = fittedRange(changes, { minSpan: MIN_CHANGE_SPAN_PP });
  // The headline: the region (not the unattributed rest) that moved most.
  const [mover = { region: "china" as const, change: 0 }] = REGIONS.map((region) => ({
    region,
    change: last === undefined ? 0 : changeOf(last, region),
  })).sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const title = t("chart.history.title", {
    day: sinceDay(points, locale),
    region: mover.region,
    change: formatPp(mover.change, locale),
  });
  return {
    type: "line",
    data: { datasets },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: true, lineLegend: true }),
      scales: {
        ...axis.scales,
        // No axis title: it would be turned on its side (unreadable in Chinese); the title says "pp".
        y: valueAxis({
          theme,
          title: "",
          min: range.min,
          max: range.max,
          stepSize: range.stepSize,
          format: {
            signDisplay: "exceptZero",
            minimumFractionDigits: range.digits,
            maximumFractionDigits: range.digits,
          },
        }),
      },
    },
  };
}

function regionHistory(stats: TrendStats, region: Region, locale: Locale, theme: ChartTheme): LineChartSpec {
  const t = translator(locale);
  const points = stats.history;
  const axis = historyAxis(points, locale, theme);
  const { at } = axis;
  const first = points[0];
  const last = points.at(-1);
  const shareNow = last?.shares[region] ?? 0;
  const regionLine = lineDataset({
    label: t("chart.history.legend-region", { region, share: formatShare(shareNow, locale) }),
    data: points.map((point) => ({ x: at(point), y: point.shares[region] })),
    yAxisID: "region",
    color: REGION_COLORS[region],
    width: 3,
    points: points.length,
  });
  // The region's largest organisations now, followed back; a snapshot where one was not among the
  // region's largest leaves a gap rather than a made-up value.
  const authors = stats.topOrgs.filter((org) => org.region === region).slice(0, HISTORY_ORGS);
  const orgLines = authors.map((org, i) =>
    lineDataset({
      label: t("chart.history.legend-org", { org: org.author, share: formatShare(org.regionShare, locale) }),
      data: points.flatMap((point): LinePoint[] => {
        const found = point.orgs.find((candidate) => candidate.author === org.author);
        return found === undefined ? [] : [{ x: at(point), y: found.regionShare }];
      }),
      yAxisID: "orgs",
      color: ORG_LINE_COLORS[i] ?? REGION_COLORS[region],
      width: 2,
      points: points.length,
    }),
  );
  const heading = wordsDataset(t("chart.history.legend-orgs", { region }), "orgs");
  const regionRange = fittedRange(
    regionLine.data.map((p) => p.y),
    { minSpan: MIN_SHARE_SPAN, clamp: { min: 0, max: 1 }, unit: 100 },
  );
  const orgValues = orgLines.flatMap((line) => line.data.map((p) => p.y));
  const orgRange = fittedRange(orgValues.length === 0 ? [0] : orgValues, {
    minSpan: 2 * MIN_SHARE_SPAN,
    clamp: { min: 0, max: 1 },
    unit: 100,
  });
  // Stacked panels touch: each gets room beyond its outer ticks and no tick on its edges, and most
  // of a step on the side where they meet, so that the lower panel's top label ("100%") stays a
  // line apart from the upper panel's bottom one ("41.0%") instead of touching it. Never a whole
  // step: an edge on a step would get a tick of its own, right where the panels meet.
  const panel = (range: FittedRange, meets: "below" | "above" | null) => ({
    min: range.min - (meets === "below" ? 0.9 : 0.6) * range.stepSize,
    max: range.max + (meets === "above" ? 0.9 : 0.6) * range.stepSize,
    stepSize: range.stepSize,
    edgeTicks: false,
    format: {
      style: "percent",
      minimumFractionDigits: range.digits,
      maximumFractionDigits: range.digits,
    } satisfies Intl.NumberFormatOptions,
  });
  const change = first === undefined ? null : (shareNow - first.shares[region]) * 100;
  const title = t("chart.history.title-region", {
    region,
    share: formatShare(shareNow, locale),
    change: change === null ? null : formatPp(change, locale),
    day: sinceDay(points, locale),
  });
  return {
    type: "line",
    data: { datasets: [regionLine, ...(orgLines.length > 0 ? [heading, ...orgLines] : [])] },
    options: {
      ...chrome({ title, footer: stats, locale, theme, legend: true, lineLegend: true }),
      scales: {
        ...axis.scales,
        // Stacked axes share the plot's height; Chart.js puts the one listed last on top.
        ...(orgLines.length > 0
          ? {
              orgs: valueAxis({
                theme,
                title: "",
                position: "left",
                stack: "panels",
                stackWeight: 1,
                ...panel(orgRange, "above"),
              }),
            }
          : {}),
        region: valueAxis({
          theme,
          title: "",
          position: "left",
          stack: "panels",
          stackWeight: 1,
          ...panel(regionRange, orgLines.length > 0 ? "below" : null),
        }),
      },
    },
  };
}

/**
 * The card for a history too short to draw: the headline (the share now) and, where the lines
 * would be, how many snapshots there are and since when. The words sit in the legend placed inside
 * the empty plot, each line a dataset without data or marker: plain Chart.js, so QuickChart draws it too.
 */
function tooShort(stats: TrendStats, locale: Locale, theme: ChartTheme): LineChartSpec {
  const t = translator(locale);
  const points = stats.history;
  const region = stats.region;
  const share = region === null ? 0 : (points.at(-1)?.shares[region] ?? 0);
  const title =
    region === null
      ? t("chart.history.title-short")
      : t("chart.history.title-region", {
          region,
          share: formatShare(share, locale),
          change: null,
          day: "",
        });
  const message = t("chart.history.not-enough", {
    count: formatInteger(points.length, locale),
    snapshots: points.length,
    since: sinceDay(points, locale),
  });
  const lines = wrapText(message, { width: TEXT_WIDTH - 40, size: FONT_SIZE.title - 2 });
  const base = chrome({ title, footer: stats, locale, theme, legend: true });
  return {
    type: "line",
    data: {
      datasets: lines.map((text) => wordsDataset(text)),
    },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        legend: {
          ...base.plugins.legend,
          position: "chartArea",
          align: "center",
          labels: {
            ...base.plugins.legend.labels,
            font: font(FONT_SIZE.title - 2),
            usePointStyle: true,
            boxWidth: 0,
          },
        },
      },
      scales: { x: { display: false }, y: { display: false } },
    },
  };
}

/** Percentage points rounded to what a chart can show, so float noise stays out of the config. */
function round(pp: number): number {
  return Math.round(pp * 10_000) / 10_000;
}
