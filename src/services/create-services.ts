import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createQueryCache, type QueryCache } from "./cache/query-cache.js";
import { createHubClient, type HubClient, type HubRetryOptions } from "./hub/hub-client.js";
import {
  bundledOrganisationEntries,
  defaultRegionAttributor,
  type RegionAttributor,
} from "./regions/attribution.js";
import { createSnapshotCollector, type SnapshotCollector } from "./snapshots/collector.js";
import { createHubQueries, type HubQueries } from "./snapshots/hub-queries.js";
import type { AggregateSource } from "./snapshots/snapshot-aggregates.js";
import { answerVersion, createStoredAnswers } from "./snapshots/stored-answers.js";
import { createTrendsService, type TrendsService } from "./snapshots/trends-service.js";
import { aggregateVersion } from "./stats/stored-aggregates.js";
import { createAggregateStore } from "./storage/aggregate-store.js";
import { createAnswerStore } from "./storage/answer-store.js";
import { type Database, DatabaseOpenError, openDatabase, SchemaMismatchError } from "./storage/database.js";
import type { StorageUnavailableError } from "./storage/errors.js";
import { redactUrl } from "./storage/postgres.js";
import { createSnapshotStore, type SnapshotStore } from "./storage/snapshot-store.js";

/** The product's insides, wired once; the bot and the CLI both start from here. */
export interface Services {
  /** SQLite or PostgreSQL, as the configuration says; every store runs on it. */
  database: Database;
  store: SnapshotStore;
  cache: QueryCache;
  hub: HubClient;
  collector: SnapshotCollector;
  trends: TrendsService;
  hubQueries: HubQueries;
  lookup: RegionAttributor;
  /** The per-snapshot aggregates' store and the version this code computes (for `lookup`). */
  aggregates: AggregateSource;
  close(): Promise<void>;
}

export async function createServices(
  config: Config,
  deps: {
    logger: Logger;
    clock: () => Date;
    fetch: typeof fetch;
    /** Tests make retries instant; production uses the client's defaults. */
    hubRetry?: HubRetryOptions;
    /**
     * One command, then exit (the CLI): comparisons are loaded only when asked (see
     * `createTrendsService`'s `preloadComparisons`), and SQLite checkpoints as usual, in the
     * commits, rather than on a worker thread that would outlive the one answer.
     */
    oneShot?: boolean;
    /** The database file was deleted or replaced while open: every write fails from now on. */
    onStorageReplaced?: (error: StorageUnavailableError) => void;
  },
): Promise<Services> {
  const { logger, clock } = deps;
  const oneShot = deps.oneShot ?? false;
  const database = await openDatabase(config.database, {
    logger,
    checkpointInBackground: !oneShot,
    ...(deps.onStorageReplaced === undefined ? {} : { onReplaced: deps.onStorageReplaced }),
  });
  const store = createSnapshotStore(database, { clock });
  const cache = createQueryCache({ ttlSeconds: config.cacheTtlSeconds, clock, logger });
  const hub = createHubClient({
    hubUrl: config.hub.url,
    ...(config.hub.token === undefined ? {} : { accessToken: config.hub.token }),
    fetch: deps.fetch,
    logger,
    ...(deps.hubRetry === undefined ? {} : { retry: deps.hubRetry }),
  });
  const collector = createSnapshotCollector({
    hub,
    store,
    settings: config.collection,
    clock,
    logger,
  });
  const lookup = defaultRegionAttributor();
  const aggregates: AggregateSource = {
    store: createAggregateStore(database),
    version: aggregateVersion(bundledOrganisationEntries()),
    logger,
  };
  const trends = createTrendsService({
    store,
    cache,
    collector,
    lookup,
    clock,
    aggregates,
    answers: createStoredAnswers({
      store: createAnswerStore(database),
      version: () => answerVersion(bundledOrganisationEntries()),
      logger,
    }),
    preloadComparisons: !oneShot,
  });
  return {
    database,
    store,
    cache,
    hub,
    collector,
    trends,
    hubQueries: createHubQueries({ hub, cache }),
    lookup,
    aggregates,
    async close() {
      cache.close();
      await database.close();
    },
  };
}

/**
 * {@link createServices} for an entry point: when the database cannot be opened, prints why, with
 * the file or server and the setting that names it, and exits 1 (a stack trace names neither). A
 * PostgreSQL URL is printed without its password.
 */
export async function createServicesOrExit(
  config: Config,
  deps: Parameters<typeof createServices>[1],
): Promise<Services> {
  try {
    return await createServices(config, deps);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      process.stderr.write(
        `hubtrends: cannot open the database ${error.location} (${error.setting}): ${error.reason}\n`,
      );
      process.exit(1);
    }
    if (error instanceof SchemaMismatchError) {
      const setting =
        config.database.kind === "sqlite"
          ? `DATABASE_PATH=${config.database.path}`
          : `DATABASE_URL=${redactUrl(config.database.url)}`;
      process.stderr.write(`hubtrends: ${error.message} (${setting})\n`);
      process.exit(1);
    }
    throw error;
  }
}
