import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/services/metrics.js";
import { setDigest } from "../bot/digest-helpers.js";
import { botHarness } from "../bot/harness.js";

const harness = botHarness();
/** Wednesday 25 November 2026, 12:00 in Shanghai. */
const WEDNESDAY = "2026-11-25T04:00:00.000Z";

const get = async (port: number | null, path: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

/** The value of one sample line of a Prometheus text exposition, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe("GET /healthz", () => {
  it("in gateway mode: ready while the store answers and the gateway is connected, 503 once it is not", async () => {
    const h = await harness.start({ env: { HTTP_PORT: "0" } });
    const ready = await get(h.bot.httpPort, "/healthz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, store: true, gateway: "connected" });
    await h.bot.client.destroy();
    const down = await get(h.bot.httpPort, "/healthz");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toEqual({ ready: false, store: true, gateway: "disconnected" });
  });

  it("in http mode: ready without a gateway, 503 once the store stops answering", async () => {
    const h = await harness.start({ mode: "http", databaseFile: true });
    const replica = await h.startInstance({ ROLES: "interactions" });
    const ready = await get(replica.bot.httpPort, "/healthz");
    expect(JSON.parse(ready.text)).toEqual({ ready: true, store: true, gateway: "not used" });
    await replica.services.database.close();
    const down = await get(replica.bot.httpPort, "/healthz");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text)).toMatchObject({ ready: false, store: false });
  });
});

describe("GET /metrics", () => {
  it("counts interactions by command and outcome, their latency, Hub requests, digests, leadership and snapshot age", async () => {
    const h = await harness.start({ mode: "http", clock: WEDNESDAY, hubFault: { kind: "500", after: 1000 } });
    await h.bot.collectionTick();
    await h.run("trends");
    await h.run("trends", [{ name: "region", type: 3, value: "chna" }], {
      user: { id: "1190000000000000201", username: "bo" },
    });
    await h.autocomplete("trends", [{ name: "region", type: 3, value: "eu", focused: true }]);
    await setDigest(h, { day: "wed", time: "12:05", timezone: "asia/shanghai" });
    h.clock.advance(10 * 60_000);
    expect((await h.bot.digestTick()).posted).toBe(1);

    const { status, type, text } = await get(h.bot.httpPort, "/metrics");
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(text, 'hubtrends_interactions_total{kind="command",command="trends",outcome="ok"}')).toBe(
      1,
    );
    expect(
      sample(text, 'hubtrends_interactions_total{kind="command",command="trends",outcome="region.unknown"}'),
    ).toBe(1);
    expect(
      sample(text, 'hubtrends_interactions_total{kind="autocomplete",command="trends",outcome="ok"}'),
    ).toBe(1);
    expect(sample(text, 'hubtrends_interaction_answer_seconds_count{kind="command"}')).toBe(3);
    expect(sample(text, 'hubtrends_interaction_answer_seconds_bucket{le="+Inf",kind="autocomplete"}')).toBe(
      1,
    );
    expect(sample(text, "hubtrends_hub_requests_total")).toBe(h.hub.requests.length);
    expect(sample(text, "hubtrends_hub_request_failures_total")).toBe(0);
    expect(sample(text, 'hubtrends_digests_total{result="posted"}')).toBe(1);
    expect(sample(text, 'hubtrends_digests_total{result="paused"}')).toBe(0);
    expect(sample(text, "hubtrends_scheduler_leader")).toBe(1);
    expect(sample(text, 'hubtrends_snapshot_age_seconds{snapshot="newest"}')).toBeGreaterThanOrEqual(600);
  });

  it("counts failed Hub requests", async () => {
    const h = await harness.start({ mode: "http", hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    const { text } = await get(h.bot.httpPort, "/metrics");
    expect(sample(text, "hubtrends_hub_request_failures_total")).toBeGreaterThan(0);
    expect(sample(text, "hubtrends_hub_request_failures_total")).toBe(
      sample(text, "hubtrends_hub_requests_total"),
    );
    expect(text).not.toMatch(/^hubtrends_snapshot_age_seconds\{/m);
  });

  it("counts watch alerts by result: a post found after a crash is a post, a retry a failure", async () => {
    const metrics = createMetrics();
    metrics.watchCycle({ posted: 2, recovered: 1, retrying: 4, paused: 1 });
    metrics.watchCycle({ posted: 1, recovered: 0, retrying: 0, paused: 0 });
    const text = await metrics.registry.metrics();
    expect(sample(text, 'hubtrends_watch_alerts_total{result="posted"}')).toBe(4);
    expect(sample(text, 'hubtrends_watch_alerts_total{result="failed"}')).toBe(4);
    expect(sample(text, 'hubtrends_watch_alerts_total{result="paused"}')).toBe(1);
  });
});
