import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import type { StorageUnavailableError } from "./errors.js";
import { MIGRATIONS, type Migration, type SqliteDatabase } from "./migrations.js";
import { guardWrites } from "./sqlite-file-guard.js";

export type { SqliteDatabase } from "./migrations.js";

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  logger: Logger;
  /** The schema history to apply; the default is the product's. Tests pass their own. */
  migrations?: readonly Migration[];
  /**
   * How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
   * The bot and the CLI may share the file; a collection run holds the write lock for a moment.
   */
  busyTimeoutMs?: number;
  /**
   * Called once if the file is deleted or replaced while open (see `guardWrites`): from then on
   * every write fails with a StorageUnavailableError, and the owner should stop.
   */
  onReplaced?: (error: StorageUnavailableError) => void;
}

/**
 * The database's schema does not fit this build: written by a newer version of hubtrends, or its
 * recorded history disagrees with the code's. Opening it anyway could corrupt data.
 */
export class SchemaMismatchError extends Error {
  override readonly name = "SchemaMismatchError";
}

/**
 * The database file cannot be opened or set up (its directory cannot be created, it is not a
 * database, it or its directory is read-only...). `reason` says which, in words an operator can act on.
 */
export class DatabaseOpenError extends Error {
  override readonly name = "DatabaseOpenError";

  constructor(
    /** Absolute path of the file. */
    readonly path: string,
    readonly reason: string,
    options: { cause: unknown },
  ) {
    super(`cannot open the database ${path}: ${reason}`, options);
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

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
 * @throws {DatabaseOpenError} when the file cannot be created, opened or written.
 * @throws {SchemaMismatchError} when the file was written by a newer schema than this code knows.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): SqliteDatabase {
  const { logger, migrations = MIGRATIONS, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = options;
  const inMemory = path === ":memory:" || path === "";
  let db: SqliteDatabase | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    // The constructor's timeout becomes SQLite's busy_timeout before any statement runs; switching
    // to WAL is the one step it does not cover (see enableWal).
    db = new Database(path, { timeout: busyTimeoutMs });
    const journalMode = enableWal(db, busyTimeoutMs);
    if (!inMemory && journalMode !== "wal") {
      logger.warn({ path, journalMode }, "SQLite refused WAL mode; readers may block writers");
    }
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, migrations, logger);
  } catch (error) {
    db?.close();
    if (error instanceof SchemaMismatchError || inMemory) throw error;
    throw new DatabaseOpenError(resolve(path), describeOpenFailure(path, error), { cause: error });
  }
  guardWrites(db, {
    path: inMemory ? null : path,
    logger,
    ...(options.onReplaced === undefined ? {} : { onReplaced: options.onReplaced }),
  });
  logger.debug({ path, version: latestVersion(migrations) }, "database open");
  return db;
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
 * Applies every migration the database has not recorded yet, each in its own immediate
 * transaction. Safe when several processes open a fresh file at once: the version is re-read
 * after the write lock is taken, so a migration another process just applied is skipped.
 */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[], logger: Logger): void {
  checkMigrationList(migrations);
  // applied_at is bookkeeping for a human reading the file, so SQLite's clock is good enough here.
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT    NOT NULL,
      applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )
  `);
  const readApplied = db.prepare<[], AppliedRow>(
    "SELECT version, name FROM schema_migrations ORDER BY version",
  );
  const record = db.prepare<[number, string]>("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");

  checkApplied(db, readApplied.all(), migrations);

  const applyIfNeeded = db.transaction((migration: Migration): boolean => {
    const applied = readApplied.all();
    checkApplied(db, applied, migrations);
    if (applied.some((row) => row.version === migration.version)) return false;
    migration.up(db);
    record.run(migration.version, migration.name);
    return true;
  });

  for (const migration of migrations) {
    if (applyIfNeeded.immediate(migration)) {
      logger.info({ version: migration.version, name: migration.name }, "database migration applied");
    }
  }
}

interface AppliedRow {
  version: number;
  name: string;
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** A programming error in the list itself: fail loudly at start-up rather than half-migrate. */
function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration list is out of order: entry ${index} ("${migration.name}") has version ` +
          `${migration.version}, expected ${index + 1}. Versions must read 1, 2, 3, … with no gaps.`,
      );
    }
  });
}

function checkApplied(db: SqliteDatabase, applied: readonly AppliedRow[], migrations: readonly Migration[]) {
  const known = latestVersion(migrations);
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new SchemaMismatchError(
      `Database ${db.name} has schema version ${newest}, but this build of hubtrends knows versions ` +
        `up to ${known}. It was written by a newer hubtrends: upgrade, or use another database file.`,
    );
  }
  for (const row of applied) {
    const expected = migrations[row.version - 1];
    if (expected === undefined || expected.name !== row.name) {
      throw new SchemaMismatchError(
        `Database ${db.name} recorded migration ${row.version} as "${row.name}", but this build ` +
          `calls version ${row.version} "${expected?.name ?? "(none)"}". The schema histories ` +
          "have diverged; refusing to touch the file.",
      );
    }
  }
}

/**
 * Switches to WAL, retrying while another process holds the lock. SQLite answers SQLITE_BUSY to
 * `journal_mode = WAL` at once, without consulting the busy timeout, when several processes open
 * a fresh file together (seen with six at once on a 2-core machine).
 */
function enableWal(db: SqliteDatabase, timeoutMs: number): unknown {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return db.pragma("journal_mode = WAL", { simple: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw error;
      // Opening a database is synchronous, so the wait is too: a short, jittered pause.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20);
    }
  }
}
