import type { ExpressionBuilder, UpdateResult } from "kysely";
import { toIsoText } from "../digests/iso-text.js";
import type { ModelRecord } from "../hub/types.js";
import type { Database } from "../storage/database.js";
import type { Tables } from "../storage/tables.js";

/** A new public model of the watched org, or one of its models entering the trending top 20. */
export type AlertKind = "new" | "milestone";
export const ALERT_KINDS: readonly AlertKind[] = ["new", "milestone"];

/**
 * - `baseline`: existed when the watch started; never posted. Final.
 * - `held`: waits for the watch's min-downloads; no nonce yet.
 * - `claimed`, `posted`, `failed`: as a digest delivery's (src/services/digests/README.md).
 */
export type AlertStatus = "baseline" | "held" | "claimed" | "posted" | "failed";
const STATUSES: readonly AlertStatus[] = ["baseline", "held", "claimed", "posted", "failed"];

/** Which alert: at most one row per watch, model and kind. */
export interface AlertKey {
  watchId: number;
  modelId: string;
  kind: AlertKind;
}

/** One alert's row. */
export interface Alert extends AlertKey {
  status: AlertStatus;
  /** Sent with `enforce_nonce`; the same for every attempt. Null until claimed. */
  nonce: string | null;
  /** When the poller first saw the model (ISO). */
  seenAt: string;
  claimedAt: string | null;
  postedAt: string | null;
  messageId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  error: string | null;
  /** The model as the poll that claimed or held the alert saw it; null for baseline rows. */
  model: ModelRecord | null;
}

/**
 * The watch alerts: claimed before posting so each (watch, model, kind) posts once, by the same
 * rules as the digest delivery log: a claim is one `INSERT … ON CONFLICT DO NOTHING`, every
 * takeover one compare-and-set UPDATE, so of any number of processes exactly one gets the row.
 */
export interface AlertLog {
  /** Records models that existed at the first poll; returns how many were new rows. */
  recordBaseline(watchId: number, entries: readonly Omit<AlertKey, "watchId">[]): Promise<number>;
  /** Claims an alert for posting; null when it has a row already (whatever its status). */
  claim(key: AlertKey, nonce: string, model: ModelRecord): Promise<Alert | null>;
  /** Records an alert as held for min-downloads; false when it has a row already. */
  hold(key: AlertKey, model: ModelRecord): Promise<boolean>;
  /**
   * Takes a row over for an attempt (a held alert released, a retry, a recovery after a crash) if
   * it is still as the caller saw it; keeps an existing nonce. Null when someone changed it first.
   */
  reclaim(
    key: AlertKey,
    seen: Pick<Alert, "status" | "attempts">,
    nonce: string,
    model?: ModelRecord,
  ): Promise<Alert | null>;
  markPosted(key: AlertKey, messageId: string): Promise<boolean>;
  /** A claimed alert failed; `nextAttemptAt` null: not again until the watch is set up anew. */
  markFailed(key: AlertKey, error: string, nextAttemptAt: Date | null): Promise<boolean>;
  getAlert(key: AlertKey): Promise<Alert | null>;
  /** The alert rows of these watches for these models (listed and trending), and their held ones. */
  knownAlerts(watchIds: readonly number[], modelIds: readonly string[]): Promise<Alert[]>;
  /** The watch's held alerts, oldest first. */
  held(watchId: number): Promise<Alert[]>;
  /** Failed alerts due again at `now`, of watches not paused. */
  dueRetries(now: Date): Promise<Alert[]>;
  /** Claimed but not recorded as posted: in flight, or left by a crash. Oldest first. */
  pendingClaims(): Promise<Alert[]>;
}

const ALERT_COLUMNS = [
  "watch_alerts.watch_id as watchId",
  "watch_alerts.model_id as modelId",
  "watch_alerts.kind as kind",
  "watch_alerts.status as status",
  "watch_alerts.nonce as nonce",
  "watch_alerts.seen_at as seenAt",
  "watch_alerts.claimed_at as claimedAt",
  "watch_alerts.posted_at as postedAt",
  "watch_alerts.message_id as messageId",
  "watch_alerts.attempts as attempts",
  "watch_alerts.next_attempt_at as nextAttemptAt",
  "watch_alerts.error as error",
  "watch_alerts.model as model",
] as const;

type AlertRow = Omit<Alert, "status" | "kind" | "model"> & {
  status: string;
  kind: string;
  model: string | null;
};

/** Baseline rows go in batches: PostgreSQL and SQLite both cap the parameters of one statement. */
const BASELINE_BATCH = 200;

export function createAlertLog(database: Database, { clock }: { clock: () => Date }): AlertLog {
  const { db } = database;
  const now = () => toIsoText(clock(), "clock()");
  const changed = (result: UpdateResult) => result.numUpdatedRows > 0n;
  const alert = (row: AlertRow | undefined) => (row === undefined ? null : toAlert(row));
  const update = () => db.updateTable("watch_alerts");
  /** The row of `key`, as one condition for a select or an update. */
  const byKey = (key: AlertKey) => (eb: ExpressionBuilder<Tables, "watch_alerts">) =>
    eb.and({ watch_id: key.watchId, model_id: key.modelId, kind: key.kind });
  const insertUnlessPresent = (
    key: AlertKey,
    values: { status: AlertStatus; nonce: string | null; model: ModelRecord },
  ) => {
    const at = now();
    return db
      .insertInto("watch_alerts")
      .values({
        watch_id: key.watchId,
        model_id: key.modelId,
        kind: key.kind,
        status: values.status,
        nonce: values.nonce,
        seen_at: at,
        claimed_at: values.status === "claimed" ? at : null,
        attempts: values.status === "claimed" ? 1 : 0,
        model: JSON.stringify(values.model),
      })
      .onConflict((oc) => oc.columns(["watch_id", "model_id", "kind"]).doNothing())
      .returning(ALERT_COLUMNS)
      .executeTakeFirst();
  };

  return {
    async recordBaseline(watchId, entries) {
      let inserted = 0;
      const at = now();
      for (let start = 0; start < entries.length; start += BASELINE_BATCH) {
        const batch = entries.slice(start, start + BASELINE_BATCH);
        const result = await db
          .insertInto("watch_alerts")
          .values(
            batch.map((entry) => ({
              watch_id: watchId,
              model_id: entry.modelId,
              kind: entry.kind,
              status: "baseline",
              seen_at: at,
            })),
          )
          .onConflict((oc) => oc.columns(["watch_id", "model_id", "kind"]).doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return inserted;
    },
    claim: async (key, nonce, model) =>
      alert(await insertUnlessPresent(key, { status: "claimed", nonce, model })),
    hold: async (key, model) =>
      (await insertUnlessPresent(key, { status: "held", nonce: null, model })) !== undefined,
    async reclaim(key, seen, nonce, model) {
      const row = await update()
        .set((eb) => ({
          status: "claimed",
          claimed_at: now(),
          nonce: eb.fn.coalesce("nonce", eb.val(nonce)),
          attempts: eb("attempts", "+", 1),
          next_attempt_at: null,
          // A held model released by a later poll: keep its fresher figures.
          model: model === undefined ? eb.ref("model") : JSON.stringify(model),
        }))
        .where(byKey(key))
        .where("status", "=", seen.status)
        .where("attempts", "=", seen.attempts)
        .returning(ALERT_COLUMNS)
        .executeTakeFirst();
      return alert(row);
    },
    markPosted: async (key, messageId) =>
      changed(
        await update()
          .set({ status: "posted", message_id: messageId, posted_at: now(), next_attempt_at: null })
          .where(byKey(key))
          .where("status", "in", ["claimed", "failed"])
          .executeTakeFirstOrThrow(),
      ),
    markFailed: async (key, error, nextAttemptAt) =>
      changed(
        await update()
          .set({
            status: "failed",
            error,
            next_attempt_at: nextAttemptAt === null ? null : toIsoText(nextAttemptAt, "nextAttemptAt"),
          })
          .where(byKey(key))
          .where("status", "=", "claimed")
          .executeTakeFirstOrThrow(),
      ),
    getAlert: async (key) =>
      alert(await db.selectFrom("watch_alerts").select(ALERT_COLUMNS).where(byKey(key)).executeTakeFirst()),
    async knownAlerts(watchIds, modelIds) {
      const found: Alert[] = [];
      // Batches keep each statement's parameters well under both databases' caps.
      for (let start = 0; start < watchIds.length; start += BASELINE_BATCH) {
        const batch = watchIds.slice(start, start + BASELINE_BATCH);
        const rows = await db
          .selectFrom("watch_alerts")
          .select(ALERT_COLUMNS)
          .where("watch_id", "in", batch)
          .where((eb) =>
            eb.or([
              ...(modelIds.length > 0 ? [eb("model_id", "in", [...modelIds])] : []),
              eb("status", "=", "held"),
            ]),
          )
          .execute();
        found.push(...rows.map(toAlert));
      }
      return found;
    },
    held: async (watchId) =>
      (
        await db
          .selectFrom("watch_alerts")
          .select(ALERT_COLUMNS)
          .where("watch_id", "=", watchId)
          .where("status", "=", "held")
          .orderBy("seen_at")
          .orderBy("model_id")
          .execute()
      ).map(toAlert),
    dueRetries: async (at) =>
      (
        await db
          .selectFrom("watch_alerts")
          .innerJoin("watches", "watches.id", "watch_alerts.watch_id")
          .select(ALERT_COLUMNS)
          .where("watch_alerts.status", "=", "failed")
          .where("watch_alerts.next_attempt_at", "<=", toIsoText(at, "now"))
          .where("watches.paused_reason", "is", null)
          .orderBy("watch_alerts.next_attempt_at")
          .execute()
      ).map(toAlert),
    pendingClaims: async () =>
      (
        await db
          .selectFrom("watch_alerts")
          .select(ALERT_COLUMNS)
          .where("status", "=", "claimed")
          .orderBy("claimed_at")
          .orderBy("watch_id")
          .execute()
      ).map(toAlert),
  };
}

function toAlert(row: AlertRow): Alert {
  const status = STATUSES.find((known) => known === row.status);
  const kind = ALERT_KINDS.find((known) => known === row.kind);
  if (status === undefined || kind === undefined) {
    throw new Error(`Alert of watch ${row.watchId} for ${row.modelId} has unknown status or kind`);
  }
  // Written by this store from a validated record; read back as it was written.
  const model = row.model === null ? null : (JSON.parse(row.model) as ModelRecord);
  return { ...row, status, kind, model };
}
