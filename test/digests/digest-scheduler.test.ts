import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decideRetry } from "../../src/services/digests/delivery-attempt.js";
import {
  createDigestScheduler,
  type DeliveryRequest,
  type DigestScheduler,
  type DigestSchedulerDeps,
} from "../../src/services/digests/digest-scheduler.js";
import { createDigestStore, type Digest, type DigestStore } from "../../src/services/digests/digest-store.js";
import { type Database, openDatabase } from "../../src/services/storage/database.js";
import { createLease, type Lease } from "../../src/services/storage/lease.js";
import {
  classifyFakeError,
  type FakeChannels,
  type FakeClock,
  FakeDiscordError,
  fakeChannels,
  fakeClock,
  newDigest,
  silentLogger,
} from "./helpers.js";

// Mondays 09:00 in Shanghai: Monday, Nov 30, 2026 at 01:00 UTC, ISO week 2026-W49.
const CREATED = "2026-11-24T00:00:00.000Z";
const DUE = "2026-11-30T01:00:00.000Z";
const PERIOD = "2026-W49";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let dir: string;
let path: string;
let clock: FakeClock;
let channels: FakeChannels;
const opened: Database[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hubtrends-scheduler-"));
  path = join(dir, "hubtrends.db");
  clock = fakeClock(CREATED);
  channels = fakeChannels();
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** One process's worth of scheduler: its own connection to the shared file and its own lease holder. */
interface Process {
  db: Database;
  store: DigestStore;
  lease: Lease;
  scheduler: DigestScheduler;
}

async function startProcess(holder: string, overrides: Partial<DigestSchedulerDeps> = {}): Promise<Process> {
  const db = await openDatabase({ kind: "sqlite", path }, { logger: silentLogger });
  opened.push(db);
  const store = createDigestStore(db, { clock });
  const lease = createLease(db, { name: "digest-scheduler", holder, ttlMs: MINUTE, clock });
  const scheduler = createDigestScheduler({
    store,
    leadership: lease,
    clock,
    logger: silentLogger,
    deliver: channels.deliver,
    findExisting: channels.findExisting,
    classifyError: classifyFakeError,
    ...overrides,
  });
  return { db, store, lease, scheduler };
}

function createDigest(store: DigestStore, overrides: Parameters<typeof newDigest>[0] = {}): Promise<Digest> {
  return store.create(newDigest(overrides));
}

/** A process that dies: its connection closes without releasing anything. */
function kill(process: Process): Promise<void> {
  return process.db.close();
}

describe("scheduled posting", () => {
  it("posts once at the scheduled time and not before", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);

    clock.set("2026-11-30T00:59:59.999Z");
    expect(await scheduler.tick()).toMatchObject({ leader: true, considered: 1, posted: 0 });
    expect(channels.messages).toEqual([]);

    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    for (const minutes of [1, 30, 24 * 60]) {
      clock.set(DUE);
      clock.advance(minutes * MINUTE);
      expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    }

    expect(channels.postsFor(digest.id)).toHaveLength(1);
    expect(channels.messages[0]).toMatchObject({ period: PERIOD, channelId: digest.channelId });
    expect(await store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "posted",
      messageId: channels.messages[0]?.id,
      scheduledFor: DUE,
      postedAt: DUE,
      attempts: 1,
    });
  });

  it("posts again the next week, as the next period", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set(DUE);
    await scheduler.tick();
    clock.set("2026-12-07T01:00:00.000Z");
    await scheduler.tick();
    expect(channels.postsFor(digest.id).map((m) => m.period)).toEqual(["2026-W49", "2026-W50"]);
  });

  it("does not post at once for a time that had already passed this week when the digest was made", async () => {
    const { store, scheduler } = await startProcess("a");
    clock.set("2026-11-30T02:00:00.000Z"); // an hour after this week's 09:00 Shanghai
    const digest = await createDigest(store);
    expect(await scheduler.tick()).toMatchObject({ posted: 0, skipped: 0 });
    expect(await store.lastDelivery(digest.id)).toBeNull();
    clock.set("2026-12-07T01:00:00.000Z");
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
  });

  it("does not post a second time in a week when an admin moves the digest to a later day", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set(DUE);
    await scheduler.tick();

    clock.set("2026-12-02T04:00:00.000Z"); // Wednesday: move to Fridays 18:00, then to Shanghai → New York
    await store.update(digest.guildId, digest.id, { day: "fri", time: "18:00" });
    clock.set("2026-12-04T10:00:00.000Z"); // Friday 18:00 in Shanghai
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    await store.update(digest.guildId, digest.id, { timezone: "America/New_York" });
    clock.set("2026-12-04T23:00:00.000Z"); // Friday 18:00 in New York
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    expect(channels.postsFor(digest.id)).toHaveLength(1);

    clock.set("2026-12-11T23:00:00.000Z"); // next Friday 18:00 in New York
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect(channels.postsFor(digest.id).map((m) => m.period)).toEqual(["2026-W49", "2026-W50"]);
  });

  it("does nothing while another process holds the lease", async () => {
    const a = await startProcess("a");
    const b = await startProcess("b");
    await createDigest(a.store);
    clock.set(DUE);
    expect(await a.lease.acquire()).toBe(true);
    expect(await b.scheduler.tick()).toMatchObject({ leader: false, considered: 0, posted: 0 });
    expect(channels.deliverCalls).toBe(0);
  });
});

describe("restarts and crashes", () => {
  it("posts once, late, after a restart between the scheduled time and the post", async () => {
    const first = await startProcess("first");
    const digest = await createDigest(first.store);
    clock.set("2026-11-30T00:59:00.000Z");
    await first.scheduler.tick();
    await kill(first);

    clock.set("2026-11-30T04:30:00.000Z"); // down for 3.5 hours; the grace window is 12
    const second = await startProcess("second");
    expect(await second.scheduler.tick()).toMatchObject({ leader: true, posted: 1 });
    expect(await second.scheduler.tick()).toMatchObject({ posted: 0 });
    expect(channels.postsFor(digest.id)).toHaveLength(1);
    expect(await second.store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "posted",
      scheduledFor: DUE,
      postedAt: "2026-11-30T04:30:00.000Z",
    });
  });

  it("does not post again after a restart that follows the post", async () => {
    const first = await startProcess("first");
    const digest = await createDigest(first.store);
    clock.set(DUE);
    await first.scheduler.tick();
    await kill(first);

    clock.set("2026-11-30T01:05:00.000Z");
    const second = await startProcess("second");
    expect(await second.scheduler.tick()).toMatchObject({ leader: true, posted: 0, recovered: 0 });
    expect(channels.postsFor(digest.id)).toHaveLength(1);
    expect(channels.deliverCalls).toBe(1);
  });

  it("finds the message instead of posting again after a crash between posting and recording it", async () => {
    // The first process's deliver reaches Discord, then the process dies before markPosted runs.
    const first = await startProcess("first", {
      deliver: async (digest, request) => {
        await channels.deliver(digest, request);
        return new Promise<never>(() => {});
      },
    });
    const digest = await createDigest(first.store);
    clock.set(DUE);
    void first.scheduler.tick();
    await vi.waitFor(() => expect(channels.messages).toHaveLength(1));
    await kill(first);

    const second = await startProcess("second");
    expect(await second.store.pendingClaims()).toMatchObject([{ digestId: digest.id, period: PERIOD }]);
    // A young claim may be an attempt still under way: left alone.
    clock.set("2026-11-30T01:02:00.000Z");
    expect(await second.scheduler.tick()).toMatchObject({ leader: true, posted: 0, recovered: 0 });
    expect(channels.findCalls).toBe(0);

    clock.set("2026-11-30T01:10:00.000Z");
    expect(await second.scheduler.tick()).toMatchObject({ posted: 0, recovered: 1 });
    expect(channels.messages).toHaveLength(1);
    expect(channels.deliverCalls).toBe(1);
    expect(await second.store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "posted",
      messageId: channels.messages[0]?.id,
      attempts: 2,
    });
    expect(await second.store.pendingClaims()).toEqual([]);
  });

  it("posts, with the original nonce, a claim whose process died before reaching Discord", async () => {
    const first = await startProcess("first", { deliver: () => new Promise<never>(() => {}) });
    const digest = await createDigest(first.store);
    clock.set(DUE);
    void first.scheduler.tick();
    const claimed = await vi.waitFor(async () => {
      const row = await first.store.getDelivery(digest.id, PERIOD);
      expect(row?.status).toBe("claimed");
      return row;
    });
    expect(channels.messages).toHaveLength(0);
    await kill(first);

    clock.set("2026-11-30T01:10:00.000Z");
    const second = await startProcess("second");
    expect(await second.scheduler.tick()).toMatchObject({ posted: 1, recovered: 0 });
    expect(channels.findCalls).toBe(1);
    expect(channels.messages).toMatchObject([{ period: PERIOD, nonce: claimed?.nonce }]);
  });

  it("records a period missed by more than the grace window as skipped, logs it, and moves on", async () => {
    const logs: { level: number; msg: string; digestId?: number; period?: string }[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => logs.push(JSON.parse(line)) });
    const first = await startProcess("first");
    const digest = await createDigest(first.store);
    await kill(first);

    clock.set("2026-11-30T13:00:00.001Z"); // 12 hours and a millisecond late
    const second = await startProcess("second", { logger });
    expect(await second.scheduler.tick()).toMatchObject({ posted: 0, skipped: 1 });
    expect(await second.scheduler.tick()).toMatchObject({ posted: 0, skipped: 0 });
    expect(channels.deliverCalls).toBe(0);
    expect(await second.store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "skipped",
      nonce: null,
    });
    expect((await second.store.getDelivery(digest.id, PERIOD))?.error).toMatch(/missed/);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        digestId: digest.id,
        period: PERIOD,
        msg: expect.stringMatching(/skipped/),
      }),
    );

    clock.set("2026-12-07T01:00:00.000Z");
    expect(await second.scheduler.tick()).toMatchObject({ posted: 1 });
  });

  it("still posts a period exactly at the end of the grace window", async () => {
    const { store, scheduler } = await startProcess("a");
    await createDigest(store);
    clock.set("2026-11-30T13:00:00.000Z");
    expect(await scheduler.tick()).toMatchObject({ posted: 1, skipped: 0 });
  });
});

describe("delivery errors", () => {
  it("retries a transient error with backoff (1, 5, 15 minutes), reusing the nonce, until it posts", async () => {
    const nonces: string[] = [];
    const { store, scheduler } = await startProcess("a", {
      deliver: (digest, request) => {
        nonces.push(request.nonce);
        return channels.deliver(digest, request);
      },
    });
    const digest = await createDigest(store);
    const unavailable = () => new FakeDiscordError(503, 0, "Service Unavailable");
    channels.failNext(unavailable(), unavailable(), unavailable());

    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ retrying: 1 });
    expect(await store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "failed",
      error: "Service Unavailable",
      nextAttemptAt: "2026-11-30T01:01:00.000Z",
    });
    expect((await store.get(digest.guildId, digest.id))?.lastError).toBe("Service Unavailable");

    const schedule: [string, number][] = [
      ["2026-11-30T01:00:59.000Z", 1],
      ["2026-11-30T01:01:00.000Z", 2],
      ["2026-11-30T01:05:59.000Z", 2],
      ["2026-11-30T01:06:00.000Z", 3],
      ["2026-11-30T01:20:59.000Z", 3],
      ["2026-11-30T01:21:00.000Z", 4],
      ["2026-11-30T01:45:00.000Z", 4],
    ];
    for (const [at, calls] of schedule) {
      clock.set(at);
      await scheduler.tick();
      expect(channels.deliverCalls, at).toBe(calls);
    }
    expect(channels.messages).toHaveLength(1);
    expect(new Set(nonces).size).toBe(1);
    expect(await store.getDelivery(digest.id, PERIOD)).toMatchObject({ status: "posted", attempts: 4 });
  });

  it("does not post twice when a failed attempt had in fact reached Discord", async () => {
    const { store, scheduler } = await startProcess("a", {
      deliver: async (digest, request) => {
        const posted = await channels.deliver(digest, request);
        if (channels.deliverCalls === 1) throw new Error(`socket hang up after posting ${posted.messageId}`);
        return posted;
      },
    });
    const digest = await createDigest(store);
    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ retrying: 1 });
    clock.set("2026-11-30T01:01:00.000Z");
    expect(await scheduler.tick()).toMatchObject({ recovered: 1, posted: 0 });
    expect(channels.messages).toHaveLength(1);
    expect((await store.getDelivery(digest.id, PERIOD))?.messageId).toBe(channels.messages[0]?.id);
  });

  it("gives up, recording a skip, when the next retry would fall past the grace window", async () => {
    const { store, scheduler } = await startProcess("a", { graceMs: 3 * HOUR, retry: { backoffMs: [HOUR] } });
    const digest = await createDigest(store);
    channels.failNext(...Array.from({ length: 10 }, () => new Error("Bad Gateway")));
    for (const at of ["01:00", "02:00", "03:00", "04:00", "05:00", "06:00"]) {
      clock.set(`2026-11-30T${at}:00.000Z`);
      await scheduler.tick();
    }
    // Attempts at 01:00, 02:00, 03:00 and 04:00 (the window's last minute); a 5th would be at 05:00.
    expect(channels.deliverCalls).toBe(4);
    expect(channels.messages).toEqual([]);
    expect(await store.getDelivery(digest.id, PERIOD)).toMatchObject({
      status: "skipped",
      error: "gave up after 4 attempts: Bad Gateway",
    });
  });

  it("pauses, with the reason, once the policy's attempts have all failed, and resumes when re-enabled", async () => {
    const { store, scheduler } = await startProcess("a", { retry: { backoffMs: [MINUTE], maxAttempts: 3 } });
    const digest = await createDigest(store);
    const unavailable = () => new FakeDiscordError(503, 0, "Service Unavailable");
    channels.failNext(unavailable(), unavailable(), unavailable());
    const reports = [];
    for (const minutes of [0, 1, 2, 3, 10]) {
      clock.set(DUE);
      clock.advance(minutes * MINUTE);
      reports.push(await scheduler.tick());
    }
    expect(channels.deliverCalls).toBe(3);
    expect(reports.map((r) => r.paused)).toEqual([0, 0, 1, 0, 0]);
    expect((await store.get(digest.guildId, digest.id))?.pausedReason).toBe(
      "Discord failed 3 attempts in a row over 2 min (last: 503 Service Unavailable)",
    );
    await store.setEnabled(digest.guildId, digest.id, true);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
  });

  it("pauses a digest whose channel refuses posts, records why, and stops trying", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    channels.failNext(new FakeDiscordError(403, 50013, "Missing Permissions"));
    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ paused: 1, retrying: 0 });
    expect(await store.get(digest.guildId, digest.id)).toMatchObject({
      enabled: true,
      pausedReason: "Missing Permissions",
      lastError: "Missing Permissions",
      lastErrorAt: DUE,
    });
    expect(await store.listEnabled()).toEqual([]);

    for (const minutes of [1, 10, 60]) {
      clock.set(DUE);
      clock.advance(minutes * MINUTE);
      await scheduler.tick();
    }
    expect(channels.deliverCalls).toBe(1);

    // The admin fixes the permissions and re-enables within the grace window: this week still posts.
    await store.setEnabled(digest.guildId, digest.id, true);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect(channels.messages).toHaveLength(1);
  });

  it("treats an error classifyError cannot classify as transient", async () => {
    const { store, scheduler } = await startProcess("a", {
      classifyError: () => {
        throw new Error("classifier bug");
      },
    });
    await createDigest(store);
    channels.failNext(new Error("odd"));
    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ retrying: 1, paused: 0 });
  });
});

describe("several processes", () => {
  it("posts exactly once when two processes tick at the same moment", async () => {
    const a = await startProcess("a");
    const b = await startProcess("b");
    const digests: Digest[] = [];
    for (let i = 0; i < 5; i++)
      digests.push(await createDigest(a.store, { channelId: `20000000000000000${i}` }));
    clock.set(DUE);
    const reports = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(reports.map((r) => r.leader).sort()).toEqual([false, true]);
    for (const digest of digests) expect(channels.postsFor(digest.id)).toHaveLength(1);
    expect(channels.messages).toHaveLength(5);
  });

  it("posts exactly once even when two processes both believe they hold the lease", async () => {
    // As after a lease expired in the middle of a slow tick: only the claim stands between them.
    const alwaysOurs: Lease = { holder: "either", acquire: async () => true, release: async () => {} };
    const a = await startProcess("a", { leadership: alwaysOurs });
    const b = await startProcess("b", { leadership: alwaysOurs });
    for (let guild = 0; guild < 4; guild++) {
      for (let i = 0; i < 5; i++) await createDigest(a.store, { guildId: `10000000000000000${guild}` });
    }
    clock.set(DUE);
    const reports = await Promise.all([a.scheduler.tick(), b.scheduler.tick(), a.scheduler.tick()]);
    expect(reports.reduce((sum, r) => sum + r.posted, 0)).toBe(20);
    expect(channels.messages).toHaveLength(20);
    expect(new Set(channels.messages.map((m) => m.digestId)).size).toBe(20);
  });

  it("posts 1,000 digests due at the same minute exactly once each, at most 5 at a time", async () => {
    let active = 0;
    let mostActive = 0;
    const { store, scheduler } = await startProcess("a", {
      deliver: async (digest, request) => {
        active++;
        mostActive = Math.max(mostActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        active--;
        return channels.deliver(digest, request);
      },
    });
    for (let guild = 0; guild < 200; guild++) {
      const guildId = String(100000000000000000n + BigInt(guild));
      for (let i = 0; i < 5; i++)
        await createDigest(store, {
          guildId,
          channelId: String(200000000000000000n + BigInt(guild * 5 + i)),
        });
    }
    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ considered: 1000, posted: 1000, errors: 0 });
    expect(await scheduler.tick()).toMatchObject({ considered: 1000, posted: 0 });
    expect(channels.messages).toHaveLength(1000);
    expect(new Set(channels.messages.map((m) => m.digestId)).size).toBe(1000);
    expect(mostActive).toBe(5);
  });

  it("does not start a period twice when ticks overlap in one process", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { store, scheduler } = await startProcess("a", {
      deliver: async (digest, request) => {
        await gate;
        return channels.deliver(digest, request);
      },
    });
    await createDigest(store);
    clock.set(DUE);
    const slow = scheduler.tick();
    clock.set("2026-11-30T01:10:00.000Z"); // past the claim timeout: only the in-flight guard holds
    const overlapping = scheduler.tick();
    release();
    expect(await slow).toMatchObject({ posted: 1 });
    expect(await overlapping).toMatchObject({ posted: 0, recovered: 0 });
    expect(channels.messages).toHaveLength(1);
  });
});

describe("sendNow", () => {
  it("posts now as this week's digest, so the scheduled post of the week does not follow", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set("2026-11-30T00:30:00.000Z"); // Monday 08:30 in Shanghai, before the 09:00 post
    const result = await scheduler.sendNow(digest);
    expect(result).toEqual({ status: "posted", period: PERIOD, messageId: channels.messages[0]?.id });

    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    expect(channels.messages).toHaveLength(1);
    clock.set("2026-12-07T01:00:00.000Z");
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
  });

  it("uses the week of now in the digest's zone: Sunday night in Shanghai is still last week", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set("2026-11-29T15:00:00.000Z"); // Sunday 23:00 in Shanghai
    expect(await scheduler.sendNow(digest)).toMatchObject({ status: "posted", period: "2026-W48" });
    clock.set(DUE);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
  });

  it("does not post a second time in a week that already has its post", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set(DUE);
    await scheduler.tick();
    clock.set("2026-11-30T05:00:00.000Z");
    expect(await scheduler.sendNow(digest)).toEqual({
      status: "already-posted",
      period: PERIOD,
      messageId: channels.messages[0]?.id,
    });
    expect(channels.messages).toHaveLength(1);
  });

  it("answers in-progress while the scheduled post of the period is being sent", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let delivering: () => void = () => {};
    const inDeliver = new Promise<void>((resolve) => {
      delivering = resolve;
    });
    const { store, scheduler } = await startProcess("a", {
      deliver: async (digest, request) => {
        delivering();
        await gate;
        return channels.deliver(digest, request);
      },
    });
    const digest = await createDigest(store);
    clock.set(DUE);
    const tick = scheduler.tick();
    await inDeliver;
    expect(await scheduler.sendNow(digest)).toEqual({ status: "in-progress", period: PERIOD });
    release();
    await tick;
    expect(channels.messages).toHaveLength(1);
  });

  it("posts a week the scheduler skipped", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    clock.set("2026-11-30T14:00:00.000Z");
    expect(await scheduler.tick()).toMatchObject({ skipped: 1 });
    expect(await scheduler.sendNow(digest)).toMatchObject({ status: "posted", period: PERIOD });
    expect(await store.getDelivery(digest.id, PERIOD)).toMatchObject({ status: "posted", attempts: 1 });
  });

  it("pauses the digest and throws when the channel refuses the post", async () => {
    const { store, scheduler } = await startProcess("a");
    const digest = await createDigest(store);
    channels.failNext(new FakeDiscordError(404, 10003, "Unknown Channel"));
    clock.set("2026-11-30T00:30:00.000Z");
    await expect(scheduler.sendNow(digest)).rejects.toThrow("Unknown Channel");
    expect((await store.get(digest.guildId, digest.id))?.pausedReason).toBe("Unknown Channel");
    expect((await store.getDelivery(digest.id, PERIOD))?.status).toBe("failed");
  });
});

describe("the request deliver gets", () => {
  it("carries the period, a nonce Discord accepts, and the occurrence", async () => {
    const requests: DeliveryRequest[] = [];
    const { store, scheduler } = await startProcess("a", {
      deliver: (digest, request) => {
        requests.push(request);
        return channels.deliver(digest, request);
      },
    });
    await createDigest(store);
    clock.set("2026-11-30T01:00:42.000Z");
    await scheduler.tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.period).toBe(PERIOD);
    expect(requests[0]?.scheduledFor.toISOString()).toBe(DUE);
    // Discord's nonce: a string of at most 25 characters.
    expect(requests[0]?.nonce).toMatch(/^[\w-]{1,25}$/);
  });
});

describe("decideRetry", () => {
  const policy = { backoffMs: [MINUTE, 5 * MINUTE], maxAttempts: 3 };
  const now = new Date("2026-11-30T01:00:00.000Z");

  it("waits per attempt, the last wait repeating, then stops after maxAttempts", () => {
    expect(decideRetry(policy, 1, now, null)).toEqual({
      kind: "retry",
      at: new Date("2026-11-30T01:01:00.000Z"),
    });
    expect(decideRetry(policy, 2, now, null)).toEqual({
      kind: "retry",
      at: new Date("2026-11-30T01:05:00.000Z"),
    });
    expect(decideRetry(policy, 3, now, null)).toEqual({ kind: "stop" });
  });

  it("gives the period up when the next try would come after giveUpAt", () => {
    expect(decideRetry(policy, 2, now, new Date("2026-11-30T01:04:59.000Z"))).toEqual({ kind: "give-up" });
  });
});
