import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { QueryCache } from "../cache/query-cache.js";
import {
  type Cohort,
  type CountingMethod,
  type CreditMethod,
  methodKey,
  methodOf,
} from "../method/method.js";
import { REGIONS, type Region } from "../regions/types.js";
import { computeTrendStats, historyPoint, type StatsLimits } from "../stats/compute-trend-stats.js";
import type { RegionLookup } from "../stats/inputs.js";
import type { RegionHistoryPoint, TrendStats } from "../stats/types.js";
import type { Snapshot, SnapshotMeta, SnapshotStore } from "../storage/snapshot-store.js";
import { SNAPSHOT_QUERY_PREFIX, type SnapshotCollector } from "./collector.js";
import { comparisonRange, pickComparison, type WindowChoice } from "./comparison-window.js";

/** Comparison windows `/trends` offers, in weeks. */
export const WINDOWS = [1, 4, 12] as const;
export type WindowWeeks = (typeof WINDOWS)[number];

export interface StatsQuery {
  region: Region | null;
  windowWeeks: WindowWeeks;
  /** Who gets the credit for a download; the default method's (`lineage`) when absent. */
  by?: CreditMethod;
  /** Which models count; the default method's (`all`) when absent. */
  cohort?: Cohort;
  /** Longer lists than the defaults, e.g. every organisation for `/compare` (cached separately). */
  limits?: Partial<StatsLimits>;
}

export interface StatsAnswer {
  stats: TrendStats;
  /** How old the snapshot is, from the service's clock. */
  dataAgeMs: number;
}

/** No snapshot is stored and the Hub could not be read to make one. */
export class NoDataError extends Error {
  override readonly name = "NoDataError";
}

export interface TrendsService {
  /** Stats from the newest snapshot, collecting one first only when none exists. */
  stats(query: StatsQuery): Promise<StatsAnswer>;
  /** The newest snapshot, collecting one first only when none exists. */
  latestSnapshot(): Promise<Snapshot>;
  /**
   * The newest stored snapshot, or null when none is stored: never reaches the Hub, so it suits
   * autocomplete and checking input before answering. Loaded snapshots are shared with `stats`.
   */
  newestStored(): Snapshot | null;
  /**
   * The older snapshot `stats` compares `current` with over `windowWeeks`: the one nearest to
   * exactly that long before (±12 h), else the nearest there is (see `pickComparison`); null only
   * when there is no older snapshot. Its `takenAt` says the real span.
   */
  previousOf(current: Snapshot, windowWeeks: WindowWeeks): Snapshot | null;
  /** `previousOf` with whether the snapshot is the one asked for (`exact`) or the nearest there was. */
  comparisonOf(current: Snapshot, windowWeeks: WindowWeeks): WindowChoice<Snapshot> | null;
  /**
   * Computes the stats `/trends` asks for most (the overview and each region, this week) from
   * stored snapshots, yielding between them, so the first person to ask after a new snapshot does
   * not wait for the aggregation. Does nothing when nothing is stored.
   */
  warm(): Promise<void>;
}

const DAY_MS = 86_400_000;
/** A history line needs no more points than a chart can show legibly. */
const MAX_HISTORY_POINTS = 24;
/** The newest snapshot plus what the 1-, 4- and 12-week windows compare it with. */
const MAX_LOADED_SNAPSHOTS = 4;

export function createTrendsService(deps: {
  store: SnapshotStore;
  cache: QueryCache;
  collector: SnapshotCollector;
  lookup: RegionLookup;
  clock: () => Date;
}): TrendsService {
  const { store, cache, collector, lookup, clock } = deps;

  // Loaded snapshots are kept (a few: the newest and what the windows compare it with) so that
  // per-snapshot aggregates computed for one query are reused by the next; history points are
  // kept without their models, since a point is six numbers (per snapshot and method).
  const loaded = new Map<number, Snapshot>();
  const points = new Map<string, RegionHistoryPoint>();

  function load(id: number): Snapshot | null {
    const found = loaded.get(id);
    if (found !== undefined) {
      loaded.delete(id);
      loaded.set(id, found);
      return found;
    }
    const snapshot = store.load(id);
    if (snapshot === null) return null;
    loaded.set(id, snapshot);
    for (const key of loaded.keys()) {
      if (loaded.size <= MAX_LOADED_SNAPSHOTS) break;
      loaded.delete(key);
    }
    return snapshot;
  }

  function point(id: number, method: CountingMethod): RegionHistoryPoint | null {
    const key = `${id}:${methodKey(method)}`;
    const found = points.get(key);
    if (found !== undefined) return found;
    const snapshot = load(id);
    if (snapshot === null) return null;
    const made = historyPoint(snapshot, lookup, method);
    points.set(key, made);
    return made;
  }

  function newest(): Snapshot | null {
    const meta = store.newestMeta();
    return meta === null ? null : load(meta.id);
  }

  async function latestSnapshot(): Promise<Snapshot> {
    const stored = newest();
    if (stored !== null) return stored;
    try {
      await collector.collect();
    } catch (error) {
      throw new NoDataError(
        `no snapshot is stored yet and the Hub could not be read: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const collected = newest();
    if (collected === null) throw new NoDataError("the collection run saved no snapshot");
    return collected;
  }

  function comparisonOf(current: Snapshot, windowWeeks: WindowWeeks): WindowChoice<Snapshot> | null {
    const { from, to } = comparisonRange(current.takenAt, windowWeeks);
    const candidates: SnapshotMeta[] = store.between(from, to);
    // The one snapshot older than the range that a gap around the target may leave as the choice.
    const before = store.nearestAtOrBefore(new Date(from.getTime() - 1));
    if (before !== null) candidates.push(before);
    const choice = pickComparison(current, windowWeeks, candidates);
    if (choice === null) return null;
    const snapshot = load(choice.snapshot.id);
    return snapshot === null ? null : { snapshot, exact: choice.exact };
  }

  function compute(current: Snapshot, query: StatsQuery): TrendStats {
    const method = methodOf(query);
    const asOf = Date.parse(current.takenAt);
    const comparison = comparisonOf(current, query.windowWeeks);
    // The history line spans the window, or what was compared when that reaches further back.
    const fromMs = Math.min(
      asOf - query.windowWeeks * 7 * DAY_MS,
      comparison === null ? asOf : Date.parse(comparison.snapshot.takenAt),
    );
    const history = thin(store.between(new Date(fromMs), new Date(asOf)), MAX_HISTORY_POINTS)
      .map((meta) => point(meta.id, method))
      .filter((p): p is RegionHistoryPoint => p !== null);
    return computeTrendStats({
      current,
      previous: comparison?.snapshot ?? null,
      windowWeeks: query.windowWeeks,
      method,
      history,
      region: query.region,
      lookup,
      ...(query.limits === undefined ? {} : { limits: query.limits }),
    });
  }

  async function stats(query: StatsQuery): Promise<StatsAnswer> {
    const method = methodKey(methodOf(query));
    const key = `${SNAPSHOT_QUERY_PREFIX}stats:${query.region ?? "all"}:${query.windowWeeks}:${method}${limitsKey(query.limits)}`;
    const cached = await cache.get(key, async () => compute(await latestSnapshot(), query));
    return { stats: cached.value, dataAgeMs: clock().getTime() - Date.parse(cached.value.asOf) };
  }

  return {
    latestSnapshot,
    newestStored: newest,
    previousOf: (current, windowWeeks) => comparisonOf(current, windowWeeks)?.snapshot ?? null,
    comparisonOf,
    stats,
    async warm() {
      if (newest() === null) return;
      for (const region of [null, ...REGIONS]) {
        await yieldToEventLoop();
        await stats({ region, windowWeeks: 1 });
      }
    },
  };
}

/** The part of a cache key that tells lists of other lengths apart; empty for the defaults. */
function limitsKey(limits: Partial<StatsLimits> | undefined): string {
  if (limits === undefined) return "";
  const parts = Object.entries(limits)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`);
  return parts.length === 0 ? "" : `:${parts.join(",")}`;
}

/** At most `max` items, evenly spread, always keeping the first and the last. */
export function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]).filter(
    (x): x is T => x !== undefined,
  );
}
