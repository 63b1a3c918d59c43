import type { Insertable, UpdateResult } from "kysely";
import type { Database } from "../storage/database.js";
import type { DigestDeliveriesTable } from "../storage/tables.js";
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
  claim(digestId: number, period: string, scheduledFor: Date, nonce: string): Promise<Delivery | null>;
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
  ): Promise<Delivery | null>;
  /** Records a period as skipped without claiming it; false when it already has a row. */
  skipUnclaimed(digestId: number, period: string, scheduledFor: Date, reason: string): Promise<boolean>;
  /** False when the row was already posted (see `getDelivery` for its message id). */
  markPosted(digestId: number, period: string, messageId: string): Promise<boolean>;
  /** Gives up on a claimed or failed period; false when it is posted or skipped already. */
  markSkipped(digestId: number, period: string, reason: string): Promise<boolean>;
  /** Records a failed attempt of a claimed period; false when it is not claimed. */
  markFailed(digestId: number, period: string, error: string, nextAttemptAt: Date): Promise<boolean>;
  getDelivery(digestId: number, period: string): Promise<Delivery | null>;
  /** The delivery of the latest period, or null. */
  lastDelivery(digestId: number): Promise<Delivery | null>;
  /** The latest period that was posted (for `/digest show`), or null. */
  lastPosted(digestId: number): Promise<Delivery | null>;
  /** Claimed but not recorded as posted: in flight, or left by a crash. Oldest claim first. */
  pendingClaims(): Promise<Delivery[]>;
}

/** Dependencies of {@link createDeliveryLog}. */
export interface DeliveryLogDeps {
  clock: () => Date;
}

type DeliveryRow = Omit<Delivery, "status"> & { status: string };

const DELIVERY_COLUMNS = [
  "digest_id as digestId",
  "period",
  "status",
  "nonce",
  "scheduled_for as scheduledFor",
  "claimed_at as claimedAt",
  "posted_at as postedAt",
  "message_id as messageId",
  "attempts",
  "next_attempt_at as nextAttemptAt",
  "error",
] as const;

/**
 * Creates the delivery log over a database from `openDatabase` (migration 2 applied, foreign keys
 * on so that a delivery always belongs to a digest).
 *
 * A claim is one `INSERT … ON CONFLICT DO NOTHING` on the (digest, period) unique pair, and a
 * reclaim one UPDATE conditioned on the row as it was seen: each is decided by the database in
 * one statement, so exactly one of any number of processes, on one machine or several, gets the row.
 */
export function createDeliveryLog(database: Database, { clock }: DeliveryLogDeps): DeliveryLog {
  const { db } = database;
  const now = () => toIsoText(clock(), "clock()");
  const one = (digestId: number, period: string) =>
    db
      .selectFrom("digest_deliveries")
      .select(DELIVERY_COLUMNS)
      .where("digest_id", "=", digestId)
      .where("period", "=", period);
  const changed = (result: UpdateResult) => result.numUpdatedRows > 0n;
  const delivery = (row: DeliveryRow | undefined) => (row === undefined ? null : toDelivery(row));
  /** Inserts the period's row unless it has one already (whatever its status): the row, or undefined. */
  const insertUnlessPresent = (values: Insertable<DigestDeliveriesTable>) =>
    db
      .insertInto("digest_deliveries")
      .values(values)
      .onConflict((oc) => oc.columns(["digest_id", "period"]).doNothing())
      .returning(DELIVERY_COLUMNS)
      .executeTakeFirst();
  /** The digest's row of the latest period (with that status). */
  const latest = (digestId: number, status?: DeliveryStatus) => {
    let query = db.selectFrom("digest_deliveries").select(DELIVERY_COLUMNS).where("digest_id", "=", digestId);
    if (status !== undefined) query = query.where("status", "=", status);
    // ISO-week periods ('2026-W09' < '2026-W10' < '2027-W01') sort as text in time order.
    return query.orderBy("period", "desc").limit(1).executeTakeFirst();
  };

  return {
    async claim(digestId, period, scheduledFor, nonce) {
      const row = await insertUnlessPresent({
        digest_id: digestId,
        period,
        status: "claimed",
        nonce,
        scheduled_for: toIsoText(scheduledFor, "scheduledFor"),
        claimed_at: now(),
        attempts: 1,
      });
      return delivery(row);
    },
    async reclaim(digestId, period, seen, nonce) {
      const row = await db
        .updateTable("digest_deliveries")
        .set((eb) => ({
          status: "claimed",
          claimed_at: now(),
          nonce: eb.fn.coalesce("nonce", eb.val(nonce)),
          attempts: eb("attempts", "+", 1),
          next_attempt_at: null,
        }))
        .where("digest_id", "=", digestId)
        .where("period", "=", period)
        .where("status", "=", seen.status)
        .where("attempts", "=", seen.attempts)
        .returning(DELIVERY_COLUMNS)
        .executeTakeFirst();
      return delivery(row);
    },
    skipUnclaimed: async (digestId, period, scheduledFor, reason) =>
      (await insertUnlessPresent({
        digest_id: digestId,
        period,
        status: "skipped",
        scheduled_for: toIsoText(scheduledFor, "scheduledFor"),
        attempts: 0,
        error: reason,
      })) !== undefined,
    markPosted: async (digestId, period, messageId) =>
      changed(
        await db
          .updateTable("digest_deliveries")
          .set({ status: "posted", message_id: messageId, posted_at: now(), next_attempt_at: null })
          .where("digest_id", "=", digestId)
          .where("period", "=", period)
          .where("status", "<>", "posted")
          .executeTakeFirstOrThrow(),
      ),
    markSkipped: async (digestId, period, reason) =>
      changed(
        await db
          .updateTable("digest_deliveries")
          .set({ status: "skipped", error: reason, next_attempt_at: null })
          .where("digest_id", "=", digestId)
          .where("period", "=", period)
          .where("status", "in", ["claimed", "failed"])
          .executeTakeFirstOrThrow(),
      ),
    markFailed: async (digestId, period, error, nextAttemptAt) =>
      changed(
        await db
          .updateTable("digest_deliveries")
          .set({ status: "failed", error, next_attempt_at: toIsoText(nextAttemptAt, "nextAttemptAt") })
          .where("digest_id", "=", digestId)
          .where("period", "=", period)
          .where("status", "=", "claimed")
          .executeTakeFirstOrThrow(),
      ),
    getDelivery: async (digestId, period) => delivery(await one(digestId, period).executeTakeFirst()),
    lastDelivery: async (digestId) => delivery(await latest(digestId)),
    lastPosted: async (digestId) => delivery(await latest(digestId, "posted")),
    pendingClaims: async () =>
      (
        await db
          .selectFrom("digest_deliveries")
          .select(DELIVERY_COLUMNS)
          .where("status", "=", "claimed")
          .orderBy("claimed_at")
          .orderBy("digest_id")
          .execute()
      ).map(toDelivery),
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
