import { formatDayMonth } from "../../format/dates.js";
import type { Locale } from "../../format/locale.js";
import type { ChartTheme } from "../palette.js";
import { FONT_SIZE, font } from "./common.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A time axis in plain data. Chart.js's own time scale needs a date adapter that neither the local
 * renderer nor every QuickChart server has, and a category axis would space a 2-day gap like a
 * 1-day one. So points sit on a hidden linear axis (`x`), counted in steps (days, or 6 hours for
 * a short history) from a step boundary, and a category axis (`time`) spanning exactly the same
 * range writes the step boundaries' names under it: time is proportional, and the labels are plain
 * strings the chart's locale gives.
 */
export interface TimeAxis {
  /** Where a moment falls on the `x` axis. */
  at(ms: number): number;
  scales: {
    x: { type: "linear"; display: false; min: number; max: number };
    time: ReturnType<typeof timeLabelsAxis>;
  };
}

function timeLabelsAxis(labels: string[], theme: ChartTheme) {
  return {
    type: "category",
    labels,
    offset: false,
    position: "bottom",
    grid: { display: true, color: theme.grid },
    border: { color: theme.grid },
    ticks: {
      color: theme.muted,
      font: font(FONT_SIZE.tick),
      autoSkip: true,
      autoSkipPadding: 14,
      maxRotation: 0,
    },
  } as const;
}

/** The time axis covering `times` (epoch ms, any order), in whole days or, under 2 days, 6-hour steps. */
export function timeAxis(times: readonly number[], locale: Locale, theme: ChartTheme): TimeAxis {
  const first = Math.min(...times);
  const last = Math.max(...times);
  const step = last - first <= 2 * DAY_MS ? 6 * HOUR_MS : DAY_MS;
  const start = Math.floor(first / step) * step;
  // At least one step, so that a single moment still has an axis around it.
  const steps = Math.max(1, Math.ceil((last - start) / step));
  const labels = Array.from({ length: steps + 1 }, (_, i) =>
    formatDayMonth(start + i * step, locale, step < DAY_MS),
  );
  return {
    at: (ms) => (ms - start) / step,
    scales: {
      x: { type: "linear", display: false, min: 0, max: steps },
      time: timeLabelsAxis(labels, theme),
    },
  };
}

/** A value range with round ends and a round step, for an axis that fits its data. */
export interface FittedRange {
  min: number;
  max: number;
  stepSize: number;
  /** Decimal places the step needs, in the unit the ticks are written in. */
  digits: number;
}

/** 1, 2, 2.5 or 5 times a power of ten: steps a reader can add up. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough);
  return step ?? 10 * power;
}

/**
 * A range that fits `values` with a little room, spanning at least `minSpan` so that noise is not
 * blown up into a trend, in about four steps. `clamp` keeps it inside what the values can be
 * (shares are never below 0). `unit` is what a tick shows per value (100 for a share written as a
 * percentage), for the decimal places.
 */
export function fittedRange(
  values: readonly number[],
  options: { minSpan: number; clamp?: { min: number; max: number }; unit?: number },
): FittedRange {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = Math.max(high - low, options.minSpan);
  const middle = (low + high) / 2;
  const stepSize = niceStep((span * 1.2) / 4);
  let min = Math.floor((middle - span * 0.6) / stepSize) * stepSize;
  let max = Math.ceil((middle + span * 0.6) / stepSize) * stepSize;
  if (options.clamp !== undefined) {
    min = Math.max(min, options.clamp.min);
    max = Math.min(max, options.clamp.max);
  }
  const digits = decimalsOf(stepSize * (options.unit ?? 1));
  // Rounded so that float noise (0.30000000000000004) does not reach the config.
  const round = (value: number) => Number(value.toFixed(digits + 6));
  return { min: round(min), max: round(max), stepSize: round(stepSize), digits };
}

/** Decimal places `value` needs to be written exactly (0.25 → 2), up to 6. */
function decimalsOf(value: number): number {
  for (let digits = 0; digits < 6; digits += 1) {
    const scaled = value * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 6;
}
