import { describe, expect, it } from "vitest";
import { computeTrendStats, historyPoint } from "../../src/services/stats/compute-trend-stats.js";
import type { SnapshotData } from "../../src/services/stats/inputs.js";
import { LOOKUP, model } from "./builders.js";

const AS_OF = "2026-11-26T12:00:00.000Z";

function snapshot(takenAt: string, models: SnapshotData["models"]): SnapshotData {
  return { takenAt, models };
}

const current = snapshot(AS_OF, [
  model({
    id: "Qwen/Qwen3-8B",
    downloads: 400,
    downloadsRank: 1,
    parameters: 8e9,
    pipelineTag: "text-generation",
    downloadsAllTime: 10_400,
  }),
  model({
    id: "meta-llama/Llama-4",
    downloads: 300,
    downloadsRank: 2,
    parameters: 4e11,
    pipelineTag: "text-generation",
    downloadsAllTime: 20_300,
  }),
  model({
    id: "mistralai/Small",
    downloads: 100,
    downloadsRank: 3,
    parameters: 2.4e10,
    pipelineTag: "image-text-to-text",
    downloadsAllTime: 5_000,
  }),
  model({ id: "someone/tiny", downloads: 100, downloadsRank: 4, parameters: 5e8, pipelineTag: "robotics" }),
  model({
    id: "deepseek-ai/new",
    downloads: 100,
    downloadsRank: 5,
    createdAt: "2026-11-20T00:00:00.000Z",
    pipelineTag: "text-generation",
  }),
  // Trending only: part of the snapshot but not of the top-by-downloads universe.
  model({
    id: "sarvamai/trending",
    downloads: 9_999,
    trendingRank: 1,
    createdAt: "2026-11-24T00:00:00.000Z",
  }),
]);

const previous = snapshot("2026-11-19T12:00:00.000Z", [
  model({ id: "Qwen/Qwen3-8B", downloads: 300, downloadsRank: 1, downloadsAllTime: 10_000 }),
  model({ id: "meta-llama/Llama-4", downloads: 500, downloadsRank: 2, downloadsAllTime: 20_000 }),
  model({ id: "mistralai/Small", downloads: 200, downloadsRank: 3, downloadsAllTime: 5_100 }),
]);

describe("computeTrendStats", () => {
  const stats = computeTrendStats({
    current,
    previous,
    history: [historyPoint(previous, LOOKUP)],
    region: null,
    lookup: LOOKUP,
  });

  it("computes shares over the top-by-downloads list only, not trending or newest extras", () => {
    expect(stats.universe).toEqual({
      modelCount: 5,
      totalDownloads: 1000,
      kind: "top-downloads",
      listSize: 5,
      excluded: { modelCount: 0, downloads: 0 },
    });
  });

  it("gives every region plus unattributed, shares summing to 1", () => {
    expect(stats.regions.map((r) => [r.region, r.share])).toEqual([
      ["china", 0.5],
      ["us", 0.3],
      ["europe", 0.1],
      ["asia", 0],
      ["other", 0],
      ["unattributed", 0.1],
    ]);
    expect(stats.regions.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
  });

  it("reports coverage as the attributed share of downloads", () => {
    expect(stats.coverage).toBeCloseTo(0.9, 12);
  });

  it("ranks countries by attributed downloads", () => {
    expect(stats.countries.map((c) => [c.country, c.downloads])).toEqual([
      ["CN", 500],
      ["US", 300],
      ["FR", 100],
    ]);
  });

  it("ranks organisations with their share of the whole universe and of their region", () => {
    expect(stats.topOrgs[0]).toEqual({
      author: "Qwen",
      region: "china",
      downloads: 400,
      share: 0.4,
      regionShare: 0.8,
      modelCount: 1,
    });
  });

  it("compares region shares with the previous snapshot in percentage points", () => {
    const wow = stats.weekOverWeek;
    expect(wow?.previousAsOf).toBe("2026-11-19T12:00:00.000Z");
    expect(wow?.regions.find((r) => r.region === "china")).toEqual({
      region: "china",
      share: 0.5,
      previousShare: 0.3,
      changePp: 20,
    });
    expect(wow?.regions.find((r) => r.region === "us")?.changePp).toBe(-20);
  });

  it("lists the biggest movers by absolute change in share", () => {
    expect(stats.weekOverWeek?.movers.map((m) => [m.author, m.changePp])).toEqual([
      ["meta-llama", -20],
      // Ties in size are broken alphabetically, so the order is stable.
      ["deepseek-ai", 10],
      ["mistralai", -10],
      ["Qwen", 10],
      ["someone", 10],
    ]);
  });

  it("derives downloads between snapshots from all-time counters, never negative", () => {
    expect(stats.weekOverWeek?.downloadsBetween).toEqual({
      total: 700,
      byRegion: { china: 400, us: 300, europe: 0, asia: 0, other: 0, unattributed: 0 },
    });
  });

  it("buckets downloads by parameter count", () => {
    expect(stats.sizeBuckets.map((b) => [b.bucket, b.downloads])).toEqual([
      ["<1B", 100],
      ["1-10B", 400],
      ["10-100B", 100],
      [">100B", 300],
      ["unknown", 100],
    ]);
  });

  it("lists notable new models from the whole snapshot, most downloaded first", () => {
    expect(stats.newModels.map((m) => m.id)).toEqual(["sarvamai/trending", "deepseek-ai/new"]);
  });

  it("counts new models per week among the universe only, not the trending or newest extras", () => {
    const lastWeek = stats.newModelsPerWeek.at(-1);
    expect(lastWeek?.weekStart).toBe("2026-11-23");
    // sarvamai/trending is new, but only trending: not among the top by downloads.
    expect(lastWeek?.byRegion.asia).toBe(0);
    expect(stats.newModelsPerWeek.find((w) => w.weekStart === "2026-11-16")?.byRegion.china).toBe(1);
    expect(stats.newModelsPerWeek.reduce((sum, week) => sum + week.total, 0)).toBe(1);
  });

  it("keeps each region's largest organisations on every history point, with their share of the region", () => {
    const now = stats.history.at(-1);
    expect(now?.orgs.filter((org) => org.region === "china").map((org) => org.author)).toEqual([
      "Qwen",
      "deepseek-ai",
    ]);
    const qwen = now?.orgs.find((org) => org.author === "Qwen");
    const china = stats.regions.find((r) => r.region === "china");
    expect(qwen?.regionShare).toBeCloseTo((qwen?.share ?? 0) / (china?.share ?? 1), 12);
    expect(now?.orgs.some((org) => (org.region as string) === "unattributed")).toBe(false);
  });

  it("groups tasks and calls out robotics", () => {
    expect(stats.tasks[0]).toEqual({
      task: "text-generation",
      family: "language",
      downloads: 800,
      share: 0.8,
      newModels: 1,
    });
    expect(stats.families.find((f) => f.family === "robotics")?.downloads).toBe(100);
  });

  it("draws the history from oldest to newest, current included", () => {
    expect(stats.history.map((h) => [h.asOf, h.shares.china])).toEqual([
      ["2026-11-19T12:00:00.000Z", 0.3],
      [AS_OF, 0.5],
    ]);
  });

  it("scopes organisations, models and movers to the asked region but keeps global shares", () => {
    const china = computeTrendStats({ current, previous, history: [], region: "china", lookup: LOOKUP });
    expect(china.region).toBe("china");
    expect(china.regions).toEqual(stats.regions);
    expect(china.topOrgs.map((o) => o.author)).toEqual(["Qwen", "deepseek-ai"]);
    expect(china.topModels.map((m) => m.id)).toEqual(["Qwen/Qwen3-8B", "deepseek-ai/new"]);
    expect(china.weekOverWeek?.movers.every((m) => m.region === "china")).toBe(true);
    expect(china.sizeBuckets.find((b) => b.bucket === "1-10B")?.share).toBeCloseTo(0.8, 12);
  });

  it("returns 0 shares and 0 coverage when nothing was downloaded", () => {
    const empty = computeTrendStats({
      current: snapshot(AS_OF, [model({ id: "Qwen/x", downloadsRank: 1 })]),
      previous: null,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    expect(empty.coverage).toBe(0);
    expect(empty.regions.every((r) => r.share === 0)).toBe(true);
    expect(empty.weekOverWeek).toBeNull();
  });

  it("uses every model when a snapshot has no top-by-downloads ranks (an import)", () => {
    const imported = computeTrendStats({
      current: snapshot(AS_OF, [
        model({ id: "Qwen/a", downloads: 5 }),
        model({ id: "google/b", downloads: 5 }),
      ]),
      previous: null,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    expect(imported.universe).toEqual({
      modelCount: 2,
      totalDownloads: 10,
      kind: "all",
      listSize: 2,
      excluded: { modelCount: 0, downloads: 0 },
    });
  });
});
