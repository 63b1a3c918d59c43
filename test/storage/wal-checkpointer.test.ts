import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type SqliteBackedDatabase } from "../../src/services/storage/database.js";
import type { Migration } from "../../src/services/storage/migrations.js";
import { isSqlite } from "../../src/services/storage/sqlite.js";
import { startWalCheckpointer } from "../../src/services/storage/wal-checkpointer.js";

const NOTES: Migration[] = [
  {
    version: 1,
    name: "notes",
    sqlite: ["CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"],
    postgres: [],
  },
];
/** ~4 MB of rows: a thousand WAL pages, where SQLite's automatic checkpoint would run. */
const ROWS = 1_000;
const TEXT = "x".repeat(4_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-wal-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function open(path: string, checkpointInBackground: boolean): Promise<SqliteBackedDatabase> {
  const opened = await openDatabase(
    { kind: "sqlite", path },
    { logger: pino({ level: "silent" }), migrations: NOTES, checkpointInBackground },
  );
  if (!isSqlite(opened)) throw new Error("expected SQLite");
  return opened;
}

async function writeRows(database: SqliteBackedDatabase): Promise<void> {
  await database.write(async (trx) => {
    // The notes table is this test's own, not one of the product's typed tables.
    for (let row = 0; row < ROWS; row += 1) await sql`INSERT INTO notes (text) VALUES (${TEXT})`.execute(trx);
  });
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe("WAL checkpoints on a worker thread", () => {
  it("the bot's connection never checkpoints in a commit; the worker copies the WAL into the file", async () => {
    const path = join(dir, "bot.db");
    const database = await open(path, true);
    try {
      expect(database.connection.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      const before = statSync(path).size;
      await writeRows(database);
      // Only a checkpoint grows the database file itself: the commit wrote the WAL alone.
      expect(await until(() => statSync(path).size >= before + ROWS * TEXT.length)).toBe(true);
      expect(database.connection.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: ROWS });
    } finally {
      await database.close();
    }
    // Reopened, every row is there.
    const again = new BetterSqlite3(path, { readonly: true });
    expect(again.prepare("SELECT count(*) AS n FROM notes").get()).toEqual({ n: ROWS });
    again.close();
  });

  it("a one-shot process keeps SQLite's automatic checkpoints", async () => {
    const database = await open(join(dir, "cli.db"), false);
    try {
      expect(database.connection.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    } finally {
      await database.close();
    }
  });

  it("when the worker cannot checkpoint, the connection gets its automatic checkpoints back and says so", async () => {
    const path = join(dir, "main.db");
    const connection = new BetterSqlite3(path);
    connection.pragma("journal_mode = WAL");
    const warnings: string[] = [];
    const logger = pino(
      { level: "warn" },
      { write: (line: string) => warnings.push(JSON.parse(line).msg as string) },
    );
    // The worker opens a file that does not exist (it must exist), and fails.
    const checkpointer = startWalCheckpointer({
      connection,
      path: join(dir, "missing.db"),
      busyTimeoutMs: 100,
      logger,
    });
    try {
      expect(connection.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
      expect(await until(() => connection.pragma("wal_autocheckpoint", { simple: true }) === 1000)).toBe(
        true,
      );
      expect(warnings).toEqual([expect.stringMatching(/checkpoints run on the bot's own thread again/)]);
      checkpointer.afterWrite();
    } finally {
      await checkpointer.close();
      connection.close();
    }
  });
});
