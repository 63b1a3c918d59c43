import type { ModelRecord } from "../hub/types.js";
import type { Region } from "../regions/types.js";
import type { RegionLookup } from "./inputs.js";
import {
  emptyRegionRecord,
  REGION_ORDER,
  type SnapshotAggregate,
  type UniverseAggregates,
} from "./region-shares.js";
import { eachSliced, runToEnd, type Steps } from "./stepped.js";
import type { OrgMover, OrgStat, WeekOverWeek } from "./types.js";

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** How far from exactly N weeks earlier a snapshot may be and still count as "N weeks ago". */
export const EXACT_WINDOW_TOLERANCE_MS = 12 * HOUR_MS;

/**
 * Percentage points between two shares, rounded to 0.01 pp so float noise does not rank movers.
 * Never -0 (a fall of under 0.005 pp rounds to it): JSON stores it as 0, so a stored answer would
 * differ from the computed one.
 */
export function changeInPp(share: number, previousShare: number): number {
  return Math.round((share - previousShare) * 10_000) / 100 + 0;
}

/** A change shows as ±0.0 pp below this: such a "mover" would be filler. */
const VISIBLE_PP = 0.05;

/** True when `spanMs` is within ±12 h of exactly `windowWeeks` weeks. */
export function isExactWindow(spanMs: number, windowWeeks: number): boolean {
  return Math.abs(spanMs - windowWeeks * WEEK_MS) <= EXACT_WINDOW_TOLERANCE_MS;
}

/**
 * Compares the universes of two snapshots (counted the same way): the older one's aggregate (as
 * stored beside it, or computed) and its models, for the downloads between the two. Movers are organisations whose
 * share moved most: of all downloads in the overview; with `regionFilter`, only that region's
 * organisations, ranked by their change in share of the region (what `/trends china` is about).
 */
export function compareUniverses(input: {
  current: UniverseAggregates;
  previous: SnapshotAggregate;
  /** The older snapshot's all-time download counters by model id (see `allTimeCountsOf`). */
  previousCounts: AllTimeCounts;
  lookup: RegionLookup;
  regionFilter: Region | null;
  moverCount: number;
  windowWeeks: number;
}): WeekOverWeek {
  const { current, previous, lookup } = input;
  const now = current.shares;
  const before = emptyRegionRecord();
  for (const r of previous.regions) before[r.region] = r.share;
  const regions = REGION_ORDER.map((region) => ({
    region,
    share: now[region],
    previousShare: before[region],
    changePp: changeInPp(now[region], before[region]),
  }));
  const spanMs = Date.parse(current.asOf) - Date.parse(previous.asOf);

  const nowOrgs = new Map(current.orgs.map((o) => [o.author, o]));
  const beforeOrgs = new Map(previous.orgs.map((o) => [o.author, o]));
  const authors = new Set([...nowOrgs.keys(), ...beforeOrgs.keys()]);
  const movers: OrgMover[] = [];
  const inRegion = input.regionFilter !== null;
  for (const author of authors) {
    const region = lookup.regionOf(author);
    if (inRegion && region !== input.regionFilter) continue;
    const mover = moverOf(author, region, nowOrgs.get(author), beforeOrgs.get(author));
    if (Math.abs(inRegion ? mover.regionChangePp : mover.changePp) >= VISIBLE_PP) movers.push(mover);
  }
  const key = (m: OrgMover) => Math.abs(inRegion ? m.regionChangePp : m.changePp);
  movers.sort((a, b) => key(b) - key(a) || a.author.localeCompare(b.author));

  return {
    previousAsOf: previous.asOf,
    windowWeeks: input.windowWeeks,
    spanMs,
    exact: isExactWindow(spanMs, input.windowWeeks),
    countsUnchanged: current.countsFingerprint === previous.countsFingerprint,
    regions,
    movers: movers.slice(0, input.moverCount),
    downloadsBetween: downloadsBetween(current, input.previousCounts),
  };
}

function moverOf(
  author: string,
  region: OrgMover["region"],
  now: OrgStat | undefined,
  before: OrgStat | undefined,
): OrgMover {
  const downloads = now?.downloads ?? 0;
  const previousDownloads = before?.downloads ?? 0;
  const share = now?.share ?? 0;
  const previousShare = before?.share ?? 0;
  const regionShare = now?.regionShare ?? 0;
  const previousRegionShare = before?.regionShare ?? 0;
  return {
    author,
    region,
    share,
    previousShare,
    changePp: changeInPp(share, previousShare),
    downloads,
    previousDownloads,
    downloadsChange: previousDownloads > 0 ? downloads / previousDownloads - 1 : null,
    regionShare,
    previousRegionShare,
    regionChangePp: changeInPp(regionShare, previousRegionShare),
  };
}

/** Downloads between two snapshots (see `allTimeDeltasSteps`), by region under the method. */
function downloadsBetween(
  current: UniverseAggregates,
  previous: AllTimeCounts,
): WeekOverWeek["downloadsBetween"] {
  // The same pair is compared for every region and list length asked: work it out once.
  let byPrevious = betweenCache.get(current);
  if (byPrevious === undefined) {
    byPrevious = new WeakMap();
    betweenCache.set(current, byPrevious);
  }
  const cached = byPrevious.get(previous);
  if (cached !== undefined) return cached === null ? null : { ...cached, byRegion: { ...cached.byRegion } };
  const result = countDownloadsBetween(current, previous);
  byPrevious.set(previous, result);
  return result === null ? null : { ...result, byRegion: { ...result.byRegion } };
}

const betweenCache = new WeakMap<
  UniverseAggregates,
  WeakMap<AllTimeCounts, WeekOverWeek["downloadsBetween"]>
>();

function countDownloadsBetween(
  current: UniverseAggregates,
  previous: AllTimeCounts,
): WeekOverWeek["downloadsBetween"] {
  return runToEnd(countDownloadsBetweenSteps(current, previous));
}

function* countDownloadsBetweenSteps(
  current: UniverseAggregates,
  previous: AllTimeCounts,
): Steps<WeekOverWeek["downloadsBetween"]> {
  const deltas = yield* allTimeDeltasSteps(current.snapshotModels, previous);
  const byRegion = emptyRegionRecord();
  let total = 0;
  let matched = 0;
  yield* eachSliced(current.models, (m) => {
    const delta = deltas.get(m);
    if (delta === undefined) return;
    matched += 1;
    total += delta;
    byRegion[current.regionOfModel(m)] += delta;
  });
  return matched === 0 ? null : { total, byRegion };
}

const deltasByPair = new WeakMap<readonly ModelRecord[], WeakMap<AllTimeCounts, Map<ModelRecord, number>>>();

/**
 * Works out, a slice at a time, the downloads between `current` and `previous` (the longest pass
 * of a comparison), so that {@link compareUniverses} then finds them remembered.
 */
export function* downloadsBetweenSteps(current: UniverseAggregates, previous: AllTimeCounts): Steps<void> {
  let byPrevious = betweenCache.get(current);
  if (byPrevious === undefined) {
    byPrevious = new WeakMap();
    betweenCache.set(current, byPrevious);
  }
  if (byPrevious.has(previous)) return;
  const result = yield* countDownloadsBetweenSteps(current, previous);
  if (!byPrevious.has(previous)) byPrevious.set(previous, result);
}

/**
 * Each model's downloads between two snapshots from all-time counters, for models present in both,
 * once per pair of snapshots (every method and region adds them up its own way). A counter that
 * went down (a repo re-created under the same name) contributes nothing rather than a negative.
 */
function* allTimeDeltasSteps(
  current: readonly ModelRecord[],
  before: AllTimeCounts,
): Steps<Map<ModelRecord, number>> {
  let byPrevious = deltasByPair.get(current);
  if (byPrevious === undefined) {
    byPrevious = new WeakMap();
    deltasByPair.set(current, byPrevious);
  }
  let deltas = byPrevious.get(before);
  if (deltas === undefined) {
    const made = new Map<ModelRecord, number>();
    yield* eachSliced(current, (m) => {
      const old = before.get(m.id);
      if (m.downloadsAllTime !== null && old !== undefined)
        made.set(m, Math.max(0, m.downloadsAllTime - old));
    });
    // Another caller may have finished the same pair while these steps were paused.
    deltas = byPrevious.get(before) ?? made;
    byPrevious.set(before, deltas);
  }
  return deltas;
}

/** All-time download counters by model id (models without one are left out). */
export type AllTimeCounts = ReadonlyMap<string, number>;

const allTimeByModels = new WeakMap<readonly ModelRecord[], AllTimeCounts>();

/** A snapshot's {@link AllTimeCounts}, built once per (immutable) snapshot. */
export function allTimeCountsOf(models: readonly ModelRecord[]): AllTimeCounts {
  return runToEnd(allTimeCountsSteps(models));
}

/** {@link allTimeCountsOf} as steps. */
export function* allTimeCountsSteps(models: readonly ModelRecord[]): Steps<AllTimeCounts> {
  let counts = allTimeByModels.get(models);
  if (counts === undefined) {
    const made = new Map<string, number>();
    yield* eachSliced(models, (m) => {
      if (m.downloadsAllTime !== null) made.set(m.id, m.downloadsAllTime);
    });
    counts = allTimeByModels.get(models) ?? made;
    allTimeByModels.set(models, counts);
  }
  return counts;
}
