import type { SqliteDatabase } from "../storage/migrations.js";
import { toIsoText } from "./iso-text.js";

/**
 * - `claimed`: someone is posting it now, or crashed while doing so (the window between asking
 *   Discord and recording the answer).
 * - `posted`: in the channel; `messageId` says where. Final.
 * - `skipped`: will not be posted (missed while the bot was down, or retries ran out). Final for
 *   the scheduler; `/digest send-now` may still post it.
 * - `failed`: the last attempt failed; tried again from `nextAttemptAt`.
 */
export type DeliveryStatus = "claimed" | "posted" | "skipped" | "failed";
const STATUSES: readonly DeliveryStatus[] = ["claimed", "posted", "skipped", "failed"];

/** One digest's post for one period (ISO week). There is at most one per digest and period. */
export interface Delivery {
  digestId: number;
  period: string;
  status: DeliveryStatus;
  /** Sent to Discord with `enforce_nonce`; the same for every attempt at this period. Null only
   *  when the period was skipped without ever being claimed. */
  nonce: string | null;
  /** The occurrence this delivery is for (ISO). */
  scheduledFor: string;
  /** When the latest attempt started (ISO). */
  claimedAt: string | null;
  postedAt: string | null;
  messageId: string | null;
  /** Attempts started so far. */
  attempts: number;
  nextAttemptAt: string | null;
  /** Why the last attempt failed, or why the period was skipped. */
  error: string | null;
}

/**
 * The delivery log: one row per digest and period, claimed before posting so that each period is
 * posted once (see README.md). The methods are for the scheduler and `/digest show`.
 */
export interface DeliveryLog {
  /**
   * Claims a period for posting: inserts a `claimed` row, or returns null when the period already
   * has a row (whatever its status). Atomic: of two callers, exactly one gets the row.
   */
  claim(digestId: number, period: string, scheduledFor: Date, nonce: string): Delivery | null;
  /**
   * Takes over an existing row for another attempt (a retry, recovery after a crash, or a
   * send-now of a skipped period), only if it is still exactly as the caller saw it
   * (`status` and `attempts` unchanged). Keeps the row's nonce (`nonce` fills one in only for
   * a row that has none). Null when someone else changed the row first.
   */
  reclaim(
    digestId: number,
    period: string,
    seen: Pick<Delivery, "status" | "attempts">,
    nonce: string,
  ): Delivery | null;
  /** Records a period as skipped without claiming it; false when it already has a row. */
  skipUnclaimed(digestId: number, period: string, scheduledFor: Date, reason: string): boolean;
  /** False when the row was already posted (see `getDelivery` for its message id). */
  markPosted(digestId: number, period: string, messageId: string): boolean;
  /** Gives up on a claimed or failed period; false when it is posted or skipped already. */
  markSkipped(digestId: number, period: string, reason: string): boolean;
  /** Records a failed attempt of a claimed period; false when it is not claimed. */
  markFailed(digestId: number, period: string, error: string, nextAttemptAt: Date): boolean;
  getDelivery(digestId: number, period: string): Delivery | null;
  /** The delivery of the latest period, or null. */
  lastDelivery(digestId: number): Delivery | null;
  /** The latest period that was posted (for `/digest show`), or null. */
  lastPosted(digestId: number): Delivery | null;
  /** Claimed but not recorded as posted: in flight, or left by a crash. Oldest claim first. */
  pendingClaims(): Delivery[];
}

/** Dependencies of {@link createDeliveryLog}. */
export interface DeliveryLogDeps {
  clock: () => Date;
}

type DeliveryRow = Omit<Delivery, "status"> & { status: string };

const DELIVERY_COLUMNS = `digest_id AS digestId, period, status, nonce, scheduled_for AS scheduledFor,
  claimed_at AS claimedAt, posted_at AS postedAt, message_id AS messageId, attempts,
  next_attempt_at AS nextAttemptAt, error`;

/**
 * Creates the delivery log over a database from `openDatabase` (migration 2 applied, foreign keys
 * on so that a delivery always belongs to a digest).
 */
export function createDeliveryLog(db: SqliteDatabase, { clock }: DeliveryLogDeps): DeliveryLog {
  if (db.pragma("foreign_keys", { simple: true }) !== 1) {
    throw new Error("createDeliveryLog needs foreign keys on: open the database with openDatabase()");
  }
  const now = () => toIsoText(clock(), "clock()");

  const insertClaim = db.prepare<[number, string, string, string, string], DeliveryRow>(
    `INSERT INTO digest_deliveries (digest_id, period, status, nonce, scheduled_for, claimed_at, attempts)
     VALUES (?, ?, 'claimed', ?, ?, ?, 1)
     ON CONFLICT (digest_id, period) DO NOTHING
     RETURNING ${DELIVERY_COLUMNS}`,
  );
  const updateReclaim = db.prepare<[string, string, number, string, string, number], DeliveryRow>(
    `UPDATE digest_deliveries
     SET status = 'claimed', claimed_at = ?, nonce = COALESCE(nonce, ?), attempts = attempts + 1,
       next_attempt_at = NULL
     WHERE digest_id = ? AND period = ? AND status = ? AND attempts = ?
     RETURNING ${DELIVERY_COLUMNS}`,
  );
  const insertSkipped = db.prepare<[number, string, string, string]>(
    `INSERT INTO digest_deliveries (digest_id, period, status, scheduled_for, attempts, error)
     VALUES (?, ?, 'skipped', ?, 0, ?)
     ON CONFLICT (digest_id, period) DO NOTHING`,
  );
  const updatePosted = db.prepare<[string, string, number, string]>(
    `UPDATE digest_deliveries SET status = 'posted', message_id = ?, posted_at = ?, next_attempt_at = NULL
     WHERE digest_id = ? AND period = ? AND status <> 'posted'`,
  );
  const updateSkipped = db.prepare<[string, number, string]>(
    `UPDATE digest_deliveries SET status = 'skipped', error = ?, next_attempt_at = NULL
     WHERE digest_id = ? AND period = ? AND status IN ('claimed', 'failed')`,
  );
  const updateFailed = db.prepare<[string, string, number, string]>(
    `UPDATE digest_deliveries SET status = 'failed', error = ?, next_attempt_at = ?
     WHERE digest_id = ? AND period = ? AND status = 'claimed'`,
  );
  const selectDelivery = db.prepare<[number, string], DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM digest_deliveries WHERE digest_id = ? AND period = ?`,
  );
  // ISO-week periods ('2026-W09' < '2026-W10' < '2027-W01') sort as text in time order.
  const selectLast = db.prepare<[number], DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM digest_deliveries WHERE digest_id = ? ORDER BY period DESC LIMIT 1`,
  );
  const selectLastPosted = db.prepare<[number], DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM digest_deliveries WHERE digest_id = ? AND status = 'posted'
     ORDER BY period DESC LIMIT 1`,
  );
  const selectPending = db.prepare<[], DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM digest_deliveries WHERE status = 'claimed'
     ORDER BY claimed_at, digest_id`,
  );

  return {
    claim(digestId, period, scheduledFor, nonce) {
      const row = insertClaim.get(digestId, period, nonce, toIsoText(scheduledFor, "scheduledFor"), now());
      return row === undefined ? null : toDelivery(row);
    },
    reclaim(digestId, period, seen, nonce) {
      const row = updateReclaim.get(now(), nonce, digestId, period, seen.status, seen.attempts);
      return row === undefined ? null : toDelivery(row);
    },
    skipUnclaimed: (digestId, period, scheduledFor, reason) =>
      insertSkipped.run(digestId, period, toIsoText(scheduledFor, "scheduledFor"), reason).changes > 0,
    markPosted: (digestId, period, messageId) =>
      updatePosted.run(messageId, now(), digestId, period).changes > 0,
    markSkipped: (digestId, period, reason) => updateSkipped.run(reason, digestId, period).changes > 0,
    markFailed: (digestId, period, error, nextAttemptAt) =>
      updateFailed.run(error, toIsoText(nextAttemptAt, "nextAttemptAt"), digestId, period).changes > 0,
    getDelivery(digestId, period) {
      const row = selectDelivery.get(digestId, period);
      return row === undefined ? null : toDelivery(row);
    },
    lastDelivery(digestId) {
      const row = selectLast.get(digestId);
      return row === undefined ? null : toDelivery(row);
    },
    lastPosted(digestId) {
      const row = selectLastPosted.get(digestId);
      return row === undefined ? null : toDelivery(row);
    },
    pendingClaims: () => selectPending.all().map(toDelivery),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  const status = STATUSES.find((known) => known === row.status);
  if (status === undefined) {
    throw new Error(
      `Delivery of digest ${row.digestId} for ${row.period} has unknown status "${row.status}"`,
    );
  }
  return { ...row, status };
}
