import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  HubRequestError,
  HubResponseFormatError,
  HubUnavailableError,
} from "../../src/services/hub/errors.js";
import {
  type CollectModelsOptions,
  createHubClient,
  type DatasetSort,
} from "../../src/services/hub/hub-client.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubDatasets } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels, type HubModelRow } from "../fixtures/generate-hub-models.js";
import { recordingSleep, rejectionOf } from "./helpers.js";

const now = new Date("2026-05-04T00:00:00.000Z");
const cutoff = now.getTime() - 8 * 7 * 24 * 60 * 60 * 1000;
const models = generateHubModels({ count: 3000, now, seed: 11, newShare: 0.1, malformed: 6 });
const datasets = generateHubDatasets({ count: 300, now, malformed: 2 });
const collect: CollectModelsOptions = { topN: 2500, trendingN: 300, newWeeks: 8, newLimit: 500, now };

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({ models: models.rows, datasets: datasets.rows });
});
afterEach(() => {
  hub.setFault(null);
  hub.requests.length = 0;
});
afterAll(() => hub.close());

function client(accessToken?: string) {
  const { sleep, waits } = recordingSleep();
  const hubClient = createHubClient({
    hubUrl: hub.url,
    accessToken,
    fetch,
    logger: pino({ level: "silent" }),
    retry: { sleep, random: () => 0.5 },
  });
  return { hubClient, waits };
}

/** The fake's order for a sort, computed here independently: descending, ties in row order. */
function ranked(key: (row: HubModelRow) => number): HubModelRow[] {
  return [...models.rows].sort((a, b) => key(b) - key(a));
}

const malformed = new Set(models.malformedIds);

describe("collectModels against the fake Hub", () => {
  it("collects 2,500 top models over five pages with 1-based ranks and dedupes the three lists", async () => {
    const { hubClient } = client();
    const result = await hubClient.collectModels(collect);

    const top = ranked((r) => r.downloads).slice(0, 2500);
    const trending = ranked((r) => r.trendingScore).slice(0, 300);
    const byId = new Map(result.models.map((m) => [m.id, m]));
    top.forEach((row, index) => {
      if (!malformed.has(row._id)) expect(byId.get(row.id)?.downloadsRank).toBe(index + 1);
    });
    trending.forEach((row, index) => {
      if (!malformed.has(row._id)) expect(byId.get(row.id)?.trendingRank).toBe(index + 1);
    });
    const newest = models.rows.filter((r) => !malformed.has(r._id) && Date.parse(r.createdAt) >= cutoff);
    expect(newest.length).toBeGreaterThan(100);
    expect(newest.length).toBeLessThan(500);
    const expectedIds = new Set(
      [...top, ...trending, ...newest].filter((r) => !malformed.has(r._id)).map((r) => r.id),
    );
    expect(result.models).toHaveLength(expectedIds.size);
    expect(new Set(result.models.map((m) => m.id))).toEqual(expectedIds);
    const inBoth = result.models.filter((m) => m.downloadsRank !== null && m.trendingRank !== null);
    expect(inBoth.length).toBeGreaterThan(0);

    const skippedRows = models.rows.filter((r) => malformed.has(r._id));
    const reached = skippedRows.filter((r) => top.includes(r) || trending.includes(r) || newest.includes(r));
    expect(result.skipped).toBe(reached.length);
    // downloads: 5 pages of 500; trending: one page of 300; newest: one page, cut off by date.
    expect(result.requests).toBe(7);
    expect(hub.requests).toHaveLength(7);
  });

  it("asks the Hub for 500 a page, the sort and every field it maps, including trendingScore", async () => {
    const { hubClient } = client();
    await hubClient.collectModels({ ...collect, topN: 600, trendingN: 0, newLimit: 0 });
    expect(hub.requests.map((r) => r.params.get("limit"))).toEqual(["500", "500"]);
    const first = hub.requests[0]?.params;
    expect(first?.get("sort")).toBe("downloads");
    expect(first?.getAll("expand")).toEqual(
      expect.arrayContaining([
        "author",
        "downloadsAllTime",
        "trendingScore",
        "createdAt",
        "safetensors",
        "tags",
        "cardData",
      ]),
    );
    expect(hub.requests[1]?.params.get("cursor")).toBeTruthy();
  });

  it("reads every base model a row names, from its card and its tags, for lineage", async () => {
    const { hubClient } = client();
    const result = await hubClient.collectModels({ ...collect, trendingN: 0, newLimit: 0 });
    const byId = new Map(result.models.map((m) => [m.id, m]));
    const carded = models.rows.filter(
      (r) => !malformed.has(r._id) && byId.has(r.id) && r.cardData !== undefined,
    );
    expect(carded.length).toBeGreaterThan(50);
    for (const row of carded) {
      const named = row.cardData?.base_model;
      const expected = (Array.isArray(named) ? named : [named]).filter(
        (entry): entry is string => typeof entry === "string" && /^[\w.-]+\/[\w.-]+$/.test(entry),
      );
      expect(byId.get(row.id)?.baseModels, row.id).toEqual([...new Set(expected)]);
    }
    const tagged = result.models.filter((m) => m.tags.some((t) => t.startsWith("base_model:")));
    expect(tagged.length).toBeGreaterThan(50);
  });

  it("sends the access token as a bearer token", async () => {
    const { hubClient } = client("hf_fake_token_for_tests");
    await hubClient.collectModels({ ...collect, topN: 10, trendingN: 0, newLimit: 0 });
    expect(hub.requests[0]?.authorization).toBe("Bearer hf_fake_token_for_tests");
  });

  it("rides out a 429, waiting as long as the Hub asks", async () => {
    hub.setFault({ kind: "429", retryAfterSeconds: 4, times: 1 });
    const { hubClient, waits } = client();
    const result = await hubClient.collectModels({ ...collect, topN: 1000, trendingN: 0, newLimit: 0 });
    expect(result.models.filter((m) => m.downloadsRank !== null).length).toBeGreaterThan(990);
    expect(waits).toEqual([4000]);
    expect(result.requests).toBe(3);
  });

  it.each([
    ["malformed-json", "invalid JSON"],
    ["not-array", "expected a JSON array, got object"],
    ["truncated", "cut short"],
  ] as const)("rejects the whole collection when a later page is %s", async (kind, reason) => {
    // One list only, so that its requests come in a known order: the second page is the bad one.
    hub.setFault({ kind, after: 1, times: 1 });
    const { hubClient } = client();
    const error = await rejectionOf(hubClient.collectModels({ ...collect, trendingN: 0, newLimit: 0 }));
    expect(error).toBeInstanceOf(HubResponseFormatError);
    const faulted = hub.requests.find((r) => r.fault === kind);
    expect(faulted).toBeDefined();
    expect((error as Error).message).toContain(reason);
    expect((error as Error).message).toContain(`request id ${faulted?.requestId}`);
    expect((error as HubResponseFormatError).url).toContain("cursor=");
    expect(hub.requests).toHaveLength(2);
  });

  it("rejects with HubUnavailableError when the Hub keeps failing", async () => {
    hub.setFault({ kind: "500" });
    const { hubClient, waits } = client();
    const error = await rejectionOf(hubClient.collectModels(collect));
    expect(error).toBeInstanceOf(HubUnavailableError);
    expect(error).toMatchObject({ status: 500, attempts: 4 });
    expect(waits.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses list lengths beyond 10,000 before asking the Hub", async () => {
    const { hubClient } = client();
    await expect(hubClient.collectModels({ ...collect, topN: 10_001 })).rejects.toThrow(RangeError);
    expect(hub.requests).toHaveLength(0);
  });
});

describe("listTopDatasets", () => {
  it("lists datasets by likes, skipping and counting malformed ones", async () => {
    const { hubClient } = client();
    const { datasets: listed, skipped } = await hubClient.listTopDatasets({ sort: "likes", limit: 300 });
    const bad = new Set(datasets.malformedIds);
    const expected = [...datasets.rows].sort((a, b) => b.likes - a.likes).filter((r) => !bad.has(r._id));
    expect(listed.map((d) => d.id)).toEqual(expected.map((r) => r.id));
    expect(skipped).toBe(2);
    expect(listed[0]).toMatchObject({ author: expected[0]?.author, createdAt: expected[0]?.createdAt });
  });

  it("surfaces the Hub's 400 for a sort it does not know, with status, url and request id", async () => {
    const { hubClient } = client();
    const error = await rejectionOf(
      hubClient.listTopDatasets({ sort: "trending" as string as DatasetSort, limit: 5 }),
    );
    expect(error).toBeInstanceOf(HubRequestError);
    const request = hub.requests[0];
    expect(error).toMatchObject({ status: 400, requestId: request?.requestId });
    const message = (error as Error).message;
    expect(message).toContain("400");
    expect(message).toContain('"sort" must be one of');
    expect(message).toContain("/api/datasets?");
    expect(message).toContain(`request id ${request?.requestId}`);
  });
});

describe("modelInfo", () => {
  const sample = models.rows.find((r) => !malformed.has(r._id) && r.safetensors !== undefined);

  it("returns the model mapped to a ModelRecord", async () => {
    if (!sample) throw new Error("fixture has no model with safetensors");
    const { hubClient } = client();
    const record = await hubClient.modelInfo(sample.id);
    expect(record).toMatchObject({
      id: sample.id,
      author: sample.author,
      downloads: sample.downloads,
      likes: sample.likes,
      parameters: sample.safetensors?.total,
      downloadsRank: null,
    });
    expect(hub.requests[0]?.path).toBe(`/api/models/${sample.id}/revision/HEAD`);
  });

  it("returns null for a repo the Hub does not have", async () => {
    const { hubClient } = client();
    expect(await hubClient.modelInfo("nobody/nothing-here")).toBeNull();
    expect(hub.requests[0]?.status).toBe(404);
  });

  it("returns null without asking for an id that cannot name a repo", async () => {
    const { hubClient } = client();
    expect(await hubClient.modelInfo("../api/models?x=1")).toBeNull();
    expect(hub.requests).toHaveLength(0);
  });
});
