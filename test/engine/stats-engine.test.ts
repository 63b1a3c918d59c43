import { afterEach, describe, expect, it } from "vitest";
import { NoDataError, WINDOWS } from "../../src/services/snapshots/trends-service.js";
import { type EngineHarness, startEngine } from "./harness.js";

const DAY_MS = 86_400_000;
let engine: EngineHarness;

afterEach(async () => {
  await engine.close();
});

describe("stats engine against the fake Hub", () => {
  it("collects a snapshot on the first query, then answers from it without the Hub", async () => {
    engine = await startEngine({});
    const first = await engine.services.trends.stats({ region: null, windowWeeks: 1 });
    const requestsAfterCollect = engine.hub.requests.length;
    expect(requestsAfterCollect).toBeGreaterThan(0);
    // The top 200 by downloads, less the generated test repos (hf-internal-testing...), left out.
    const { universe } = first.stats;
    expect(universe.listSize).toBe(200);
    expect(universe.excluded.modelCount).toBeGreaterThan(0);
    expect(universe.modelCount).toBe(200 - universe.excluded.modelCount);
    expect(first.stats.regions.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);

    engine.hub.setFault({ kind: "500" });
    const china = await engine.services.trends.stats({ region: "china", windowWeeks: 1 });
    expect(china.stats.region).toBe("china");
    expect(engine.hub.requests).toHaveLength(requestsAfterCollect);
  });

  it("makes one collection run for 100 concurrent queries on an empty store", async () => {
    engine = await startEngine({});
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => engine.services.trends.stats({ region: "china", windowWeeks: 1 })),
    );
    // One run = one page each of top downloads, trending and newest at these sizes.
    expect(engine.hub.requests.map((r) => r.params.get("sort")).sort()).toEqual([
      "createdAt",
      "downloads",
      "trendingScore",
    ]);
    expect(await engine.services.store.list()).toHaveLength(1);
    expect(new Set(answers.map((a) => a.stats)).size).toBe(1);
  });

  it("makes exactly one Hub request for 100 concurrent identical live queries on a cold cache", async () => {
    engine = await startEngine({});
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => engine.services.hubQueries.topDatasets("downloads", 10)),
    );
    expect(engine.hub.requests).toHaveLength(1);
    expect(answers.every((a) => a.value.length === 10)).toBe(true);
  });

  it("serves the last good live answer with its age when the Hub fails after the TTL", async () => {
    engine = await startEngine({ env: { CACHE_TTL_SECONDS: "60" } });
    await engine.services.hubQueries.topDatasets("likes", 5);
    engine.clock.advance(120_000);
    engine.hub.setFault({ kind: "500" });
    const answer = await engine.services.hubQueries.topDatasets("likes", 5);
    expect(answer.stale).toBe(true);
    expect(answer.ageMs).toBe(120_000);
    expect(answer.error?.message).toMatch(/500/);
  });

  it("says there is no data when the Hub is down and nothing is stored", async () => {
    engine = await startEngine({});
    engine.hub.setFault({ kind: "500" });
    await expect(engine.services.trends.stats({ region: null, windowWeeks: 1 })).rejects.toBeInstanceOf(
      NoDataError,
    );
  });

  it("keeps stored snapshots untouched when a collection run meets a malformed page", async () => {
    engine = await startEngine({});
    await engine.services.collector.collect();
    engine.clock.advance(DAY_MS);
    engine.hub.setFault({ kind: "truncated" });
    await expect(engine.services.collector.collect()).rejects.toThrow();
    expect(await engine.services.store.list()).toHaveLength(1);
  });

  it("compares with the snapshot a week older and drops cached stats once it follows a new snapshot", async () => {
    engine = await startEngine({});
    await engine.services.collector.collect();
    const before = await engine.services.trends.stats({ region: null, windowWeeks: 1 });
    expect(before.stats.weekOverWeek).toBeNull();

    engine.clock.advance(7 * DAY_MS);
    await engine.services.collector.collect();
    // Answers stay with the snapshot they follow until the service refreshes (the bot's collection
    // schedule does right after collecting, and every minute for snapshots saved elsewhere).
    expect((await engine.services.trends.stats({ region: null, windowWeeks: 1 })).stats.asOf).toBe(
      before.stats.asOf,
    );
    expect(await engine.services.trends.refresh()).toMatchObject({ changed: true });
    const after = await engine.services.trends.stats({ region: null, windowWeeks: 1 });
    expect(after.stats.asOf).toBe(engine.clock.now().toISOString());
    expect(after.stats.weekOverWeek?.previousAsOf).toBe(before.stats.asOf);
    expect(after.stats.history.map((h) => h.asOf)).toEqual([before.stats.asOf, after.stats.asOf]);
  });

  it("warms the overview and every region, over every window, so the first asker after a snapshot finds them cached", async () => {
    engine = await startEngine({});
    await engine.services.trends.warm();
    expect(engine.services.cache.stats().loads).toBe(0);
    await engine.services.collector.collect();
    await engine.services.trends.warm();
    const loads = engine.services.cache.stats().loads;
    expect(loads).toBe(6 * WINDOWS.length);
    for (const windowWeeks of WINDOWS) {
      for (const region of [null, "china", "us", "europe", "asia", "other"] as const) {
        await engine.services.trends.stats({ region, windowWeeks });
      }
    }
    expect(engine.services.cache.stats().loads).toBe(loads);
  });

  it("sends HF_TOKEN to the Hub as a bearer token", async () => {
    engine = await startEngine({ env: { HF_TOKEN: "hf_testtokentesttokentesttoken" } });
    await engine.services.collector.collect();
    expect(new Set(engine.hub.requests.map((r) => r.authorization))).toEqual(
      new Set(["Bearer hf_testtokentesttokentesttoken"]),
    );
  });
});
