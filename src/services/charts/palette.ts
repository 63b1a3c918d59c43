import type { RegionOrUnattributed } from "../regions/types.js";

/**
 * One colour per region, the same in every chart and both themes, so a reader learns it once.
 * Each has a contrast of at least 3:1 (WCAG's bar for graphics) against both card backgrounds
 * below (#2b2d31 and #ffffff): mid-tone colours, neither pastel (lost on white) nor deep (lost on
 * the dark card). China is red because readers expect it; unattributed is grey because it is the
 * absence of an attribution, not a place.
 */
export const REGION_COLORS: Readonly<Record<RegionOrUnattributed, string>> = Object.freeze({
  china: "#e5484d",
  us: "#3b82f6",
  europe: "#22a06b",
  asia: "#a855f7",
  other: "#d97706",
  unattributed: "#80848e",
});

/**
 * Colours for data that is not about regions (sizes, tasks). None of them is a region's hue, so a
 * bar never seems to claim a region it does not belong to.
 */
export const SERIES_COLORS = Object.freeze({
  /** The one colour of a single-series chart. */
  neutral: "#0891b2",
  /** "Unknown" buckets: grey, like unattributed. */
  unknown: "#80848e",
  robotics: "#e0559a",
  science: "#b58900",
});

/**
 * Lines for several organisations of one region (a region's history): they cannot all wear the
 * region's colour, and none of these is another region's.
 */
export const ORG_LINE_COLORS: readonly string[] = Object.freeze(["#0891b2", "#e0559a", "#b58900"]);

/** Colours of the card a chart is drawn on. */
export interface ChartTheme {
  name: "dark" | "light";
  /** Opaque card colour painted under the chart. */
  background: string;
  /** Title text. */
  title: string;
  /** Legend and axis titles. */
  text: string;
  /** Tick labels and the footer: quieter than `text`, still at least 4.5:1 on `background`. */
  muted: string;
  /** Grid lines: just visible. */
  grid: string;
}

/**
 * The default card: Discord's own embed colour on its dark theme (#2b2d31), with Discord's text
 * colours. Most Discord users are on the dark theme, where the chart then sits seamlessly in the
 * embed; on the light theme it shows as a dark card that carries its own contrast. A transparent
 * background cannot work: no text colour is readable on both #313338 and #ffffff.
 */
export const DARK_THEME: Readonly<ChartTheme> = Object.freeze({
  name: "dark",
  background: "#2b2d31",
  title: "#f2f3f5",
  text: "#dbdee1",
  muted: "#b5bac1",
  grid: "#3f4147",
});

/** A white card, for places other than Discord (web pages, printed reports). */
export const LIGHT_THEME: Readonly<ChartTheme> = Object.freeze({
  name: "light",
  background: "#ffffff",
  title: "#060607",
  text: "#313338",
  muted: "#5c5e66",
  grid: "#e3e5e8",
});

/** `#rrggbb` with an alpha in 0..1 → `rgba(r, g, b, a)`: a paler variant that stays plain data. */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (match === null) throw new RangeError(`withAlpha expects #rrggbb, got ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number.parseInt(part ?? "0", 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
