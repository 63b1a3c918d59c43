import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { keepRecent } from "../cache/keep-recent.js";
import type { QueryCache } from "../cache/query-cache.js";
import {
  type Cohort,
  type CountingMethod,
  type CreditMethod,
  DEFAULT_METHOD,
  methodKey,
  methodOf,
} from "../method/method.js";
import { REGIONS, type Region } from "../regions/types.js";
import { type StatsLimits, trendStatsSteps } from "../stats/compute-trend-stats.js";
import type { RegionLookup } from "../stats/inputs.js";
import { memoizedLookup } from "../stats/model-facts.js";
import { type UniverseAggregates, universeAggregatesSteps } from "../stats/region-shares.js";
import { runSliced } from "../stats/stepped.js";
import type { TrendStats } from "../stats/types.js";
import type { Snapshot, SnapshotMeta, SnapshotStore } from "../storage/snapshot-store.js";
import { SNAPSHOT_QUERY_PREFIX, type SnapshotCollector } from "./collector.js";
import { comparisonRange, pickComparison, type WindowChoice } from "./comparison-window.js";
import { nameIndexOf } from "./name-index.js";
import { prepareSnapshot } from "./prepare-snapshot.js";
import { type AggregateSource, createSnapshotAggregates } from "./snapshot-aggregates.js";
import type { AnswerPlace, StoredAnswers } from "./stored-answers.js";

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

/** What {@link TrendsService.refresh} found. */
export interface RefreshResult {
  /** The newest stored snapshot's meta; null when none is stored. */
  newest: SnapshotMeta | null;
  /** True when the newest snapshot differs from the one answers came from until now. */
  changed: boolean;
}

/**
 * Stats and snapshots for every answer, from an in-memory view of the newest stored snapshot (with
 * what the comparison windows compare it with). The view follows the database through
 * {@link TrendsService.refresh}: the bot calls it on every collection tick (once a minute) and
 * after its own collections, so a snapshot saved by any process, on any machine, is what this
 * process answers from within a minute. Answers never wait on the database for the newest
 * snapshot's id.
 */
export interface TrendsService {
  /** Stats from the newest snapshot, collecting one first only when none exists. */
  stats(query: StatsQuery): Promise<StatsAnswer>;
  /** The newest snapshot, collecting one first only when none exists. */
  latestSnapshot(): Promise<Snapshot>;
  /**
   * The newest stored snapshot as of the last refresh, or null when none was stored (or none has
   * been read yet): memory only, never the database nor the Hub, so it suits autocomplete and
   * checking input before answering. Loaded snapshots are shared with `stats`.
   */
  newestStored(): Snapshot | null;
  /**
   * The older snapshot `stats` compares `current` with over `windowWeeks`: the one nearest to
   * exactly that long before (±12 h), else the nearest there is (see `pickComparison`); null only
   * when there is no older snapshot. Its `takenAt` says the real span. Memory only: `current` must
   * be a snapshot `newestStored` or `latestSnapshot` returned (it throws otherwise).
   */
  previousOf(current: Snapshot, windowWeeks: WindowWeeks): Snapshot | null;
  /** `previousOf` with whether it is the snapshot asked for (`exact`): memory only, like it. */
  knownComparisonOf(current: Snapshot, windowWeeks: WindowWeeks): WindowChoice<Snapshot> | null;
  /** `previousOf` with whether the snapshot is the one asked for (`exact`) or the nearest there was. */
  comparisonOf(current: Snapshot, windowWeeks: WindowWeeks): Promise<WindowChoice<Snapshot> | null>;
  /**
   * Reads the newest stored snapshot's id (one indexed row) and, when it changed, loads it and its
   * comparisons, makes it the view every answer uses, and drops the cached answers computed from
   * the previous one. Concurrent calls share one refresh.
   */
  refresh(): Promise<RefreshResult>;
  /**
   * Computes the stats `/trends` asks for most (the overview and each region, over each window)
   * from stored snapshots, yielding between them, and stores them, so that the first person to ask
   * after a new snapshot, in this process or any other, does not wait for the aggregation (those
   * another process stored already are read, not computed). Does nothing when nothing is stored.
   * With `backfill` (the default), first computes and stores the aggregates of any snapshot that
   * has none yet (the one just collected, or every snapshot saved before migration 6), one method
   * at a time: the scheduler's job, so that N interaction replicas do not each do it; a process that
   * skips it still computes, and stores, whatever aggregate a history it is asked for lacks.
   */
  warm(options?: { backfill?: boolean }): Promise<void>;
  /** Computes and stores the aggregates of every snapshot that has none; returns how many. */
  backfillAggregates(): Promise<number>;
  /**
   * Aggregates `snapshot`'s universe under `method` a few milliseconds at a time, unless that is
   * in memory already, so that the synchronous functions over it (`orgProfile`, `snapshotSource`)
   * then find it there: for a check about a compared snapshot, or under a method other than the
   * default (the newest snapshot's under the default is worked out at each refresh).
   */
  universeOf(snapshot: Snapshot, method: CountingMethod): Promise<UniverseAggregates>;
}

const DAY_MS = 86_400_000;
/** A history line needs no more points than a chart can show legibly. */
const MAX_HISTORY_POINTS = 24;
/** The newest snapshot plus what the 1-, 4- and 12-week windows compare it with. */
const MAX_LOADED_SNAPSHOTS = 4;

/** The newest snapshot and, by window, what it is compared with: what answers are made from. */
interface View {
  newest: Snapshot;
  /** The store's change mark when the view was made: another mark means other comparisons. */
  mark: string;
  comparisons: Map<WindowWeeks, WindowChoice<Snapshot> | null>;
}

export function createTrendsService(deps: {
  store: SnapshotStore;
  cache: QueryCache;
  collector: SnapshotCollector;
  lookup: RegionLookup;
  clock: () => Date;
  /**
   * Stored per-snapshot aggregates, for history lines and comparisons; without it they are
   * computed from the snapshots (a lookup other than the bundled attribution, in tests).
   */
  aggregates?: AggregateSource;
  /**
   * Computed answers of the newest snapshot kept in the database, read before computing and
   * written after; without it (a lookup other than the bundled attribution) every process computes.
   */
  answers?: StoredAnswers;
  /**
   * Load every window's compared snapshot at each refresh, so that `knownComparisonOf` answers from
   * memory (the bot, for /model and /org). False for one-shot use (the CLI asks one window): each
   * is then loaded when first asked, and `knownComparisonOf` throws. True by default.
   */
  preloadComparisons?: boolean;
}): TrendsService {
  const { store, cache, collector, lookup, clock } = deps;
  const preloadComparisons = deps.preloadComparisons ?? true;

  // Loaded snapshots are kept (a few: the newest and what the windows compare it with) so that
  // per-snapshot aggregates computed for one query are reused by the next. History points and the
  // compared snapshots' aggregates come from what is stored beside each snapshot.
  const loaded = new Map<number, Snapshot>();
  const loading = new Map<number, Promise<Snapshot | null>>();
  let view: View | null = null;
  // By snapshot, so that a caller still holding the previous newest gets its comparisons.
  const views = new WeakMap<Snapshot, View>();
  let refreshing: Promise<RefreshResult> | null = null;

  const remember = (id: number, snapshot: Snapshot) => keepRecent(loaded, id, snapshot, MAX_LOADED_SNAPSHOTS);

  async function load(id: number): Promise<Snapshot | null> {
    const found = loaded.get(id);
    if (found !== undefined) {
      remember(id, found);
      return found;
    }
    const pending = loading.get(id);
    if (pending !== undefined) return pending;
    const started = store.load(id).then((snapshot) => {
      if (snapshot !== null) remember(id, snapshot);
      return snapshot;
    });
    loading.set(id, started);
    try {
      return await started;
    } finally {
      loading.delete(id);
    }
  }

  const aggregates = createSnapshotAggregates({
    source: deps.aggregates ?? null,
    lookup,
    // What is loaded only to aggregate it (a backfill goes through every snapshot) is not kept:
    // it would push the newest and its comparisons out, and hold ~15 MB per snapshot in the heap.
    load: async (id) => loaded.get(id) ?? (await store.load(id)),
    snapshotIds: async () => (await store.list()).map((meta) => meta.id).reverse(),
  });

  async function chooseComparison(current: Snapshot, windowWeeks: WindowWeeks) {
    const { from, to } = comparisonRange(current.takenAt, windowWeeks);
    const candidates: SnapshotMeta[] = await store.between(from, to);
    // The one snapshot older than the range that a gap around the target may leave as the choice.
    const before = await store.nearestAtOrBefore(new Date(from.getTime() - 1));
    if (before !== null) candidates.push(before);
    return pickComparison(current, windowWeeks, candidates);
  }

  async function findComparison(current: Snapshot, windowWeeks: WindowWeeks) {
    const choice = await chooseComparison(current, windowWeeks);
    if (choice === null) return null;
    const snapshot = await load(choice.snapshot.id);
    return snapshot === null ? null : { snapshot, exact: choice.exact };
  }

  function knownComparisonOf(current: Snapshot, windowWeeks: WindowWeeks): WindowChoice<Snapshot> | null {
    const known = views.get(current);
    if (known === undefined) {
      throw new Error(
        `previousOf takes a snapshot newestStored() or latestSnapshot() returned, not ${current.id}`,
      );
    }
    if (!preloadComparisons)
      throw new Error("knownComparisonOf needs preloadComparisons (the bot's service)");
    return known.comparisons.get(windowWeeks) ?? null;
  }

  async function comparisonOf(current: Snapshot, windowWeeks: WindowWeeks) {
    const known = views.get(current)?.comparisons;
    if (known?.has(windowWeeks)) return known.get(windowWeeks) ?? null;
    const found = await findComparison(current, windowWeeks);
    known?.set(windowWeeks, found);
    return found;
  }

  async function readNewest(): Promise<RefreshResult> {
    const [meta, mark] = await Promise.all([store.newestMeta(), store.changeMark()]);
    const previous: View | null = view;
    if (meta !== null && meta.id === previous?.newest.id && mark === previous.mark)
      return { newest: meta, changed: false };
    const newest = meta === null ? null : await load(meta.id);
    // Deleted between the two reads: keep the view; the next refresh sees what is there.
    if (meta !== null && newest === null) return { newest: previous?.newest ?? null, changed: false };
    let next: View | null = null;
    if (newest !== null) {
      const comparisons = new Map<WindowWeeks, WindowChoice<Snapshot> | null>();
      if (preloadComparisons) {
        for (const windowWeeks of WINDOWS)
          comparisons.set(windowWeeks, await findComparison(newest, windowWeeks));
      }
      next = { newest, mark, comparisons };
      views.set(newest, next);
      // Autocomplete's index and the per-model facts of the new snapshot are worked out here, a
      // slice at a time, not in the first person's answer.
      await prepareSnapshot(newest, lookup);
      // The bot's: what /top, /model, /org and /about read synchronously of the newest snapshot
      // (its names, the default method's universe) is worked out here too, in slices. A replica
      // answering /trends from stored answers would otherwise aggregate it in one block at its
      // first /top or /org (60–130 ms on 10,000 models: `npm run bench scale`). A one-shot
      // process does it only if a command asks. (The compared snapshots' are worked out by the
      // check that needs them, also in slices: see `universeOf`.)
      if (preloadComparisons) {
        await universeOf(newest, DEFAULT_METHOD);
        // In a turn of its own: 10–22 ms for 10,000 models, after a slice of up to ~8 ms.
        await yieldToEventLoop();
        nameIndexOf(newest);
      }
    }
    view = next;
    // Answers cached from the previous snapshot are out of date now (not after the first read:
    // nothing was computed before it).
    if (previous !== null) cache.invalidate(SNAPSHOT_QUERY_PREFIX);
    return { newest: meta, changed: previous !== next };
  }

  const sharedLookup = memoizedLookup(lookup);
  function universeOf(snapshot: Snapshot, method: CountingMethod): Promise<UniverseAggregates> {
    return runSliced(universeAggregatesSteps(snapshot, sharedLookup, method));
  }

  function refresh(): Promise<RefreshResult> {
    refreshing ??= readNewest().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** The view as it is now (a function: TypeScript would keep a narrowing across an await). */
  const currentView = (): View | null => view;

  async function latestSnapshot(): Promise<Snapshot> {
    if (currentView() === null) await refresh();
    const stored = currentView();
    if (stored !== null) return stored.newest;
    try {
      await collector.collect();
    } catch (error) {
      throw new NoDataError(
        `no snapshot is stored yet and the Hub could not be read: ${(error as Error).message}`,
        { cause: error },
      );
    }
    await refresh();
    const collected = currentView();
    if (collected === null) throw new NoDataError("the collection run saved no snapshot");
    return collected.newest;
  }

  /**
   * What the stats read of the compared snapshot: the bot's is in memory (preloaded for /model and
   * /org); a one-shot process (the CLI) reads its stored aggregate and all-time counters instead of
   * loading its 10,000 models, and loads it only when no aggregate is stored.
   */
  async function comparedFigures(current: Snapshot, windowWeeks: WindowWeeks, method: CountingMethod) {
    if (!preloadComparisons) {
      const choice = await chooseComparison(current, windowWeeks);
      if (choice === null) return null;
      const { id, takenAt } = choice.snapshot;
      const aggregate = await aggregates.storedAggregate(id, method);
      if (aggregate !== null) {
        const comparedWith = { aggregate, allTimeCounts: await store.allTimeCounts(id) };
        return { takenAt, previous: null, previousAggregate: null, comparedWith };
      }
    }
    const comparison = await comparisonOf(current, windowWeeks);
    if (comparison === null) return null;
    const previousAggregate = await aggregates.aggregateOf(comparison.snapshot, method);
    return {
      takenAt: comparison.snapshot.takenAt,
      previous: comparison.snapshot,
      previousAggregate,
      comparedWith: null,
    };
  }

  async function compute(current: Snapshot, query: StatsQuery): Promise<TrendStats> {
    const method = methodOf(query);
    const asOf = Date.parse(current.takenAt);
    const compared = await comparedFigures(current, query.windowWeeks, method);
    // The history line spans the window, or what was compared when that reaches further back.
    const fromMs = Math.min(
      asOf - query.windowWeeks * 7 * DAY_MS,
      compared === null ? asOf : Date.parse(compared.takenAt),
    );
    const shown = thin(await store.between(new Date(fromMs), new Date(asOf)), MAX_HISTORY_POINTS);
    const history = await aggregates.points(
      shown.map((meta) => meta.id),
      method,
    );
    // A few milliseconds at a time: the first answer from a snapshot aggregates 10,000 models.
    return runSliced(
      trendStatsSteps({
        current,
        previous: compared?.previous ?? null,
        previousAggregate: compared?.previousAggregate ?? null,
        comparedWith: compared?.comparedWith ?? null,
        windowWeeks: query.windowWeeks,
        method,
        history,
        region: query.region,
        lookup,
        ...(query.limits === undefined ? {} : { limits: query.limits }),
      }),
    );
  }

  /**
   * Where the newest snapshot's answers are filed: from the view, else from two one-row reads, so
   * that a process that has loaded nothing yet (the CLI) can answer without loading 10,000 models.
   */
  async function answerPlace(): Promise<AnswerPlace | null> {
    const known = currentView();
    if (known !== null) return { snapshotId: known.newest.id, mark: known.mark };
    const [meta, mark] = await Promise.all([store.newestMeta(), store.changeMark()]);
    return meta === null ? null : { snapshotId: meta.id, mark };
  }

  /** The stored answer when there is one, else computed (and stored). */
  async function answer(query: StatsQuery, queryKey: string): Promise<TrendStats> {
    const { answers } = deps;
    if (answers === undefined) return compute(await latestSnapshot(), query);
    const place = await answerPlace();
    const stored = place === null ? null : await answers.read(place, queryKey);
    if (stored !== null) return stored;
    const current = await latestSnapshot();
    const computed = await compute(current, query);
    // Filed under the view it was computed from; a refresh to another snapshot meanwhile files nothing.
    const now = currentView();
    if (now?.newest === current)
      await answers.keep({ snapshotId: current.id, mark: now.mark }, queryKey, computed);
    return computed;
  }

  async function stats(query: StatsQuery): Promise<StatsAnswer> {
    const method = methodKey(methodOf(query));
    const queryKey = `${query.region ?? "all"}:${query.windowWeeks}:${method}${limitsKey(query.limits)}`;
    const cached = await cache.get(`${SNAPSHOT_QUERY_PREFIX}stats:${queryKey}`, () =>
      answer(query, queryKey),
    );
    return { stats: cached.value, dataAgeMs: clock().getTime() - Date.parse(cached.value.asOf) };
  }

  return {
    latestSnapshot,
    newestStored: () => view?.newest ?? null,
    previousOf: (current, windowWeeks) => knownComparisonOf(current, windowWeeks)?.snapshot ?? null,
    knownComparisonOf,
    comparisonOf,
    refresh,
    stats,
    backfillAggregates: () => aggregates.backfill(),
    universeOf,
    async warm({ backfill = true } = {}) {
      await refresh();
      if (currentView() === null) return;
      if (backfill) await aggregates.backfill();
      // This week first: what /trends answers unless asked otherwise.
      for (const windowWeeks of WINDOWS) {
        for (const region of [null, ...REGIONS]) {
          await yieldToEventLoop();
          await stats({ region, windowWeeks });
        }
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
