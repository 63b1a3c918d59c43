import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDeliveryLog } from "../../src/services/digests/delivery-log.js";
import { createDigestSettings } from "../../src/services/digests/digest-settings.js";
import { openDatabase } from "../../src/services/storage/database.js";
import { MIGRATIONS } from "../../src/services/storage/migrations.js";
import { createSnapshotStore } from "../../src/services/storage/snapshot-store.js";
import { model } from "../stats/builders.js";
import { onEachDatabase } from "../support/test-databases.js";
import { sampleModels } from "./fixtures.js";

const logger = pino({ level: "silent" });
const clock = () => new Date("2026-08-22T06:00:00.000Z");

onEachDatabase((testDatabase) => {
  describe("migration 3 (counting_method) on a database of schema 2", () => {
    it("keeps snapshots and digests, giving old model rows no card bases and old digests the default method", async () => {
      const old = await testDatabase.open({ migrations: MIGRATIONS.slice(0, 2) });
      await sql`INSERT INTO snapshots (taken_at, source, model_count, skipped, note, saved_at)
         VALUES ('2026-08-01T00:00:00.000Z', 'collect', 1, 0, NULL, '2026-08-01T00:00:00.000Z')`.execute(
        old.db,
      );
      await sql`INSERT INTO snapshot_models (snapshot_id, position, model_id, author, downloads, likes, tags)
         VALUES (1, 0, 'unsloth/Qwen3-8B-GGUF', 'unsloth', 10, 0, '["base_model:quantized:Qwen/Qwen3-8B"]')`.execute(
        old.db,
      );
      await sql`INSERT INTO digests (guild_id, channel_id, day, time, timezone, region, language,
           schedule_from, created_by, created_at, updated_at)
         VALUES ('100000000000000001', '200000000000000001', 'mon', '09:00', 'UTC', NULL, 'en-US',
           '2026-08-01T00:00:00.000Z', '300000000000000001', '2026-08-01T00:00:00.000Z',
           '2026-08-01T00:00:00.000Z')`.execute(old.db);
      await old.close();

      const database = await testDatabase.open();
      const [first] = (await createSnapshotStore(database, { clock }).load(1))?.models ?? [];
      expect(first).toMatchObject({ baseModels: [], tags: ["base_model:quantized:Qwen/Qwen3-8B"] });
      const [digest] = await createDigestSettings(database, { clock }).listEnabled();
      expect(digest).toMatchObject({ by: "lineage", cohort: "all" });
    });
  });

  describe("snapshot store: replace and delete", () => {
    it("replaces every snapshot taken at that instant in one step, and deletes one by id with its models", async () => {
      const database = await testDatabase.open();
      const store = createSnapshotStore(database, { clock });
      const withBase = (id: string) => model({ id, downloads: 1, baseModels: ["Qwen/Qwen3-8B"] });
      const at = new Date("2026-08-01T00:00:00.000Z");
      await store.save({ takenAt: at, source: "import", models: [withBase("a/one")], skipped: 0 });
      await store.save({ takenAt: at, source: "import", models: [withBase("a/two")], skipped: 0 });
      const kept = await store.save({
        takenAt: new Date("2026-08-02T00:00:00.000Z"),
        source: "import",
        models: [withBase("a/three")],
        skipped: 0,
      });
      const { snapshot, replaced } = await store.replace({
        takenAt: at,
        source: "import",
        models: [withBase("b/new")],
        skipped: 0,
      });
      expect(replaced).toBe(2);
      expect((await store.list()).map((m) => m.id)).toEqual([kept.id, snapshot.id]);
      expect((await store.load(snapshot.id))?.models.map((m) => [m.id, m.baseModels])).toEqual([
        ["b/new", ["Qwen/Qwen3-8B"]],
      ]);
      expect(await store.delete(kept.id)).toBe(true);
      expect(await store.delete(kept.id)).toBe(false);
      const { count } = await database.db
        .selectFrom("snapshot_models")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("snapshot_id", "=", kept.id)
        .executeTakeFirstOrThrow();
      expect(count).toBe(0);
    });
  });
});

/**
 * `test/fixtures/hubtrends-schema-3.db` was written by the code of main 04b7a10 (the raw
 * better-sqlite3 stores, schema versions 1–3), as a one-machine user's file is: two snapshots, two
 * digests (one with a counting method), a posted and a claimed delivery, the scheduler lease.
 */
describe("an SQLite file written by the previous version", () => {
  const fixture = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "hubtrends-schema-3.db");
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "hubtrends-old-file-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("opens without a migration to apply and reads back everything it held, then takes new writes", async () => {
    const path = join(dir, "hubtrends.db");
    copyFileSync(fixture, path);
    const database = await openDatabase({ kind: "sqlite", path }, { logger });
    try {
      const applied = await database.db.selectFrom("schema_migrations").select(["version", "name"]).execute();
      expect(applied).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));

      const snapshots = createSnapshotStore(database, { clock });
      const metas = await snapshots.list();
      expect(metas.map((m) => [m.takenAt, m.source, m.modelCount, m.skipped, m.note])).toEqual([
        ["2026-08-20T06:00:00.000Z", "import", 4, 0, "imported from hub.json"],
        ["2026-08-13T06:00:00.000Z", "collect", 3, 1, null],
      ]);
      expect((await snapshots.latest())?.models).toEqual(sampleModels());

      const settings = createDigestSettings(database, { clock });
      const digests = await settings.listByGuild("100000000000000001");
      expect(digests.map((d) => [d.day, d.time, d.timezone, d.region, d.language, d.by, d.cohort])).toEqual([
        ["mon", "09:00", "Asia/Shanghai", "china", "zh-CN", "uploader", "generative"],
        ["fri", "18:30", "Europe/Paris", null, "en-US", "lineage", "all"],
      ]);
      const deliveries = createDeliveryLog(database, { clock });
      const [first] = digests;
      if (first === undefined) throw new Error("fixture");
      expect(await deliveries.lastPosted(first.id)).toMatchObject({
        period: "2026-W34",
        messageId: "400000000000000001",
        nonce: "nonce-w34",
      });
      expect((await deliveries.pendingClaims()).map((d) => [d.period, d.nonce])).toEqual([
        ["2026-W35", "nonce-w35"],
      ]);

      // New writes land next to the old rows, with ids after theirs.
      const saved = await snapshots.save({
        takenAt: clock(),
        source: "collect",
        models: sampleModels(),
        skipped: 0,
      });
      expect(saved.id).toBeGreaterThan(Math.max(...metas.map((m) => m.id)));
      const created = await settings.create({
        guildId: "100000000000000001",
        channelId: "200000000000000003",
        day: "sun",
        time: "20:00",
        timezone: "UTC",
        region: null,
        language: "en-US",
        createdBy: "300000000000000001",
      });
      expect(created.id).toBeGreaterThan(Math.max(...digests.map((d) => d.id)));
    } finally {
      await database.close();
    }
  });
});
