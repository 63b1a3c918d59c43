import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createQueryCache, type QueryCache } from "../../src/services/cache/query-cache.js";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { createTrendsService } from "../../src/services/snapshots/trends-service.js";
import { type Database, openDatabase } from "../../src/services/storage/database.js";
import { createSnapshotStore, type SnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { LOOKUP, model } from "../stats/builders.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse("2026-08-22T06:00:00.000Z");
const logger = pino({ level: "silent" });

let db: Database | undefined;
let cache: QueryCache | undefined;
afterEach(async () => {
  cache?.close();
  await db?.close();
});

/** Qwen's model and unsloth's GGUF of it; unsloth's share grows with `day`. */
function models(day: number): ModelRecord[] {
  return [
    model({ id: "Qwen/Qwen3-8B", downloads: 1000, downloadsRank: 1 }),
    model({
      id: "unsloth/Qwen3-8B-GGUF",
      downloads: 100 + day,
      downloadsRank: 2,
      baseModels: ["Qwen/Qwen3-8B"],
    }),
    model({ id: "google/gemma", downloads: 500, downloadsRank: 3 }),
  ];
}

async function service(daysAgo: readonly number[]): Promise<{
  store: SnapshotStore;
  trends: ReturnType<typeof createTrendsService>;
}> {
  db = await openDatabase({ kind: "sqlite", path: ":memory:" }, { logger });
  const clock = () => new Date(NOW);
  const store = createSnapshotStore(db, { clock });
  for (const d of daysAgo) {
    await store.save({ takenAt: new Date(NOW - d * DAY), source: "collect", models: models(-d), skipped: 0 });
  }
  cache = createQueryCache({ ttlSeconds: 900, clock, logger });
  const collector = { collect: () => Promise.reject(new Error("the Hub is not asked in this test")) };
  return { store, trends: createTrendsService({ store, cache, collector, lookup: LOOKUP, clock }) };
}

describe("trends service windows", () => {
  it("compares with the snapshot exactly a week earlier when daily snapshots exist", async () => {
    const { trends } = await service([20, 14, 8, 7, 6, 1, 0]);
    const { stats } = await trends.stats({ region: null, windowWeeks: 1 });
    expect(stats.weekOverWeek).toMatchObject({ spanMs: 7 * DAY, exact: true, windowWeeks: 1 });
  });

  it("compares 12 weeks with the oldest of 15 days of history, and says so", async () => {
    const { trends } = await service([15, 10, 5, 0]);
    const { stats } = await trends.stats({ region: null, windowWeeks: 12 });
    expect(stats.weekOverWeek).toMatchObject({ spanMs: 15 * DAY, exact: false, windowWeeks: 12 });
    expect(stats.history.map((p) => p.asOf)).toEqual(
      [15, 10, 5, 0].map((d) => new Date(NOW - d * DAY).toISOString()),
    );
  });

  it("gives /model and /org the same choice, with whether it is exact, from memory once refreshed", async () => {
    const { trends } = await service([3, 0]);
    expect(trends.newestStored()).toBeNull();
    await trends.refresh();
    const current = trends.newestStored();
    if (current === null) throw new Error("stored");
    const choice = await trends.comparisonOf(current, 1);
    expect(choice?.exact).toBe(false);
    expect(choice?.snapshot.takenAt).toBe(new Date(NOW - 3 * DAY).toISOString());
    expect(trends.previousOf(current, 1)?.id).toBe(choice?.snapshot.id);
  });

  it("has no comparison with a single snapshot", async () => {
    const { trends } = await service([0]);
    expect((await trends.stats({ region: null, windowWeeks: 4 })).stats.weekOverWeek).toBeNull();
  });
});

describe("trends service methods", () => {
  it("answers under the default method (lineage, all) and under the one asked for, cached apart", async () => {
    const { trends } = await service([7, 0]);
    const byDefault = (await trends.stats({ region: null, windowWeeks: 1 })).stats;
    const byUploader = (await trends.stats({ region: null, windowWeeks: 1, by: "uploader" })).stats;
    expect(byDefault.method).toEqual({ by: "lineage", cohort: "all" });
    expect(byUploader.method).toEqual({ by: "uploader", cohort: "all" });
    expect(byDefault.topOrgs.map((o) => o.author)).toEqual(["Qwen", "google"]);
    expect(byUploader.topOrgs.map((o) => o.author)).toEqual(["Qwen", "google", "unsloth"]);
    // The history line is counted the same way as the figures it sits beside.
    expect(byDefault.history[0]?.shares.china).not.toBe(byUploader.history[0]?.shares.china);
    const generative = (await trends.stats({ region: null, windowWeeks: 1, cohort: "generative" })).stats;
    expect(generative.method).toEqual({ by: "lineage", cohort: "generative" });
    expect(generative.universe.modelCount).toBe(0);
  });
});
