import { toIsoText } from "../digests/iso-text.js";
import type { Database } from "./database.js";
import type { Leadership } from "./leadership.js";

/**
 * A named, expiring right to do something alone among every process that shares the database:
 * how scheduled work has one leader on SQLite (see leadership.ts). It is a {@link Leadership}.
 */
export interface Lease extends Leadership {}

/** Options of {@link createLease}. */
export interface LeaseOptions {
  /** The lease's name; processes competing for the same thing use the same name. */
  name: string;
  /** Unique per process (and per start of it): host, pid and a random part, say. */
  holder: string;
  /** How long an acquisition lasts. A holder that dies is replaced at most this long after. */
  ttlMs: number;
  /**
   * Holders compare their clocks through the expiry times they write, so they must share a
   * clock: processes on one machine (one database file) do.
   */
  clock: () => Date;
}

/** Creates a lease over the `scheduler_leases` table (migration 2). */
export function createLease(database: Database, { name, holder, ttlMs, clock }: LeaseOptions): Lease {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  if (name === "" || holder === "") throw new RangeError("A lease needs a name and a holder");

  return {
    holder,
    // One statement decides: insert when there is no row; otherwise overwrite only when the row is
    // ours or has expired. Whether a row was written then says whether we hold it. A lone write
    // statement needs no explicit transaction: SQLite takes the write lock when it begins (so its
    // busy timeout applies while another process holds the lock, as with BEGIN IMMEDIATE), and
    // PostgreSQL makes a second upsert of the row wait for the first and re-check its condition.
    async acquire() {
      const now = clock();
      const expiresAt = toIsoText(new Date(now.getTime() + ttlMs), "lease expiry");
      const { numInsertedOrUpdatedRows } = await database.db
        .insertInto("scheduler_leases")
        .values({ name, holder, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column("name")
            .doUpdateSet((eb) => ({
              holder: eb.ref("excluded.holder"),
              expires_at: eb.ref("excluded.expires_at"),
            }))
            .where((eb) =>
              eb.or([
                eb("scheduler_leases.holder", "=", eb.ref("excluded.holder")),
                eb("scheduler_leases.expires_at", "<=", toIsoText(now, "clock()")),
              ]),
            ),
        )
        .executeTakeFirstOrThrow();
      return (numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async release() {
      await database.db
        .deleteFrom("scheduler_leases")
        .where("name", "=", name)
        .where("holder", "=", holder)
        .execute();
    },
  };
}
