import type { ChartConfiguration, ChartType } from "chart.js";
import type { Locale } from "../format/locale.js";
import type { CountingMethod } from "../method/method.js";
import type { RegionOrUnattributed } from "../regions/types.js";
import type { Universe } from "../stats/types.js";
import type { ChartTheme } from "./palette.js";

declare module "chart.js" {
  interface PluginOptionsByType<TType extends ChartType> {
    /**
     * The solid card colour painted under the chart. It lives in the config (not in the render
     * options) so both renderers read it from the same place: the local renderer paints it with a
     * `beforeDraw` plugin, the QuickChart renderer sends it as `backgroundColor`. Chart.js ignores
     * options of plugins that are not registered, so QuickChart never sees it as an error.
     */
    background: BackgroundPluginOptions;
  }
}

/** Options of the `background` plugin (see the module augmentation above). */
export interface BackgroundPluginOptions {
  /** CSS colour; opaque, so the PNG looks the same on Discord's dark and light themes. */
  color: string;
}

/** Labels are plain strings, or several strings for a label on more than one line. */
export type ChartLabel = string | string[];

/** A bar chart spec as the views build it: numbers (or gaps) against pre-formatted labels. */
export type BarChartSpec = ChartConfiguration<"bar", (number | null)[], ChartLabel>;

/** A point of a line on a linear (time) axis. */
export interface LinePoint {
  x: number;
  y: number;
}

/** A line chart spec as the views build it: points on a linear axis, or numbers against labels. */
export type LineChartSpec = ChartConfiguration<"line", (number | null | LinePoint)[], ChartLabel>;

/**
 * A Chart.js v4 configuration built by a view. It is plain data (no functions, no class
 * instances): the same object is rendered locally and sent to QuickChart as JavaScript text, where
 * functions would not survive. Number formatting is therefore done either by pre-formatting the
 * labels, or by Chart.js's own `ticks.format` (`Intl.NumberFormat` options) with `options.locale`.
 */
export type ChartSpec = BarChartSpec | LineChartSpec;

/** What every spec function needs besides its data. */
export interface SpecOptions {
  locale: Locale;
  /** Colours of the card; defaults to the dark card (see palette.ts for why). */
  theme?: ChartTheme;
}

/**
 * What a `compare` chart compares, per side. Every figure is a share in 0..1, so all rows share one
 * percent axis:
 * - `downloads`: share of the universe's 30-day downloads;
 * - `models`: share of the universe's models;
 * - `newModels`: share of the models created in the last 8 weeks (`newModelsPerWeek`);
 * - `regionDownloads`: an organisation's share of its own region's downloads.
 */
export type CompareMetric = "downloads" | "models" | "newModels" | "regionDownloads";

/** One side of a comparison: a region or an organisation and its figures. */
export interface CompareSide {
  /** A region key (`china`) when comparing regions, a Hub namespace (`Qwen`) when comparing organisations. */
  name: string;
  /** The region whose colour the side is drawn in. */
  region: RegionOrUnattributed;
  /** Shares in 0..1 by metric; a metric missing here is drawn as a gap. */
  values: Partial<Record<CompareMetric, number>>;
}

/**
 * Input of the `compare` view: two regions or two organisations side by side. Build it with
 * `compareRegions` or `compareOrgs` (specs/compare.ts) from a `TrendStats`, or by hand for other
 * pairs: it is the only view whose input is not a `TrendStats`, because a comparison picks two
 * subjects out of one.
 */
export interface CompareInput {
  kind: "regions" | "orgs";
  /** The rows, in the order they are drawn. */
  metrics: CompareMetric[];
  sides: [CompareSide, CompareSide];
  /** From the `TrendStats` the figures come from: they go into the footer. */
  asOf: string;
  coverage: number;
  universe: Universe;
  method: CountingMethod;
}
