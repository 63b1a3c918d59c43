import { describe, expect, it } from "vitest";
import { botHarness } from "./harness.js";

const harness = botHarness();
const HOUR = 3_600_000;

describe("scheduled work with several bot processes on one database", () => {
  it("collects in the leading process only, while every process answers from the newest snapshot", async () => {
    const h = await harness.start({ databaseFile: true });
    // The first process led and collected at start; the second starts after it, as a replica would.
    await h.bot.collectionTick();
    const second = await h.startInstance();
    await second.bot.collectionTick();
    expect(await h.services.store.list()).toHaveLength(1);

    h.clock.advance(7 * HOUR);
    const requestsBefore = h.hub.requests.length;
    await Promise.all([h.bot.collectionTick(), second.bot.collectionTick()]);
    const snapshots = await h.services.store.list();
    expect(snapshots).toHaveLength(2);
    expect(h.hub.requests.length).toBeGreaterThan(requestsBefore);

    // The follower noticed the snapshot the leader saved (on its next tick) and answers from it.
    await second.bot.collectionTick();
    expect(second.services.trends.newestStored()?.id).toBe(snapshots[0]?.id);
    expect(second.bot.services.collection.lastError()).toBeNull();
  });

  it("hands collection to another process once the leader stops", async () => {
    const h = await harness.start({ databaseFile: true });
    await h.bot.collectionTick();
    const second = await h.startInstance();
    await second.bot.collectionTick();
    // A deploy stops the leader: it gives its leadership up on the way out.
    await h.restart();
    h.clock.advance(7 * HOUR);
    await second.bot.collectionTick();
    const snapshots = await second.services.store.list();
    expect(snapshots).toHaveLength(2);
    expect(second.services.trends.newestStored()?.id).toBe(snapshots[0]?.id);
  });
});
