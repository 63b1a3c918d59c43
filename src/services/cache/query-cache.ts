import NodeCache from "node-cache";
import type { Logger } from "pino";

/** A cached result and how old it is. */
export interface CachedValue<T> {
  value: T;
  /** When the loader produced `value` (the cache's clock). */
  fetchedAt: Date;
  /** True when `value` is past its TTL and is served only because the reload failed. */
  stale: boolean;
  ageMs: number;
  /** Why the reload failed; set exactly when `stale` is true. */
  error?: Error;
}

/** Counters since the cache was created. Every `get` counts as exactly one hit or one miss. */
export interface QueryCacheStats {
  /** Served fresh from the cache, without a loader call. */
  hits: number;
  /** Not fresh in the cache: the caller waited for a load (its own or a shared one). */
  misses: number;
  /** Loader calls: lower than misses when concurrent callers shared one load. */
  loads: number;
  /** Loader calls that failed. */
  loadErrors: number;
  /** Callers given a stale value after a failed reload. */
  staleServed: number;
  /** Entries held (fresh, expired or invalidated). */
  keys: number;
}

/**
 * A hot cache of query results, keyed by strings that callers build from the query and its
 * parameters (prefix them by kind, e.g. `top:models:…`, so that `invalidate` can aim and so that
 * one key never holds two types). Values are shared between callers, not copied: treat them as
 * immutable.
 */
export interface QueryCache {
  /**
   * Returns the fresh cached value for `key`, or calls `load` (once, however many callers ask at
   * the same time) and caches its result. When a reload fails and a value at most
   * `maxStaleSeconds` old exists, that value is returned with `stale: true` and the error; with
   * no such value, the promise rejects with the loader's error.
   */
  get<T>(key: string, load: () => Promise<T>): Promise<CachedValue<T>>;
  /**
   * Marks every entry whose key starts with `prefix` (all entries without one) as expired, so
   * the next `get` reloads; loads already under way for those keys will not be cached. The old
   * values stay as the stale fallback should that reload fail. Returns how many entries it marked.
   */
  invalidate(prefix?: string): number;
  stats(): QueryCacheStats;
  /** Stops node-cache's expiry timer (it is unref'd, so this is only for a tidy shutdown). */
  close(): void;
}

/** Options and dependencies of {@link createQueryCache}. */
export interface QueryCacheOptions {
  /** How long a loaded value is served without reloading. */
  ttlSeconds: number;
  clock: () => Date;
  logger: Logger;
  /** Oldest value that may still be served stale when a reload fails. Default: 7 days. */
  maxStaleSeconds?: number;
}

interface Entry {
  value: unknown;
  fetchedAt: Date;
  /** Set by invalidate(). Entries are our own objects (useClones: false), so mutating is safe. */
  invalidated: boolean;
}

interface Flight {
  promise: Promise<CachedValue<unknown>>;
  /** Callers waiting on this load, so a stale fallback is counted once per caller. */
  waiters: number;
  /** Invalidated while under way: its result predates the invalidation and must not be cached. */
  discarded: boolean;
}

const DEFAULT_MAX_STALE_SECONDS = 7 * 24 * 60 * 60;

/**
 * Creates a query cache on node-cache. Freshness is decided with the injected clock, not by
 * node-cache (whose TTL reads Date.now()): node-cache only holds `{ value, fetchedAt }` and drops
 * an entry once it is too old even to be served stale, which bounds memory.
 */
export function createQueryCache(options: QueryCacheOptions): QueryCache {
  const { ttlSeconds, clock, logger, maxStaleSeconds = DEFAULT_MAX_STALE_SECONDS } = options;
  if (!(Number.isFinite(ttlSeconds) && ttlSeconds > 0)) {
    throw new Error(`ttlSeconds must be a positive number, got ${ttlSeconds}`);
  }
  if (!(Number.isFinite(maxStaleSeconds) && maxStaleSeconds >= 0)) {
    throw new Error(`maxStaleSeconds must be a non-negative number, got ${maxStaleSeconds}`);
  }
  const ttlMs = ttlSeconds * 1000;
  const maxStaleMs = maxStaleSeconds * 1000;

  const store = new NodeCache({
    // Keep entries as long as they could serve as a stale fallback (and never shorter than the
    // TTL); with a real clock this is the same horizon as the clock-based check below.
    stdTTL: Math.ceil(Math.max(ttlSeconds, maxStaleSeconds)) + 1,
    checkperiod: 600,
    // Cloning would cost a deep copy on every hit and turn class instances into plain objects.
    useClones: false,
  });
  const inflight = new Map<string, Flight>();
  const counters = { hits: 0, misses: 0, loads: 0, loadErrors: 0, staleServed: 0 };

  function startLoad(key: string, load: () => Promise<unknown>): Flight {
    counters.loads += 1;
    // Starting the loader in a microtask means a loader that throws synchronously behaves like
    // one that rejects, and the flight is registered before it can settle.
    const promise = Promise.resolve()
      .then(load)
      .then(
        (value): CachedValue<unknown> => {
          const fetchedAt = clock();
          if (!flight.discarded) store.set<Entry>(key, { value, fetchedAt, invalidated: false });
          return { value, fetchedAt, stale: false, ageMs: 0 };
        },
        (reason: unknown): CachedValue<unknown> => {
          counters.loadErrors += 1;
          const error = reason instanceof Error ? reason : new Error(String(reason));
          const last = store.get<Entry>(key);
          const ageMs = last === undefined ? 0 : Math.max(0, clock().getTime() - last.fetchedAt.getTime());
          if (last === undefined || ageMs > maxStaleMs) {
            // The rejection reaches the caller, whose error handler logs it with context.
            logger.debug({ key, err: error }, "query failed and no cached value to fall back on");
            throw reason;
          }
          counters.staleServed += flight.waiters;
          logger.warn({ key, ageMs, err: error }, "query failed; serving the last good value");
          return { value: last.value, fetchedAt: last.fetchedAt, stale: true, ageMs, error };
        },
      )
      .finally(() => {
        if (inflight.get(key) === flight) inflight.delete(key);
      });
    const flight: Flight = { promise, waiters: 0, discarded: false };
    inflight.set(key, flight);
    return flight;
  }

  return {
    // Not async: a hit returns an already-resolved promise without an extra async frame.
    get<T>(key: string, load: () => Promise<T>): Promise<CachedValue<T>> {
      const entry = store.get<Entry>(key);
      if (entry !== undefined && !entry.invalidated) {
        const ageMs = clock().getTime() - entry.fetchedAt.getTime();
        if (ageMs < ttlMs) {
          counters.hits += 1;
          // The cast is the cache's contract: a key holds one type (see QueryCache).
          return Promise.resolve({
            value: entry.value as T,
            fetchedAt: entry.fetchedAt,
            stale: false,
            ageMs: Math.max(0, ageMs),
          });
        }
      }
      counters.misses += 1;
      const flight = inflight.get(key) ?? startLoad(key, load);
      flight.waiters += 1;
      return flight.promise as Promise<CachedValue<T>>;
    },

    invalidate(prefix = "") {
      let marked = 0;
      for (const key of store.keys()) {
        if (!key.startsWith(prefix)) continue;
        const entry = store.get<Entry>(key);
        if (entry === undefined || entry.invalidated) continue;
        entry.invalidated = true;
        marked += 1;
      }
      for (const [key, flight] of inflight) {
        if (!key.startsWith(prefix)) continue;
        // Its callers still get its result; later callers start a load on the new data.
        flight.discarded = true;
        inflight.delete(key);
      }
      return marked;
    },

    stats: () => ({ ...counters, keys: store.keys().length }),

    close: () => store.close(),
  };
}
