import type { Translator } from "../locales/index.js";
import { CHART_VIEWS, type ChartView, isChartView } from "../services/charts/views.js";
import {
  COHORTS,
  type Cohort,
  CREDIT_METHODS,
  type CreditMethod,
  isCohort,
  isCreditMethod,
} from "../services/method/method.js";
import { parseRegion, suggestRegions } from "../services/regions/parse-region.js";
import { REGIONS, type Region } from "../services/regions/types.js";
import { WINDOWS, type WindowWeeks } from "../services/snapshots/trends-service.js";
import { UsageError } from "./context.js";
import type { CliOptions } from "./spec.js";

/** The options of every command that reads stats: which region, compared over what, counted how. */
export const STATS_OPTIONS = {
  region: {
    kind: "string",
    placeholder: "R",
    help: "cli.option.region",
    values: [...REGIONS, "all"],
    defaultValue: "all",
  },
  window: {
    kind: "string",
    placeholder: "W",
    help: "cli.option.window",
    values: WINDOWS.map(String),
    defaultValue: "1",
  },
  by: {
    kind: "string",
    placeholder: "B",
    help: "cli.option.by",
    values: CREDIT_METHODS,
    defaultValue: "lineage",
  },
  cohort: {
    kind: "string",
    placeholder: "C",
    help: "cli.option.cohort",
    values: COHORTS,
    defaultValue: "all",
  },
} as const satisfies CliOptions;

/** `--region`: a region name or alias; unknown ones are refused with the valid list and a guess. */
export function regionOption(value: string | undefined, t: Translator): Region | null {
  if (value === undefined || value === "" || value === "all") return null;
  const region = parseRegion(value);
  if (region !== null) return region;
  throw new UsageError(
    t("cli.error.unknown-region", { typed: value, guesses: suggestRegions(value), regions: REGIONS }),
  );
}

/** `--window`: weeks to compare over ("4", "4w" and "4weeks" alike). */
export function windowOption(value: string | undefined, t: Translator): WindowWeeks {
  if (value === undefined) return 1;
  const weeks = Number(value.replace(/w(eeks?)?$/i, ""));
  const match = WINDOWS.find((w) => w === weeks);
  if (match === undefined) {
    throw new UsageError(
      t("cli.error.bad-value", { option: "--window", typed: value, values: WINDOWS.map(String) }),
    );
  }
  return match;
}

/** `--by`: who gets the credit for a download; the default method's when absent. */
export function byOption(value: string | undefined, t: Translator): CreditMethod | undefined {
  if (value === undefined || isCreditMethod(value)) return value;
  throw new UsageError(t("cli.error.bad-value", { option: "--by", typed: value, values: CREDIT_METHODS }));
}

/** `--cohort`: which models count; the default method's when absent. */
export function cohortOption(value: string | undefined, t: Translator): Cohort | undefined {
  if (value === undefined || isCohort(value)) return value;
  throw new UsageError(t("cli.error.bad-value", { option: "--cohort", typed: value, values: COHORTS }));
}

/** `--view`: any chart view; a trend view by default. */
export function viewOption(value: string | undefined, fallback: ChartView, t: Translator): ChartView {
  if (value === undefined) return fallback;
  if (isChartView(value)) return value;
  throw new UsageError(t("cli.error.bad-value", { option: "--view", typed: value, values: CHART_VIEWS }));
}

/** One of a fixed list of values, or the default. */
export function choiceOption<T extends string>(
  value: string | undefined,
  option: string,
  values: readonly T[],
  fallback: T,
  t: Translator,
): T {
  if (value === undefined) return fallback;
  const match = values.find((candidate) => candidate === value);
  if (match === undefined) throw new UsageError(t("cli.error.bad-value", { option, typed: value, values }));
  return match;
}
