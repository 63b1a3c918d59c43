import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createQueryCache, type QueryCache } from "../../src/services/cache/query-cache.js";
import { ALL_METHODS, DEFAULT_METHOD, methodKey } from "../../src/services/method/method.js";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { createTrendsService, WINDOWS } from "../../src/services/snapshots/trends-service.js";
import { memoizedLookup } from "../../src/services/stats/model-facts.js";
import { knownUniverseAggregates, universeAggregates } from "../../src/services/stats/region-shares.js";
import { aggregateVersion, storedAggregatesOf } from "../../src/services/stats/stored-aggregates.js";
import { createAggregateStore } from "../../src/services/storage/aggregate-store.js";
import { createSnapshotStore, type SnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { hubModels as generatedModels, modelsOfDay } from "../fixtures/daily-history.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-08-22T06:00:00.000Z");
const logger = pino({ level: "silent" });
const LOOKUP = defaultRegionAttributor();
const VERSION = aggregateVersion(["test attribution"]);
const collector = { collect: () => Promise.reject(new Error("the Hub is not asked in this test")) };

const caches: QueryCache[] = [];
afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
});

const hubModels = (count: number, seed: number) => generatedModels(count, seed, NOW);

const DAYS = [90, 60, 30, 15, 8, 7, 6, 2, 1, 0];

/** Saves one snapshot per day in `days` (days before NOW) of `base`'s models, downloads moved per day. */
async function saveDays(store: SnapshotStore, base: ReturnType<typeof hubModels>, days: readonly number[]) {
  for (const day of days) {
    await store.save({
      takenAt: new Date(NOW - day * DAY),
      source: "collect",
      models: modelsOfDay(base, -day),
      skipped: 0,
    });
  }
}

onEachDatabase((testDatabase) => {
  async function world() {
    const database = await testDatabase.open();
    const clock = () => new Date(NOW);
    const store = createSnapshotStore(database, { clock });
    await saveDays(store, hubModels(400, 5), DAYS);
    const loads: number[] = [];
    const counted = {
      ...store,
      load: (id: number) => {
        loads.push(id);
        return store.load(id);
      },
    };
    const trends = (withAggregates: boolean) => {
      const cache = createQueryCache({ ttlSeconds: 900, clock, logger });
      caches.push(cache);
      return createTrendsService({
        store: counted,
        cache,
        collector,
        lookup: LOOKUP,
        clock,
        ...(withAggregates
          ? { aggregates: { store: createAggregateStore(database), version: VERSION, logger } }
          : {}),
      });
    };
    return { database, store, trends, loads };
  }

  it("answers every method, window and region from stored aggregates exactly as from the snapshots", async () => {
    const { database, trends } = await world();
    const fromSnapshots = trends(false);
    const backfilled = trends(true);
    expect(await backfilled.backfillAggregates()).toBe(DAYS.length);
    expect(await countRows(database, "snapshot_aggregates")).toBe(DAYS.length * ALL_METHODS.length);
    // A fresh service, as after a restart: everything it compares and draws is read back as stored.
    const fromStored = trends(true);
    for (const method of ALL_METHODS) {
      for (const windowWeeks of WINDOWS) {
        for (const region of [null, "china", "us"] as const) {
          const query = { region, windowWeeks, ...method };
          const expected = (await fromSnapshots.stats(query)).stats;
          expect(
            (await fromStored.stats(query)).stats,
            `${methodKey(method)} ${windowWeeks}w ${region}`,
          ).toEqual(expected);
        }
      }
    }
  });

  it("stores what a save is given in the snapshot's transaction, and fills in a snapshot saved without", async () => {
    const { database, store, trends } = await world();
    const models = modelsOfDay(hubModels(100, 6), 1);
    const takenAt = new Date(NOW + DAY);
    const saved = await store.save({
      takenAt,
      source: "import",
      models,
      skipped: 0,
      aggregates: {
        version: VERSION,
        aggregates: storedAggregatesOf({ takenAt: takenAt.toISOString(), models }, LOOKUP),
      },
    });
    const aggregates = createAggregateStore(database);
    expect(await aggregates.missing(VERSION, ALL_METHODS.length)).toEqual(
      (await store.list())
        .filter((meta) => meta.id !== saved.id)
        .map((meta) => meta.id)
        .reverse(),
    );
    // Asked among some snapshots only (how backfill asks, a batch at a time).
    const [oldest] = (await store.list()).map((meta) => meta.id).reverse();
    expect(await aggregates.missing(VERSION, ALL_METHODS.length, [saved.id])).toEqual([]);
    expect(await aggregates.missing(VERSION, ALL_METHODS.length, [saved.id, oldest ?? -1])).toEqual([oldest]);
    expect(await aggregates.missing(VERSION, ALL_METHODS.length, [])).toEqual([]);
    const stored = await aggregates.aggregate(
      saved.id,
      ALL_METHODS[0] ?? { by: "lineage", cohort: "all" },
      VERSION,
    );
    expect(stored?.universe.modelCount).toBeGreaterThan(0);

    const service = trends(true);
    expect(await service.backfillAggregates()).toBe(DAYS.length);
    expect(await aggregates.missing(VERSION, ALL_METHODS.length)).toEqual([]);
    // Known complete now: a second run finds nothing to do.
    expect(await service.backfillAggregates()).toBe(0);
    // Rows of another version (other attribution data, other code) are not trusted.
    expect(await aggregates.missing("another", ALL_METHODS.length)).toHaveLength(DAYS.length + 1);
    // Deleting a snapshot deletes its aggregates.
    await store.delete(saved.id);
    expect(await countRows(database, "snapshot_aggregates")).toBe(DAYS.length * ALL_METHODS.length);
  });

  it("a backfill loads each snapshot once and keeps none of them: what /trends holds stays loaded", async () => {
    const { database, trends, loads } = await world();
    const service = trends(true);
    const ask = (region: "us" | null) =>
      Promise.all(WINDOWS.map((windowWeeks) => service.stats({ region, windowWeeks })));
    await ask(null);
    // As after an upgrade that changed the aggregates' version: every snapshot lacks them.
    await database.db.deleteFrom("snapshot_aggregates").execute();
    loads.length = 0;
    expect(await service.backfillAggregates()).toBe(DAYS.length);
    // Snapshots in memory are shared; no other one is read twice.
    expect(new Set(loads).size).toBe(loads.length);
    expect(loads.length).toBeLessThan(DAYS.length);
    loads.length = 0;
    // The newest and its comparisons were not pushed out by the snapshots the backfill read.
    await ask("us");
    expect(loads).toEqual([]);
  });

  it("answers when the aggregates it computed cannot be stored (a full disk), and says so in the log", async () => {
    const { database, trends } = await world();
    const warnings: string[] = [];
    const said = pino({ level: "warn" }, { write: (line: string) => warnings.push(JSON.parse(line).msg) });
    const stored = createAggregateStore(database);
    const cache = createQueryCache({ ttlSeconds: 900, clock: () => new Date(NOW), logger });
    caches.push(cache);
    const failing = createTrendsService({
      store: createSnapshotStore(database, { clock: () => new Date(NOW) }),
      cache,
      collector,
      lookup: LOOKUP,
      clock: () => new Date(NOW),
      aggregates: {
        store: { ...stored, put: () => Promise.reject(new Error("SQLITE_FULL: database or disk is full")) },
        version: VERSION,
        logger: said,
      },
    });
    const query = { region: "china", windowWeeks: 4 } as const;
    expect((await failing.stats(query)).stats).toEqual((await trends(false).stats(query)).stats);
    expect(await countRows(database, "snapshot_aggregates")).toBe(0);
    expect(warnings.length).toBeGreaterThan(0);
    expect(new Set(warnings)).toEqual(
      new Set(["could not store a snapshot's aggregates; they are computed again when next needed"]),
    );
  });

  it("computes and stores the aggregates a history needs the first time it is asked for", async () => {
    const { database, trends } = await world();
    const query = { region: null, windowWeeks: 12 } as const;
    const { stats } = await trends(true).stats(query);
    expect(stats.history.length).toBeGreaterThan(5);
    // Every snapshot on the line (and the one compared with), under every method.
    expect(await countRows(database, "snapshot_aggregates")).toBeGreaterThanOrEqual(
      stats.history.length * ALL_METHODS.length,
    );
    expect((await trends(true).stats(query)).stats).toEqual(stats);
  });
});

describe("comparisons loaded when asked (the CLI)", () => {
  onEachDatabase((testDatabase) => {
    it("answer as the preloaded ones do, and knownComparisonOf says it has none", async () => {
      const database = await testDatabase.open();
      const clock = () => new Date(NOW);
      const store = createSnapshotStore(database, { clock });
      await saveDays(store, hubModels(200, 7), [14, 7, 0]);
      const service = (preloadComparisons: boolean) => {
        const cache = createQueryCache({ ttlSeconds: 900, clock, logger });
        caches.push(cache);
        return createTrendsService({ store, cache, collector, lookup: LOOKUP, clock, preloadComparisons });
      };
      const preloaded = service(true);
      const onDemand = service(false);
      for (const windowWeeks of WINDOWS) {
        const query = { region: null, windowWeeks };
        expect((await onDemand.stats(query)).stats).toEqual((await preloaded.stats(query)).stats);
      }
      const current = await onDemand.latestSnapshot();
      expect(() => onDemand.knownComparisonOf(current, 1)).toThrow(/preloadComparisons/);
    });

    it("the bot's refresh aggregates the newest snapshot, which /top and /org then read from memory; the rest when asked", async () => {
      const database = await testDatabase.open();
      const clock = () => new Date(NOW);
      const store = createSnapshotStore(database, { clock });
      await saveDays(store, hubModels(200, 8), [28, 7, 0]);
      const cache = createQueryCache({ ttlSeconds: 900, clock, logger });
      caches.push(cache);
      const bot = createTrendsService({ store, cache, collector, lookup: LOOKUP, clock });
      await bot.refresh();
      const current = await bot.latestSnapshot();
      const shared = memoizedLookup(LOOKUP);
      expect(knownUniverseAggregates(current, shared, DEFAULT_METHOD)).toBeDefined();
      // A compared snapshot's, when a check asks (/org's), a few milliseconds at a time.
      const previous = bot.knownComparisonOf(current, 1)?.snapshot;
      if (previous === undefined) throw new Error("a week-old snapshot is stored");
      expect(knownUniverseAggregates(previous, shared, DEFAULT_METHOD)).toBeUndefined();
      await bot.universeOf(previous, DEFAULT_METHOD);
      expect(knownUniverseAggregates(previous, shared, DEFAULT_METHOD)).toBeDefined();
      // Another method is aggregated only when asked (/compare's check), then kept too.
      const other = { by: "uploader", cohort: "new" } as const;
      expect(knownUniverseAggregates(current, shared, other)).toBeUndefined();
      const aggregated = await bot.universeOf(current, other);
      expect(knownUniverseAggregates(current, shared, other)).toBe(aggregated);
      // The same figures as computed at once, over a lookup of its own.
      const { universe, regions, orgs, countries } = universeAggregates(current, LOOKUP, other);
      expect(aggregated).toMatchObject({ universe, regions, orgs, countries });
    });
  });
});

describe("aggregate versions", () => {
  it("change with the attribution data", () => {
    expect(aggregateVersion(["a"])).not.toBe(aggregateVersion(["b"]));
    expect(aggregateVersion(["a"])).toBe(aggregateVersion(["a"]));
  });
});
