import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Database,
  openDatabase,
  type SqliteBackedDatabase,
} from "../../src/services/storage/database.js";
import { StorageUnavailableError } from "../../src/services/storage/errors.js";
import type { Migration } from "../../src/services/storage/migrations.js";
import { isSqlite } from "../../src/services/storage/sqlite.js";
import type { Tables } from "../../src/services/storage/tables.js";

const logger = pino({ level: "silent" });
const NOTES: Migration[] = [
  {
    version: 1,
    name: "notes",
    sqlite: ["CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"],
    postgres: [],
  },
];

let dir: string;
let path: string;
let database: SqliteBackedDatabase;
let replaced: StorageUnavailableError[];

async function openSqlite(
  file: string,
  options: { onReplaced?: (error: StorageUnavailableError) => void } = {},
) {
  const opened: Database = await openDatabase(
    { kind: "sqlite", path: file },
    { logger, migrations: NOTES, ...options },
  );
  if (!isSqlite(opened)) throw new Error("expected SQLite");
  return opened;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-guard-"));
  path = join(dir, "db.sqlite");
  replaced = [];
  database = await openSqlite(path, { onReplaced: (error) => replaced.push(error) });
});

afterEach(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

// Through the query builder, as every store writes.
const insert = (text: string, db: Kysely<Tables> = database.db) =>
  sql`INSERT INTO notes (text) VALUES (${text})`.execute(db);
const count = async () =>
  (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM notes`.execute(database.db)).rows[0]?.n;

async function problemOf(write: () => Promise<unknown>): Promise<string> {
  try {
    await write();
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
  it("writes as usual while the file is the one opened", async () => {
    await insert("kept");
    expect(await count()).toBe(1);
    expect(replaced).toEqual([]);
  });

  it("refuses a write once the file is deleted, and tells the owner once", async () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    expect(await problemOf(() => insert("lost"))).toBe("replaced");
    expect(await problemOf(() => insert("lost again"))).toBe("replaced");
    expect(replaced.map((error) => error.message)).toEqual([
      `The database file ${path} was deleted while the bot was running; every write is refused, since it would be lost at the next start.`,
    ]);
  });

  it("refuses a write transaction once the file is replaced by another, before it writes", async () => {
    replaceWithCopy();
    const both = () =>
      database.write(async (trx) => {
        await insert("a", trx);
        await insert("b", trx);
      });
    expect(await problemOf(both)).toBe("replaced");
    expect(await count()).toBe(0);
  });

  it("does not confirm a transaction during which the file was replaced, though SQLite committed it", async () => {
    // Where that commit ends up is SQLite's business (the orphaned file, or the new one through
    // the -wal file they share by name); all that can be promised is not to call it saved.
    const write = () =>
      database.write(async (trx) => {
        await insert("went who knows where", trx);
        replaceWithCopy();
      });
    expect(await problemOf(write)).toBe("replaced");
    expect(replaced).toHaveLength(1);
  });

  it("covers statements that write and return rows (RETURNING)", async () => {
    rmSync(path);
    const returning = () => sql`INSERT INTO notes (text) VALUES ('x') RETURNING id`.execute(database.db);
    expect(await problemOf(returning)).toBe("replaced");
  });

  it("still reads what the open connection holds, in a read transaction too", async () => {
    await insert("before");
    rmSync(path);
    expect(await count()).toBe(1);
    expect(
      await database.read(
        async (trx) => (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM notes`.execute(trx)).rows[0]?.n,
      ),
    ).toBe(1);
  });
});

describe("SQLite's own refusals", () => {
  it("turns a full disk (SQLITE_FULL) into a storage error that says so, keeping nothing", async () => {
    await insert("x");
    const { connection } = database;
    connection.pragma(`max_page_count = ${connection.pragma("page_count", { simple: true })}`);
    const big = () =>
      database.write(async (trx) => {
        for (let i = 0; i < 200; i++) await insert("y".repeat(4000), trx);
      });
    expect(await problemOf(big)).toBe("full");
    expect(await count()).toBe(1);
  });

  it("turns a read-only database (SQLITE_READONLY) into a storage error that says so", async () => {
    database.connection.pragma("query_only = 1");
    expect(await problemOf(() => insert("x"))).toBe("read-only");
  });

  it("leaves other errors alone (a constraint is the caller's mistake, not the disk's)", async () => {
    await expect(sql`INSERT INTO notes (text) VALUES (NULL)`.execute(database.db)).rejects.toThrow(
      /NOT NULL/,
    );
  });

  it("guards an in-memory database's writes the same way, with no file to watch", async () => {
    const memory = await openSqlite(":memory:");
    memory.connection.pragma("query_only = 1");
    await expect(insert("x", memory.db)).rejects.toThrow(StorageUnavailableError);
    await memory.close();
  });
});
