import { describe, expect, it } from "vitest";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { closeMatches, nameIndexOf, searchNames } from "../../src/services/snapshots/name-index.js";
import type { Snapshot } from "../../src/services/storage/snapshot-store.js";

function model(id: string, downloads: number, pipelineTag: string | null = "text-generation"): ModelRecord {
  return {
    id,
    author: id.split("/")[0] ?? id,
    downloads,
    downloadsAllTime: null,
    likes: 0,
    trendingScore: null,
    createdAt: null,
    pipelineTag,
    libraryName: null,
    tags: [],
    parameters: null,
    baseModels: [],
    downloadsRank: null,
    trendingRank: null,
  };
}

function snapshot(id: number, models: ModelRecord[]): Snapshot {
  return {
    id,
    takenAt: "2026-05-04T04:00:00.000Z",
    source: "collect",
    modelCount: models.length,
    skipped: 0,
    note: null,
    savedAt: "2026-05-04T04:00:00.000Z",
    models,
  };
}

const models = [
  model("meta-llama/Llama-3.1-8B", 500),
  model("Qwen/Qwen3-8B", 900),
  model("Qwen/Qwen2.5-7B-Instruct", 700, "image-text-to-text"),
  model("someone/my-qwen-finetune", 800, null),
  model("google/gemma-3-1b", 100),
];

describe("name index", () => {
  it("lists ids and authors most downloaded first and tasks by their downloads", () => {
    const index = nameIndexOf(snapshot(1, models));
    expect(index.modelIds).toEqual([
      "Qwen/Qwen3-8B",
      "someone/my-qwen-finetune",
      "Qwen/Qwen2.5-7B-Instruct",
      "meta-llama/Llama-3.1-8B",
      "google/gemma-3-1b",
    ]);
    expect(index.authors).toEqual(["Qwen", "someone", "meta-llama", "google"]);
    expect(index.tasks).toEqual(["text-generation", "image-text-to-text"]);
    expect(index.model("qwen/qwen3-8b")?.id).toBe("Qwen/Qwen3-8B");
    expect(index.author(" QWEN ")).toBe("Qwen");
    expect(index.modelsOf("Qwen").map((m) => m.id)).toEqual(["Qwen/Qwen3-8B", "Qwen/Qwen2.5-7B-Instruct"]);
  });

  it("is built once per snapshot object, so a newer snapshot gets its own", () => {
    const first = snapshot(1, models);
    expect(nameIndexOf(first)).toBe(nameIndexOf(first));
    expect(nameIndexOf(snapshot(2, models.slice(1))).snapshotId).toBe(2);
  });

  it("searches case-insensitively: exact, then prefix, then word start, then anywhere", () => {
    const ids = nameIndexOf(snapshot(1, models)).modelIds;
    expect(searchNames(ids, "QWEN", 25)).toEqual([
      "Qwen/Qwen3-8B",
      "Qwen/Qwen2.5-7B-Instruct",
      "someone/my-qwen-finetune",
    ]);
    expect(searchNames(ids, "8b", 25)).toEqual(["Qwen/Qwen3-8B", "meta-llama/Llama-3.1-8B"]);
    expect(searchNames(ids, "", 2)).toEqual(["Qwen/Qwen3-8B", "someone/my-qwen-finetune"]);
    expect(searchNames(ids, "nothing", 25)).toEqual([]);
  });

  it("suggests close names for a typo, by the whole id or the part after the slash", () => {
    const ids = nameIndexOf(snapshot(1, models)).modelIds;
    expect(closeMatches(ids, "qwen3-8", 3)).toEqual(["Qwen/Qwen3-8B"]);
    expect(closeMatches(ids, "Qwen/Qwen3-8C", 3)[0]).toBe("Qwen/Qwen3-8B");
    expect(closeMatches(ids, "zzzzzzzz", 3)).toEqual([]);
  });
});
