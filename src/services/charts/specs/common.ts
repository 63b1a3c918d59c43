import type { ChartOptions, FontSpec, LegendOptions, TitleOptions } from "chart.js";
import type { Locale } from "../../format/locale.js";
import type { RegionOrUnattributed } from "../../regions/types.js";
import { REGIONS } from "../../regions/types.js";
import type { ChartTheme } from "../palette.js";
import { DARK_THEME } from "../palette.js";
import { type FooterSource, footerLines } from "../text.js";
import type { SpecOptions } from "../types.js";

/**
 * Text sizes in CSS pixels. Discord shows an embed image at roughly 400–520 px wide, so an 800 px
 * chart is scaled to about half: 14 px ticks end up near 7–9 px on screen, the smallest that still
 * reads at a glance. Anything smaller would be decoration.
 */
export const FONT_SIZE = Object.freeze({ title: 21, axis: 14, tick: 14, legend: 14, footer: 12 });

/** Longest organisation or model name shown before it is ellipsised: the axis must leave room for bars. */
export const MAX_NAME_CHARS = 22;

/** Every region and then `unattributed`: the one order regions appear in, in every chart. */
export const REGION_ORDER: readonly RegionOrUnattributed[] = [...REGIONS, "unattributed"];

/** The theme of a spec call, the dark card unless one is given. */
export function themeOf(options: SpecOptions): ChartTheme {
  return options.theme ?? DARK_THEME;
}

type PartialFont = Partial<FontSpec>;

function font(size: number, weight: FontSpec["weight"] = "normal"): PartialFont {
  return { size, weight };
}

export type { FooterSource } from "../text.js";

interface ChromeInput {
  title: string;
  /** The snapshot the figures are from, or the footer's lines as they are (a live list's). */
  footer: FooterSource | readonly string[];
  locale: Locale;
  theme: ChartTheme;
  /** Show the legend (top, under the title) for charts whose colours need one. */
  legend: boolean;
  /** Legend markers as short lines in the series colour and thickness: a line chart reads as lines. */
  lineLegend?: boolean;
}

/**
 * The parts every chart shares: locale, text colour, title, the footer (Chart.js's subtitle
 * plugin placed at the bottom, so it needs no custom plugin on QuickChart), legend and background.
 */
export function chrome(input: ChromeInput) {
  const { theme } = input;
  const title = {
    display: true,
    text: input.title,
    align: "start",
    color: theme.title,
    font: font(FONT_SIZE.title, "bold"),
    padding: { top: 2, bottom: input.legend ? 6 : 12 },
  } satisfies Partial<Omit<TitleOptions, "font">> & { font: PartialFont };
  const subtitle = {
    display: true,
    text: isFooterLines(input.footer) ? [...input.footer] : footerLines(input.footer, input.locale),
    position: "bottom",
    align: "start",
    color: theme.muted,
    font: font(FONT_SIZE.footer),
    padding: { top: 10, bottom: 0 },
  } satisfies Partial<Omit<TitleOptions, "font">> & { font: PartialFont };
  const legend = {
    display: input.legend,
    position: "top",
    align: "start",
    labels: {
      color: theme.text,
      font: font(FONT_SIZE.legend),
      boxWidth: 14,
      boxHeight: 14,
      padding: 14,
      ...(input.lineLegend === true ? { usePointStyle: true, pointStyle: "line", pointStyleWidth: 28 } : {}),
    },
  } satisfies Partial<Omit<LegendOptions<"bar">, "labels">> & { labels: object };
  return {
    locale: input.locale,
    color: theme.text,
    layout: { padding: { top: 12, right: 24, bottom: 10, left: 16 } },
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

interface AxisInput {
  theme: ChartTheme;
  title: string;
  /** Draw grid lines along this axis (only on the value axis: category grids are noise). */
  grid: boolean;
}

/** A category axis with pre-formatted labels. */
export function categoryAxis(
  input: AxisInput & {
    stacked?: boolean;
    /** Half a step of room at both ends (bar charts have it anyway; a lone line point needs it). */
    offset?: boolean;
  },
) {
  return {
    type: "category",
    stacked: input.stacked ?? false,
    ...(input.offset === undefined ? {} : { offset: input.offset }),
    title: {
      display: input.title !== "",
      text: input.title,
      color: input.theme.text,
      font: font(FONT_SIZE.axis),
    },
    grid: { display: input.grid, color: input.theme.grid },
    border: { color: input.theme.grid },
    ticks: { color: input.theme.muted, font: font(FONT_SIZE.tick), autoSkip: true, maxRotation: 0 },
  } as const;
}

/**
 * A linear value axis. Tick labels are formatted by Chart.js itself from `format` (Intl options)
 * and the chart's `locale`: no callback, so the config stays data and QuickChart formats the same.
 */
export function valueAxis(
  input: AxisInput & {
    format: Intl.NumberFormatOptions;
    stacked?: boolean;
    /** Whole numbers only (counts). */
    integer?: boolean;
    max?: number;
  },
) {
  return {
    type: "linear",
    min: 0,
    ...(input.max === undefined ? {} : { max: input.max }),
    stacked: input.stacked ?? false,
    title: {
      display: input.title !== "",
      text: input.title,
      color: input.theme.text,
      font: font(FONT_SIZE.axis),
    },
    grid: { display: input.grid, color: input.theme.grid },
    border: { display: false },
    ticks: {
      color: input.theme.muted,
      font: font(FONT_SIZE.tick),
      format: input.format,
      maxTicksLimit: 7,
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
