import type { ModelRecord } from "../hub/types.js";
import { NEW_MODEL_DAYS, type RegionLookup } from "./inputs.js";
import { emptyRegionRecord } from "./region-shares.js";
import type { NewModelsWeek } from "./types.js";

const DAY_MS = 86_400_000;

/** `Date#toISOString` form, in which text order is time order. */
const CANONICAL_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * A test for "created within the last 8 weeks before `asOf`" (unknown dates are not new). It runs
 * on every model of a snapshot, so canonical ISO strings (all the boundary writes) are compared as
 * text instead of being parsed; anything else is parsed.
 */
export function newModelTest(asOf: Date): (model: Pick<ModelRecord, "createdAt">) => boolean {
  const latest = asOf.toISOString();
  const earliestExcluded = new Date(asOf.getTime() - NEW_MODEL_DAYS * DAY_MS).toISOString();
  return ({ createdAt }) => {
    if (createdAt === null) return false;
    if (CANONICAL_ISO.test(createdAt)) return createdAt <= latest && createdAt > earliestExcluded;
    const created = Date.parse(createdAt);
    return (
      !Number.isNaN(created) &&
      created <= asOf.getTime() &&
      asOf.getTime() - created < NEW_MODEL_DAYS * DAY_MS
    );
  };
}

/** True when the model was created within the last 8 weeks before `asOf`. */
export function isNewModel(model: Pick<ModelRecord, "createdAt">, asOf: Date): boolean {
  return newModelTest(asOf)(model);
}

/** The UTC Monday 00:00 of the week containing `date`, as an ISO date (`2026-11-23`). */
export function weekStartOf(date: Date): string {
  const day = date.getUTCDay(); // 0 = Sunday
  const sinceMonday = (day + 6) % 7;
  const monday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday),
  );
  return monday.toISOString().slice(0, 10);
}

/**
 * How much of the week starting `weekStart` (an ISO date) lies in the 8 weeks before `asOf`, in
 * milliseconds: 7 days for a whole week, less for the first and last weeks of the window.
 */
export function weekCoverageMs(weekStart: string, asOf: Date): number {
  const start = Math.max(Date.parse(weekStart), asOf.getTime() - NEW_MODEL_DAYS * DAY_MS);
  const end = Math.min(Date.parse(weekStart) + 7 * DAY_MS, asOf.getTime());
  return Math.max(0, end - start);
}

/**
 * Models created per week and region over the 8 weeks before `asOf`, oldest week first. The first
 * and last weeks may be partial: the window is exactly 8 weeks, not whole calendar weeks.
 */
export function newModelsPerWeek(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  asOf: Date,
  creditOf: (model: ModelRecord) => string = (model) => model.author,
): NewModelsWeek[] {
  const weeks = new Map<string, NewModelsWeek>();
  for (let i = 8; i >= 0; i -= 1) {
    const start = weekStartOf(new Date(asOf.getTime() - i * 7 * DAY_MS));
    if (!weeks.has(start) && asOf.getTime() - Date.parse(start) < (NEW_MODEL_DAYS + 7) * DAY_MS) {
      weeks.set(start, { weekStart: start, total: 0, byRegion: emptyRegionRecord() });
    }
  }
  const isNew = newModelTest(asOf);
  for (const m of models) {
    if (m.createdAt === null || !isNew(m)) continue;
    const week = weeks.get(weekStartOf(new Date(m.createdAt)));
    if (week === undefined) continue;
    week.total += 1;
    week.byRegion[lookup.regionOf(creditOf(m))] += 1;
  }
  return [...weeks.values()]
    .filter((w) => Date.parse(w.weekStart) + 7 * DAY_MS > asOf.getTime() - NEW_MODEL_DAYS * DAY_MS)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
