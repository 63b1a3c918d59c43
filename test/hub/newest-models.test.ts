import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHubClient } from "../../src/services/hub/hub-client.js";
import { parseRateLimit } from "../../src/services/hub/retrying-fetch.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { hubModelRow } from "../watches/hub-rows.js";

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({
    rateLimitQuota: 1000,
    models: [
      hubModelRow("Qwen/Old-7B", { createdAt: "2026-01-01T00:00:00.000Z" }),
      hubModelRow("Qwen/Newest-8B", { createdAt: "2026-11-30T00:00:00.000Z" }),
      hubModelRow("Qwen/Secret", { createdAt: "2026-12-01T00:00:00.000Z", private: true }),
      hubModelRow("qwen/Middle-4B", { createdAt: "2026-06-01T00:00:00.000Z" }),
      hubModelRow("deepseek-ai/Other", { createdAt: "2026-11-29T00:00:00.000Z" }),
    ],
  });
});
afterAll(() => hub.close());

const client = () => createHubClient({ hubUrl: hub.url, fetch, logger: pino({ level: "silent" }) });

describe("listNewestModels", () => {
  it("asks once for the owner's models sorted by creation, newest first, public only", async () => {
    const before = hub.requests.length;
    const result = await client().listNewestModels("Qwen", 20);
    expect(result.models.map((m) => m.id)).toEqual(["Qwen/Newest-8B", "qwen/Middle-4B", "Qwen/Old-7B"]);
    expect(result.requests).toBe(1);
    const [request] = hub.requests.slice(before);
    expect(request?.params.get("author")).toBe("Qwen");
    expect(request?.params.get("sort")).toBe("createdAt");
    expect(request?.params.get("limit")).toBe("20");
    expect(hub.authorListRequests("qwen").length).toBeGreaterThanOrEqual(1);
  });

  it("reports the rate-limit window the Hub's RateLimit header describes", async () => {
    const result = await client().listNewestModels("deepseek-ai", 5);
    expect(result.rateLimit?.remaining).toBeLessThan(1000);
    expect(result.rateLimit?.resetMs).toBeGreaterThan(0);
  });

  it("lists a model put on the Hub after the fake started", async () => {
    hub.putModel(hubModelRow("Qwen/Brand-New", { createdAt: "2026-12-02T00:00:00.000Z" }));
    const result = await client().listNewestModels("Qwen", 1);
    expect(result.models.map((m) => m.id)).toEqual(["Qwen/Brand-New"]);
  });

  it("refuses a limit past one page", async () => {
    await expect(client().listNewestModels("Qwen", 501)).rejects.toThrow(RangeError);
  });
});

describe("parseRateLimit", () => {
  it("reads remaining and reset, and refuses what it cannot read", () => {
    expect(parseRateLimit('"api";r=42;t=17')).toEqual({ remaining: 42, resetMs: 17_000 });
    expect(parseRateLimit('"api";t=17')).toBeNull();
    expect(parseRateLimit(null)).toBeNull();
  });
});
