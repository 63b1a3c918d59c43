import type { ChartOptions, FontSpec, LegendOptions, TitleOptions } from "chart.js";
import { translate } from "../../../locales/index.js";
import type { Locale } from "../../format/locale.js";
import type { RegionOrUnattributed } from "../../regions/types.js";
import { REGIONS } from "../../regions/types.js";
import { CHART_FONT_STACK } from "../fonts.js";
import type { ChartTheme } from "../palette.js";
import { DARK_THEME } from "../palette.js";
import { DEFAULT_RENDER_SIZE } from "../renderer.js";
import { chartFooterLines, type FooterSource } from "../text.js";
import { textWidth, wrapText } from "../text-width.js";
import type { SpecOptions } from "../types.js";

/**
 * Text sizes in CSS pixels. Charts are laid out 400 CSS pixels wide, the width Discord gives an
 * attachment on a phone, so these are the sizes a phone shows (test/charts/legibility.test.ts
 * measures the rendered glyphs at that width: at least 16 px for the title, 10 px for the rest).
 * Tick labels may be digits alone, whose glyphs are only three quarters of the font size high,
 * hence 15 px.
 */
export const FONT_SIZE = Object.freeze({ title: 21, tick: 15, label: 14, legend: 14, axis: 14, footer: 13 });

/** Chart.js sets text at 1.2 times its size. */
const LINE_HEIGHT = 1.2;

const LEGEND_BOX = 12;
const LEGEND_PADDING = 10;
const TITLE_PADDING = 14;
const FOOTER_PADDING = 10;

/** Room between the card's edge and the chart, in CSS pixels. */
const PADDING = Object.freeze({ top: 10, right: 14, bottom: 8, left: 14 });

/** Width the title and footer lines may take. */
export const TEXT_WIDTH = DEFAULT_RENDER_SIZE.width - PADDING.left - PADDING.right;

/** Longest organisation or model name shown before it is ellipsised. */
export const MAX_NAME_CHARS = 24;

/** Every region and then `unattributed`: the one order regions appear in, in every chart. */
export const REGION_ORDER: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];

/** Fully transparent: for datasets that exist only to put a line of text into the legend. */
export const INVISIBLE = "rgba(0, 0, 0, 0)";

/** "2026-05-04 04:10 UTC" held together by no-break spaces: a line never ends inside a time. */
function unbrokenTimes(text: string): string {
  return text.replace(/(\d{4}-\d\d-\d\d) (\d\d:\d\d) UTC/g, "$1\u00a0$2\u00a0UTC");
}

/** Units a line of chart text never parts from their number: percentage points ("pp" / "个百分点"). */
function units(locale: Locale): string[] {
  return [translate(locale, "number.pp", { signed: "" }).trim()];
}

/** The theme of a spec call, the dark card unless one is given. */
export function themeOf(options: SpecOptions): ChartTheme {
  return options.theme ?? DARK_THEME;
}

type PartialFont = Partial<FontSpec>;

/**
 * A font in the chart's family. The family is named in every font of the spec (not only in the
 * local renderer's `Chart.defaults`), so that a QuickChart server draws the same font when it has
 * it, and a fallback of the same kind when it does not.
 */
export function font(size: number, weight: FontSpec["weight"] = "normal"): PartialFont {
  return { family: CHART_FONT_STACK, size, weight };
}

export type { FooterSource } from "../text.js";

interface ChromeInput {
  /** The headline: what the chart shows and its main number ("China 40.4% of downloads · +0.4 pp"). */
  title: string;
  /** The snapshot the figures are from, or the footer's lines as they are (a live list's). */
  footer: FooterSource | readonly string[];
  /** A note added to the footer (what the chart leaves out, say). */
  note?: string | null;
  locale: Locale;
  theme: ChartTheme;
  /** Show the legend (top, under the title) for charts whose colours need one. */
  legend: boolean;
  /** Legend markers as short lines in the series colour and thickness: a line chart reads as lines. */
  lineLegend?: boolean;
}

/**
 * The parts every chart shares: locale, text colour, the title (wrapped to the card), the footer
 * (Chart.js's subtitle plugin placed at the bottom, so it needs no custom plugin on QuickChart),
 * legend and background.
 */
export function chrome(input: ChromeInput) {
  const { theme } = input;
  // The footer's parts run on as one paragraph: on a 400 px card, a line per part would take a line more.
  const parts = isFooterLines(input.footer)
    ? [...input.footer]
    : chartFooterLines(input.footer, input.locale);
  const footer = unbrokenTimes(parts.join(translate(input.locale, "chart.separator")));
  const footerText = input.note === undefined || input.note === null ? [footer] : [input.note, footer];
  const title = {
    display: true,
    text: wrapText(input.title, {
      width: TEXT_WIDTH,
      size: FONT_SIZE.title,
      bold: true,
      keep: units(input.locale),
    }),
    align: "start",
    color: theme.title,
    font: font(FONT_SIZE.title, "bold"),
    padding: { top: 0, bottom: TITLE_PADDING },
  } satisfies Partial<Omit<TitleOptions, "font">> & { font: PartialFont };
  const subtitle = {
    display: true,
    text: footerText.flatMap((line) =>
      wrapText(line, { width: TEXT_WIDTH, size: FONT_SIZE.footer, keep: units(input.locale) }),
    ),
    position: "bottom",
    align: "start",
    color: theme.muted,
    font: font(FONT_SIZE.footer),
    padding: { top: FOOTER_PADDING, bottom: 0 },
  } satisfies Partial<Omit<TitleOptions, "font">> & { font: PartialFont };
  const legend = {
    display: input.legend,
    position: "top",
    align: "start",
    labels: {
      color: theme.text,
      font: font(FONT_SIZE.legend),
      boxWidth: LEGEND_BOX,
      boxHeight: LEGEND_BOX,
      padding: LEGEND_PADDING,
      ...(input.lineLegend === true ? { usePointStyle: true, pointStyle: "line", pointStyleWidth: 22 } : {}),
    },
  } satisfies Partial<Omit<LegendOptions<"bar">, "labels">> & { labels: object };
  return {
    locale: input.locale,
    color: theme.text,
    font: font(FONT_SIZE.tick),
    layout: { padding: PADDING },
    plugins: {
      title,
      subtitle,
      legend,
      // Static images: there is nothing to hover.
      tooltip: { enabled: false },
      background: { color: theme.background },
    },
  } satisfies ChartOptions<"bar"> & ChartOptions<"line">;
}

function isFooterLines(footer: FooterSource | readonly string[]): footer is readonly string[] {
  return Array.isArray(footer);
}

/** An axis title wrapped to the card, or none (an empty title is not drawn and takes no room). */
function axisTitle(theme: ChartTheme, text: string) {
  const lines = text === "" ? [] : wrapText(text, { width: TEXT_WIDTH - 30, size: FONT_SIZE.axis });
  return { display: text !== "", text: lines, color: theme.text, font: font(FONT_SIZE.axis) };
}

/** A category axis with pre-formatted labels (the x axis of vertical bars). */
export function categoryAxis(input: { theme: ChartTheme; title: string; stacked?: boolean }) {
  return {
    type: "category",
    stacked: input.stacked ?? false,
    title: axisTitle(input.theme, input.title),
    grid: { display: false },
    border: { color: input.theme.grid },
    ticks: { color: input.theme.muted, font: font(FONT_SIZE.tick), autoSkip: true, maxRotation: 0 },
  } as const;
}

/** How thick a bar is under a label written above it, in CSS pixels. */
export const LABELLED_BAR_THICKNESS = 9;

/**
 * The category axis of horizontal bars, with each label written above its bar instead of beside
 * it: on a 400 px card a column of names beside the bars would leave the bars no room. The labels
 * are mirrored into the plot and shifted up by half a bar and half a line.
 */
export function labelAxis(input: {
  theme: ChartTheme;
  stacked?: boolean;
  /** Height of a row's bars together (two grouped bars are twice one); one bar's by default. */
  barsHeight?: number;
}) {
  const bars = input.barsHeight ?? LABELLED_BAR_THICKNESS;
  return {
    type: "category",
    stacked: input.stacked ?? false,
    grid: { display: false },
    border: { display: false },
    ticks: {
      color: input.theme.text,
      font: font(FONT_SIZE.label),
      mirror: true,
      padding: 0,
      labelOffset: -Math.round(bars / 2 + FONT_SIZE.label * 0.62 + 2),
      autoSkip: false,
    },
  } as const;
}

/**
 * A linear value axis. Tick labels are formatted by Chart.js itself from `format` (Intl options)
 * and the chart's `locale`: no callback, so the config stays data and QuickChart formats the same.
 */
export function valueAxis(
  input: {
    theme: ChartTheme;
    title: string;
    format: Intl.NumberFormatOptions;
    stacked?: boolean;
    /** Whole numbers only (counts). */
    integer?: boolean;
    min?: number;
    max?: number;
    stepSize?: number;
    /** Ticks at `min` and `max` even when they are not on a step (default); off for stacked panels. */
    edgeTicks?: boolean;
  } & Partial<{ position: "left" | "bottom"; stack: string; stackWeight: number }>,
) {
  return {
    type: "linear",
    min: input.min ?? 0,
    ...(input.max === undefined ? {} : { max: input.max }),
    ...(input.position === undefined ? {} : { position: input.position }),
    ...(input.stack === undefined ? {} : { stack: input.stack, stackWeight: input.stackWeight ?? 1 }),
    stacked: input.stacked ?? false,
    title: axisTitle(input.theme, input.title),
    grid: { display: true, color: input.theme.grid },
    border: { display: false },
    ticks: {
      color: input.theme.muted,
      font: font(FONT_SIZE.tick),
      format: input.format,
      maxTicksLimit: 5,
      ...(input.stepSize === undefined ? {} : { stepSize: input.stepSize }),
      ...(input.edgeTicks === false ? { includeBounds: false } : {}),
      ...(input.integer === true ? { precision: 0 } : {}),
    },
  } as const;
}

/** Tick format for shares in 0..1: "20%". */
export const PERCENT_TICKS: Intl.NumberFormatOptions = {
  style: "percent",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
};

/** Tick format for downloads: "20M" / "2000万". */
export const COMPACT_TICKS: Intl.NumberFormatOptions = {
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
};

/** Height of a row of horizontal bars with the label above the bar: the label's line, the bar, a gap. */
const LABELLED_ROW_HEIGHT = Math.ceil(FONT_SIZE.label * LINE_HEIGHT) + LABELLED_BAR_THICKNESS + 4;

/**
 * How many rows of labelled bars fit the plot under this chrome, with at most `max`: the plot is
 * what the card's height leaves after the title, the legend (`legendLabels`, empty when none), the
 * value axis (its ticks and title) and the footer, as Chart.js lays them out.
 * The estimate uses the same text widths as the wrapping, so a longer title or footer (Chinese, a
 * long organisation name) takes a row away instead of squeezing labels onto the bars.
 */
export function rowsThatFit(input: {
  chrome: ReturnType<typeof chrome>;
  legendLabels: readonly string[];
  /** The value axis's title ("" for none), as given to `valueAxis`. */
  axisTitle: string;
  max: number;
}): number {
  const { plugins, layout } = input.chrome;
  const lines = (text: string | string[]) => (Array.isArray(text) ? text.length : 1);
  const title = lines(plugins.title.text) * FONT_SIZE.title * LINE_HEIGHT + TITLE_PADDING;
  const footer = lines(plugins.subtitle.text) * FONT_SIZE.footer * LINE_HEIGHT + FOOTER_PADDING;
  const legend =
    plugins.legend.display && input.legendLabels.length > 0
      ? legendRows(input.legendLabels) * LEGEND_ROW + LEGEND_PADDING
      : 0;
  const axisLines = axisTitle(DARK_THEME, input.axisTitle).text.length;
  const axis = FONT_SIZE.tick * LINE_HEIGHT + 8 + axisLines * (FONT_SIZE.axis * LINE_HEIGHT + 8);
  const plot =
    DEFAULT_RENDER_SIZE.height - layout.padding.top - layout.padding.bottom - title - footer - legend - axis;
  return Math.max(1, Math.min(input.max, Math.floor(plot / LABELLED_ROW_HEIGHT)));
}

const LEGEND_ROW = Math.max(LEGEND_BOX, FONT_SIZE.legend * LINE_HEIGHT) + LEGEND_PADDING;

/** Rows Chart.js needs for these legend items across the card (box, gap, text, padding each). */
function legendRows(labels: readonly string[]): number {
  let rows = 1;
  let used = 0;
  for (const label of labels) {
    const width = LEGEND_BOX + FONT_SIZE.legend / 2 + textWidth(label, FONT_SIZE.legend) + LEGEND_PADDING;
    if (used > 0 && used + width > TEXT_WIDTH) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  return rows;
}
