import { beforeEach, describe, expect, it } from "vitest";
import {
  createDigestStore,
  DigestLimitError,
  type DigestStore,
  MAX_DIGESTS_PER_GUILD,
} from "../../src/services/digests/digest-store.js";
import type { Database } from "../../src/services/storage/database.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";
import { type FakeClock, fakeClock, newDigest } from "./helpers.js";

const GUILD_A = "100000000000000001";
const GUILD_B = "100000000000000002";
const SCHEDULED = new Date("2026-11-30T01:00:00.000Z");

onEachDatabase((testDatabase) => {
  let database: Database;
  let clock: FakeClock;
  let store: DigestStore;

  beforeEach(async () => {
    database = await testDatabase.open();
    clock = fakeClock("2026-11-20T10:00:00.000Z");
    store = createDigestStore(database, { clock });
  });

  const deliveryCount = () => countRows(database, "digest_deliveries");

  describe("digest settings", () => {
    it("creates a digest, enabled, with every setting as given and timestamps from the clock", async () => {
      const digest = await store.create(
        newDigest({ region: "china", language: "zh-CN", day: "fri", time: "18:30" }),
      );
      expect(digest).toEqual({
        id: digest.id,
        guildId: GUILD_A,
        channelId: "200000000000000001",
        day: "fri",
        time: "18:30",
        timezone: "Asia/Shanghai",
        region: "china",
        language: "zh-CN",
        by: "lineage",
        cohort: "all",
        roleId: null,
        enabled: true,
        pausedReason: null,
        lastError: null,
        lastErrorAt: null,
        scheduleFrom: "2026-11-20T10:00:00.000Z",
        createdBy: "300000000000000001",
        createdAt: "2026-11-20T10:00:00.000Z",
        updatedAt: "2026-11-20T10:00:00.000Z",
      });
      expect(await store.get(GUILD_A, digest.id)).toEqual(digest);
    });

    it("stores the role a digest mentions, keeps it on an update that leaves it out, and refuses a non-snowflake", async () => {
      const digest = await store.create(newDigest({ roleId: "400000000000000001" }));
      expect(digest.roleId).toBe("400000000000000001");
      expect((await store.update(GUILD_A, digest.id, { time: "10:00" }))?.roleId).toBe("400000000000000001");
      expect((await store.update(GUILD_A, digest.id, { roleId: null }))?.roleId).toBeNull();
      await expect(store.create(newDigest({ roleId: "@everyone" }))).rejects.toThrow(/roleId/);
    });

    it("stores how the digest counts (by, cohort), changes it on update, and refuses unknown values", async () => {
      const digest = await store.create(newDigest({ by: "uploader", cohort: "generative" }));
      expect(digest).toMatchObject({ by: "uploader", cohort: "generative" });
      expect(await store.update(GUILD_A, digest.id, { cohort: "new" })).toMatchObject({
        by: "uploader",
        cohort: "new",
      });
      expect((await store.update(GUILD_A, digest.id, { by: undefined }))?.by).toBe("uploader");
      await expect(store.create(newDigest({ by: "country" as never }))).rejects.toThrow(
        /Unknown credit method "country"/,
      );
      await expect(store.update(GUILD_A, digest.id, { cohort: "old" as never })).rejects.toThrow(
        /Unknown cohort "old"/,
      );
    });

    it(`allows ${MAX_DIGESTS_PER_GUILD} digests per guild and refuses the next with DigestLimitError`, async () => {
      for (let i = 0; i < MAX_DIGESTS_PER_GUILD; i++) await store.create(newDigest());
      let refused: unknown;
      try {
        await store.create(newDigest());
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DigestLimitError);
      expect(refused).toMatchObject({ guildId: GUILD_A, limit: 5 });
      expect(await store.listByGuild(GUILD_A)).toHaveLength(5);
      // Another guild has its own five.
      expect((await store.create(newDigest({ guildId: GUILD_B }))).guildId).toBe(GUILD_B);
    });

    it("frees a place under the limit when a digest is removed", async () => {
      const digests = [];
      for (let i = 0; i < 5; i++) digests.push(await store.create(newDigest()));
      const first = digests[0];
      if (first === undefined) throw new Error("no digest");
      expect(await store.remove(GUILD_A, first.id)).toBe(true);
      await expect(store.create(newDigest())).resolves.toBeDefined();
    });

    it("does not let one guild read, change, enable or remove another guild's digest", async () => {
      const theirs = await store.create(newDigest({ guildId: GUILD_B }));
      expect(await store.get(GUILD_A, theirs.id)).toBeNull();
      expect(await store.update(GUILD_A, theirs.id, { time: "10:00" })).toBeNull();
      expect(await store.setEnabled(GUILD_A, theirs.id, false)).toBeNull();
      expect(await store.remove(GUILD_A, theirs.id)).toBe(false);
      expect(await store.listByGuild(GUILD_A)).toEqual([]);
      expect(await store.get(GUILD_B, theirs.id)).toEqual(theirs);
    });

    it("updates only the settings given, and moves scheduleFrom only when the schedule changes", async () => {
      const digest = await store.create(newDigest());
      clock.set("2026-11-21T08:00:00.000Z");
      const relabelled = await store.update(GUILD_A, digest.id, { language: "zh-CN", region: "us" });
      expect(relabelled).toMatchObject({
        language: "zh-CN",
        region: "us",
        day: "mon",
        time: "09:00",
        scheduleFrom: digest.scheduleFrom,
        updatedAt: "2026-11-21T08:00:00.000Z",
      });
      clock.set("2026-11-22T08:00:00.000Z");
      const moved = await store.update(GUILD_A, digest.id, { day: "fri", region: undefined });
      expect(moved).toMatchObject({ day: "fri", region: "us", scheduleFrom: "2026-11-22T08:00:00.000Z" });
      expect((await store.update(GUILD_A, digest.id, { region: null }))?.region).toBeNull();
    });

    it("refuses settings the parsers would not have produced", async () => {
      await expect(store.create(newDigest({ time: "9:00" }))).rejects.toThrow(RangeError);
      await expect(store.create(newDigest({ timezone: "asia/shanghai" }))).rejects.toThrow(RangeError);
      await expect(store.create(newDigest({ timezone: "PST" }))).rejects.toThrow(RangeError);
      await expect(store.create(newDigest({ channelId: "general" }))).rejects.toThrow(RangeError);
      const digest = await store.create(newDigest());
      await expect(store.update(GUILD_A, digest.id, { time: "25:00" })).rejects.toThrow(RangeError);
      expect((await store.get(GUILD_A, digest.id))?.time).toBe("09:00");
    });

    it("lists for the scheduler only digests that are enabled and not paused; enabling clears a pause", async () => {
      const running = await store.create(newDigest());
      const disabled = await store.create(newDigest());
      const paused = await store.create(newDigest());
      await store.setEnabled(GUILD_A, disabled.id, false);
      await store.pause(paused.id, "Missing Access");
      expect((await store.listEnabled()).map((d) => d.id)).toEqual([running.id]);
      expect(await store.get(GUILD_A, paused.id)).toMatchObject({
        enabled: true,
        pausedReason: "Missing Access",
      });

      expect((await store.setEnabled(GUILD_A, paused.id, true))?.pausedReason).toBeNull();
      expect((await store.listEnabled()).map((d) => d.id)).toEqual([running.id, paused.id]);
    });

    it("records the latest error with its time", async () => {
      const digest = await store.create(newDigest());
      clock.set("2026-11-30T01:00:05.000Z");
      await store.recordError(digest.id, "Service Unavailable");
      expect(await store.get(GUILD_A, digest.id)).toMatchObject({
        lastError: "Service Unavailable",
        lastErrorAt: "2026-11-30T01:00:05.000Z",
      });
    });

    it("deletes a guild's digests and their deliveries when the bot leaves it, and nothing else", async () => {
      const a1 = await store.create(newDigest());
      const a2 = await store.create(newDigest());
      const b1 = await store.create(newDigest({ guildId: GUILD_B }));
      for (const digest of [a1, a2, b1]) await store.claim(digest.id, "2026-W49", SCHEDULED, `n${digest.id}`);
      expect(await deliveryCount()).toBe(3);

      expect(await store.deleteByGuild(GUILD_A)).toBe(2);
      expect(await store.listByGuild(GUILD_A)).toEqual([]);
      expect(await deliveryCount()).toBe(1);
      expect(await store.getDelivery(b1.id, "2026-W49")).not.toBeNull();
    });
  });

  describe("deliveries", () => {
    it("lets exactly one of several claims of a period win", async () => {
      const digest = await store.create(newDigest());
      const first = await store.claim(digest.id, "2026-W49", SCHEDULED, "nonce-1");
      expect(first).toMatchObject({
        digestId: digest.id,
        period: "2026-W49",
        status: "claimed",
        nonce: "nonce-1",
        scheduledFor: SCHEDULED.toISOString(),
        claimedAt: "2026-11-20T10:00:00.000Z",
        attempts: 1,
      });
      expect(await store.claim(digest.id, "2026-W49", SCHEDULED, "nonce-2")).toBeNull();
      expect((await store.getDelivery(digest.id, "2026-W49"))?.nonce).toBe("nonce-1");
      // Another period is another claim.
      expect(await store.claim(digest.id, "2026-W50", SCHEDULED, "nonce-3")).not.toBeNull();
    });

    it("does not claim a period that was posted or skipped", async () => {
      const digest = await store.create(newDigest());
      await store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
      expect(await store.markPosted(digest.id, "2026-W49", "m1")).toBe(true);
      expect(await store.claim(digest.id, "2026-W49", SCHEDULED, "n2")).toBeNull();
      expect(await store.skipUnclaimed(digest.id, "2026-W50", SCHEDULED, "missed")).toBe(true);
      expect(await store.claim(digest.id, "2026-W50", SCHEDULED, "n3")).toBeNull();
      expect(await store.getDelivery(digest.id, "2026-W50")).toMatchObject({
        status: "skipped",
        nonce: null,
        attempts: 0,
        error: "missed",
      });
    });

    it("records a post once: a second markPosted does not overwrite the first message id", async () => {
      const digest = await store.create(newDigest());
      await store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
      clock.set("2026-11-30T01:00:02.000Z");
      expect(await store.markPosted(digest.id, "2026-W49", "m1")).toBe(true);
      expect(await store.markPosted(digest.id, "2026-W49", "m2")).toBe(false);
      expect(await store.getDelivery(digest.id, "2026-W49")).toMatchObject({
        status: "posted",
        messageId: "m1",
        postedAt: "2026-11-30T01:00:02.000Z",
      });
      expect(await store.markSkipped(digest.id, "2026-W49", "late")).toBe(false);
      expect(await store.markFailed(digest.id, "2026-W49", "boom", new Date())).toBe(false);
    });

    it("retakes a failed delivery only as it was seen, keeping its nonce and counting the attempt", async () => {
      const digest = await store.create(newDigest());
      await store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
      const retryAt = new Date("2026-11-30T01:01:00.000Z");
      expect(await store.markFailed(digest.id, "2026-W49", "Service Unavailable", retryAt)).toBe(true);
      const failed = await store.getDelivery(digest.id, "2026-W49");
      expect(failed).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: retryAt.toISOString() });
      if (failed === null) throw new Error("no row");

      clock.set("2026-11-30T01:01:00.000Z");
      const retaken = await store.reclaim(digest.id, "2026-W49", failed, "unused-nonce");
      expect(retaken).toMatchObject({
        status: "claimed",
        nonce: "n1",
        attempts: 2,
        claimedAt: "2026-11-30T01:01:00.000Z",
        nextAttemptAt: null,
      });
      // A second taker working from the same, now stale, view gets nothing.
      expect(await store.reclaim(digest.id, "2026-W49", failed, "unused-nonce")).toBeNull();
    });

    it("lists claims not yet recorded as posted, and the latest period's delivery", async () => {
      const digest = await store.create(newDigest());
      await store.claim(digest.id, "2026-W48", SCHEDULED, "n1");
      await store.markPosted(digest.id, "2026-W48", "m1");
      await store.claim(digest.id, "2026-W49", SCHEDULED, "n2");
      expect((await store.pendingClaims()).map((d) => [d.period, d.nonce])).toEqual([["2026-W49", "n2"]]);
      expect((await store.lastDelivery(digest.id))?.period).toBe("2026-W49");
      expect(await store.lastDelivery((await store.create(newDigest())).id)).toBeNull();
    });
  });
});
