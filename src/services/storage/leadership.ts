import type pg from "pg";
import type { Logger } from "pino";
import type { Database, PostgresBackedDatabase } from "./database.js";
import { createLease } from "./lease.js";

/**
 * Who runs scheduled work (collection, digests, and later watches): one process among every one
 * that shares the database, on one machine or several. Every process calls `acquire` before each
 * piece of scheduled work; the one that gets true does it. Leadership is an economy, not the
 * guarantee: a leader that lost its leadership without knowing yet can still finish a piece of
 * work, and what must happen once (a digest's post) is claimed in the database as well.
 */
export interface Leadership {
  /** Who this process is (host, pid and a random part), for logs and `pg_stat_activity`. */
  readonly holder: string;
  /**
   * Keeps leadership this process has, or takes it when nobody holds it; true when this process
   * leads now. Rejects only when the database cannot be reached at all.
   */
  acquire(): Promise<boolean>;
  /** Gives leadership up (at shutdown), so another process need not wait for it to lapse. */
  release(): Promise<void>;
}

/** Options of {@link createLeadership}. */
export interface LeadershipOptions {
  /** What is led; processes competing for the same work use the same name. */
  name: string;
  holder: string;
  /**
   * A leader that has not called `acquire` for this long loses leadership (it hung, or its
   * machine vanished): the lease's expiry on SQLite, the session's idle timeout on PostgreSQL.
   */
  ttlMs: number;
  /** SQLite compares expiry times written with this clock: processes on one machine share it. */
  clock: () => Date;
  logger: Logger;
}

/**
 * Leadership from the database itself: on SQLite the lease (`scheduler_leases`, one machine and
 * so one clock, see lease.ts); on PostgreSQL a session advisory lock (see
 * {@link createAdvisoryLockLeadership}), which needs no clock at all.
 */
export function createLeadership(database: Database, options: LeadershipOptions): Leadership {
  return database.dialect === "sqlite"
    ? createLease(database, options)
    : createAdvisoryLockLeadership(database, options);
}

/** How long a check of the leadership session may take before the session counts as lost. */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * The server's TCP keepalive on the leadership session, in seconds: a leader whose machine vanishes
 * without closing its connection (power cut, network partition) is dropped by the server after
 * about idle + interval × count = 25 s of silence, which frees the lock.
 */
const SERVER_KEEPALIVE = { idle: 10, interval: 5, count: 3 } as const;

/**
 * Leadership as `pg_try_advisory_lock` held by one session of its own, outside the pool (a pooled
 * connection goes back to the pool still holding a session lock, where another caller would use
 * it). The lock lives exactly as long as that session, so leadership passes when the leader:
 *
 * - stops (`release` ends the session): at once;
 * - crashes or is killed: its kernel closes the connection, the server ends the session at once,
 *   and the next process to call `acquire` leads (within one scheduler tick, 30 s);
 * - has its session ended by the server (`pg_terminate_backend`, a server restart): likewise, and
 *   the old leader learns it from the connection's error and stops leading;
 * - hangs (its event loop blocked) or has its machine cut off: the session's
 *   `idle_session_timeout` (`ttlMs`) or the server's keepalive (about 25 s) ends it; meanwhile a
 *   check that does not answer within 5 s makes the old leader stop on its side.
 *
 * While it leads, `acquire` checks the session with one `SELECT 1`: a live session still holds
 * the lock. Concurrent calls share one check.
 */
export function createAdvisoryLockLeadership(
  database: PostgresBackedDatabase,
  { name, holder, ttlMs, logger }: Omit<LeadershipOptions, "clock">,
): Leadership {
  const key = `hubtrends:${name}`;
  let session: pg.Client | null = null;
  let leading = false;
  let pending: Promise<boolean> | null = null;

  function drop(client: pg.Client, why: string): void {
    if (session !== client) return;
    if (leading) logger.warn({ holder, leadership: name, why }, "lost leadership of scheduled work");
    session = null;
    leading = false;
    client.end().catch(() => undefined);
  }

  async function open(): Promise<pg.Client> {
    const client = await database.connectSession({
      applicationName: `hubtrends scheduler ${holder}`,
      parameters: {
        idle_session_timeout: Math.ceil(ttlMs),
        tcp_keepalives_idle: SERVER_KEEPALIVE.idle,
        tcp_keepalives_interval: SERVER_KEEPALIVE.interval,
        tcp_keepalives_count: SERVER_KEEPALIVE.count,
      },
      queryTimeoutMs: CHECK_TIMEOUT_MS,
    });
    client.on("error", (error) => drop(client, error.message));
    client.on("end", () => drop(client, "the session ended"));
    session = client;
    return client;
  }

  async function attempt(): Promise<boolean> {
    if (session !== null && leading) {
      const current = session;
      try {
        await current.query("SELECT 1");
        return true;
      } catch (error) {
        drop(current, error instanceof Error ? error.message : String(error));
      }
    }
    const client = session ?? (await open());
    try {
      const { rows } = await client.query<{ held: boolean }>(
        "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS held",
        [key],
      );
      const held = rows[0]?.held === true;
      if (held && !leading) logger.info({ holder, leadership: name }, "leading scheduled work");
      leading = held;
      return held;
    } catch (error) {
      drop(client, error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  return {
    holder,
    acquire() {
      pending ??= attempt().finally(() => {
        pending = null;
      });
      return pending;
    },
    async release() {
      await pending?.catch(() => undefined);
      const client = session;
      if (client === null) return;
      session = null;
      leading = false;
      // Ending the session releases its locks; nothing else needs undoing.
      await client.end();
    },
  };
}
