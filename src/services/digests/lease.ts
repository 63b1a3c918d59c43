import type { SqliteDatabase } from "../storage/migrations.js";
import { toIsoText } from "./iso-text.js";

/**
 * A named, expiring right to do something alone among every process that shares the database
 * file: here, to run the digest scheduler once per deployment however many shards or replicas
 * run the bot.
 */
export interface Lease {
  /** Who this process is, as recorded in the lease row. */
  readonly holder: string;
  /**
   * Takes the lease when it is free or expired, or renews it when it is already ours; true when
   * we hold it until `clock() + ttlMs`. Call it again well before then (every tick) to keep it.
   */
  acquire(): boolean;
  /** Gives the lease up if we hold it, so another process need not wait for it to expire. */
  release(): void;
}

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
export function createLease(db: SqliteDatabase, { name, holder, ttlMs, clock }: LeaseOptions): Lease {
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
  if (name === "" || holder === "") throw new RangeError("A lease needs a name and a holder");

  // One statement decides: insert when there is no row; otherwise overwrite only when the row is
  // ours or has expired. `changes` then says whether we hold it.
  const upsert = db.prepare<[string, string, string, string]>(
    `INSERT INTO scheduler_leases (name, holder, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE scheduler_leases.holder = excluded.holder OR scheduler_leases.expires_at <= ?`,
  );
  const remove = db.prepare<[string, string]>("DELETE FROM scheduler_leases WHERE name = ? AND holder = ?");

  // BEGIN IMMEDIATE takes the write lock before reading the row, so SQLite's busy timeout applies
  // while another process holds it; a deferred transaction that read first could instead fail
  // with SQLITE_BUSY when upgrading to write in WAL mode.
  const tryAcquire = db.transaction((): boolean => {
    const now = clock();
    const expiresAt = toIsoText(new Date(now.getTime() + ttlMs), "lease expiry");
    return upsert.run(name, holder, expiresAt, toIsoText(now, "clock()")).changes > 0;
  });

  return {
    holder,
    acquire: () => tryAcquire.immediate(),
    release() {
      remove.run(name, holder);
    },
  };
}
