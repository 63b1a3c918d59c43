import type { Logger } from "pino";
import type { QueryCache } from "../services/cache/query-cache.js";
import type { ChartRenderer, RenderSize } from "../services/charts/renderer.js";
import type { HubClient } from "../services/hub/hub-client.js";
import type { RegionAttributor } from "../services/regions/attribution.js";
import type { CollectionStatus } from "../services/snapshots/collection-schedule.js";
import type { HubQueries } from "../services/snapshots/hub-queries.js";
import type { TrendsService } from "../services/snapshots/trends-service.js";
import type { SnapshotStore } from "../services/storage/snapshot-store.js";
import type { DigestServices } from "./digest-runtime.js";
import type { WatchServices } from "./watch-runtime.js";

/** Everything a command may use; passed in explicitly, never imported as a singleton. */
export interface CommandServices {
  trends: TrendsService;
  store: SnapshotStore;
  cache: QueryCache;
  hub: HubClient;
  hubQueries: HubQueries;
  lookup: RegionAttributor;
  renderer: ChartRenderer;
  chartSize: RenderSize;
  collection: CollectionStatus;
  /** Weekly digests: settings, the scheduler (send-now), and the post builder (preview). */
  digests: DigestServices;
  /** Release alerts per Hub organisation: the store, the alert builder, channel access. */
  watches: WatchServices;
  clock: () => Date;
  logger: Logger;
}
