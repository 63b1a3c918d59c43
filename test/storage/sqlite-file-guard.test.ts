import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/services/storage/database.js";
import { StorageUnavailableError } from "../../src/services/storage/errors.js";
import type { Migration, SqliteDatabase } from "../../src/services/storage/migrations.js";

const logger = pino({ level: "silent" });
const NOTES: Migration[] = [
  {
    version: 1,
    name: "notes",
    up: (db) => db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"),
  },
];

let dir: string;
let path: string;
let db: SqliteDatabase;
let replaced: StorageUnavailableError[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-guard-"));
  path = join(dir, "db.sqlite");
  replaced = [];
  db = openDatabase(path, { logger, migrations: NOTES, onReplaced: (error) => replaced.push(error) });
});

afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (text: string) => db.prepare<[string]>("INSERT INTO notes (text) VALUES (?)").run(text);
const count = () => db.prepare<[], number>("SELECT COUNT(*) FROM notes").pluck().get();

function problemOf(write: () => unknown): string {
  try {
    write();
  } catch (error) {
    if (error instanceof StorageUnavailableError) return error.problem;
    throw error;
  }
  throw new Error("the write succeeded");
}

/** Puts a copy of the file in its place, as restoring a backup with `mv` does. */
function replaceWithCopy(): void {
  copyFileSync(path, join(dir, "copy.sqlite"));
  renameSync(join(dir, "copy.sqlite"), path);
}

describe("writes to a database whose file is taken away", () => {
  it("writes as usual while the file is the one opened", () => {
    insert("kept");
    expect(count()).toBe(1);
    expect(replaced).toEqual([]);
  });

  it("refuses a write once the file is deleted, and tells the owner once", () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    expect(problemOf(() => insert("lost"))).toBe("replaced");
    expect(problemOf(() => insert("lost again"))).toBe("replaced");
    expect(replaced.map((error) => error.message)).toEqual([
      `The database file ${path} was deleted while the bot was running; every write is refused, since it would be lost at the next start.`,
    ]);
  });

  it("refuses a transaction once the file is replaced by another", () => {
    replaceWithCopy();
    const both = db.transaction(() => {
      insert("a");
      insert("b");
    });
    expect(problemOf(() => both.immediate())).toBe("replaced");
    expect(count()).toBe(0);
  });

  it("does not confirm a transaction during which the file was replaced, though SQLite committed it", () => {
    // Where that commit ends up is SQLite's business (the orphaned file, or the new one through
    // the -wal file they share by name); all that can be promised is not to call it saved.
    const write = db.transaction(() => {
      insert("went who knows where");
      replaceWithCopy();
    });
    expect(problemOf(() => write())).toBe("replaced");
    expect(replaced).toHaveLength(1);
  });

  it("covers statements that write and return rows (RETURNING)", () => {
    rmSync(path);
    const returning = db.prepare<[string], { id: number }>(
      "INSERT INTO notes (text) VALUES (?) RETURNING id",
    );
    expect(problemOf(() => returning.get("x"))).toBe("replaced");
  });

  it("still reads what the open connection holds", () => {
    insert("before");
    rmSync(path);
    expect(count()).toBe(1);
  });
});

describe("SQLite's own refusals", () => {
  it("turns a full disk (SQLITE_FULL) into a storage error that says so", () => {
    insert("x");
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true })}`);
    const big = db.transaction(() => {
      for (let i = 0; i < 200; i++) insert("y".repeat(4000));
    });
    expect(problemOf(big)).toBe("full");
    expect(count()).toBe(1);
  });

  it("turns a read-only database (SQLITE_READONLY) into a storage error that says so", () => {
    db.pragma("query_only = 1");
    expect(problemOf(() => insert("x"))).toBe("read-only");
  });

  it("leaves other errors alone (a constraint is the caller's mistake, not the disk's)", () => {
    expect(() => db.prepare("INSERT INTO notes (text) VALUES (NULL)").run()).toThrow(/NOT NULL/);
  });

  it("guards an in-memory database's writes the same way, with no file to watch", () => {
    const memory = openDatabase(":memory:", { logger, migrations: NOTES });
    memory.pragma("query_only = 1");
    expect(() => memory.prepare("INSERT INTO notes (text) VALUES ('x')").run()).toThrow(
      StorageUnavailableError,
    );
    memory.close();
  });
});
