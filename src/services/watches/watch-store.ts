import type { Database } from "../storage/database.js";
import { type AlertLog, createAlertLog } from "./alert-log.js";
import { createWatchSettings, type WatchSettings } from "./watch-settings.js";

export type { Alert, AlertKey, AlertKind, AlertStatus } from "./alert-log.js";
export type { NewWatch, Watch, WatchChannelKind } from "./watch-settings.js";
export { MAX_WATCHES_PER_GUILD, ORG_PATTERN, WatchLimitError } from "./watch-settings.js";

/** Watches and their alerts over one database: what the poller and `/watch` are handed. */
export interface WatchStore extends WatchSettings, AlertLog {}

/** Creates the watch store over a database from `openDatabase` (migration "watches" applied). */
export function createWatchStore(database: Database, deps: { clock: () => Date }): WatchStore {
  return { ...createWatchSettings(database, deps), ...createAlertLog(database, deps) };
}
