import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { pino } from "pino";
import { timeZoneChoices } from "../src/commands/digest/options.js";
import { modelChoices, orgChoices } from "../src/commands/names.js";
import { regionChoices } from "../src/commands/shared-options.js";
import { translator } from "../src/locales/index.js";
import { defaultRegionAttributor } from "../src/services/regions/attribution.js";
import { nameIndexOf } from "../src/services/snapshots/name-index.js";
import { openDatabase } from "../src/services/storage/database.js";
import { createSnapshotStore } from "../src/services/storage/snapshot-store.js";
import { isSqlite } from "../src/services/storage/sqlite.js";
import { manyModels } from "../test/storage/fixtures.js";
import { median, percentile, timeAsyncCalls } from "./stats.js";

/** Milliseconds per call of `work`, median and worst over `runs` calls after one warm-up. */
function timeCalls(work: () => unknown, runs: number): { medianMs: number; maxMs: number } {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { medianMs: round(median(times)), maxMs: round(percentile(times, 100)) };
}

/** Inputs a client that ignores `max_length` may send, and ordinary ones to compare with. */
const TYPED: Record<string, string> = {
  "6000 chars, typo-like": "Europe/Pari".padEnd(6000, "sx"),
  "6000 spaces then a name": `${" ".repeat(6000)}Asia/Shanghai`,
  "6000 Han characters": "北京".repeat(3000),
  "64 random letters (max_length of timezone)": "qwertyuiopasdfghjklzxcvbnm".repeat(3).slice(0, 64),
  "ordinary typo": "Europe/Pari",
};

/**
 * Issue 13's figures: autocomplete's cost whatever is typed (the bar is under 10 ms a call), the
 * cost of the database-file guard on writes, and of the totals a collection is judged against.
 */
export async function benchFaults(): Promise<Record<string, unknown>> {
  const models = manyModels(10_000);
  const index = nameIndexOf({
    id: 1,
    takenAt: "2026-01-01T00:00:00.000Z",
    source: "collect",
    modelCount: models.length,
    skipped: 0,
    note: null,
    savedAt: "2026-01-01T00:00:00.000Z",
    models,
  });
  const lookup = defaultRegionAttributor();
  const t = translator("en-US");
  const autocomplete: Record<string, unknown> = {};
  for (const [label, typed] of Object.entries(TYPED)) {
    autocomplete[label] = {
      timezone: timeCalls(() => timeZoneChoices(typed), 50),
      region: timeCalls(() => regionChoices(typed, "en-US"), 50),
      "model (10,000 ids)": timeCalls(() => modelChoices(index, typed, t), 50),
      "organisation (500)": timeCalls(() => orgChoices(index, typed, "en-US", lookup), 50),
    };
  }

  const dir = mkdtempSync(join(tmpdir(), "hubtrends-bench-faults-"));
  try {
    const logger = pino({ level: "silent" });
    const database = await openDatabase({ kind: "sqlite", path: join(dir, "guarded.db") }, { logger });
    if (!isSqlite(database)) throw new Error("expected SQLite");
    const guarded = database.connection;
    const raw = new Database(join(dir, "raw.db"));
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    for (const db of [guarded, raw]) db.exec("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER)");
    const upsert = (db: typeof raw) =>
      db.prepare<[string, number]>(
        "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v",
      );
    const guardedUpsert = upsert(guarded);
    const rawUpsert = upsert(raw);
    let n = 0;
    const writes = {
      "one autocommit upsert, raw better-sqlite3": timeCalls(() => rawUpsert.run("k", n++), 2000),
      "one autocommit upsert, guarded": timeCalls(() => guardedUpsert.run("k", n++), 2000),
    };

    const store = createSnapshotStore(database, { clock: () => new Date() });
    let day = 0;
    const save = () =>
      store.save({ takenAt: new Date(Date.UTC(2026, 0, 1 + day++)), source: "collect", models, skipped: 0 });
    const saving = {
      "save a 10,000-model snapshot (guarded: one check either side)": await timeAsyncCalls(save, 5),
    };
    const totals = {
      "newestTotals (10,000 models, 6 snapshots)": await timeAsyncCalls(() => store.newestTotals(), 50),
      "latest(), the load it avoids": await timeAsyncCalls(() => store.latest(), 10),
    };
    await database.close();
    raw.close();
    return { autocomplete, writes: { ...writes, ...saving }, "judging a collection": totals };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
