import { describe, expect, it } from "vitest";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import { orgProfile, rankModels, snapshotSource } from "../../src/services/snapshots/profiles.js";
import type { Snapshot } from "../../src/services/storage/snapshot-store.js";
import { model } from "../stats/builders.js";

function snapshot(id: number, takenAt: string, ggufDownloads: number): Snapshot {
  const models = [
    model({ id: "Qwen/Qwen3-8B", downloads: 600, downloadsRank: 1 }),
    model({
      id: "unsloth/Qwen3-8B-GGUF",
      downloads: ggufDownloads,
      downloadsRank: 2,
      baseModels: ["Qwen/Qwen3-8B"],
    }),
    model({ id: "deepseek-ai/DeepSeek-V4", downloads: 200, downloadsRank: 3 }),
  ];
  return {
    id,
    takenAt,
    source: "collect",
    modelCount: models.length,
    skipped: 0,
    note: null,
    savedAt: takenAt,
    models,
  };
}

describe("/org's profile", () => {
  const lookup = defaultRegionAttributor();
  const before = snapshot(1, "2026-04-27T04:00:00.000Z", 0);
  const now = snapshot(2, "2026-05-04T04:00:00.000Z", 200);

  it("counts under lineage every derivative of the organisation's models, in its region's terms too", () => {
    const profile = orgProfile(now, before, "qwen", lookup);
    expect(profile?.method).toEqual({ by: "lineage", cohort: "all" });
    expect(profile?.stat).toMatchObject({
      author: "Qwen",
      downloads: 800,
      modelCount: 2,
      share: 0.8,
      regionShare: 0.8,
    });
    expect(profile?.change).toEqual({
      previousAsOf: "2026-04-27T04:00:00.000Z",
      previousShare: 0.75,
      changePp: 5,
      previousRegionShare: 0.75,
      regionChangePp: 5,
      previousDownloads: 600,
      downloadsChange: 800 / 600 - 1,
    });
  });

  it("counts only its own uploads under uploader", () => {
    const profile = orgProfile(now, before, "unsloth", lookup, { by: "uploader", cohort: "all" });
    expect(profile?.stat).toMatchObject({ downloads: 200, share: 0.2 });
    expect(profile?.change?.downloadsChange).toBeNull();
    expect(orgProfile(now, before, "unsloth", lookup)?.stat).toBeNull();
  });

  it("gives footers the method with the snapshot", () => {
    expect(snapshotSource(now, lookup).method).toEqual({ by: "lineage", cohort: "all" });
    expect(snapshotSource(now, lookup, { by: "uploader", cohort: "new" }).method).toEqual({
      by: "uploader",
      cohort: "new",
    });
  });
});

describe("/top's ranking", () => {
  const lookup = defaultRegionAttributor();
  const now = snapshot(2, "2026-05-04T04:00:00.000Z", 200);
  const query = { sort: "downloads", task: null, limit: 10 } as const;

  it("places a derivative where its downloads are credited: a repackager's GGUF of Qwen ranks as China's", () => {
    const chinese = rankModels(now, { ...query, region: "china" }, lookup);
    expect(chinese.map((m) => [m.id, m.region])).toEqual([
      ["Qwen/Qwen3-8B", "china"],
      ["deepseek-ai/DeepSeek-V4", "china"],
      ["unsloth/Qwen3-8B-GGUF", "china"],
    ]);
    expect(rankModels(now, { ...query, region: "us" }, lookup)).toEqual([]);
  });

  it("places it with its uploader when downloads are credited to the uploader", () => {
    const method = { by: "uploader", cohort: "all" } as const;
    const us = rankModels(now, { ...query, region: "us" }, lookup, method);
    expect(us.map((m) => [m.id, m.region])).toEqual([["unsloth/Qwen3-8B-GGUF", "us"]]);
  });
});
