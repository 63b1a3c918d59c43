import type { Logger } from "pino";
import { StorageUnavailableError } from "../storage/errors.js";
import type { SnapshotStore } from "../storage/snapshot-store.js";
import type { SnapshotCollector } from "./collector.js";
import { ImplausibleCollectionError } from "./plausibility.js";

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
  /** Collects when the newest snapshot is older than the interval; called every minute or so. */
  tick(): Promise<void>;
}

const MIN_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/**
 * Keeps snapshots coming every `everyMs`. A failed run is retried after 5 minutes, doubling up to
 * an hour, so a Hub outage costs a handful of requests an hour, not one a minute. The schedule is
 * derived from the newest stored snapshot, so a restart does not collect again needlessly.
 */
export function createCollectionSchedule(deps: {
  collector: SnapshotCollector;
  store: SnapshotStore;
  everyMs: number;
  clock: () => Date;
  logger: Logger;
  /** Runs after each successful collection (the bot warms its stats); errors are logged. */
  onCollected?: () => Promise<void>;
}): CollectionSchedule {
  const { collector, store, everyMs, clock, logger } = deps;
  let lastSuccess: Date | null = null;
  let lastError: string | null = null;
  let lastFailureKind: CollectionFailureKind | null = null;
  let retryAt: Date | null = null;
  let failures = 0;

  function dueAt(): Date {
    if (retryAt !== null) return retryAt;
    const newest = store.newestMeta();
    return newest === null ? new Date(0) : new Date(Date.parse(newest.takenAt) + everyMs);
  }

  return {
    lastSuccessAt: () => {
      if (lastSuccess !== null) return lastSuccess;
      const newest = store.newestMeta();
      return newest === null ? null : new Date(newest.takenAt);
    },
    lastError: () => lastError,
    lastFailureKind: () => lastFailureKind,
    nextAttemptAt: () => {
      const due = dueAt();
      return due.getTime() < clock().getTime() ? clock() : due;
    },
    async tick() {
      if (clock().getTime() < dueAt().getTime()) return;
      try {
        await collector.collect();
        lastSuccess = clock();
        lastError = null;
        lastFailureKind = null;
        retryAt = null;
        failures = 0;
      } catch (error) {
        failures += 1;
        const backoff = Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** (failures - 1));
        retryAt = new Date(clock().getTime() + backoff);
        lastError = (error as Error).message;
        lastFailureKind = collectionFailureKind(error);
        logger.warn(
          { err: error, retryAt: retryAt.toISOString(), failures },
          "collection failed; will retry",
        );
        return;
      }
      await deps
        .onCollected?.()
        .catch((error: unknown) => logger.warn({ err: error }, "after-collection work failed"));
    },
  };
}
