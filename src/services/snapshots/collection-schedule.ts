import type { Logger } from "pino";
import { StorageUnavailableError } from "../storage/errors.js";
import type { Leadership } from "../storage/leadership.js";
import type { CollectionOutcomeStore } from "./collection-outcome-store.js";
import type { SnapshotCollector } from "./collector.js";
import { ImplausibleCollectionError } from "./plausibility.js";
import type { RefreshResult } from "./trends-service.js";

/**
 * Why the last collection failed: the Hub could not be read, its answer was refused as
 * implausible, or the result could not be saved (disk full, read-only): each is told differently.
 */
export type CollectionFailureKind = "hub-unreachable" | "hub-implausible" | "storage";

/** When the background collection last ran and will run next (shown by `/about` and errors). */
export interface CollectionStatus {
  lastSuccessAt(): Date | null;
  lastError(): string | null;
  /** Null while the last collection succeeded (or none failed yet). */
  lastFailureKind(): CollectionFailureKind | null;
  nextAttemptAt(): Date | null;
}

/** What kind of failure `error` is, for {@link CollectionStatus.lastFailureKind}. */
export function collectionFailureKind(error: unknown): CollectionFailureKind {
  if (error instanceof ImplausibleCollectionError) return "hub-implausible";
  if (error instanceof StorageUnavailableError) return "storage";
  return "hub-unreachable";
}

export interface CollectionSchedule extends CollectionStatus {
  /**
   * Follows the newest stored snapshot, then collects when this process leads scheduled work and
   * the newest snapshot is older than the interval; called every minute or so.
   */
  tick(): Promise<void>;
}

const MIN_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/**
 * Keeps snapshots coming every `everyMs`, from one process: only the leader of scheduled work
 * collects (see leadership.ts), while every process follows the newest stored snapshot, whoever
 * saved it (`follow`, the trends service's refresh). A failed run is retried after 5 minutes,
 * doubling up to an hour, so a Hub outage costs a handful of requests an hour, not one a minute.
 * The schedule is derived from the newest stored snapshot, so a restart, or a new leader, does not
 * collect again needlessly.
 */
export function createCollectionSchedule(deps: {
  collector: SnapshotCollector;
  /** False in a process that only answers interactions: it follows, and never collects (default true). */
  collects?: boolean;
  leadership: Leadership;
  /**
   * Where the last attempt's outcome is shared: the collecting process writes it, every process
   * reads it at each tick, so a replica that never collects reports the same failure and retry time.
   */
  outcomes?: CollectionOutcomeStore;
  /** Reads the newest stored snapshot into the process's view (see TrendsService.refresh). */
  follow: () => Promise<RefreshResult>;
  everyMs: number;
  clock: () => Date;
  logger: Logger;
  /** Runs when the newest snapshot changed, saved here or elsewhere (the bot warms its stats); errors are logged. */
  onNewSnapshot?: () => Promise<void>;
}): CollectionSchedule {
  const { collector, leadership, follow, everyMs, clock, logger } = deps;
  let lastSuccess: Date | null = null;
  let lastError: string | null = null;
  let lastFailureKind: CollectionFailureKind | null = null;
  let retryAt: Date | null = null;
  let failures = 0;
  /** When the newest stored snapshot was taken, as of the last follow. */
  let newestTakenAt: Date | null = null;

  function dueAt(): Date {
    if (retryAt !== null) return retryAt;
    return newestTakenAt === null ? new Date(0) : new Date(newestTakenAt.getTime() + everyMs);
  }

  async function followNewest(): Promise<void> {
    const { newest, changed } = await follow();
    newestTakenAt = newest === null ? null : new Date(newest.takenAt);
    if (changed) {
      await deps
        .onNewSnapshot?.()
        .catch((error: unknown) => logger.warn({ err: error }, "after-snapshot work failed"));
    }
  }

  async function collect(): Promise<boolean> {
    const attemptAt = clock();
    let ok = true;
    try {
      await collector.collect();
      lastSuccess = clock();
      lastError = null;
      lastFailureKind = null;
      retryAt = null;
      failures = 0;
    } catch (error) {
      ok = false;
      failures += 1;
      const backoff = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** (failures - 1));
      retryAt = new Date(clock().getTime() + backoff);
      lastError = (error as Error).message;
      lastFailureKind = collectionFailureKind(error);
      logger.warn({ err: error, retryAt: retryAt.toISOString(), failures }, "collection failed; will retry");
    }
    await deps.outcomes
      ?.save({
        lastAttemptAt: attemptAt,
        lastSuccessAt: lastSuccess,
        lastError,
        failureKind: lastFailureKind,
        retryAt,
      })
      .catch((error: unknown) => logger.warn({ err: error }, "could not share the collection's outcome"));
    return ok;
  }

  /** Takes the shared outcome (whoever collected): the same note on every replica. */
  async function readOutcome(): Promise<void> {
    const shared = await deps.outcomes?.load().catch((error: unknown) => {
      logger.warn({ err: error }, "could not read the collection's shared outcome");
      return null;
    });
    if (shared === undefined || shared === null) return;
    lastSuccess = shared.lastSuccessAt;
    lastError = shared.lastError;
    lastFailureKind = shared.failureKind;
    retryAt = shared.retryAt;
  }

  return {
    lastSuccessAt: () => lastSuccess ?? newestTakenAt,
    lastError: () => lastError,
    lastFailureKind: () => lastFailureKind,
    nextAttemptAt: () => {
      const due = dueAt();
      return due.getTime() < clock().getTime() ? clock() : due;
    },
    async tick() {
      await followNewest();
      await readOutcome();
      if (deps.collects === false || clock().getTime() < dueAt().getTime()) return;
      if (!(await leadership.acquire())) return;
      if (await collect()) await followNewest();
    },
  };
}
