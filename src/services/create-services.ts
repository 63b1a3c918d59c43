import type { Logger } from "pino";
import type { Config } from "../config.js";
import { createQueryCache, type QueryCache } from "./cache/query-cache.js";
import { createHubClient, type HubClient, type HubRetryOptions } from "./hub/hub-client.js";
import { defaultRegionAttributor, type RegionAttributor } from "./regions/attribution.js";
import { createSnapshotCollector, type SnapshotCollector } from "./snapshots/collector.js";
import { createHubQueries, type HubQueries } from "./snapshots/hub-queries.js";
import { createTrendsService, type TrendsService } from "./snapshots/trends-service.js";
import { DatabaseOpenError, openDatabase, SchemaMismatchError } from "./storage/database.js";
import type { StorageUnavailableError } from "./storage/errors.js";
import { createSnapshotStore, type SnapshotStore } from "./storage/snapshot-store.js";

/** The product's insides, wired once; the bot and the CLI both start from here. */
export interface Services {
  db: ReturnType<typeof openDatabase>;
  store: SnapshotStore;
  cache: QueryCache;
  hub: HubClient;
  collector: SnapshotCollector;
  trends: TrendsService;
  hubQueries: HubQueries;
  lookup: RegionAttributor;
  close(): void;
}

export function createServices(
  config: Config,
  deps: {
    logger: Logger;
    clock: () => Date;
    fetch: typeof fetch;
    /** Tests make retries instant; production uses the client's defaults. */
    hubRetry?: HubRetryOptions;
    /** The database file was deleted or replaced while open: every write fails from now on. */
    onStorageReplaced?: (error: StorageUnavailableError) => void;
  },
): Services {
  const { logger, clock } = deps;
  const db = openDatabase(config.databasePath, {
    logger,
    ...(deps.onStorageReplaced === undefined ? {} : { onReplaced: deps.onStorageReplaced }),
  });
  const store = createSnapshotStore(db, { clock });
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
    cache,
    settings: config.collection,
    clock,
    logger,
  });
  const lookup = defaultRegionAttributor();
  const trends = createTrendsService({ store, cache, collector, lookup, clock });
  return {
    db,
    store,
    cache,
    hub,
    collector,
    trends,
    hubQueries: createHubQueries({ hub, cache }),
    lookup,
    close() {
      cache.close();
      db.close();
    },
  };
}

/**
 * {@link createServices} for an entry point: when the database cannot be opened, prints why, with
 * the file and the setting that names it, and exits 1 (a stack trace names neither).
 */
export function createServicesOrExit(config: Config, deps: Parameters<typeof createServices>[1]): Services {
  try {
    return createServices(config, deps);
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      process.stderr.write(
        `hubtrends: cannot open the database ${error.path} (DATABASE_PATH): ${error.reason}\n`,
      );
      process.exit(1);
    }
    if (error instanceof SchemaMismatchError) {
      process.stderr.write(`hubtrends: ${error.message} (DATABASE_PATH=${config.databasePath})\n`);
      process.exit(1);
    }
    throw error;
  }
}
