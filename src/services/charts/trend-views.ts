import type { Region } from "../regions/types.js";
import type { ChartView } from "./views.js";

/** The charts `/trends` (and `hubtrends chart`) can draw from one region's or the overall stats. */
export const TREND_VIEWS = [
  "regions",
  "history",
  "orgs",
  "sizes",
  "new-models",
  "tasks",
] as const satisfies readonly ChartView[];
export type TrendView = (typeof TREND_VIEWS)[number];

export function isTrendView(value: string): value is TrendView {
  return (TREND_VIEWS as readonly string[]).includes(value);
}

/** The chart that says most when none is asked for: the regions overall, a region's organisations. */
export function defaultTrendView(region: Region | null): TrendView {
  return region === null ? "regions" : "orgs";
}
