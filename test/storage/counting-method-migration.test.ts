import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDigestSettings } from "../../src/services/digests/digest-settings.js";
import { openDatabase } from "../../src/services/storage/database.js";
import { MIGRATIONS } from "../../src/services/storage/migrations.js";
import { createSnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { model } from "../stats/builders.js";

const logger = pino({ level: "silent" });
const clock = () => new Date("2026-08-22T06:00:00.000Z");
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-migration-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("migration 3 (counting_method) on a database of schema 2", () => {
  it("keeps snapshots and digests, giving old model rows no card bases and old digests the default method", () => {
    const path = join(dir, "hubtrends.db");
    const old = openDatabase(path, { logger, migrations: MIGRATIONS.slice(0, 2) });
    old
      .prepare(
        `INSERT INTO snapshots (taken_at, source, model_count, skipped, note, saved_at)
         VALUES ('2026-08-01T00:00:00.000Z', 'collect', 1, 0, NULL, '2026-08-01T00:00:00.000Z')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO snapshot_models (snapshot_id, position, model_id, author, downloads, likes, tags)
         VALUES (1, 0, 'unsloth/Qwen3-8B-GGUF', 'unsloth', 10, 0, '["base_model:quantized:Qwen/Qwen3-8B"]')`,
      )
      .run();
    old
      .prepare(
        `INSERT INTO digests (guild_id, channel_id, day, time, timezone, region, language,
           schedule_from, created_by, created_at, updated_at)
         VALUES ('100000000000000001', '200000000000000001', 'mon', '09:00', 'UTC', NULL, 'en-US',
           '2026-08-01T00:00:00.000Z', '300000000000000001', '2026-08-01T00:00:00.000Z',
           '2026-08-01T00:00:00.000Z')`,
      )
      .run();
    old.close();

    const db = openDatabase(path, { logger });
    const [model] = createSnapshotStore(db, { clock }).load(1)?.models ?? [];
    expect(model).toMatchObject({ baseModels: [], tags: ["base_model:quantized:Qwen/Qwen3-8B"] });
    const [digest] = createDigestSettings(db, { clock }).listEnabled();
    expect(digest).toMatchObject({ by: "lineage", cohort: "all" });
    db.close();
  });
});

describe("snapshot store: replace and delete", () => {
  it("replaces every snapshot taken at that instant in one step, and deletes one by id with its models", () => {
    const db = openDatabase(":memory:", { logger });
    const store = createSnapshotStore(db, { clock });
    const withBase = (id: string) => model({ id, downloads: 1, baseModels: ["Qwen/Qwen3-8B"] });
    const at = new Date("2026-08-01T00:00:00.000Z");
    store.save({ takenAt: at, source: "import", models: [withBase("a/one")], skipped: 0 });
    store.save({ takenAt: at, source: "import", models: [withBase("a/two")], skipped: 0 });
    const kept = store.save({
      takenAt: new Date("2026-08-02T00:00:00.000Z"),
      source: "import",
      models: [withBase("a/three")],
      skipped: 0,
    });
    const { snapshot, replaced } = store.replace({
      takenAt: at,
      source: "import",
      models: [withBase("b/new")],
      skipped: 0,
    });
    expect(replaced).toBe(2);
    expect(store.list().map((m) => m.id)).toEqual([kept.id, snapshot.id]);
    expect(store.load(snapshot.id)?.models.map((m) => [m.id, m.baseModels])).toEqual([
      ["b/new", ["Qwen/Qwen3-8B"]],
    ]);
    expect(store.delete(kept.id)).toBe(true);
    expect(store.delete(kept.id)).toBe(false);
    const rows = db
      .prepare<[number], number>("SELECT COUNT(*) FROM snapshot_models WHERE snapshot_id = ?")
      .pluck();
    expect(rows.get(kept.id)).toBe(0);
    db.close();
  });
});
