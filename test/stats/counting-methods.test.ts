import { describe, expect, it } from "vitest";
import { computeTrendStats } from "../../src/services/stats/compute-trend-stats.js";
import type { SnapshotData } from "../../src/services/stats/inputs.js";
import {
  countsFingerprintOf,
  historyPointOf,
  snapshotAggregate,
  universeAggregates,
} from "../../src/services/stats/region-shares.js";
import { LOOKUP, model } from "./builders.js";

const AS_OF = "2026-05-04T04:00:00.000Z";

/** A top-5 list: Qwen's model and two derivatives uploaded by others, a US encoder, CI traffic. */
const snapshot: SnapshotData = {
  takenAt: AS_OF,
  models: [
    model({
      id: "Qwen/Qwen3-8B",
      downloads: 400,
      downloadsRank: 1,
      pipelineTag: "text-generation",
      createdAt: "2025-06-01T00:00:00.000Z",
    }),
    model({ id: "google/bert", downloads: 300, downloadsRank: 2, pipelineTag: "fill-mask", createdAt: null }),
    model({
      id: "unsloth/Qwen3-8B-GGUF",
      downloads: 200,
      downloadsRank: 3,
      tags: ["gguf", "conversational", "base_model:quantized:Qwen/Qwen3-8B"],
      createdAt: "2026-04-01T00:00:00.000Z",
    }),
    model({
      id: "mistralai/Small-FT",
      downloads: 100,
      downloadsRank: 4,
      baseModels: ["Qwen/Qwen3-8B"],
      pipelineTag: "text-generation",
      createdAt: "2026-04-10T00:00:00.000Z",
    }),
    model({
      id: "hf-internal-testing/tiny-random-gpt2",
      downloads: 5_000,
      downloadsRank: 5,
      pipelineTag: "text-generation",
    }),
  ],
};

describe("counting methods", () => {
  it("credits downloads to the uploader under `uploader` and to the origin under `lineage`", () => {
    const uploader = universeAggregates(snapshot, LOOKUP, { by: "uploader", cohort: "all" });
    const lineage = universeAggregates(snapshot, LOOKUP, { by: "lineage", cohort: "all" });
    expect(uploader.shares.china).toBe(0.4);
    expect(uploader.shares.europe).toBe(0.1);
    expect(uploader.shares.unattributed).toBe(0.2);
    expect(lineage.shares.china).toBe(0.7);
    expect(lineage.shares.europe).toBe(0);
    expect(lineage.orgs.map((o) => [o.author, o.downloads, o.modelCount])).toEqual([
      ["Qwen", 700, 3],
      ["google", 300, 1],
    ]);
  });

  it("leaves test traffic out of every cohort and says how much", () => {
    for (const cohort of ["all", "new", "generative"] as const) {
      const { universe } = universeAggregates(snapshot, LOOKUP, { by: "lineage", cohort });
      expect(universe.listSize).toBe(5);
      expect(universe.excluded).toEqual({ modelCount: 1, downloads: 5_000 });
    }
  });

  it("counts only models created in the last 12 months under `new`, and generators under `generative`", () => {
    const fresh = universeAggregates(snapshot, LOOKUP, { by: "lineage", cohort: "new" });
    expect(fresh.models.map((m) => m.id)).toEqual([
      "Qwen/Qwen3-8B",
      "unsloth/Qwen3-8B-GGUF",
      "mistralai/Small-FT",
    ]);
    const generative = universeAggregates(snapshot, LOOKUP, { by: "uploader", cohort: "generative" });
    expect(generative.universe.modelCount).toBe(3);
    expect(generative.shares.us).toBe(0);
  });

  it("gives each organisation its share of its own region", () => {
    const { orgs } = universeAggregates(snapshot, LOOKUP, { by: "uploader", cohort: "all" });
    expect(orgs.find((o) => o.author === "Qwen")?.regionShare).toBe(1);
    expect(orgs.find((o) => o.author === "unsloth")).toMatchObject({
      region: "unattributed",
      regionShare: 1,
    });
  });

  it("computes a storable aggregate whose history point is the same as the stats'", () => {
    const method = { by: "lineage", cohort: "all" } as const;
    const aggregate = snapshotAggregate(snapshot, LOOKUP, method);
    expect(JSON.parse(JSON.stringify(aggregate))).toEqual(aggregate);
    expect(aggregate.method).toEqual(method);
    const stats = computeTrendStats({
      current: snapshot,
      previous: null,
      history: [],
      region: null,
      lookup: LOOKUP,
      method,
    });
    expect(stats.history).toEqual([historyPointOf(aggregate)]);
    expect(stats.method).toEqual(method);
  });

  it("fingerprints the list's download counts whatever their order, and only them", () => {
    const same = { ...snapshot, models: [...snapshot.models].reverse() };
    expect(countsFingerprintOf(same.models)).toBe(countsFingerprintOf(snapshot.models));
    const changed = snapshot.models.map((m, i) => (i === 0 ? { ...m, downloads: m.downloads + 1 } : m));
    expect(countsFingerprintOf(changed)).not.toBe(countsFingerprintOf(snapshot.models));
    const otherLikes = snapshot.models.map((m) => ({ ...m, likes: m.likes + 1 }));
    expect(countsFingerprintOf(otherLikes)).toBe(countsFingerprintOf(snapshot.models));
  });

  it("lists a derivative's model stat under its uploader but credits it to the origin", () => {
    const stats = computeTrendStats({
      current: snapshot,
      previous: null,
      history: [],
      region: "china",
      lookup: LOOKUP,
    });
    expect(stats.topModels.map((m) => [m.id, m.author, m.creditedTo, m.region])).toEqual([
      ["Qwen/Qwen3-8B", "Qwen", "Qwen", "china"],
      ["unsloth/Qwen3-8B-GGUF", "unsloth", "Qwen", "china"],
      ["mistralai/Small-FT", "mistralai", "Qwen", "china"],
    ]);
  });
});

describe("comparisons", () => {
  const previous: SnapshotData = {
    takenAt: "2026-04-27T04:00:00.000Z",
    models: snapshot.models.map((m) => (m.id === "mistralai/Small-FT" ? { ...m, downloads: 50 } : m)),
  };

  it("measures the real span, says whether it is the window asked for, and flags unrefreshed counts", () => {
    const stats = computeTrendStats({
      current: snapshot,
      previous,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    expect(stats.weekOverWeek).toMatchObject({
      previousAsOf: "2026-04-27T04:00:00.000Z",
      windowWeeks: 1,
      spanMs: 7 * 86_400_000,
      exact: true,
      countsUnchanged: false,
    });
    const over12 = computeTrendStats({
      current: snapshot,
      previous,
      history: [],
      region: null,
      lookup: LOOKUP,
      windowWeeks: 12,
    });
    expect(over12.weekOverWeek?.exact).toBe(false);
    const stale = { takenAt: previous.takenAt, models: snapshot.models.map((m) => ({ ...m })) };
    const flat = computeTrendStats({
      current: snapshot,
      previous: stale,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    expect(flat.weekOverWeek?.countsUnchanged).toBe(true);
  });

  it("ranks a region's movers by their change in share of the region, with their change in downloads", () => {
    const stats = computeTrendStats({
      current: snapshot,
      previous,
      history: [],
      region: "europe",
      lookup: LOOKUP,
      method: { by: "uploader", cohort: "all" },
    });
    expect(stats.weekOverWeek?.movers).toEqual([]);
    const overview = computeTrendStats({
      current: snapshot,
      previous,
      history: [],
      region: null,
      lookup: LOOKUP,
      method: { by: "uploader", cohort: "all" },
    });
    const mistral = overview.weekOverWeek?.movers.find((m) => m.author === "mistralai");
    expect(mistral).toMatchObject({
      downloads: 100,
      previousDownloads: 50,
      downloadsChange: 1,
      regionShare: 1,
      previousRegionShare: 1,
    });
  });

  it("leaves out movers whose change would read as ±0.0 pp", () => {
    const nudged: SnapshotData = {
      takenAt: previous.takenAt,
      models: snapshot.models.map((m) => (m.id === "google/bert" ? { ...m, downloads: 300.4 } : m)),
    };
    const stats = computeTrendStats({
      current: snapshot,
      previous: nudged,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    expect(stats.weekOverWeek?.movers).toEqual([]);
  });
});
