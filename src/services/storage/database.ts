import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "pino";
import { MIGRATIONS, type Migration, type SqliteDatabase } from "./migrations.js";

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
}

/**
 * The database's schema does not fit this build: written by a newer version of hubtrends, or its
 * recorded history disagrees with the code's. Opening it anyway could corrupt data.
 */
export class SchemaMismatchError extends Error {
  override readonly name = "SchemaMismatchError";
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
 * @throws {SchemaMismatchError} when the file was written by a newer schema than this code knows.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions): SqliteDatabase {
  const { logger, migrations = MIGRATIONS, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = options;
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  // The constructor's timeout becomes SQLite's busy_timeout before any statement runs; switching
  // to WAL is the one step it does not cover (see enableWal).
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    const journalMode = enableWal(db, busyTimeoutMs);
    if (!inMemory && journalMode !== "wal") {
      logger.warn({ path, journalMode }, "SQLite refused WAL mode; readers may block writers");
    }
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrate(db, migrations, logger);
  } catch (error) {
    db.close();
    throw error;
  }
  logger.debug({ path, version: latestVersion(migrations) }, "database open");
  return db;
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
