import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/services/storage/database.js";
import { createSnapshotStore, type SnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";
import { manyModels, sampleModels } from "./fixtures.js";

const SAVED_AT = new Date("2025-06-01T12:00:00.000Z");

onEachDatabase((testDatabase) => {
  let database: Database;
  let store: SnapshotStore;

  beforeEach(async () => {
    database = await testDatabase.open();
    store = createSnapshotStore(database, { clock: () => SAVED_AT });
  });

  function saveAt(iso: string, models = sampleModels()) {
    return store.save({ takenAt: new Date(iso), source: "collect", models, skipped: 0 });
  }

  const modelRowCount = () => countRows(database, "snapshot_models");

  describe("save and load", () => {
    it("returns every ModelRecord field exactly as saved, nulls and order included", async () => {
      const models = sampleModels();
      const meta = await store.save({
        takenAt: new Date("2025-05-31T06:00:00.000Z"),
        source: "import",
        models,
        skipped: 3,
        note: "from export.json",
      });

      expect(meta).toEqual({
        id: meta.id,
        takenAt: "2025-05-31T06:00:00.000Z",
        source: "import",
        modelCount: models.length,
        skipped: 3,
        note: "from export.json",
        savedAt: SAVED_AT.toISOString(),
      });
      expect(await store.load(meta.id)).toEqual({ ...meta, models: sampleModels() });
    });

    it("stores a missing note as null", async () => {
      const meta = await saveAt("2025-05-31T06:00:00.000Z");
      expect(meta.note).toBeNull();
      expect((await store.load(meta.id))?.note).toBeNull();
    });

    it("returns null for an id that does not exist", async () => {
      expect(await store.load(12345)).toBeNull();
    });

    it("saves and loads 10,000 models intact", async () => {
      const models = manyModels(10_000);
      const meta = await store.save({
        takenAt: new Date("2025-05-31T00:00:00Z"),
        source: "collect",
        models,
        skipped: 0,
      });
      expect(meta.modelCount).toBe(10_000);
      expect((await store.load(meta.id))?.models).toEqual(models);
    });

    it("reads a snapshot's all-time counters by model id, leaving out models without one", async () => {
      const models = sampleModels();
      const meta = await saveAt("2025-05-31T00:00:00Z", models);
      const expected = new Map(
        models.flatMap((m) => (m.downloadsAllTime === null ? [] : [[m.id, m.downloadsAllTime] as const])),
      );
      expect(models.some((m) => m.downloadsAllTime === null)).toBe(true);
      expect(expected.size).toBeGreaterThan(0);
      expect(await store.allTimeCounts(meta.id)).toEqual(expected);
      expect((await store.allTimeCounts(meta.id + 1000)).size).toBe(0);
    });

    it("rejects a duplicate model id and writes nothing", async () => {
      const [first] = sampleModels();
      if (first === undefined) throw new Error("fixture");
      await expect(
        saveAt("2025-05-31T00:00:00Z", [...sampleModels(), { ...first, likes: 1 }]),
      ).rejects.toThrow(/Duplicate model id "Qwen\/Qwen3-8B"/);
      expect(await store.list()).toEqual([]);
      expect(await modelRowCount()).toBe(0);
    });

    it("rolls back the snapshot row when a model row fails", async () => {
      const broken = { ...sampleModels()[0], downloads: null } as unknown as ReturnType<
        typeof sampleModels
      >[0];
      await expect(saveAt("2025-05-31T00:00:00Z", [...sampleModels().slice(1), broken])).rejects.toThrow(
        /NOT NULL|not-null/i,
      );
      expect(await store.list()).toEqual([]);
      expect(await modelRowCount()).toBe(0);
    });

    it("rejects an invalid takenAt", async () => {
      await expect(saveAt("not a date")).rejects.toThrow(/takenAt is not a valid date/);
    });

    it("keeps both snapshots when two share a takenAt, and treats the later-saved one as newer", async () => {
      const first = await saveAt("2025-05-31T00:00:00.000Z");
      const second = await saveAt("2025-05-31T00:00:00.000Z", sampleModels().slice(0, 1));
      expect(second.id).not.toBe(first.id);
      expect((await store.list()).map((m) => m.id)).toEqual([second.id, first.id]);
      expect((await store.latest())?.id).toBe(second.id);
      expect((await store.latest())?.models).toHaveLength(1);
      expect((await store.nearestAtOrBefore(new Date("2025-05-31T00:00:00.000Z")))?.id).toBe(second.id);
    });
  });

  describe("newestMeta", () => {
    it("is null with nothing stored, then the newest by takenAt (not by saving order), without models", async () => {
      expect(await store.newestMeta()).toBeNull();
      const newer = await saveAt("2025-06-02T00:00:00.000Z");
      await saveAt("2025-06-01T00:00:00.000Z");
      expect(await store.newestMeta()).toEqual((await store.list())[0]);
      expect((await store.newestMeta())?.id).toBe(newer.id);
      expect(await store.newestMeta()).not.toHaveProperty("models");
    });
  });

  describe("newestTotals", () => {
    it("is null with nothing stored, then the newest snapshot's counts and summed downloads", async () => {
      expect(await store.newestTotals()).toBeNull();
      await saveAt("2025-06-02T00:00:00.000Z", sampleModels().slice(0, 1));
      const older = await store.save({
        takenAt: new Date("2025-06-01T00:00:00.000Z"),
        source: "collect",
        models: sampleModels().slice(1),
        skipped: 0,
      });
      const newest = await store.save({
        takenAt: new Date("2025-06-03T00:00:00.000Z"),
        source: "collect",
        models: sampleModels(),
        skipped: 4,
      });
      expect(older.id).toBeLessThan(newest.id);
      expect(await store.newestTotals()).toEqual({
        snapshotId: newest.id,
        models: sampleModels().length,
        skipped: 4,
        downloads: sampleModels().reduce((sum, model) => sum + model.downloads, 0),
      });
    });

    it("counts no downloads for a snapshot of no models", async () => {
      await saveAt("2025-06-01T00:00:00.000Z", []);
      expect((await store.newestTotals())?.downloads).toBe(0);
    });
  });

  describe("time lookups", () => {
    // Saved out of time order, as an import of an old file after a collection would be.
    beforeEach(async () => {
      await saveAt("2025-05-02T00:00:00.000Z");
      await saveAt("2025-05-04T00:00:00.000Z");
      await saveAt("2025-05-01T00:00:00.000Z");
      await saveAt("2025-05-03T00:00:00.000Z");
    });

    it("lists snapshots newest first by takenAt", async () => {
      expect((await store.list()).map((m) => m.takenAt)).toEqual([
        "2025-05-04T00:00:00.000Z",
        "2025-05-03T00:00:00.000Z",
        "2025-05-02T00:00:00.000Z",
        "2025-05-01T00:00:00.000Z",
      ]);
    });

    it("latest is the newest by takenAt, not the last saved", async () => {
      expect((await store.latest())?.takenAt).toBe("2025-05-04T00:00:00.000Z");
      expect((await store.latest())?.models).toEqual(sampleModels());
    });

    it("nearestAtOrBefore picks the newest snapshot not after the date", async () => {
      expect((await store.nearestAtOrBefore(new Date("2025-05-03T12:00:00Z")))?.takenAt).toBe(
        "2025-05-03T00:00:00.000Z",
      );
      expect((await store.nearestAtOrBefore(new Date("2025-05-03T00:00:00Z")))?.takenAt).toBe(
        "2025-05-03T00:00:00.000Z",
      );
      expect((await store.nearestAtOrBefore(new Date("2025-06-30T00:00:00Z")))?.takenAt).toBe(
        "2025-05-04T00:00:00.000Z",
      );
    });

    it("nearestAtOrBefore returns null before the first snapshot", async () => {
      expect(await store.nearestAtOrBefore(new Date("2025-04-30T23:59:59.999Z"))).toBeNull();
    });

    it("between returns the snapshots in the closed range, oldest first", async () => {
      expect(
        (await store.between(new Date("2025-05-02T00:00:00Z"), new Date("2025-05-03T00:00:00Z"))).map(
          (m) => m.takenAt,
        ),
      ).toEqual(["2025-05-02T00:00:00.000Z", "2025-05-03T00:00:00.000Z"]);
      expect(await store.between(new Date("2025-05-05T00:00:00Z"), new Date("2025-05-09T00:00:00Z"))).toEqual(
        [],
      );
    });
  });

  describe("an empty store", () => {
    it("has no snapshots, no latest and nothing to autocomplete", async () => {
      expect(await store.list()).toEqual([]);
      expect(await store.latest()).toBeNull();
      expect(await store.latestModelIds()).toEqual([]);
      expect(await store.latestAuthors()).toEqual([]);
      expect(await store.prune({ keepDays: 0, now: new Date("2030-01-01T00:00:00Z") })).toBe(0);
    });
  });

  describe("prune", () => {
    const now = new Date("2025-06-10T00:00:00.000Z");

    it("deletes snapshots older than keepDays with their models and keeps the rest", async () => {
      await saveAt("2025-05-01T00:00:00.000Z");
      await saveAt("2025-05-31T00:00:00.000Z"); // exactly 10 days before now: kept
      const recent = await saveAt("2025-06-09T00:00:00.000Z");

      expect(await store.prune({ keepDays: 10, now })).toBe(1);
      expect((await store.list()).map((m) => m.takenAt)).toEqual([
        "2025-06-09T00:00:00.000Z",
        "2025-05-31T00:00:00.000Z",
      ]);
      expect(await modelRowCount()).toBe(2 * sampleModels().length);
      expect((await store.load(recent.id))?.models).toEqual(sampleModels());
    });

    it("always keeps the newest snapshot, however old", async () => {
      await saveAt("2024-01-01T00:00:00.000Z");
      const newest = await saveAt("2024-02-01T00:00:00.000Z");

      expect(await store.prune({ keepDays: 30, now })).toBe(1);
      expect((await store.list()).map((m) => m.id)).toEqual([newest.id]);
      expect((await store.latest())?.models).toEqual(sampleModels());
    });

    it("uses the store's clock when no now is given", async () => {
      await saveAt("2025-05-01T00:00:00.000Z");
      await saveAt("2025-05-31T00:00:00.000Z");
      // SAVED_AT is 2025-06-01T12:00Z: only the first is more than 7 days old.
      expect(await store.prune({ keepDays: 7 })).toBe(1);
      expect(await store.list()).toHaveLength(1);
    });

    it("never reuses the id of a pruned snapshot", async () => {
      const newest = await saveAt("2025-06-09T00:00:00.000Z");
      const oldImport = await saveAt("2025-01-01T00:00:00.000Z"); // highest id, oldest takenAt
      expect(await store.prune({ keepDays: 30, now })).toBe(1);

      const next = await saveAt("2025-06-09T12:00:00.000Z");
      expect(next.id).toBeGreaterThan(oldImport.id);
      expect((await store.list()).map((m) => m.id)).toEqual([next.id, newest.id]);
    });

    it("rejects a negative keepDays", async () => {
      await expect(store.prune({ keepDays: -1, now })).rejects.toThrow(/keepDays/);
    });
  });

  describe("autocomplete lookups", () => {
    it("lists the newest snapshot's model ids, most downloaded first", async () => {
      await saveAt("2025-05-01T00:00:00.000Z", manyModels(3));
      await saveAt("2025-05-02T00:00:00.000Z");
      expect(await store.latestModelIds()).toEqual([
        "Qwen/Qwen3-8B",
        "deepseek-ai/DeepSeek-R1",
        "Qwen/Qwen2.5-0.5B",
        "someone/ancient-model",
      ]);
    });

    it("lists the newest snapshot's authors once each, by total downloads", async () => {
      await saveAt("2025-05-02T00:00:00.000Z");
      await saveAt("2025-05-01T00:00:00.000Z", manyModels(3));
      expect(await store.latestAuthors()).toEqual(["Qwen", "deepseek-ai", "someone"]);
    });
  });

  describe("text order", () => {
    it("sorts ids and authors byte by byte on both databases (upper case before lower, accents last)", async () => {
      const base = sampleModels()[1];
      if (base === undefined) throw new Error("fixture");
      const named = ["b/x", "B/x", "a/x", "É/x", "_/x"].map((id) => ({
        ...base,
        id,
        author: id.split("/")[0] ?? id,
        downloads: 1,
      }));
      await saveAt("2025-05-01T00:00:00.000Z", named);
      expect(await store.latestModelIds()).toEqual(["B/x", "_/x", "a/x", "b/x", "É/x"]);
      expect(await store.latestAuthors()).toEqual(["B", "_", "a", "b", "É"]);
    });
  });
});
