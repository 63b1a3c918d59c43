import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe } from "vitest";
import {
  type Database,
  type DatabaseTarget,
  type DialectName,
  type OpenDatabaseOptions,
  openDatabase,
} from "../../src/services/storage/database.js";
import type { Tables } from "../../src/services/storage/tables.js";
import { createScratchPostgres, type ScratchPostgres } from "./scratch-postgres.js";

/** The PostgreSQL server the PostgreSQL tests make their scratch databases on (CI sets it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** Why the PostgreSQL tests are skipped, in their names, so a run says so. */
export const POSTGRES_SKIPPED = "skipped: TEST_DATABASE_URL not set";

/** This test's database, of one kind: a fresh one for every test. */
export interface TestDatabase {
  readonly kind: DialectName;
  /** Where this test's database is: an SQLite file of its own, or a scratch PostgreSQL database. */
  target(): DatabaseTarget;
  /** Opens this test's database (another connection each call); every one is closed after the test. */
  open(options?: Partial<OpenDatabaseOptions>): Promise<Database>;
}

const silent = pino({ level: "silent" });

/** How many rows `table` holds. */
export async function countRows(database: Database, table: keyof Tables): Promise<number> {
  const { count } = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return count;
}

/**
 * Declares the tests `body` declares once on SQLite and once on PostgreSQL, each test on a fresh,
 * migrated database. On PostgreSQL every test file gets a scratch database of its own (created on
 * TEST_DATABASE_URL's server, emptied before each test, dropped at the end), so files run in
 * parallel. Without TEST_DATABASE_URL the PostgreSQL block is declared skipped, with the reason in
 * its name.
 */
export function onEachDatabase(body: (database: TestDatabase) => void): void {
  describe("on SQLite", () => body(sqliteTestDatabase()));
  if (TEST_DATABASE_URL === undefined) {
    describe.skip(`on PostgreSQL (${POSTGRES_SKIPPED})`, () => body(postgresTestDatabase("")));
  } else {
    describe("on PostgreSQL", () => body(postgresTestDatabase(TEST_DATABASE_URL)));
  }
}

/** Declares PostgreSQL-only tests, skipped with the reason in their name without TEST_DATABASE_URL. */
export function onPostgres(body: (database: TestDatabase) => void): void {
  if (TEST_DATABASE_URL === undefined) {
    describe.skip(`on PostgreSQL (${POSTGRES_SKIPPED})`, () => body(postgresTestDatabase("")));
  } else {
    describe("on PostgreSQL", () => body(postgresTestDatabase(TEST_DATABASE_URL)));
  }
}

/** Opens connections and closes them after each test. */
function opener(target: () => DatabaseTarget) {
  const opened: Database[] = [];
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close().catch(() => undefined);
  });
  return async (options: Partial<OpenDatabaseOptions> = {}) => {
    const database = await openDatabase(target(), { logger: silent, ...options });
    opened.push(database);
    return database;
  };
}

function sqliteTestDatabase(): TestDatabase {
  let dir = "";
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hubtrends-test-db-"));
  });
  // Registered before the opener's: vitest runs after-hooks last-registered first, so the
  // connections are closed before their directory goes.
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const target = (): DatabaseTarget => ({ kind: "sqlite", path: join(dir, "hubtrends.db") });
  return { kind: "sqlite", target, open: opener(target) };
}

function postgresTestDatabase(adminUrl: string): TestDatabase {
  let scratch: ScratchPostgres | undefined;
  beforeAll(async () => {
    scratch = await createScratchPostgres(adminUrl, "test");
  });
  beforeEach(async () => {
    await scratch?.reset();
  });
  afterAll(async () => {
    await scratch?.drop();
  });
  const target = (): DatabaseTarget => {
    if (scratch === undefined) throw new Error("the scratch PostgreSQL database was not created");
    return { kind: "postgres", url: scratch.url };
  };
  return { kind: "postgres", target, open: opener(target) };
}
