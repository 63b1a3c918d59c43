import { type Kysely, sql } from "kysely";
import type { Logger } from "pino";
import type { Database } from "./database.js";
import { SchemaMismatchError } from "./errors.js";
import type { DialectName, Migration } from "./migrations.js";
import type { Tables } from "./tables.js";

/**
 * `schema_migrations` itself, the one table every version has. applied_at is bookkeeping for a
 * human reading the database, so the database's clock is good enough; PostgreSQL spells SQLite's
 * `strftime` with `to_char`, giving the same ISO text.
 */
const MIGRATIONS_TABLE: Record<DialectName, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text COLLATE "C" NOT NULL,
    applied_at text COLLATE "C" NOT NULL
      DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )`,
};

/**
 * The lock every migration step takes (see `WriteOptions.lock`). On PostgreSQL it also covers
 * creating `schema_migrations`: two sessions running CREATE TABLE IF NOT EXISTS at the same moment
 * can both pass the "not exists" and one then fails on the catalogue's unique index.
 */
const MIGRATION_LOCK = "schema_migrations";

/**
 * Applies every migration the database has not recorded yet, each in its own write transaction
 * under one lock. Safe when several processes open a fresh database at once: the recorded versions
 * are re-read after the lock is taken, so a migration another process just applied is skipped.
 * A database from a newer build, or whose recorded history names a version differently, is refused
 * before anything is written.
 *
 * This is the runner hubtrends had on SQLite, carried over to both databases rather than Kysely's
 * Migrator: that one records history in tables of its own (existing files record theirs in
 * `schema_migrations`), and on SQLite it locks nothing across processes.
 */
export async function migrate(
  database: Database,
  migrations: readonly Migration[],
  logger: Logger,
): Promise<void> {
  checkMigrationList(migrations);
  await database.write(
    async (trx) => {
      await sql.raw(MIGRATIONS_TABLE[database.dialect]).execute(trx);
    },
    { lock: MIGRATION_LOCK },
  );
  checkApplied(database.location, await readApplied(database.db), migrations);

  for (const migration of migrations) {
    const applied = await database.write(
      async (trx) => {
        const recorded = await readApplied(trx);
        checkApplied(database.location, recorded, migrations);
        if (recorded.some((row) => row.version === migration.version)) return false;
        for (const statement of migration[database.dialect]) await sql.raw(statement).execute(trx);
        await trx
          .insertInto("schema_migrations")
          .values({ version: migration.version, name: migration.name })
          .execute();
        return true;
      },
      { lock: MIGRATION_LOCK },
    );
    if (applied) {
      logger.info({ version: migration.version, name: migration.name }, "database migration applied");
    }
  }
}

interface AppliedRow {
  version: number;
  name: string;
}

function readApplied(db: Kysely<Tables>): Promise<AppliedRow[]> {
  return db.selectFrom("schema_migrations").select(["version", "name"]).orderBy("version").execute();
}

/** The newest version a migration list knows; 0 for none. */
export function latestVersion(migrations: readonly Migration[]): number {
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

function checkApplied(location: string, applied: readonly AppliedRow[], migrations: readonly Migration[]) {
  const known = latestVersion(migrations);
  const newest = applied.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new SchemaMismatchError(
      `Database ${location} has schema version ${newest}, but this build of hubtrends knows versions ` +
        `up to ${known}. It was written by a newer hubtrends: upgrade, or use another database.`,
    );
  }
  for (const row of applied) {
    const expected = migrations[row.version - 1];
    if (expected === undefined || expected.name !== row.name) {
      throw new SchemaMismatchError(
        `Database ${location} recorded migration ${row.version} as "${row.name}", but this build ` +
          `calls version ${row.version} "${expected?.name ?? "(none)"}". The schema histories ` +
          "have diverged; refusing to touch the database.",
      );
    }
  }
}
