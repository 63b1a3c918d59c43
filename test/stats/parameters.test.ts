import { describe, expect, it } from "vitest";
import { computeTrendStats } from "../../src/services/stats/compute-trend-stats.js";
import { parameterCountOf, parametersFromName } from "../../src/services/stats/parameters.js";
import { LOOKUP, model } from "./builders.js";

describe("parameters from a model's name", () => {
  it.each([
    ["Qwen/Qwen3-0.6B", 0.6e9],
    ["meta-llama/llama-2-7b-chat", 7e9],
    ["mistralai/Mixtral-8x7B-Instruct-v0.1", 56e9],
    ["Qwen/Qwen3-30B-A3B-Instruct-2507", 30e9],
    ["Qwen/Qwen2.5-7B-Instruct-1M", 7e9],
    ["hexgrad/Kokoro-82M", 82e6],
    ["HuggingFaceTB/SmolLM2-135M-Instruct", 135e6],
    ["google/gemma-4-26B-A4B-it", 26e9],
  ])("reads %s as %d", (id, expected) => {
    expect(parametersFromName(id)).toBeCloseTo(expected, -3);
  });

  it.each([
    "sentence-transformers/all-MiniLM-L6-v2",
    "openai/whisper-large-v3",
    "unsloth/Qwen3-GGUF-Q4_K_M",
    "mlx-community/model-4bit",
    "google/gemma-4-E2B-it",
    "Qwen/Qwen3-A3B",
  ])("finds no size in %s", (id) => {
    expect(parametersFromName(id)).toBeNull();
  });

  it("prefers the Hub's safetensors count and marks a name's count as estimated", () => {
    expect(parameterCountOf(model({ id: "a/x-7B", parameters: 7_241_732_096 }))).toEqual({
      value: 7_241_732_096,
      estimated: false,
    });
    expect(parameterCountOf(model({ id: "a/x-7B" }))).toEqual({ value: 7e9, estimated: true });
    expect(parameterCountOf(model({ id: "a/x" }))).toBeNull();
  });
});

describe("size buckets", () => {
  it("counts models by their safetensors size, else by their name's, and says how much is estimated", () => {
    const stats = computeTrendStats({
      current: {
        takenAt: "2026-05-04T00:00:00.000Z",
        models: [
          model({ id: "a/measured", downloads: 100, downloadsRank: 1, parameters: 5e8 }),
          model({ id: "b/named-0.5B", downloads: 50, downloadsRank: 2 }),
          model({ id: "c/nameless", downloads: 50, downloadsRank: 3 }),
        ],
      },
      previous: null,
      history: [],
      region: null,
      lookup: LOOKUP,
    });
    const [small, , , , unknown] = stats.sizeBuckets;
    expect(small).toEqual({
      bucket: "<1B",
      downloads: 150,
      share: 0.75,
      modelCount: 2,
      estimatedDownloads: 50,
    });
    expect(unknown).toMatchObject({ bucket: "unknown", downloads: 50, estimatedDownloads: 0 });
    expect(stats.topModels.find((m) => m.id === "b/named-0.5B")).toMatchObject({
      parameters: 5e8,
      parametersEstimated: true,
    });
  });
});
