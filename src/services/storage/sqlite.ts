import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type TransactionSettings,
} from "kysely";
import type { Database, OpenDatabaseOptions, SqliteBackedDatabase } from "./database.js";
import { DatabaseOpenError, SchemaMismatchError } from "./errors.js";
import { latestVersion, migrate } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import { guardWrites } from "./sqlite-file-guard.js";
import type { Tables } from "./tables.js";
import { startWalCheckpointer, type WalCheckpointer } from "./wal-checkpointer.js";

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Kysely's SQLite driver begins every transaction with a plain (deferred) BEGIN. A transaction
 * that reads and then writes must hold the write lock from its start instead (see
 * `Database.write`), so one declared `read write` begins IMMEDIATE here; any other stays deferred,
 * so reads never wait for a writer.
 */
class ImmediateWritesSqliteDriver extends SqliteDriver {
  readonly #connection: BetterSqlite3.Database;

  constructor(connection: BetterSqlite3.Database) {
    super({ database: connection });
    this.#connection = connection;
  }

  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    const begin = settings?.accessMode === "read write" ? "BEGIN IMMEDIATE" : "BEGIN";
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  /**
   * Kysely rolls back when COMMIT throws; the file guard throws after a COMMIT that SQLite made
   * (into a replaced file), when no transaction is left: rolling back would then fail and hide why.
   */
  override async rollbackTransaction(connection: DatabaseConnection) {
    if (this.#connection.inTransaction) await super.rollbackTransaction(connection);
  }
}

class ImmediateWritesSqliteDialect extends SqliteDialect {
  readonly #connection: BetterSqlite3.Database;

  constructor(connection: BetterSqlite3.Database) {
    super({ database: connection });
    this.#connection = connection;
  }

  override createDriver(): Driver {
    return new ImmediateWritesSqliteDriver(this.#connection);
  }
}

/**
 * Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
 *
 * WAL mode lets the bot read while the CLI writes; `synchronous = NORMAL` is the setting SQLite
 * recommends with WAL (a committed transaction survives a crash of the process; only a power cut
 * can lose the last one). Foreign keys are on, so deleting a snapshot deletes its models.
 * `:memory:` works and gives a private database, for tests.
 *
 * Every write is guarded (see `guardWrites`): it throws a StorageUnavailableError rather than
 * succeed where it cannot be kept (file deleted or replaced, disk full, read-only).
 *
 * Queries go through Kysely's SQLite dialect over the one better-sqlite3 connection, which runs
 * them one at a time (better-sqlite3 is synchronous; the dialect queues callers on a mutex).
 */
export async function openSqlite(path: string, options: OpenDatabaseOptions): Promise<SqliteBackedDatabase> {
  const { logger, migrations = MIGRATIONS, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = options;
  const inMemory = path === ":memory:" || path === "";
  let connection: BetterSqlite3.Database | undefined;
  let database: SqliteBackedDatabase | undefined;
  let checkpointer: WalCheckpointer | null = null;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    // The constructor's timeout becomes SQLite's busy_timeout before any statement runs; switching
    // to WAL is the one step it does not cover (see enableWal).
    connection = new BetterSqlite3(path, { timeout: busyTimeoutMs });
    const journalMode = enableWal(connection, busyTimeoutMs);
    if (!inMemory && journalMode !== "wal") {
      logger.warn({ path, journalMode }, "SQLite refused WAL mode; readers may block writers");
    }
    connection.pragma("synchronous = NORMAL");
    connection.pragma("foreign_keys = ON");
    database = sqliteDatabase(connection, inMemory ? ":memory:" : path);
    await migrate(database, migrations, logger);
    if (options.checkpointInBackground === true && !inMemory && journalMode === "wal") {
      checkpointer = startWalCheckpointer({ connection, path, busyTimeoutMs, logger });
      database = withCheckpointer(database, checkpointer);
    }
  } catch (error) {
    if (database !== undefined) await database.close();
    else connection?.close();
    if (error instanceof SchemaMismatchError || inMemory) throw error;
    throw new DatabaseOpenError(resolve(path), "DATABASE_PATH", describeOpenFailure(path, error), {
      cause: error,
    });
  }
  guardWrites(connection, {
    path: inMemory ? null : path,
    logger,
    ...(options.onReplaced === undefined ? {} : { onReplaced: options.onReplaced }),
    ...(checkpointer === null ? {} : { onWritten: checkpointer.afterWrite }),
  });
  logger.debug({ path, version: latestVersion(migrations) }, "database open");
  return database;
}

function sqliteDatabase(connection: BetterSqlite3.Database, location: string): SqliteBackedDatabase {
  const db = new Kysely<Tables>({ dialect: new ImmediateWritesSqliteDialect(connection) });
  return {
    dialect: "sqlite",
    db,
    location,
    connection,
    // The whole database is locked by BEGIN IMMEDIATE: a named lock adds nothing.
    write: (work) => db.transaction().setAccessMode("read write").execute(work),
    read: (work) => db.transaction().setAccessMode("read only").execute(work),
    close: () => db.destroy(),
  };
}

/** The database, closing the checkpointer's worker before its own connection. */
function withCheckpointer(
  database: SqliteBackedDatabase,
  checkpointer: WalCheckpointer,
): SqliteBackedDatabase {
  return {
    ...database,
    async close() {
      await checkpointer.close();
      await database.close();
    },
  };
}

/** Type guard for code that needs the SQLite connection itself (pragmas, tests, benchmarks). */
export function isSqlite(database: Database): database is SqliteBackedDatabase {
  return database.dialect === "sqlite";
}

/**
 * Why `path` could not be opened, in an operator's words. SQLite's own messages ("unable to open
 * database file") name neither the file nor the cause, so the likely causes are checked here.
 */
function describeOpenFailure(path: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const said = error instanceof Error ? error.message : String(error);
  const dir = resolve(dirname(path));
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `cannot create its directory ${dir}: permission denied (${code})`;
    case "EROFS":
      return `its directory ${dir} is on a read-only file system (${code})`;
    case "ENOTDIR":
    case "EEXIST":
      return `a part of its directory ${dir} is a file, not a directory (${code})`;
    case "SQLITE_NOTADB":
      return `the file is not an SQLite database (${code}: ${said})`;
    case "SQLITE_CORRUPT":
      return `the file is corrupt (${code}: ${said})`;
    case "SQLITE_FULL":
      return `the disk is full (${code})`;
    default:
      break;
  }
  if (isDirectory(path)) return "it is a directory, not a file";
  if (typeof code === "string" && (code.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN")) {
    const notWritable = [resolve(path), dir].find((p) => exists(p) && !writable(p));
    if (notWritable !== undefined) {
      return `${notWritable} is not writable by this process (${code}): the bot writes the file and, next to it, its -wal and -shm files`;
    }
  }
  return typeof code === "string" ? `${said} (${code})` : said;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Switches to WAL, retrying while another process holds the lock. SQLite answers SQLITE_BUSY to
 * `journal_mode = WAL` at once, without consulting the busy timeout, when several processes open
 * a fresh file together (seen with six at once on a 2-core machine).
 */
function enableWal(connection: BetterSqlite3.Database, timeoutMs: number): unknown {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return connection.pragma("journal_mode = WAL", { simple: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      // Opening a database is synchronous, so the wait is too: a short, jittered pause.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20);
    }
  }
}
