import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, SchemaMismatchError } from "../../src/services/storage/database.js";
import { MIGRATIONS, type Migration, type SqliteDatabase } from "../../src/services/storage/migrations.js";

const logger = pino({ level: "silent" });

let dir: string;
const opened: SqliteDatabase[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-db-"));
});
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(path: string, migrations?: readonly Migration[]): SqliteDatabase {
  const db = openDatabase(path, migrations === undefined ? { logger } : { logger, migrations });
  opened.push(db);
  return db;
}

function applied(db: SqliteDatabase): { version: number; name: string }[] {
  return db
    .prepare<[], { version: number; name: string }>("SELECT version, name FROM schema_migrations")
    .all();
}

function tableNames(db: SqliteDatabase): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
}

/** Migrations that count how often they run. */
function countingMigrations(count: number, runs: number[]): Migration[] {
  return Array.from({ length: count }, (_, i) => ({
    version: i + 1,
    name: `step_${i + 1}`,
    up(db: SqliteDatabase) {
      runs[i] = (runs[i] ?? 0) + 1;
      db.exec(`CREATE TABLE t${i + 1} (x INTEGER)`);
    },
  }));
}

describe("openDatabase", () => {
  it("applies the product's migrations to a new file and records each version", () => {
    const db = open(join(dir, "hubtrends.db"));
    expect(applied(db)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(["schema_migrations", "snapshots", "snapshot_models"]),
    );
  });

  it("creates missing parent directories", () => {
    const path = join(dir, "a", "b", "hubtrends.db");
    open(path);
    const again = open(path);
    expect(again.name).toBe(path);
  });

  it("turns on WAL, foreign keys and a busy timeout", () => {
    const db = open(join(dir, "hubtrends.db"));
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("works in memory", () => {
    const db = open(":memory:");
    expect(db.memory).toBe(true);
    expect(applied(db).map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("runs each migration once: reopening an up-to-date file applies nothing", () => {
    const path = join(dir, "hubtrends.db");
    const runs: number[] = [];
    open(path, countingMigrations(2, runs)).close();
    open(path, countingMigrations(2, runs)).close();
    const db = open(path, countingMigrations(2, runs));
    expect(runs).toEqual([1, 1]);
    expect(applied(db)).toEqual([
      { version: 1, name: "step_1" },
      { version: 2, name: "step_2" },
    ]);
  });

  it("applies only the appended migration when the code knows a newer version, keeping the data", () => {
    const path = join(dir, "hubtrends.db");
    const runs: number[] = [];
    const old = open(path, countingMigrations(1, runs));
    old.prepare("INSERT INTO t1 (x) VALUES (42)").run();
    old.close();

    const db = open(path, countingMigrations(2, runs));
    expect(runs).toEqual([1, 1]);
    expect(db.prepare("SELECT x FROM t1").pluck().get()).toBe(42);
    expect(tableNames(db)).toContain("t2");
  });

  it("refuses a database written by a newer schema, saying which versions", () => {
    const path = join(dir, "hubtrends.db");
    open(path, countingMigrations(3, [])).close();

    const attempt = () => open(path, countingMigrations(2, []));
    expect(attempt).toThrow(SchemaMismatchError);
    expect(attempt).toThrow(/schema version 3.*knows versions up to 2/);
  });

  it("refuses a database whose recorded history names a version differently", () => {
    const path = join(dir, "hubtrends.db");
    open(path, countingMigrations(2, [])).close();
    const diverged = countingMigrations(2, []).map((m) =>
      m.version === 2 ? { ...m, name: "someone_elses_step_2" } : m,
    );
    expect(() => open(path, diverged)).toThrow(/recorded migration 2 as "step_2".*"someone_elses_step_2"/);
  });

  it("skips a migration another connection applied after this one looked", () => {
    const path = join(dir, "hubtrends.db");
    const runs: number[] = [];
    // The "migration applied" log line comes between two migrations' transactions: use it to let
    // a second connection (another process, in production) apply migration 2 at that moment.
    let interleaved = false;
    const interleavingLogger = pino(
      { level: "info" },
      {
        write(line: string) {
          if (interleaved || !line.includes('"version":1')) return;
          interleaved = true;
          open(path, countingMigrations(2, runs)).close();
        },
      },
    );

    const db = openDatabase(path, { logger: interleavingLogger, migrations: countingMigrations(2, runs) });
    opened.push(db);
    expect(interleaved).toBe(true);
    expect(runs).toEqual([1, 1]);
    expect(applied(db).map((row) => row.version)).toEqual([1, 2]);
  });

  it("rejects a migration list with a gap in its versions", () => {
    const gap: Migration[] = [
      { version: 1, name: "one", up: () => {} },
      { version: 3, name: "three", up: () => {} },
    ];
    expect(() => open(":memory:", gap)).toThrow(/entry 1 \("three"\) has version 3, expected 2/);
  });

  it("rolls a failing migration back entirely and records nothing for it", () => {
    const path = join(dir, "hubtrends.db");
    const [first] = countingMigrations(1, []);
    if (first === undefined) throw new Error("fixture");
    const failing: Migration = {
      version: 2,
      name: "half_done",
      up(db) {
        db.exec("CREATE TABLE half (x INTEGER)");
        throw new Error("boom");
      },
    };
    expect(() => open(path, [first, failing])).toThrow("boom");

    const db = open(path, [first]);
    expect(applied(db)).toEqual([{ version: 1, name: "step_1" }]);
    expect(tableNames(db)).not.toContain("half");
  });
});
