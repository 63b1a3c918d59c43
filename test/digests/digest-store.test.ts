import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDigestStore,
  DigestLimitError,
  type DigestStore,
  MAX_DIGESTS_PER_GUILD,
} from "../../src/services/digests/digest-store.js";
import { openDatabase, type SqliteDatabase } from "../../src/services/storage/database.js";
import { type FakeClock, fakeClock, newDigest, openMemoryDatabase, silentLogger } from "./helpers.js";

const GUILD_A = "100000000000000001";
const GUILD_B = "100000000000000002";
const SCHEDULED = new Date("2026-11-30T01:00:00.000Z");

let db: SqliteDatabase;
let clock: FakeClock;
let store: DigestStore;

beforeEach(() => {
  db = openMemoryDatabase();
  clock = fakeClock("2026-11-20T10:00:00.000Z");
  store = createDigestStore(db, { clock });
});
afterEach(() => {
  db.close();
});

function deliveryCount(): number {
  const count = db.prepare<[], number>("SELECT COUNT(*) FROM digest_deliveries").pluck().get();
  if (count === undefined) throw new Error("COUNT(*) returned no row");
  return count;
}

describe("digest settings", () => {
  it("creates a digest, enabled, with every setting as given and timestamps from the clock", () => {
    const digest = store.create(newDigest({ region: "china", language: "zh-CN", day: "fri", time: "18:30" }));
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
      enabled: true,
      pausedReason: null,
      lastError: null,
      lastErrorAt: null,
      scheduleFrom: "2026-11-20T10:00:00.000Z",
      createdBy: "300000000000000001",
      createdAt: "2026-11-20T10:00:00.000Z",
      updatedAt: "2026-11-20T10:00:00.000Z",
    });
    expect(store.get(GUILD_A, digest.id)).toEqual(digest);
  });

  it("stores how the digest counts (by, cohort), changes it on update, and refuses unknown values", () => {
    const digest = store.create(newDigest({ by: "uploader", cohort: "generative" }));
    expect(digest).toMatchObject({ by: "uploader", cohort: "generative" });
    expect(store.update(GUILD_A, digest.id, { cohort: "new" })).toMatchObject({
      by: "uploader",
      cohort: "new",
    });
    expect(store.update(GUILD_A, digest.id, { by: undefined })?.by).toBe("uploader");
    expect(() => store.create(newDigest({ by: "country" as never }))).toThrow(
      /Unknown credit method "country"/,
    );
    expect(() => store.update(GUILD_A, digest.id, { cohort: "old" as never })).toThrow(
      /Unknown cohort "old"/,
    );
  });

  it(`allows ${MAX_DIGESTS_PER_GUILD} digests per guild and refuses the next with DigestLimitError`, () => {
    for (let i = 0; i < MAX_DIGESTS_PER_GUILD; i++) store.create(newDigest());
    let refused: unknown;
    try {
      store.create(newDigest());
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DigestLimitError);
    expect(refused).toMatchObject({ guildId: GUILD_A, limit: 5 });
    expect(store.listByGuild(GUILD_A)).toHaveLength(5);
    // Another guild has its own five.
    expect(store.create(newDigest({ guildId: GUILD_B })).guildId).toBe(GUILD_B);
  });

  it("frees a place under the limit when a digest is removed", () => {
    const digests = Array.from({ length: 5 }, () => store.create(newDigest()));
    const first = digests[0];
    if (first === undefined) throw new Error("no digest");
    expect(store.remove(GUILD_A, first.id)).toBe(true);
    expect(() => store.create(newDigest())).not.toThrow();
  });

  it("does not let one guild read, change, enable or remove another guild's digest", () => {
    const theirs = store.create(newDigest({ guildId: GUILD_B }));
    expect(store.get(GUILD_A, theirs.id)).toBeNull();
    expect(store.update(GUILD_A, theirs.id, { time: "10:00" })).toBeNull();
    expect(store.setEnabled(GUILD_A, theirs.id, false)).toBeNull();
    expect(store.remove(GUILD_A, theirs.id)).toBe(false);
    expect(store.listByGuild(GUILD_A)).toEqual([]);
    expect(store.get(GUILD_B, theirs.id)).toEqual(theirs);
  });

  it("updates only the settings given, and moves scheduleFrom only when the schedule changes", () => {
    const digest = store.create(newDigest());
    clock.set("2026-11-21T08:00:00.000Z");
    const relabelled = store.update(GUILD_A, digest.id, { language: "zh-CN", region: "us" });
    expect(relabelled).toMatchObject({
      language: "zh-CN",
      region: "us",
      day: "mon",
      time: "09:00",
      scheduleFrom: digest.scheduleFrom,
      updatedAt: "2026-11-21T08:00:00.000Z",
    });
    clock.set("2026-11-22T08:00:00.000Z");
    const moved = store.update(GUILD_A, digest.id, { day: "fri", region: undefined });
    expect(moved).toMatchObject({ day: "fri", region: "us", scheduleFrom: "2026-11-22T08:00:00.000Z" });
    expect(store.update(GUILD_A, digest.id, { region: null })?.region).toBeNull();
  });

  it("refuses settings the parsers would not have produced", () => {
    expect(() => store.create(newDigest({ time: "9:00" }))).toThrow(RangeError);
    expect(() => store.create(newDigest({ timezone: "asia/shanghai" }))).toThrow(RangeError);
    expect(() => store.create(newDigest({ timezone: "PST" }))).toThrow(RangeError);
    expect(() => store.create(newDigest({ channelId: "general" }))).toThrow(RangeError);
    const digest = store.create(newDigest());
    expect(() => store.update(GUILD_A, digest.id, { time: "25:00" })).toThrow(RangeError);
    expect(store.get(GUILD_A, digest.id)?.time).toBe("09:00");
  });

  it("lists for the scheduler only digests that are enabled and not paused; enabling clears a pause", () => {
    const running = store.create(newDigest());
    const disabled = store.create(newDigest());
    const paused = store.create(newDigest());
    store.setEnabled(GUILD_A, disabled.id, false);
    store.pause(paused.id, "Missing Access");
    expect(store.listEnabled().map((d) => d.id)).toEqual([running.id]);
    expect(store.get(GUILD_A, paused.id)).toMatchObject({ enabled: true, pausedReason: "Missing Access" });

    expect(store.setEnabled(GUILD_A, paused.id, true)?.pausedReason).toBeNull();
    expect(store.listEnabled().map((d) => d.id)).toEqual([running.id, paused.id]);
  });

  it("records the latest error with its time", () => {
    const digest = store.create(newDigest());
    clock.set("2026-11-30T01:00:05.000Z");
    store.recordError(digest.id, "Service Unavailable");
    expect(store.get(GUILD_A, digest.id)).toMatchObject({
      lastError: "Service Unavailable",
      lastErrorAt: "2026-11-30T01:00:05.000Z",
    });
  });

  it("deletes a guild's digests and their deliveries when the bot leaves it, and nothing else", () => {
    const a1 = store.create(newDigest());
    const a2 = store.create(newDigest());
    const b1 = store.create(newDigest({ guildId: GUILD_B }));
    for (const digest of [a1, a2, b1]) store.claim(digest.id, "2026-W49", SCHEDULED, `n${digest.id}`);
    expect(deliveryCount()).toBe(3);

    expect(store.deleteByGuild(GUILD_A)).toBe(2);
    expect(store.listByGuild(GUILD_A)).toEqual([]);
    expect(deliveryCount()).toBe(1);
    expect(store.getDelivery(b1.id, "2026-W49")).not.toBeNull();
  });
});

describe("deliveries", () => {
  it("lets exactly one of several claims of a period win", () => {
    const digest = store.create(newDigest());
    const first = store.claim(digest.id, "2026-W49", SCHEDULED, "nonce-1");
    expect(first).toMatchObject({
      digestId: digest.id,
      period: "2026-W49",
      status: "claimed",
      nonce: "nonce-1",
      scheduledFor: SCHEDULED.toISOString(),
      claimedAt: "2026-11-20T10:00:00.000Z",
      attempts: 1,
    });
    expect(store.claim(digest.id, "2026-W49", SCHEDULED, "nonce-2")).toBeNull();
    expect(store.getDelivery(digest.id, "2026-W49")?.nonce).toBe("nonce-1");
    // Another period is another claim.
    expect(store.claim(digest.id, "2026-W50", SCHEDULED, "nonce-3")).not.toBeNull();
  });

  it("lets exactly one claim win when two connections to one file claim the same period", () => {
    const dir = mkdtempSync(join(tmpdir(), "hubtrends-digests-"));
    try {
      const path = join(dir, "hubtrends.db");
      const one = openDatabase(path, { logger: silentLogger });
      const two = openDatabase(path, { logger: silentLogger });
      const storeOne = createDigestStore(one, { clock });
      const storeTwo = createDigestStore(two, { clock });
      const digest = storeOne.create(newDigest());
      const wins = [
        storeOne.claim(digest.id, "2026-W49", SCHEDULED, "from-one"),
        storeTwo.claim(digest.id, "2026-W49", SCHEDULED, "from-two"),
      ];
      expect(wins.map((win) => win?.nonce ?? null)).toEqual(["from-one", null]);
      expect(storeTwo.getDelivery(digest.id, "2026-W49")?.nonce).toBe("from-one");
      one.close();
      two.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not claim a period that was posted or skipped", () => {
    const digest = store.create(newDigest());
    store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
    expect(store.markPosted(digest.id, "2026-W49", "m1")).toBe(true);
    expect(store.claim(digest.id, "2026-W49", SCHEDULED, "n2")).toBeNull();
    expect(store.skipUnclaimed(digest.id, "2026-W50", SCHEDULED, "missed")).toBe(true);
    expect(store.claim(digest.id, "2026-W50", SCHEDULED, "n3")).toBeNull();
    expect(store.getDelivery(digest.id, "2026-W50")).toMatchObject({
      status: "skipped",
      nonce: null,
      attempts: 0,
      error: "missed",
    });
  });

  it("records a post once: a second markPosted does not overwrite the first message id", () => {
    const digest = store.create(newDigest());
    store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
    clock.set("2026-11-30T01:00:02.000Z");
    expect(store.markPosted(digest.id, "2026-W49", "m1")).toBe(true);
    expect(store.markPosted(digest.id, "2026-W49", "m2")).toBe(false);
    expect(store.getDelivery(digest.id, "2026-W49")).toMatchObject({
      status: "posted",
      messageId: "m1",
      postedAt: "2026-11-30T01:00:02.000Z",
    });
    expect(store.markSkipped(digest.id, "2026-W49", "late")).toBe(false);
    expect(store.markFailed(digest.id, "2026-W49", "boom", new Date())).toBe(false);
  });

  it("retakes a failed delivery only as it was seen, keeping its nonce and counting the attempt", () => {
    const digest = store.create(newDigest());
    store.claim(digest.id, "2026-W49", SCHEDULED, "n1");
    const retryAt = new Date("2026-11-30T01:01:00.000Z");
    expect(store.markFailed(digest.id, "2026-W49", "Service Unavailable", retryAt)).toBe(true);
    const failed = store.getDelivery(digest.id, "2026-W49");
    expect(failed).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: retryAt.toISOString() });
    if (failed === null) throw new Error("no row");

    clock.set("2026-11-30T01:01:00.000Z");
    const retaken = store.reclaim(digest.id, "2026-W49", failed, "unused-nonce");
    expect(retaken).toMatchObject({
      status: "claimed",
      nonce: "n1",
      attempts: 2,
      claimedAt: "2026-11-30T01:01:00.000Z",
      nextAttemptAt: null,
    });
    // A second taker working from the same, now stale, view gets nothing.
    expect(store.reclaim(digest.id, "2026-W49", failed, "unused-nonce")).toBeNull();
  });

  it("lists claims not yet recorded as posted, and the latest period's delivery", () => {
    const digest = store.create(newDigest());
    store.claim(digest.id, "2026-W48", SCHEDULED, "n1");
    store.markPosted(digest.id, "2026-W48", "m1");
    store.claim(digest.id, "2026-W49", SCHEDULED, "n2");
    expect(store.pendingClaims().map((d) => [d.period, d.nonce])).toEqual([["2026-W49", "n2"]]);
    expect(store.lastDelivery(digest.id)?.period).toBe("2026-W49");
    expect(store.lastDelivery(store.create(newDigest()).id)).toBeNull();
  });
});
