import { describe, expect, it } from "vitest";
import { createRegionAttributor } from "../../src/services/regions/attribution.js";
import { alertMarker, composeAlert, parseAlertMarker } from "../../src/services/watches/compose-alert.js";
import { model } from "../stats/builders.js";

const regions = createRegionAttributor([{ author: "Qwen", country: "CN", about: "Alibaba Qwen team" }]);

describe("composeAlert", () => {
  const key = { watchId: 3, modelId: "unsloth/Qwen4-8B-GGUF", kind: "new" as const };
  const released = model({
    id: "unsloth/Qwen4-8B-GGUF",
    pipelineTag: "text-generation",
    tags: ["gguf", "license:apache-2.0", "base_model:quantized:Qwen/Qwen4-8B"],
  });

  it("names task, size from the name, licence, base model and its lineage region, and links the Hub", () => {
    const content = composeAlert({
      key,
      model: released,
      snapshotModels: null,
      regions,
      hubUrl: "https://huggingface.co/",
    });
    expect(content).toMatchObject({
      url: "https://huggingface.co/unsloth/Qwen4-8B-GGUF",
      task: "text-generation",
      parameters: { value: 8e9, estimated: true },
      licence: "apache-2.0",
      base: { id: "Qwen/Qwen4-8B", origin: "Qwen", region: "china" },
      downloads: null,
      trendingRank: null,
      marker: "watch #3 · new · unsloth/Qwen4-8B-GGUF",
    });
  });

  it("adds downloads and trending rank when the model is in the snapshot", () => {
    const inSnapshot = { ...released, downloads: 1234, trendingRank: 7 };
    const content = composeAlert({
      key,
      model: released,
      snapshotModels: [inSnapshot],
      regions,
      hubUrl: "https://huggingface.co",
    });
    expect(content).toMatchObject({ downloads: 1234, trendingRank: 7 });
  });

  it("reads its footer key back, and nothing from a digest's", () => {
    expect(parseAlertMarker(`${alertMarker(key)} · hubtrends`)).toEqual(key);
    expect(parseAlertMarker("digest #3 · 2026-W48")).toBeNull();
  });
});
