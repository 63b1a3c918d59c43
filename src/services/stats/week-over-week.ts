import type { ModelRecord } from "../hub/types.js";
import type { RegionLookup } from "./inputs.js";
import { emptyRegionRecord, REGION_ORDER, type UniverseAggregates } from "./region-shares.js";
import type { OrgMover, WeekOverWeek } from "./types.js";

/** Percentage points between two shares, rounded to 0.01 pp so float noise does not rank movers. */
export function changeInPp(share: number, previousShare: number): number {
  return Math.round((share - previousShare) * 10_000) / 100;
}

/**
 * Compares the universes of two snapshots. Movers are organisations whose share of downloads
 * moved most; with `regionFilter`, only that region's organisations are candidates.
 */
export function compareUniverses(input: {
  current: UniverseAggregates;
  previous: UniverseAggregates;
  previousAsOf: string;
  lookup: RegionLookup;
  regionFilter: string | null;
  moverCount: number;
}): WeekOverWeek {
  const { current, previous, lookup } = input;
  const now = current.shares;
  const before = previous.shares;
  const regions = REGION_ORDER.map((region) => ({
    region,
    share: now[region],
    previousShare: before[region],
    changePp: changeInPp(now[region], before[region]),
  }));

  const nowOrgs = new Map(current.orgs.map((o) => [o.author, o]));
  const beforeOrgs = new Map(previous.orgs.map((o) => [o.author, o]));
  const authors = new Set([...nowOrgs.keys(), ...beforeOrgs.keys()]);
  const movers: OrgMover[] = [];
  for (const author of authors) {
    const region = lookup.regionOf(author);
    if (input.regionFilter !== null && region !== input.regionFilter) continue;
    const share = nowOrgs.get(author)?.share ?? 0;
    const previousShare = beforeOrgs.get(author)?.share ?? 0;
    const changePp = changeInPp(share, previousShare);
    if (changePp !== 0) movers.push({ author, region, share, previousShare, changePp });
  }
  movers.sort((a, b) => Math.abs(b.changePp) - Math.abs(a.changePp) || a.author.localeCompare(b.author));

  return {
    previousAsOf: input.previousAsOf,
    regions,
    movers: movers.slice(0, input.moverCount),
    downloadsBetween: downloadsBetween(current.models, previous.models, lookup),
  };
}

/**
 * Downloads between two snapshots from all-time counters of models present in both. A counter that
 * went down (a repo re-created under the same name) contributes nothing rather than a negative.
 */
function downloadsBetween(
  current: readonly ModelRecord[],
  previous: readonly ModelRecord[],
  lookup: RegionLookup,
): WeekOverWeek["downloadsBetween"] {
  const before = allTimeCounts(previous);
  const byRegion = emptyRegionRecord();
  let total = 0;
  let matched = 0;
  for (const m of current) {
    const old = before.get(m.id);
    if (m.downloadsAllTime === null || old === undefined) continue;
    matched += 1;
    const delta = Math.max(0, m.downloadsAllTime - old);
    total += delta;
    byRegion[lookup.regionOf(m.author)] += delta;
  }
  return matched === 0 ? null : { total, byRegion };
}

const allTimeByModels = new WeakMap<readonly ModelRecord[], Map<string, number>>();

/** All-time download counters by model id, built once per (immutable) snapshot universe. */
function allTimeCounts(models: readonly ModelRecord[]): Map<string, number> {
  let counts = allTimeByModels.get(models);
  if (counts === undefined) {
    counts = new Map();
    for (const m of models) if (m.downloadsAllTime !== null) counts.set(m.id, m.downloadsAllTime);
    allTimeByModels.set(models, counts);
  }
  return counts;
}
