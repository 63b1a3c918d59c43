import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type SqliteDatabase } from "../../src/services/storage/database.js";
import { createSnapshotStore, type SnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { manyModels, sampleModels } from "./fixtures.js";

const logger = pino({ level: "silent" });
const SAVED_AT = new Date("2025-06-01T12:00:00.000Z");

let db: SqliteDatabase;
let store: SnapshotStore;

beforeEach(() => {
  db = openDatabase(":memory:", { logger });
  store = createSnapshotStore(db, { clock: () => SAVED_AT });
});
afterEach(() => {
  db.close();
});

function saveAt(iso: string, models = sampleModels()) {
  return store.save({ takenAt: new Date(iso), source: "collect", models, skipped: 0 });
}

function modelRowCount(): number {
  const count = db.prepare<[], number>("SELECT COUNT(*) FROM snapshot_models").pluck().get();
  if (count === undefined) throw new Error("COUNT(*) returned no row");
  return count;
}

describe("save and load", () => {
  it("returns every ModelRecord field exactly as saved, nulls and order included", () => {
    const models = sampleModels();
    const meta = store.save({
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
    expect(store.load(meta.id)).toEqual({ ...meta, models: sampleModels() });
  });

  it("stores a missing note as null", () => {
    const meta = saveAt("2025-05-31T06:00:00.000Z");
    expect(meta.note).toBeNull();
    expect(store.load(meta.id)?.note).toBeNull();
  });

  it("returns null for an id that does not exist", () => {
    expect(store.load(12345)).toBeNull();
  });

  it("saves and loads 10,000 models intact", () => {
    const models = manyModels(10_000);
    const meta = store.save({
      takenAt: new Date("2025-05-31T00:00:00Z"),
      source: "collect",
      models,
      skipped: 0,
    });
    expect(meta.modelCount).toBe(10_000);
    expect(store.load(meta.id)?.models).toEqual(models);
  });

  it("rejects a duplicate model id and writes nothing", () => {
    const [first] = sampleModels();
    if (first === undefined) throw new Error("fixture");
    expect(() => saveAt("2025-05-31T00:00:00Z", [...sampleModels(), { ...first, likes: 1 }])).toThrow(
      /Duplicate model id "Qwen\/Qwen3-8B"/,
    );
    expect(store.list()).toEqual([]);
    expect(modelRowCount()).toBe(0);
  });

  it("rolls back the snapshot row when a model row fails", () => {
    const broken = { ...sampleModels()[0], downloads: null } as unknown as ReturnType<typeof sampleModels>[0];
    expect(() => saveAt("2025-05-31T00:00:00Z", [...sampleModels().slice(1), broken])).toThrow(/NOT NULL/);
    expect(store.list()).toEqual([]);
    expect(modelRowCount()).toBe(0);
  });

  it("rejects an invalid takenAt", () => {
    expect(() => saveAt("not a date")).toThrow(/takenAt is not a valid date/);
  });

  it("keeps both snapshots when two share a takenAt, and treats the later-saved one as newer", () => {
    const first = saveAt("2025-05-31T00:00:00.000Z");
    const second = saveAt("2025-05-31T00:00:00.000Z", sampleModels().slice(0, 1));
    expect(second.id).not.toBe(first.id);
    expect(store.list().map((m) => m.id)).toEqual([second.id, first.id]);
    expect(store.latest()?.id).toBe(second.id);
    expect(store.latest()?.models).toHaveLength(1);
    expect(store.nearestAtOrBefore(new Date("2025-05-31T00:00:00.000Z"))?.id).toBe(second.id);
  });
});

describe("newestMeta", () => {
  it("is null with nothing stored, then the newest by takenAt (not by saving order), without models", () => {
    expect(store.newestMeta()).toBeNull();
    const newer = saveAt("2025-06-02T00:00:00.000Z");
    saveAt("2025-06-01T00:00:00.000Z");
    expect(store.newestMeta()).toEqual(store.list()[0]);
    expect(store.newestMeta()?.id).toBe(newer.id);
    expect(store.newestMeta()).not.toHaveProperty("models");
  });
});

describe("newestTotals", () => {
  it("is null with nothing stored, then the newest snapshot's counts and summed downloads", () => {
    expect(store.newestTotals()).toBeNull();
    saveAt("2025-06-02T00:00:00.000Z", sampleModels().slice(0, 1));
    const older = store.save({
      takenAt: new Date("2025-06-01T00:00:00.000Z"),
      source: "collect",
      models: sampleModels().slice(1),
      skipped: 0,
    });
    const newest = store.save({
      takenAt: new Date("2025-06-03T00:00:00.000Z"),
      source: "collect",
      models: sampleModels(),
      skipped: 4,
    });
    expect(older.id).toBeLessThan(newest.id);
    expect(store.newestTotals()).toEqual({
      snapshotId: newest.id,
      models: sampleModels().length,
      skipped: 4,
      downloads: sampleModels().reduce((sum, model) => sum + model.downloads, 0),
    });
  });

  it("counts no downloads for a snapshot of no models", () => {
    saveAt("2025-06-01T00:00:00.000Z", []);
    expect(store.newestTotals()?.downloads).toBe(0);
  });
});

describe("time lookups", () => {
  // Saved out of time order, as an import of an old file after a collection would be.
  beforeEach(() => {
    saveAt("2025-05-02T00:00:00.000Z");
    saveAt("2025-05-04T00:00:00.000Z");
    saveAt("2025-05-01T00:00:00.000Z");
    saveAt("2025-05-03T00:00:00.000Z");
  });

  it("lists snapshots newest first by takenAt", () => {
    expect(store.list().map((m) => m.takenAt)).toEqual([
      "2025-05-04T00:00:00.000Z",
      "2025-05-03T00:00:00.000Z",
      "2025-05-02T00:00:00.000Z",
      "2025-05-01T00:00:00.000Z",
    ]);
  });

  it("latest is the newest by takenAt, not the last saved", () => {
    expect(store.latest()?.takenAt).toBe("2025-05-04T00:00:00.000Z");
    expect(store.latest()?.models).toEqual(sampleModels());
  });

  it("nearestAtOrBefore picks the newest snapshot not after the date", () => {
    expect(store.nearestAtOrBefore(new Date("2025-05-03T12:00:00Z"))?.takenAt).toBe(
      "2025-05-03T00:00:00.000Z",
    );
    expect(store.nearestAtOrBefore(new Date("2025-05-03T00:00:00Z"))?.takenAt).toBe(
      "2025-05-03T00:00:00.000Z",
    );
    expect(store.nearestAtOrBefore(new Date("2025-06-30T00:00:00Z"))?.takenAt).toBe(
      "2025-05-04T00:00:00.000Z",
    );
  });

  it("nearestAtOrBefore returns null before the first snapshot", () => {
    expect(store.nearestAtOrBefore(new Date("2025-04-30T23:59:59.999Z"))).toBeNull();
  });

  it("between returns the snapshots in the closed range, oldest first", () => {
    expect(
      store.between(new Date("2025-05-02T00:00:00Z"), new Date("2025-05-03T00:00:00Z")).map((m) => m.takenAt),
    ).toEqual(["2025-05-02T00:00:00.000Z", "2025-05-03T00:00:00.000Z"]);
    expect(store.between(new Date("2025-05-05T00:00:00Z"), new Date("2025-05-09T00:00:00Z"))).toEqual([]);
  });
});

describe("an empty store", () => {
  it("has no snapshots, no latest and nothing to autocomplete", () => {
    expect(store.list()).toEqual([]);
    expect(store.latest()).toBeNull();
    expect(store.latestModelIds()).toEqual([]);
    expect(store.latestAuthors()).toEqual([]);
    expect(store.prune({ keepDays: 0, now: new Date("2030-01-01T00:00:00Z") })).toBe(0);
  });
});

describe("prune", () => {
  const now = new Date("2025-06-10T00:00:00.000Z");

  it("deletes snapshots older than keepDays with their models and keeps the rest", () => {
    saveAt("2025-05-01T00:00:00.000Z");
    saveAt("2025-05-31T00:00:00.000Z"); // exactly 10 days before now: kept
    const recent = saveAt("2025-06-09T00:00:00.000Z");

    expect(store.prune({ keepDays: 10, now })).toBe(1);
    expect(store.list().map((m) => m.takenAt)).toEqual([
      "2025-06-09T00:00:00.000Z",
      "2025-05-31T00:00:00.000Z",
    ]);
    expect(modelRowCount()).toBe(2 * sampleModels().length);
    expect(store.load(recent.id)?.models).toEqual(sampleModels());
  });

  it("always keeps the newest snapshot, however old", () => {
    saveAt("2024-01-01T00:00:00.000Z");
    const newest = saveAt("2024-02-01T00:00:00.000Z");

    expect(store.prune({ keepDays: 30, now })).toBe(1);
    expect(store.list().map((m) => m.id)).toEqual([newest.id]);
    expect(store.latest()?.models).toEqual(sampleModels());
  });

  it("uses the store's clock when no now is given", () => {
    saveAt("2025-05-01T00:00:00.000Z");
    saveAt("2025-05-31T00:00:00.000Z");
    // SAVED_AT is 2025-06-01T12:00Z: only the first is more than 7 days old.
    expect(store.prune({ keepDays: 7 })).toBe(1);
    expect(store.list()).toHaveLength(1);
  });

  it("never reuses the id of a pruned snapshot", () => {
    const newest = saveAt("2025-06-09T00:00:00.000Z");
    const oldImport = saveAt("2025-01-01T00:00:00.000Z"); // highest id, oldest takenAt
    expect(store.prune({ keepDays: 30, now })).toBe(1);

    const next = saveAt("2025-06-09T12:00:00.000Z");
    expect(next.id).toBeGreaterThan(oldImport.id);
    expect(store.list().map((m) => m.id)).toEqual([next.id, newest.id]);
  });

  it("rejects a negative keepDays", () => {
    expect(() => store.prune({ keepDays: -1, now })).toThrow(/keepDays/);
  });
});

describe("autocomplete lookups", () => {
  it("lists the newest snapshot's model ids, most downloaded first", () => {
    saveAt("2025-05-01T00:00:00.000Z", manyModels(3));
    saveAt("2025-05-02T00:00:00.000Z");
    expect(store.latestModelIds()).toEqual([
      "Qwen/Qwen3-8B",
      "deepseek-ai/DeepSeek-R1",
      "Qwen/Qwen2.5-0.5B",
      "someone/ancient-model",
    ]);
  });

  it("lists the newest snapshot's authors once each, by total downloads", () => {
    saveAt("2025-05-02T00:00:00.000Z");
    saveAt("2025-05-01T00:00:00.000Z", manyModels(3));
    expect(store.latestAuthors()).toEqual(["Qwen", "deepseek-ai", "someone"]);
  });
});

it("refuses a connection without foreign keys, where pruning would orphan model rows", () => {
  // better-sqlite3 turns foreign keys on by default, so only an explicit OFF gets here.
  const bare = openDatabase(":memory:", { logger });
  bare.pragma("foreign_keys = OFF");
  try {
    expect(() => createSnapshotStore(bare, { clock: () => SAVED_AT })).toThrow(/foreign keys/);
  } finally {
    bare.close();
  }
});
