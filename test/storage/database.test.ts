import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase, SchemaMismatchError } from "../../src/services/storage/database.js";
import { MIGRATIONS, type Migration } from "../../src/services/storage/migrations.js";
import { isSqlite } from "../../src/services/storage/sqlite.js";
import type { Tables } from "../../src/services/storage/tables.js";
import { onEachDatabase } from "../support/test-databases.js";

const logger = pino({ level: "silent" });

function applied(db: Kysely<Tables>): Promise<{ version: number; name: string }[]> {
  return db.selectFrom("schema_migrations").select(["version", "name"]).orderBy("version").execute();
}

async function tableNames(database: Database): Promise<string[]> {
  const tables = await database.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

/** Migrations that each create a table t1, t2, …: running one twice would fail on its CREATE TABLE. */
function steps(count: number): Migration[] {
  return Array.from({ length: count }, (_, i) => ({
    version: i + 1,
    name: `step_${i + 1}`,
    sqlite: [`CREATE TABLE t${i + 1} (x INTEGER)`],
    postgres: [`CREATE TABLE t${i + 1} (x integer)`],
  }));
}

onEachDatabase((testDatabase) => {
  describe("openDatabase and its migrations", () => {
    it("applies the product's migrations to a new database and records each version", async () => {
      const database = await testDatabase.open();
      expect(await applied(database.db)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(await tableNames(database)).toEqual([
        "collection_outcomes",
        "digest_deliveries",
        "digests",
        "scheduler_leases",
        "schema_migrations",
        "snapshot_aggregates",
        "snapshot_models",
        "snapshots",
        "stats_answers",
        "watch_alerts",
        "watches",
      ]);
    });

    it("runs each migration once: reopening an up-to-date database applies nothing", async () => {
      await testDatabase.open({ migrations: steps(2) });
      await testDatabase.open({ migrations: steps(2) });
      const database = await testDatabase.open({ migrations: steps(2) });
      expect(await applied(database.db)).toEqual([
        { version: 1, name: "step_1" },
        { version: 2, name: "step_2" },
      ]);
    });

    it("applies only the appended migration when the code knows a newer version, keeping the data", async () => {
      const old = await testDatabase.open({ migrations: steps(1) });
      await sql`INSERT INTO t1 (x) VALUES (42)`.execute(old.db);
      await old.close();

      const database = await testDatabase.open({ migrations: steps(2) });
      const { rows } = await sql<{ x: number }>`SELECT x FROM t1`.execute(database.db);
      expect(rows).toEqual([{ x: 42 }]);
      expect(await tableNames(database)).toContain("t2");
    });

    it("refuses a database written by a newer schema, saying which versions", async () => {
      await (await testDatabase.open({ migrations: steps(3) })).close();
      const attempt = testDatabase.open({ migrations: steps(2) });
      await expect(attempt).rejects.toThrow(SchemaMismatchError);
      await expect(testDatabase.open({ migrations: steps(2) })).rejects.toThrow(
        /schema version 3.*knows versions up to 2/,
      );
    });

    it("refuses a database whose recorded history names a version differently", async () => {
      await (await testDatabase.open({ migrations: steps(2) })).close();
      const diverged = steps(2).map((m) => (m.version === 2 ? { ...m, name: "someone_elses_step_2" } : m));
      await expect(testDatabase.open({ migrations: diverged })).rejects.toThrow(
        /recorded migration 2 as "step_2".*"someone_elses_step_2"/,
      );
    });

    it("skips a migration another connection applied after this one looked", async () => {
      // The "migration applied" log line comes between two migrations' transactions: use it to let
      // a second connection (another process, in production) apply migration 2 at that moment.
      let interleaving: Promise<unknown> | null = null;
      const interleavingLogger = pino(
        { level: "info" },
        {
          write(line: string) {
            if (interleaving === null && line.includes('"version":1')) interleaving = applyStep2Elsewhere();
          },
        },
      );
      function applyStep2Elsewhere(): Promise<unknown> {
        const target = testDatabase.target();
        if (target.kind === "postgres") {
          // Queued behind the migration lock; it finds version 1 applied and applies version 2.
          return testDatabase.open({ migrations: steps(2) });
        }
        // SQLite connections in one thread cannot wait for each other: the other "process" does
        // its whole step now, as another process's runner would between our two transactions.
        const other = new BetterSqlite3(target.path);
        other.exec("BEGIN IMMEDIATE; CREATE TABLE t2 (x INTEGER);");
        other.prepare("INSERT INTO schema_migrations (version, name) VALUES (2, 'step_2')").run();
        other.exec("COMMIT");
        other.close();
        return Promise.resolve();
      }
      const database = await testDatabase.open({ logger: interleavingLogger, migrations: steps(2) });
      expect(interleaving).not.toBeNull();
      await interleaving;
      // Had this runner applied version 2 again, its CREATE TABLE t2 would have failed.
      expect((await applied(database.db)).map((row) => row.version)).toEqual([1, 2]);
    });

    it("rejects a migration list with a gap in its versions", async () => {
      const gap: Migration[] = [
        { version: 1, name: "one", sqlite: [], postgres: [] },
        { version: 3, name: "three", sqlite: [], postgres: [] },
      ];
      await expect(testDatabase.open({ migrations: gap })).rejects.toThrow(
        /entry 1 \("three"\) has version 3, expected 2/,
      );
    });

    it("rolls a failing migration back entirely and records nothing for it", async () => {
      const [first] = steps(1);
      if (first === undefined) throw new Error("fixture");
      const failing: Migration = {
        version: 2,
        name: "half_done",
        sqlite: ["CREATE TABLE half (x INTEGER)", "SELECT * FROM no_such_table"],
        postgres: ["CREATE TABLE half (x integer)", "SELECT * FROM no_such_table"],
      };
      await expect(testDatabase.open({ migrations: [first, failing] })).rejects.toThrow(/no_such_table/);

      const database = await testDatabase.open({ migrations: [first] });
      expect(await applied(database.db)).toEqual([{ version: 1, name: "step_1" }]);
      expect(await tableNames(database)).not.toContain("half");
    });
  });
});

describe("openDatabase on SQLite", () => {
  let dir: string;
  const opened: Database[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hubtrends-db-"));
  });
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  async function open(path: string) {
    const database = await openDatabase({ kind: "sqlite", path }, { logger });
    opened.push(database);
    if (!isSqlite(database)) throw new Error("expected SQLite");
    return database;
  }

  it("creates missing parent directories", async () => {
    const path = join(dir, "a", "b", "hubtrends.db");
    await open(path);
    expect((await open(path)).connection.name).toBe(path);
  });

  it("turns on WAL, foreign keys and a busy timeout", async () => {
    const { connection } = await open(join(dir, "hubtrends.db"));
    expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(connection.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("works in memory", async () => {
    const database = await open(":memory:");
    expect(database.connection.memory).toBe(true);
    expect((await applied(database.db)).map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("begins a write transaction IMMEDIATE, holding the write lock before its first read", async () => {
    const path = join(dir, "hubtrends.db");
    const one = await open(path);
    const two = await open(path);
    two.connection.pragma("busy_timeout = 0");
    await one.write(async (trx) => {
      // Nothing written yet, and another connection already cannot take the write lock.
      await trx.selectFrom("snapshots").selectAll().execute();
      expect(() => two.connection.prepare("BEGIN IMMEDIATE").run()).toThrow(/database is locked/);
    });
    // A read transaction stays deferred: it takes no lock.
    await one.read(async (trx) => {
      await trx.selectFrom("snapshots").selectAll().execute();
      two.connection.prepare("BEGIN IMMEDIATE").run();
      two.connection.prepare("ROLLBACK").run();
    });
  });
});
