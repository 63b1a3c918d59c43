import type BetterSqlite3 from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type pg from "pg";
import type { Logger } from "pino";
import type { StorageUnavailableError } from "./errors.js";
import type { DialectName, Migration } from "./migrations.js";
import { openPostgres } from "./postgres.js";
import { openSqlite } from "./sqlite.js";
import type { Tables } from "./tables.js";

export { DatabaseOpenError, SchemaMismatchError } from "./errors.js";
export type { DialectName } from "./migrations.js";

/** Where everything is stored: an SQLite file (the default), or a PostgreSQL database. */
export type DatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** What {@link Database.write} may ask for beyond a transaction. */
export interface WriteOptions {
  /**
   * Serialises this transaction, from its start to its end, with every other one naming the same
   * lock: for a read-then-write that no unique constraint guards (count a guild's digests, then
   * insert one). SQLite needs nothing more, since its write transactions hold the whole database's
   * write lock from their first statement; PostgreSQL takes a transaction-level advisory lock on
   * the name (read committed would let two transactions both count 4 and both insert).
   */
  lock?: string;
}

/** What both kinds of database offer the stores: one query builder, one way to write. */
interface DatabaseBase {
  readonly dialect: DialectName;
  /** The query builder over every table; a statement outside `write` is its own transaction. */
  readonly db: Kysely<Tables>;
  /** Where the data lives, for messages and logs: the file's path, or the URL without its password. */
  readonly location: string;
  /**
   * Runs `work` in one transaction that writes, committed when it resolves and rolled back when it
   * rejects. Everything in it must go through `trx` (on SQLite, the outer `db` would wait for this
   * very transaction). On SQLite it begins IMMEDIATE: the write lock is taken before the first
   * read, so a read-then-write cannot be overtaken by another process, and SQLite's busy timeout
   * applies while another holds it (a deferred transaction would fail with SQLITE_BUSY when it
   * upgrades to writing in WAL mode). On PostgreSQL it is read committed, with row locks as usual
   * and `options.lock` where a count must hold.
   */
  write<T>(work: (trx: Transaction<Tables>) => Promise<T>, options?: WriteOptions): Promise<T>;
  /**
   * Runs `work` in one read-only transaction whose reads all see the same state of the database
   * (a snapshot's row and its models, with a prune in another process in between): a deferred
   * transaction on SQLite (WAL keeps its snapshot), repeatable read on PostgreSQL.
   */
  read<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T>;
  /** Closes every connection; waits for statements under way. */
  close(): Promise<void>;
}

/** An SQLite file (or `:memory:`), one connection per process. */
export interface SqliteBackedDatabase extends DatabaseBase {
  readonly dialect: "sqlite";
  /** The better-sqlite3 connection under the query builder (pragmas; tests). */
  readonly connection: BetterSqlite3.Database;
}

/** A PostgreSQL database, through a pool of connections. */
export interface PostgresBackedDatabase extends DatabaseBase {
  readonly dialect: "postgres";
  /**
   * A connection of its own, outside the pool, with the same server settings plus `options`
   * (`-c name=value` startup parameters): for a session lock that must stay with one session (a
   * pooled connection returned to the pool would keep it). The caller ends it.
   */
  connectSession(settings: SessionSettings): Promise<pg.Client>;
}

/** What {@link PostgresBackedDatabase.connectSession} sets on the session it opens. */
export interface SessionSettings {
  /** Shown in `pg_stat_activity`, so an operator can see who holds what. */
  applicationName: string;
  /** Server parameters for this session only (e.g. `idle_session_timeout`), in their units. */
  parameters?: Record<string, string | number>;
  /** A query on this session rejects when it has not answered within this long. */
  queryTimeoutMs?: number;
}

/** The database the stores run on. */
export type Database = SqliteBackedDatabase | PostgresBackedDatabase;

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  logger: Logger;
  /** The schema history to apply; the default is the product's. Tests pass their own. */
  migrations?: readonly Migration[];
  /**
   * SQLite: how long a statement waits for another connection's lock before failing with
   * SQLITE_BUSY. The bot and the CLI may share the file; a collection run holds the write lock for
   * a moment.
   */
  busyTimeoutMs?: number;
  /**
   * SQLite: called once if the file is deleted or replaced while open (see `guardWrites`): from
   * then on every write fails with a StorageUnavailableError, and the owner should stop.
   */
  onReplaced?: (error: StorageUnavailableError) => void;
  /**
   * SQLite file: checkpoint the write-ahead log on a worker thread instead of inside the commits
   * of this process (see `startWalCheckpointer`): for a long-running process whose event loop
   * answers users. A one-shot command (the CLI) leaves SQLite's automatic checkpoints on.
   */
  checkpointInBackground?: boolean;
  /** PostgreSQL: most connections in the pool. 10. */
  poolSize?: number;
}

/**
 * Opens the database `target` names and brings its schema up to date: an SQLite file (see
 * `openSqlite`) or a PostgreSQL database (see `openPostgres`), the same tables and queries on both.
 *
 * @throws {DatabaseOpenError} when it cannot be opened, reached or set up, saying why.
 * @throws {SchemaMismatchError} when it was written by a newer schema than this code knows.
 */
export function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions): Promise<Database> {
  return target.kind === "sqlite" ? openSqlite(target.path, options) : openPostgres(target.url, options);
}
