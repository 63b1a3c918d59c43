import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createQueryCache, type QueryCache } from "../../src/services/cache/query-cache.js";
import { ALL_METHODS, methodKey } from "../../src/services/method/method.js";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { answerVersion, createStoredAnswers } from "../../src/services/snapshots/stored-answers.js";
import { createTrendsService, WINDOWS } from "../../src/services/snapshots/trends-service.js";
import { aggregateVersion } from "../../src/services/stats/stored-aggregates.js";
import { createAggregateStore } from "../../src/services/storage/aggregate-store.js";
import { type AnswerStore, createAnswerStore } from "../../src/services/storage/answer-store.js";
import { createSnapshotStore, type SnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { hubModels, modelsOfDay } from "../fixtures/daily-history.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-09-14T06:00:00.000Z");
const LOOKUP = defaultRegionAttributor();
const collector = { collect: () => Promise.reject(new Error("the Hub is not asked in this test")) };
const silent = pino({ level: "silent" });

const caches: QueryCache[] = [];
afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

/** The store, counting the snapshots it loads: an answer read as stored loads none. */
function countingLoads(store: SnapshotStore): { store: SnapshotStore; loads: () => number } {
  let loads = 0;
  const counted: SnapshotStore = {
    ...store,
    load: (id) => {
      loads += 1;
      return store.load(id);
    },
    latest: () => {
      loads += 1;
      return store.latest();
    },
  };
  return { store: counted, loads: () => loads };
}

onEachDatabase((testDatabase) => {
  async function world() {
    const database = await testDatabase.open();
    const clock = () => new Date(NOW);
    const store = createSnapshotStore(database, { clock });
    const base = hubModels(300, 11, NOW);
    for (const day of [30, 14, 7, 1, 0]) {
      await store.save({
        takenAt: new Date(NOW - day * DAY),
        source: "collect",
        models: modelsOfDay(base, -day),
        skipped: 0,
      });
    }
    /** A process of its own (its own cache and loaded snapshots), as a restart or a replica is. */
    const process = (
      options: { answers?: AnswerStore | null; version?: string; logger?: pino.Logger } = {},
    ) => {
      const cache = createQueryCache({ ttlSeconds: 900, clock, logger: silent });
      caches.push(cache);
      const counted = countingLoads(store);
      const answers = options.answers === undefined ? createAnswerStore(database) : options.answers;
      const trends = createTrendsService({
        store: counted.store,
        cache,
        collector,
        lookup: LOOKUP,
        clock,
        aggregates: {
          store: createAggregateStore(database),
          version: aggregateVersion(["test"]),
          logger: silent,
        },
        ...(answers === null
          ? {}
          : {
              answers: createStoredAnswers({
                store: answers,
                version: async () => options.version ?? "v1",
                logger: options.logger ?? silent,
              }),
            }),
      });
      return { trends, loads: counted.loads };
    };
    return { database, store, base, process };
  }

  it("answers every method, window and region as stored exactly as computed, loading no snapshot", async () => {
    const { database, process } = await world();
    const computing = process({ answers: null });
    const storing = process();
    for (const method of ALL_METHODS) {
      for (const windowWeeks of WINDOWS) {
        for (const region of [null, "china", "us"] as const) {
          await storing.trends.stats({ region, windowWeeks, ...method });
        }
      }
    }
    expect(await countRows(database, "stats_answers")).toBe(ALL_METHODS.length * WINDOWS.length * 3);
    const reading = process();
    for (const method of ALL_METHODS) {
      for (const windowWeeks of WINDOWS) {
        for (const region of [null, "china", "us"] as const) {
          const query = { region, windowWeeks, ...method };
          expect(
            (await reading.trends.stats(query)).stats,
            `${methodKey(method)} ${windowWeeks}w ${region}`,
          ).toEqual((await computing.trends.stats(query)).stats);
        }
      }
    }
    expect(reading.loads()).toBe(0);
  });

  it("computes anew when the snapshot set changed, when another version computed it, or for other list lengths", async () => {
    const { database, store, base, process } = await world();
    const query = { region: null, windowWeeks: 4 } as const;
    const first = (await process().trends.stats(query)).stats;

    // Another version (other code, other attribution data): not trusted.
    const otherVersion = process({ version: "v2" });
    expect((await otherVersion.trends.stats(query)).stats).toEqual(first);
    expect(otherVersion.loads()).toBeGreaterThan(0);

    // A snapshot imported exactly 4 weeks back: the same newest snapshot is now compared with it.
    await store.save({
      takenAt: new Date(NOW - 28 * DAY),
      source: "import",
      models: modelsOfDay(base, -28),
      skipped: 0,
    });
    const afterImport = process();
    const { stats } = await afterImport.trends.stats(query);
    expect(afterImport.loads()).toBeGreaterThan(0);
    expect(stats.weekOverWeek?.previousAsOf).toBe(new Date(NOW - 28 * DAY).toISOString());
    expect(stats.weekOverWeek?.previousAsOf).not.toBe(first.weekOverWeek?.previousAsOf);
    expect(stats).toEqual((await process({ answers: null }).trends.stats(query)).stats);

    // Longer lists (what /compare asks) are an answer of their own.
    const longer = process();
    const { stats: everyOrg } = await longer.trends.stats({ ...query, limits: { topOrgs: 1000 } });
    expect(everyOrg.topOrgs.length).toBeGreaterThan(stats.topOrgs.length);
    expect(longer.loads()).toBeGreaterThan(0);
    expect(await countRows(database, "stats_answers")).toBe(2);
  });

  it("keeps only the newest snapshot's answers", async () => {
    const { database, store, base, process } = await world();
    await process().trends.stats({ region: null, windowWeeks: 1 });
    await process().trends.stats({ region: "china", windowWeeks: 1 });
    const saved = await store.save({
      takenAt: new Date(NOW + DAY),
      source: "collect",
      models: modelsOfDay(base, 1),
      skipped: 0,
    });
    const { stats } = await process().trends.stats({ region: null, windowWeeks: 1 });
    expect(stats.asOf).toBe(saved.takenAt);
    const rows = await database.db.selectFrom("stats_answers").select("snapshot_id").execute();
    expect(rows).toEqual([{ snapshot_id: saved.id }]);
    // Deleting the snapshot deletes its answers with it.
    await store.delete(saved.id);
    expect(await countRows(database, "stats_answers")).toBe(0);
  });

  it("answers all the same when answers cannot be read or stored, and says so in the log", async () => {
    const { database, process } = await world();
    const lines: { level: number; msg: string }[] = [];
    const logger = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const broken: AnswerStore = {
      get: () => Promise.reject(new Error("disk I/O error")),
      put: () => Promise.reject(new Error("disk I/O error")),
    };
    const query = { region: "us", windowWeeks: 12 } as const;
    const { stats } = await process({ answers: broken, logger }).trends.stats(query);
    expect(stats).toEqual((await process({ answers: null }).trends.stats(query)).stats);
    expect(lines.map((line) => line.msg)).toEqual([
      "could not read a stored answer; computing it instead",
      "could not store a computed answer; it is computed again when next asked",
    ]);
    expect(await countRows(database, "stats_answers")).toBe(0);
  });
});

describe("answer versions", () => {
  it("are the same for the same code and attribution data, and differ for other data", async () => {
    const version = await answerVersion(["a"]);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(await answerVersion(["a"])).toBe(version);
    expect(await answerVersion(["b"])).not.toBe(version);
  });
});
