import type { ModelRecord } from "../hub/types.js";
import { NEW_MODEL_DAYS, type RegionLookup } from "./inputs.js";
import { factsOf } from "./model-facts.js";
import { emptyRegionRecord } from "./region-shares.js";
import type { NewModelsWeek } from "./types.js";

const DAY_MS = 86_400_000;

/** True when the model was created within the last 8 weeks before `asOf` (unknown dates are not new). */
export function isNewModel(model: ModelRecord, asOf: Date): boolean {
  const created = factsOf(model).createdMs;
  if (Number.isNaN(created)) return false;
  return created <= asOf.getTime() && asOf.getTime() - created < NEW_MODEL_DAYS * DAY_MS;
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
 * Models created per week and region over the 8 weeks before `asOf`, oldest week first. The first
 * and last weeks may be partial: the window is exactly 8 weeks, not whole calendar weeks.
 */
export function newModelsPerWeek(
  models: readonly ModelRecord[],
  lookup: RegionLookup,
  asOf: Date,
): NewModelsWeek[] {
  const weeks = new Map<string, NewModelsWeek>();
  for (let i = 8; i >= 0; i -= 1) {
    const start = weekStartOf(new Date(asOf.getTime() - i * 7 * DAY_MS));
    if (!weeks.has(start) && asOf.getTime() - Date.parse(start) < (NEW_MODEL_DAYS + 7) * DAY_MS) {
      weeks.set(start, { weekStart: start, total: 0, byRegion: emptyRegionRecord() });
    }
  }
  for (const m of models) {
    if (!isNewModel(m, asOf)) continue;
    const week = weeks.get(weekStartOf(new Date(factsOf(m).createdMs)));
    if (week === undefined) continue;
    week.total += 1;
    week.byRegion[lookup.regionOf(m.author)] += 1;
  }
  return [...weeks.values()]
    .filter((w) => Date.parse(w.weekStart) + 7 * DAY_MS > asOf.getTime() - NEW_MODEL_DAYS * DAY_MS)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart));
}
