import { describe, expect, it } from "vitest";
import { setDigest } from "./digest-helpers.js";
import { botHarness, contentOf } from "./harness.js";

const harness = botHarness("http");
/** Wednesday 25 November 2026, 12:00 in Shanghai. */
const WEDNESDAY = "2026-11-25T04:00:00.000Z";

describe("ROLES: interaction replicas and the scheduler on one database", () => {
  it("an interactions-only replica never collects, and tells the scheduler's Hub failure and retry time", async () => {
    // The first process has both roles: it collects at start, and the Hub fails.
    const h = await harness.start({ databaseFile: true, hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    expect(h.bot.services.collection.lastFailureKind()).toBe("hub-unreachable");

    const replica = await h.startInstance({ ROLES: "interactions" });
    const requestsBefore = h.hub.requests.length;
    await replica.bot.collectionTick();
    // Due, and nobody leads at this moment's check: still it never asks the Hub.
    h.clock.advance(2 * 3_600_000);
    await replica.bot.collectionTick();
    expect(h.hub.requests.length).toBe(requestsBefore);
    // The outcome comes from the database: the same failure, the same retry time.
    const { collection } = replica.bot.services;
    expect(collection.lastFailureKind()).toBe("hub-unreachable");
    expect(collection.lastError()).toBe(h.bot.services.collection.lastError());

    h.discord.setInteractionsEndpoint(`http://127.0.0.1:${replica.bot.httpPort}/interactions`);
    const outcome = await h.run("trends");
    expect(contentOf(outcome.json)).toMatch(/^The Hugging Face Hub can't be reached right now/);
  });

  it("an interactions-only replica posts no scheduled digest; the scheduler posts it once", async () => {
    const h = await harness.start({ databaseFile: true, clock: WEDNESDAY });
    await h.bot.collectionTick();
    await setDigest(h, { day: "wed", time: "12:05", timezone: "asia/shanghai" });
    const replica = await h.startInstance({ ROLES: "interactions" });
    h.clock.advance(10 * 60_000);
    const replicaTick = await replica.bot.digestTick();
    expect(replicaTick.leader).toBe(false);
    expect(h.discord.callsTo("POST", /^\/channels\/\d+\/messages$/)).toHaveLength(0);
    const tick = await h.bot.digestTick();
    expect(tick.posted).toBe(1);
    expect(h.discord.callsTo("POST", /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });

  it("a scheduler-only process serves no interactions, only health and metrics", async () => {
    const h = await harness.start({ databaseFile: true });
    const scheduler = await h.startInstance({ ROLES: "scheduler" });
    const base = `http://127.0.0.1:${scheduler.bot.httpPort}`;
    expect((await fetch(`${base}/interactions`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe("GATEWAY=false: an http scheduler without any gateway connection", () => {
  it("still posts a due digest, letting Discord judge the channel", async () => {
    // The process the commands reach answers interactions only; the snapshot is stored by hand.
    const h = await harness.start({ databaseFile: true, clock: WEDNESDAY, env: { ROLES: "interactions" } });
    await h.services.collector.collect();
    await setDigest(h, { day: "wed", time: "12:05", timezone: "asia/shanghai" });
    const logins = h.discord.callsTo("GET", "/gateway/bot").length;
    const scheduler = await h.startInstance({ ROLES: "scheduler", GATEWAY: "false" });
    expect(h.discord.callsTo("GET", "/gateway/bot")).toHaveLength(logins);
    expect(scheduler.bot.client.isReady()).toBe(false);
    h.clock.advance(10 * 60_000);
    expect((await h.bot.digestTick()).posted).toBe(0);
    const tick = await scheduler.bot.digestTick();
    expect(tick.posted).toBe(1);
    expect(h.discord.callsTo("POST", /^\/channels\/\d+\/messages$/)).toHaveLength(1);
  });
});
