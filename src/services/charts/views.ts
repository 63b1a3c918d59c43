import type { TrendStats } from "../stats/types.js";
import { compareSpec } from "./specs/compare.js";
import { historySpec } from "./specs/history.js";
import { newModelsSpec } from "./specs/new-models.js";
import { orgsSpec } from "./specs/orgs.js";
import { type RankingInput, rankingFromStats, rankingSpec } from "./specs/ranking.js";
import { regionsSpec } from "./specs/regions.js";
import { sizesSpec } from "./specs/sizes.js";
import { tasksSpec } from "./specs/tasks.js";
import type { ChartSpec, CompareInput, SpecOptions } from "./types.js";

/** Every chart the bot draws, in the order a menu should list them. */
export const CHART_VIEWS = [
  "regions",
  "history",
  "orgs",
  "sizes",
  "new-models",
  "tasks",
  "compare",
  "ranking",
] as const;

/** The name of a chart. */
export type ChartView = (typeof CHART_VIEWS)[number];

/**
 * What each view is drawn from: a `TrendStats`, except `compare`, which takes its two sides, and
 * `ranking`, which takes its items (or a `TrendStats`, whose top models by downloads it ranks).
 */
export interface ChartInputs {
  regions: TrendStats;
  history: TrendStats;
  orgs: TrendStats;
  sizes: TrendStats;
  "new-models": TrendStats;
  tasks: TrendStats;
  compare: CompareInput;
  ranking: RankingInput | TrendStats;
}

/** True for a string that names a chart view (for command options and query strings). */
export function isChartView(value: string): value is ChartView {
  return (CHART_VIEWS as readonly string[]).includes(value);
}

function isCompareInput(input: TrendStats | CompareInput | RankingInput): input is CompareInput {
  return "sides" in input;
}

function isRankingInput(input: TrendStats | CompareInput | RankingInput): input is RankingInput {
  return "kind" in input && input.kind === "ranking";
}

/**
 * Builds the Chart.js configuration of a view. Pure: the same input gives a deep-equal config,
 * with no functions in it, so it renders the same locally and on QuickChart.
 *
 * With a literal view the input type follows it (`buildChartSpec("compare", compareInput, …)`);
 * with a view only known at run time the two kinds of input are told apart at run time too, and a
 * mismatch throws instead of drawing nonsense.
 */
export function buildChartSpec<V extends ChartView>(
  view: V,
  input: ChartInputs[V],
  options: SpecOptions,
): ChartSpec {
  const value: TrendStats | CompareInput | RankingInput = input;
  if (view === "compare") {
    if (!isCompareInput(value))
      throw new TypeError("the compare view takes a CompareInput, not a TrendStats");
    return compareSpec(value, options);
  }
  if (isCompareInput(value)) throw new TypeError(`the ${view} view takes a TrendStats, not a CompareInput`);
  if (isRankingInput(value)) {
    if (view !== "ranking") throw new TypeError(`the ${view} view takes a TrendStats, not a RankingInput`);
    return rankingSpec(value, options);
  }
  switch (view) {
    case "regions":
      return regionsSpec(value, options);
    case "history":
      return historySpec(value, options);
    case "orgs":
      return orgsSpec(value, options);
    case "sizes":
      return sizesSpec(value, options);
    case "new-models":
      return newModelsSpec(value, options);
    case "tasks":
      return tasksSpec(value, options);
    case "ranking":
      return rankingSpec(rankingFromStats(value), options);
    default:
      throw new RangeError(`unknown chart view: ${String(view)}`);
  }
}
