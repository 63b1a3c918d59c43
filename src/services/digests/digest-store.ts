import type { Database } from "../storage/database.js";
import { createDeliveryLog, type DeliveryLog, type DeliveryLogDeps } from "./delivery-log.js";
import { createDigestSettings, type DigestSettings, type DigestSettingsDeps } from "./digest-settings.js";

export type { Delivery, DeliveryStatus } from "./delivery-log.js";
export type { Digest, DigestSettingsPatch, NewDigest } from "./digest-settings.js";
export { DigestLimitError, MAX_DIGESTS_PER_GUILD } from "./digest-settings.js";

/**
 * Digest settings and their deliveries, over one database: what the scheduler, `/digest` and the
 * bot's runtime are handed. See {@link DigestSettings} and {@link DeliveryLog}.
 */
export interface DigestStore extends DigestSettings, DeliveryLog {}

/** Dependencies of {@link createDigestStore}. */
export type DigestStoreDeps = DigestSettingsDeps & DeliveryLogDeps;

/**
 * Creates the digest store over a database from `openDatabase` (migration 2 applied, foreign keys
 * on so that deleting a digest deletes its deliveries).
 */
export function createDigestStore(database: Database, deps: DigestStoreDeps): DigestStore {
  return { ...createDigestSettings(database, deps), ...createDeliveryLog(database, deps) };
}
