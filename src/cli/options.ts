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

/** `--region`: a region name or alias; unknown ones are refused with the valid list and a guess. */
export function regionOption(value: string | undefined): Region | null {
  if (value === undefined || value === "" || value === "all") return null;
  const region = parseRegion(value);
  if (region !== null) return region;
  const guesses = suggestRegions(value);
  const hint = guesses.length > 0 ? ` Did you mean ${guesses.join(" or ")}?` : "";
  throw new UsageError(`unknown region "${value}".${hint} Valid regions: ${REGIONS.join(", ")} (or all).`);
}

/** `--window`: weeks to compare over. */
export function windowOption(value: string | undefined): WindowWeeks {
  if (value === undefined) return 1;
  const weeks = Number(value.replace(/w(eeks?)?$/i, ""));
  const match = WINDOWS.find((w) => w === weeks);
  if (match === undefined)
    throw new UsageError(`unknown window "${value}". Valid windows: ${WINDOWS.join(", ")} (weeks).`);
  return match;
}

/** `--by`: who gets the credit for a download; the default method's when absent. */
export function byOption(value: string | undefined): CreditMethod | undefined {
  if (value === undefined) return undefined;
  if (isCreditMethod(value)) return value;
  throw new UsageError(`unknown --by "${value}". Valid: ${CREDIT_METHODS.join(", ")}.`);
}

/** `--cohort`: which models count; the default method's when absent. */
export function cohortOption(value: string | undefined): Cohort | undefined {
  if (value === undefined) return undefined;
  if (isCohort(value)) return value;
  throw new UsageError(`unknown --cohort "${value}". Valid: ${COHORTS.join(", ")}.`);
}
