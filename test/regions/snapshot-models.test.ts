import { describe, expect, it } from "vitest";
import { modelsFromJson, topByDownloads } from "./snapshot-models.js";

describe("modelsFromJson (measure-coverage's reader)", () => {
  it("reads the shared snapshot's { models: [...] } shape", () => {
    const { models, skipped } = modelsFromJson({
      fetchedAt: "2026-05-04T04:10:37.776Z",
      models: [{ rank: 1, id: "deepseek-ai/DeepSeek-V4-Pro", author: "deepseek-ai", downloads: 457348 }],
    });
    expect(skipped).toBe(0);
    expect(models).toEqual([{ id: "deepseek-ai/DeepSeek-V4-Pro", author: "deepseek-ai", downloads: 457348 }]);
  });

  it("reads a raw /api/models array, taking the author from the repo id when absent", () => {
    const { models, skipped } = modelsFromJson([
      { _id: "65f0c0ffee0000000000abcd", id: "Qwen/Qwen3-8B", downloads: 1200 },
      { _id: "65f0c0ffee0000000000abce", modelId: "google/gemma-4-E4B-it", id: "65f0c0ffee0000000000abce" },
    ]);
    expect(skipped).toBe(0);
    expect(models).toEqual([
      { id: "Qwen/Qwen3-8B", author: "Qwen", downloads: 1200 },
      { id: "google/gemma-4-E4B-it", author: "google", downloads: 0 },
    ]);
  });

  it("skips and counts rows that are not models", () => {
    const { models, skipped } = modelsFromJson([
      { id: "gpt2", downloads: 1 },
      { id: "a/b", downloads: -5 },
      "nonsense",
      { id: "ok/model", downloads: 2 },
    ]);
    expect(models.map((m) => m.id)).toEqual(["ok/model"]);
    expect(skipped).toBe(3);
  });

  it("throws on a document of neither shape", () => {
    expect(() => modelsFromJson({ items: [] })).toThrow(/array of model rows/);
  });
});

describe("topByDownloads", () => {
  it("re-sorts by downloads, largest first, without touching the input", () => {
    const models = [{ downloads: 1 }, { downloads: 3 }, { downloads: 2 }];
    expect(topByDownloads(models, 2)).toEqual([{ downloads: 3 }, { downloads: 2 }]);
    expect(models[0]).toEqual({ downloads: 1 });
  });
});
