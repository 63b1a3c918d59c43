import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/services/storage/database.js";
import {
  createWatchStore,
  MAX_WATCHES_PER_GUILD,
  WatchLimitError,
  type WatchStore,
} from "../../src/services/watches/watch-store.js";
import { type FakeClock, fakeClock } from "../digests/helpers.js";
import { model } from "../stats/builders.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";
import { newWatch, WATCH_GUILD } from "./watch-inputs.js";

const GUILD_A = WATCH_GUILD;
const GUILD_B = "100000000000000002";

const record = model({ id: "Qwen/Qwen4-8B" });

onEachDatabase((testDatabase) => {
  let database: Database;
  let clock: FakeClock;
  let store: WatchStore;

  beforeEach(async () => {
    database = await testDatabase.open();
    clock = fakeClock("2026-11-20T10:00:00.000Z");
    store = createWatchStore(database, { clock });
  });

  describe("watch settings", () => {
    it("creates a watch with every setting as given, no baseline yet, scoped to its guild", async () => {
      const watch = await store.create(
        newWatch({
          channelKind: "forum",
          minDownloads: 5000,
          roleId: "400000000000000001",
          language: "zh-CN",
        }),
      );
      expect(watch).toEqual({
        id: watch.id,
        guildId: GUILD_A,
        channelId: "200000000000000001",
        channelKind: "forum",
        org: "Qwen",
        minDownloads: 5000,
        roleId: "400000000000000001",
        language: "zh-CN",
        createdBy: "300000000000000001",
        createdAt: "2026-11-20T10:00:00.000Z",
        baselineDone: false,
        lastAlertAt: null,
        pausedReason: null,
        lastError: null,
        lastErrorAt: null,
      });
      expect(await store.get(GUILD_A, watch.id)).toEqual(watch);
      expect(await store.get(GUILD_B, watch.id)).toBeNull();
      expect(await store.remove(GUILD_B, watch.id)).toBe(false);
    });

    it(`allows ${MAX_WATCHES_PER_GUILD} watches per guild and refuses the next with WatchLimitError`, async () => {
      for (let i = 0; i < MAX_WATCHES_PER_GUILD; i++) await store.create(newWatch());
      await expect(store.create(newWatch())).rejects.toBeInstanceOf(WatchLimitError);
      await expect(store.create(newWatch({ guildId: GUILD_B }))).resolves.toMatchObject({ guildId: GUILD_B });
    });

    it("refuses a name that cannot be a Hub namespace and a negative min-downloads", async () => {
      await expect(store.create(newWatch({ org: "Qwen/Qwen3" }))).rejects.toThrow(/Hub namespace/);
      await expect(store.create(newWatch({ minDownloads: -1 }))).rejects.toThrow(/minDownloads/);
    });

    it("pauses with a reason, records errors and alerts, and leaves paused watches out of the poll", async () => {
      const a = await store.create(newWatch());
      const b = await store.create(newWatch({ org: "deepseek-ai" }));
      await store.pause(a.id, "Unknown Channel");
      await store.recordError(a.id, "Unknown Channel");
      await store.markBaselineDone(b.id);
      await store.recordAlert(b.id, new Date("2026-11-21T00:00:00.000Z"));
      expect((await store.listActive()).map((w) => w.id)).toEqual([b.id]);
      expect(await store.get(GUILD_A, a.id)).toMatchObject({
        pausedReason: "Unknown Channel",
        lastError: "Unknown Channel",
        lastErrorAt: "2026-11-20T10:00:00.000Z",
      });
      expect(await store.byId(b.id)).toMatchObject({
        baselineDone: true,
        lastAlertAt: "2026-11-21T00:00:00.000Z",
      });
    });

    it("deletes a guild's watches with their alerts, and only that guild's", async () => {
      const a = await store.create(newWatch());
      await store.create(newWatch({ guildId: GUILD_B }));
      await store.claim({ watchId: a.id, modelId: "Qwen/Qwen4", kind: "new" }, "n1", record);
      expect(await store.deleteByGuild(GUILD_A)).toBe(1);
      expect(await countRows(database, "watch_alerts")).toBe(0);
      expect(await store.listByGuild(GUILD_B)).toHaveLength(1);
    });
  });

  describe("alert log", () => {
    const key = (watchId: number, modelId = "Qwen/Qwen4-8B", kind: "new" | "milestone" = "new") => ({
      watchId,
      modelId,
      kind,
    });

    it("claims an alert once: a second claim, from another connection too, gets nothing", async () => {
      const { id } = await store.create(newWatch());
      const other = createWatchStore(await testDatabase.open(), { clock });
      const [first, second] = await Promise.all([
        store.claim(key(id), "nonce-1", record),
        other.claim(key(id), "nonce-2", record),
      ]);
      const won = [first, second].filter((c) => c !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ status: "claimed", attempts: 1, claimedAt: "2026-11-20T10:00:00.000Z" });
      // The same model's milestone is another alert.
      expect(await store.claim(key(id, "Qwen/Qwen4-8B", "milestone"), "nonce-3", record)).not.toBeNull();
    });

    it("never claims a model recorded in the baseline, and counts only rows it added", async () => {
      const { id } = await store.create(newWatch());
      const entries = Array.from({ length: 450 }, (_, i) => ({
        modelId: `Qwen/m${i}`,
        kind: "new" as const,
      }));
      expect(await store.recordBaseline(id, entries)).toBe(450);
      expect(await store.recordBaseline(id, entries.slice(0, 10))).toBe(0);
      expect(await store.claim(key(id, "Qwen/m7"), "n", record)).toBeNull();
      expect(await store.getAlert(key(id, "Qwen/m7"))).toMatchObject({ status: "baseline", nonce: null });
    });

    it("holds an alert without a nonce, then releases it by compare-and-set, once", async () => {
      const { id } = await store.create(newWatch({ minDownloads: 1000 }));
      expect(await store.hold(key(id), record)).toBe(true);
      expect(await store.hold(key(id), record)).toBe(false);
      const [held] = await store.held(id);
      expect(held).toMatchObject({ status: "held", nonce: null, attempts: 0 });
      if (held === undefined) throw new Error("no held alert");
      const released = await store.reclaim(key(id), held, "nonce-r");
      expect(released).toMatchObject({ status: "claimed", nonce: "nonce-r", attempts: 1, model: record });
      expect(await store.reclaim(key(id), held, "nonce-x")).toBeNull();
      expect(await store.held(id)).toEqual([]);
    });

    it("keeps the model as the poll saw it, and the fresher figures of a release", async () => {
      const { id } = await store.create(newWatch({ minDownloads: 100 }));
      await store.hold(key(id), { ...record, downloads: 5 });
      const [held] = await store.held(id);
      expect(held?.model).toEqual({ ...record, downloads: 5 });
      if (held === undefined) throw new Error("no held alert");
      const released = await store.reclaim(key(id), held, "n", { ...record, downloads: 500 });
      expect(released?.model?.downloads).toBe(500);
    });

    it("finds the rows a poll needs: for the listed models, and every held one", async () => {
      const { id } = await store.create(newWatch());
      await store.recordBaseline(id, [{ modelId: "Qwen/a", kind: "new" }]);
      await store.hold(key(id, "Qwen/held"), record);
      await store.claim(key(id, "Qwen/other"), "n", record);
      const rows = await store.knownAlerts([id], ["Qwen/a"]);
      expect(rows.map((r) => [r.modelId, r.status]).sort()).toEqual([
        ["Qwen/a", "baseline"],
        ["Qwen/held", "held"],
      ]);
    });

    it("keeps the nonce across a failure and a retry, and posts once", async () => {
      const { id } = await store.create(newWatch());
      await store.claim(key(id), "nonce-1", record);
      expect(
        await store.markFailed(key(id), "500 Internal Server Error", new Date("2026-11-20T10:01:00.000Z")),
      ).toBe(true);
      expect(await store.dueRetries(new Date("2026-11-20T10:00:30.000Z"))).toEqual([]);
      const [due] = await store.dueRetries(new Date("2026-11-20T10:01:00.000Z"));
      if (due === undefined) throw new Error("no retry due");
      const retried = await store.reclaim(key(id), due, "nonce-2");
      expect(retried).toMatchObject({ nonce: "nonce-1", attempts: 2, status: "claimed" });
      expect(await store.pendingClaims()).toHaveLength(1);
      expect(await store.markPosted(key(id), "500000000000000001")).toBe(true);
      expect(await store.markPosted(key(id), "500000000000000002")).toBe(false);
      expect(await store.getAlert(key(id))).toMatchObject({
        status: "posted",
        messageId: "500000000000000001",
      });
      expect(await store.pendingClaims()).toEqual([]);
    });

    it("leaves the failed alerts of a paused watch out of the retries", async () => {
      const { id } = await store.create(newWatch());
      await store.claim(key(id), "nonce-1", record);
      await store.markFailed(key(id), "boom", clock());
      await store.pause(id, "Missing Access");
      expect(await store.dueRetries(clock())).toEqual([]);
    });
  });
});
