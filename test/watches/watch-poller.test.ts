import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHubClient } from "../../src/services/hub/hub-client.js";
import type { ModelRecord } from "../../src/services/hub/types.js";
import type { Database } from "../../src/services/storage/database.js";
import type { Leadership } from "../../src/services/storage/leadership.js";
import {
  createAlertAttempt,
  type DeliverAlert,
  type FindExistingAlert,
} from "../../src/services/watches/alert-attempt.js";
import { createWatchPoller, type WatchPoller } from "../../src/services/watches/watch-poller.js";
import { createWatchStore, type WatchStore } from "../../src/services/watches/watch-store.js";
import { type FakeClock, fakeClock, silentLogger } from "../digests/helpers.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { countRows, onEachDatabase } from "../support/test-databases.js";
import { hubModelRow } from "./hub-rows.js";
import { newWatch } from "./watch-inputs.js";

const alwaysLeads: Leadership = { holder: "test", acquire: async () => true, release: async () => {} };

/** A channel that keeps what was posted, by nonce as Discord's enforce_nonce does, and can refuse. */
function channel() {
  const posts: { watchId: number; modelId: string; kind: string; nonce: string; id: string }[] = [];
  let refuse: Error | null = null;
  const deliver: DeliverAlert = async (watch, { alert, nonce }) => {
    if (refuse !== null) throw refuse;
    const same = posts.find((p) => p.nonce === nonce);
    if (same !== undefined) return { messageId: same.id };
    const id = String(500000000000000000n + BigInt(posts.length + 1));
    posts.push({ watchId: watch.id, modelId: alert.modelId, kind: alert.kind, nonce, id });
    return { messageId: id };
  };
  const findExisting: FindExistingAlert = async (watch, { alert }) =>
    posts.find((p) => p.watchId === watch.id && p.modelId === alert.modelId && p.kind === alert.kind)?.id ??
    null;
  return {
    posts,
    deliver,
    findExisting,
    refuseWith(error: Error | null) {
      refuse = error;
    },
  };
}

class RefusedError extends Error {}

const watchOf = newWatch;

onEachDatabase((testDatabase) => {
  let hub: FakeHub;
  let database: Database;
  let clock: FakeClock;
  let store: WatchStore;
  let snapshot: ModelRecord[] | null;

  beforeEach(async () => {
    hub = await startFakeHub({
      models: [
        hubModelRow("Qwen/Qwen3-8B", { createdAt: "2026-04-01T00:00:00.000Z" }),
        hubModelRow("deepseek-ai/R1", { createdAt: "2026-01-01T00:00:00.000Z" }),
      ],
    });
    database = await testDatabase.open();
    clock = fakeClock("2026-11-20T10:00:00.000Z");
    store = createWatchStore(database, { clock });
    snapshot = null;
  });
  afterEach(() => hub.close());

  function poller(discord: ReturnType<typeof channel>, over: { store?: WatchStore } = {}): WatchPoller {
    const s = over.store ?? store;
    const hubClient = createHubClient({
      hubUrl: hub.url,
      fetch,
      logger: silentLogger,
      retry: { maxAttempts: 1 },
    });
    return createWatchPoller({
      store: s,
      hub: hubClient,
      snapshotModels: () => snapshot,
      leadership: alwaysLeads,
      clock,
      logger: silentLogger,
      attempt: createAlertAttempt({
        store: s,
        clock,
        logger: silentLogger,
        deliver: discord.deliver,
        findExisting: discord.findExisting,
        classifyError: (error) => (error instanceof RefusedError ? "pause" : "retry"),
      }),
    });
  }

  it("sets the baseline on the first poll, then posts a new model exactly once", async () => {
    const discord = channel();
    const watch = await store.create(watchOf());
    const p = poller(discord);
    expect((await p.pollOrg("Qwen")).baselined).toBe(1);
    expect(discord.posts).toEqual([]);
    hub.putModel(hubModelRow("Qwen/Qwen4-8B", { createdAt: "2026-11-20T11:00:00.000Z" }));
    await p.pollOrg("Qwen");
    await p.pollOrg("Qwen");
    expect(discord.posts).toMatchObject([{ watchId: watch.id, modelId: "Qwen/Qwen4-8B", kind: "new" }]);
    expect(await store.byId(watch.id)).toMatchObject({ lastAlertAt: "2026-11-20T10:00:00.000Z" });
  });

  it("posts once when two processes poll the same org at the same moment", async () => {
    const discord = channel();
    await store.create(watchOf());
    await poller(discord).pollOrg("Qwen");
    hub.putModel(hubModelRow("Qwen/Qwen4-8B", { createdAt: "2026-11-21T00:00:00.000Z" }));
    const other = createWatchStore(await testDatabase.open(), { clock });
    await Promise.all([poller(discord).pollOrg("Qwen"), poller(discord, { store: other }).pollOrg("Qwen")]);
    expect(discord.posts).toHaveLength(1);
  });

  it("holds a model under min-downloads and releases it once it passes", async () => {
    const discord = channel();
    await store.create(watchOf({ minDownloads: 1000 }));
    const p = poller(discord);
    await p.pollOrg("Qwen");
    hub.putModel(hubModelRow("Qwen/Qwen4-8B", { createdAt: "2026-11-21T00:00:00.000Z", downloads: 10 }));
    expect((await p.pollOrg("Qwen")).held).toBe(1);
    expect(discord.posts).toEqual([]);
    hub.updateModel("Qwen/Qwen4-8B", { downloads: 2500 });
    await p.pollOrg("Qwen");
    await p.pollOrg("Qwen");
    expect(discord.posts).toMatchObject([{ modelId: "Qwen/Qwen4-8B" }]);
  });

  it("posts a milestone once when a watched org's model enters the trending top 20", async () => {
    const discord = channel();
    await store.create(watchOf());
    const p = poller(discord);
    await p.pollOrg("Qwen");
    const hubClient = createHubClient({ hubUrl: hub.url, fetch, logger: silentLogger });
    const [qwen3] = (await hubClient.listNewestModels("Qwen", 1)).models;
    if (qwen3 === undefined) throw new Error("fake Hub lost Qwen3");
    snapshot = [{ ...qwen3, trendingRank: 4, downloads: 90_000 }];
    await p.pollOrg("Qwen");
    await p.pollOrg("Qwen");
    expect(discord.posts).toMatchObject([{ modelId: "Qwen/Qwen3-8B", kind: "milestone" }]);
  });

  it("loses nothing to a Hub outage: the poll after it posts what appeared meanwhile", async () => {
    const discord = channel();
    await store.create(watchOf());
    const p = poller(discord);
    await p.pollOrg("Qwen");
    hub.putModel(hubModelRow("Qwen/Qwen4-8B", { createdAt: "2026-11-21T00:00:00.000Z" }));
    hub.setFault({ kind: "500", times: 1 });
    expect((await p.pollOrg("Qwen")).hubFailed).toBe(true);
    await p.pollOrg("Qwen");
    expect(discord.posts).toHaveLength(1);
  });

  it("pauses the watch when its channel refuses, with the reason, and stops asking", async () => {
    const discord = channel();
    const watch = await store.create(watchOf());
    const p = poller(discord);
    await p.pollOrg("Qwen");
    hub.putModel(hubModelRow("Qwen/Qwen4-8B", { createdAt: "2026-11-21T00:00:00.000Z" }));
    hub.putModel(hubModelRow("Qwen/Qwen4-14B", { createdAt: "2026-11-21T01:00:00.000Z" }));
    discord.refuseWith(new RefusedError("Unknown Channel"));
    expect((await p.pollOrg("Qwen")).outcomes.paused).toBe(1);
    expect(await store.byId(watch.id)).toMatchObject({
      pausedReason: "Unknown Channel",
      lastError: "Unknown Channel",
    });
    const before = hub.authorListRequests("Qwen").length;
    expect((await p.cycle({ spreadMs: 0, sleep: async () => {} })).orgs).toBe(0);
    expect(hub.authorListRequests("Qwen").length).toBe(before);
  });

  it("after a crash between post and record, finds the post instead of posting again", async () => {
    const discord = channel();
    const watch = await store.create(watchOf());
    await poller(discord).pollOrg("Qwen");
    const key = { watchId: watch.id, modelId: "Qwen/Qwen4-8B", kind: "new" as const };
    const [record] = (
      await createHubClient({ hubUrl: hub.url, fetch, logger: silentLogger }).listNewestModels("Qwen", 1)
    ).models;
    if (record === undefined) throw new Error("no model");
    // The process claimed and posted, then died before recording the post.
    const claimed = await store.claim(key, "nonce-crash", record);
    if (claimed === null) throw new Error("not claimed");
    await discord.deliver(watch, { alert: claimed, nonce: "nonce-crash" });
    clock.advance(6 * 60_000);
    const outcomes = await poller(discord).recover();
    expect(outcomes.recovered).toBe(1);
    expect(discord.posts).toHaveLength(1);
    expect(await store.getAlert(key)).toMatchObject({ status: "posted", messageId: discord.posts[0]?.id });
  });

  it("asks the Hub once per distinct org per cycle, however many watches share it, spread over the period", async () => {
    const discord = channel();
    for (let i = 0; i < 5; i++)
      await store.create(watchOf({ guildId: `10000000000000000${i}`, org: i % 2 ? "qwen" : "Qwen" }));
    await store.create(watchOf({ org: "deepseek-ai" }));
    const waits: number[] = [];
    const report = await poller(discord).cycle({
      spreadMs: 10_000,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(report).toMatchObject({ orgs: 2, requests: 2, led: true });
    expect(waits).toEqual([5000]);
    expect(await countRows(database, "watch_alerts")).toBe(6);
  });
});

describe("the Hub's rate-limit window", () => {
  it("waits for the window to reset when the Hub says fewer than 50 requests are left", async () => {
    const hub = await startFakeHub({
      rateLimitQuota: 50,
      models: [hubModelRow("Qwen/a"), hubModelRow("deepseek-ai/b")],
    });
    try {
      const hubClient = createHubClient({ hubUrl: hub.url, fetch, logger: silentLogger });
      const watches = [{ org: "Qwen" }, { org: "deepseek-ai" }].map((w, id) => ({ ...w, id: id + 1 }));
      const store = {
        listActive: async () =>
          watches.map((w) => ({
            ...w,
            baselineDone: true,
            pausedReason: null,
            createdAt: "2027-01-01T00:00:00.000Z",
          })),
        pendingClaims: async () => [],
        dueRetries: async () => [],
        knownAlerts: async () => [],
      } as unknown as WatchStore;
      const waits: number[] = [];
      await createWatchPoller({
        store,
        hub: hubClient,
        snapshotModels: () => null,
        leadership: alwaysLeads,
        attempt: async () => ({ outcome: "posted", messageId: null }),
        clock: () => new Date("2026-11-20T10:00:00.000Z"),
        logger: silentLogger,
      }).cycle({ spreadMs: 1000, sleep: async (ms) => void waits.push(ms) });
      // The first answer said 49 left of 50: the second org waits for the window (about 300 s).
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(290_000);
    } finally {
      await hub.close();
    }
  });
});

describe("a process that does not lead", () => {
  it("polls nothing", async () => {
    const notLeading: Leadership = { holder: "x", acquire: async () => false, release: async () => {} };
    let asked = 0;
    const p = createWatchPoller({
      store: {} as WatchStore,
      hub: {
        listNewestModels: async () => {
          asked++;
          return { models: [], skipped: 0, requests: 1, rateLimit: null };
        },
      },
      snapshotModels: () => null,
      leadership: notLeading,
      attempt: async () => ({ outcome: "posted", messageId: null }),
      clock: () => new Date(),
      logger: silentLogger,
    });
    expect(await p.cycle({ spreadMs: 0, sleep: async () => {} })).toMatchObject({ led: false, orgs: 0 });
    expect(asked).toBe(0);
  });
});
