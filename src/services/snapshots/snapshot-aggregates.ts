import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Logger } from "pino";
import { keepRecent } from "../cache/keep-recent.js";
import { ALL_METHODS, type CountingMethod, methodKey } from "../method/method.js";
import { historyPoint } from "../stats/compute-trend-stats.js";
import type { RegionLookup } from "../stats/inputs.js";
import { memoizedLookup } from "../stats/model-facts.js";
import { type SnapshotAggregate, universeAggregatesSteps } from "../stats/region-shares.js";
import { runSliced } from "../stats/stepped.js";
import { type StoredAggregate, storedAggregateOf } from "../stats/stored-aggregates.js";
import type { RegionHistoryPoint } from "../stats/types.js";
import type { AggregateStore } from "../storage/aggregate-store.js";
import type { Snapshot } from "../storage/snapshot-store.js";

/** Snapshots asked about per query when looking for missing aggregates: ~5–10 ms each here. */
const MISSING_BATCH = 30;

/**
 * Aggregates kept in memory, by snapshot and method: those of the snapshots /trends compares with
 * (the newest and one per window) and a few more. Each is ~0.5 MB (every organisation credited):
 * keeping every one computed made a backfill of 180 snapshots grow the heap by ~250 MB and the
 * garbage collector's full pauses reach 164 ms (`npm run bench scale`).
 */
const KEPT_AGGREGATES = 24;

/** Where the per-snapshot aggregates are kept, which version of them this code trusts, and where a failure to keep one is said. */
export interface AggregateSource {
  store: AggregateStore;
  version: string;
  logger: Logger;
}

/**
 * History points and comparison aggregates for the trends service, read from the aggregates
 * stored beside each snapshot. A snapshot without them (saved by a collection run a moment ago, or
 * before migration 6) has them computed once, one counting method at a time with the event loop
 * free in between, and stored. Without an {@link AggregateSource} (a lookup other than the bundled
 * attribution, whose figures must not be stored as the product's), points are computed from the
 * snapshots themselves, as before.
 */
export interface SnapshotAggregates {
  /** The history points of these snapshots under `method`, in the order of `ids` (missing ones left out). */
  points(ids: readonly number[], method: CountingMethod): Promise<RegionHistoryPoint[]>;
  /** The stored aggregate of `snapshot` under `method`, or null (the caller computes it). */
  aggregateOf(snapshot: Snapshot, method: CountingMethod): Promise<SnapshotAggregate | null>;
  /** The aggregate stored for snapshot `id` under `method`, or null: read, never computed. */
  storedAggregate(id: number, method: CountingMethod): Promise<SnapshotAggregate | null>;
  /** Computes and stores every snapshot's missing aggregates, oldest first; returns how many. */
  backfill(): Promise<number>;
}

export function createSnapshotAggregates(deps: {
  source: AggregateSource | null;
  lookup: RegionLookup;
  /** Loads a snapshot, sharing what the trends service has loaded already (without adding to it). */
  load: (id: number) => Promise<Snapshot | null>;
  /** Every stored snapshot's id, oldest first. */
  snapshotIds: () => Promise<number[]>;
}): SnapshotAggregates {
  const { source, load, snapshotIds } = deps;
  // Snapshots whose aggregates of this version are stored (they never change once stored).
  const complete = new Set<number>();
  // The lookup /trends uses too, so that the newest snapshot's aggregation is shared with it.
  const lookup = memoizedLookup(deps.lookup);
  // Points are a few hundred bytes (per snapshot and method): keep every one asked for.
  const points = new Map<string, RegionHistoryPoint>();
  const aggregates = new Map<string, SnapshotAggregate>();
  const computing = new Map<number, Promise<StoredAggregate[]>>();

  /** Remembers an aggregate asked for, forgetting the least recently asked beyond the bound. */
  const keep = (key: string, aggregate: SnapshotAggregate) =>
    keepRecent(aggregates, key, aggregate, KEPT_AGGREGATES);

  /**
   * Computes and stores one snapshot's aggregates, one method at a time with the event loop free
   * in between, and remembers its (small) history points; returns what it made, which only the
   * caller that asked for an aggregate keeps.
   */
  async function compute(id: number, loaded?: Snapshot): Promise<StoredAggregate[]> {
    const snapshot = loaded ?? (await load(id));
    if (snapshot === null || source === null) return [];
    const made: StoredAggregate[] = [];
    for (const method of ALL_METHODS) {
      // Aggregated a few milliseconds at a time; storedAggregateOf then finds it remembered, and
      // takes ~10 ms more, in a turn of its own.
      await runSliced(universeAggregatesSteps(snapshot, lookup, method));
      await yieldToEventLoop();
      made.push(storedAggregateOf(snapshot, lookup, method));
      await yieldToEventLoop();
    }
    for (const { method, point } of made) points.set(`${id}:${methodKey(method)}`, point);
    try {
      await source.store.put(id, { version: source.version, aggregates: made });
    } catch (error) {
      // Storing them saves later work; the answer that needed them has them (a full disk, say, must
      // not turn /trends into an apology). Their aggregates are computed again when next needed.
      source.logger.warn(
        { err: error, snapshotId: id },
        "could not store a snapshot's aggregates; they are computed again when next needed",
      );
    }
    return made;
  }

  function computeOnce(id: number, loaded?: Snapshot): Promise<StoredAggregate[]> {
    let pending = computing.get(id);
    if (pending === undefined) {
      pending = compute(id, loaded).finally(() => computing.delete(id));
      computing.set(id, pending);
    }
    return pending;
  }

  async function pointsOf(ids: readonly number[], method: CountingMethod): Promise<RegionHistoryPoint[]> {
    const key = (id: number) => `${id}:${methodKey(method)}`;
    const unknown = ids.filter((id) => !points.has(key(id)));
    if (source === null) {
      for (const id of unknown) {
        const snapshot = await load(id);
        if (snapshot !== null) points.set(key(id), historyPoint(snapshot, lookup, method));
      }
    } else if (unknown.length > 0) {
      const stored = await source.store.points(unknown, method, source.version);
      for (const [id, point] of stored) points.set(key(id), point);
      for (const id of unknown) if (!stored.has(id)) await computeOnce(id);
    }
    return ids.map((id) => points.get(key(id))).filter((p): p is RegionHistoryPoint => p !== undefined);
  }

  async function storedAggregate(id: number, method: CountingMethod): Promise<SnapshotAggregate | null> {
    if (source === null) return null;
    const key = `${id}:${methodKey(method)}`;
    const known = aggregates.get(key);
    if (known !== undefined) {
      keep(key, known);
      return known;
    }
    const stored = await source.store.aggregate(id, method, source.version);
    if (stored !== null) keep(key, stored);
    return stored;
  }

  return {
    points: pointsOf,
    storedAggregate,
    async aggregateOf(snapshot, method) {
      if (source === null) return null;
      const stored = await storedAggregate(snapshot.id, method);
      if (stored !== null) return stored;
      const made = await computeOnce(snapshot.id, snapshot);
      const wanted = made.find((one) => methodKey(one.method) === methodKey(method))?.aggregate ?? null;
      if (wanted !== null) keep(`${snapshot.id}:${methodKey(method)}`, wanted);
      return wanted;
    },
    async backfill() {
      if (source === null) return 0;
      // Only snapshots not known complete are asked about, a batch at a time with the event loop
      // free in between: after the first run, that is just the snapshots saved since.
      const unknown = (await snapshotIds()).filter((id) => !complete.has(id));
      let filled = 0;
      for (let start = 0; start < unknown.length; start += MISSING_BATCH) {
        const batch = unknown.slice(start, start + MISSING_BATCH);
        const missing = await source.store.missing(source.version, ALL_METHODS.length, batch);
        for (const id of batch) if (!missing.includes(id)) complete.add(id);
        for (const id of missing) {
          await computeOnce(id);
          complete.add(id);
        }
        filled += missing.length;
        await yieldToEventLoop();
      }
      return filled;
    },
  };
}
