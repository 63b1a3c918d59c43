import type { Logger } from "pino";
import type { CollectionResult } from "../hub/types.js";
import type { SnapshotMeta, SnapshotStore } from "../storage/snapshot-store.js";
import { ImplausibleCollectionError, judgeCollection } from "./plausibility.js";

/** What a collection run asks the Hub for (see `Config.collection`). */
export interface CollectionSettings {
  topN: number;
  trendingN: number;
  newWeeks: number;
  newLimit: number;
  retentionDays: number;
}

/** The part of the Hub client the collector uses. */
export interface ModelSource {
  collectModels(options: {
    topN: number;
    trendingN: number;
    newWeeks: number;
    newLimit: number;
    now: Date;
  }): Promise<CollectionResult>;
}

export interface CollectionReport {
  snapshot: SnapshotMeta;
  requests: number;
  pruned: number;
}

export interface SnapshotCollector {
  /**
   * Reads the Hub now and saves the result as a snapshot; answers use it once the trends service
   * refreshes (the collection schedule does that right after). Concurrent calls share one run. A run
   * that fails (Hub down, malformed page) saves nothing and rejects; so does one whose result is
   * implausible (see plausibility.ts), with an ImplausibleCollectionError.
   */
  collect(): Promise<CollectionReport>;
}

/**
 * Cache keys of everything computed from snapshots start with this, so that a new snapshot drops
 * them (the trends service does, when it follows the new one: see TrendsService.refresh).
 */
export const SNAPSHOT_QUERY_PREFIX = "snap:";

export function createSnapshotCollector(deps: {
  hub: ModelSource;
  store: SnapshotStore;
  settings: CollectionSettings;
  clock: () => Date;
  logger: Logger;
}): SnapshotCollector {
  const { hub, store, settings, clock, logger } = deps;
  let running: Promise<CollectionReport> | null = null;

  async function run(): Promise<CollectionReport> {
    const started = clock();
    const result = await hub.collectModels({
      topN: settings.topN,
      trendingN: settings.trendingN,
      newWeeks: settings.newWeeks,
      newLimit: settings.newLimit,
      now: started,
    });
    await refuseImplausible(result);
    const snapshot = await store.save({
      takenAt: started,
      source: "collect",
      models: result.models,
      skipped: result.skipped,
    });
    const pruned = await store.prune({ keepDays: settings.retentionDays, now: started });
    logger.info(
      {
        snapshotId: snapshot.id,
        models: snapshot.modelCount,
        skipped: result.skipped,
        requests: result.requests,
        pruned,
        ms: clock().getTime() - started.getTime(),
      },
      "snapshot collected",
    );
    return { snapshot, requests: result.requests, pruned };
  }

  async function refuseImplausible(result: CollectionResult): Promise<void> {
    const downloads = result.models.reduce((sum, model) => sum + model.downloads, 0);
    const collected = { models: result.models.length, skipped: result.skipped, downloads };
    const previous = await store.newestTotals();
    const verdict = judgeCollection({ topN: settings.topN }, collected, previous);
    if (verdict.plausible) return;
    logger.error(
      { ...collected, previous, requests: result.requests },
      `collection refused, keeping the last good snapshot: ${verdict.reasons.join("; ")}`,
    );
    throw new ImplausibleCollectionError(verdict.reasons);
  }

  return {
    collect() {
      if (running === null) {
        running = run().finally(() => {
          running = null;
        });
      }
      return running;
    },
  };
}
