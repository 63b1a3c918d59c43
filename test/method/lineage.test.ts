import { describe, expect, it } from "vitest";
import type { ModelRecord } from "../../src/services/hub/types.js";
import {
  baseModelsFromTags,
  declaredBases,
  lineageIndexOf,
  MAX_CHAIN,
} from "../../src/services/method/lineage.js";
import { model } from "../stats/builders.js";

const originOf = (models: ModelRecord[], id: string): string => {
  const target = models.find((m) => m.id === id);
  if (target === undefined) throw new Error(`no ${id}`);
  return lineageIndexOf(models).originOf(target);
};

describe("base models from tags", () => {
  it("reads plain and relation tags (finetune, adapter, quantized, merge) once each, in tag order", () => {
    expect(
      baseModelsFromTags([
        "gguf",
        "base_model:Qwen/Qwen3-8B",
        "base_model:quantized:Qwen/Qwen3-8B",
        "base_model:adapter:meta-llama/Llama-3.1-8B",
        "base_model:finetune:google/gemma-4-31B-it",
        "base_model:merge:mistralai/Mistral-Nemo-Instruct-2407",
        "license:apache-2.0",
      ]),
    ).toEqual([
      "Qwen/Qwen3-8B",
      "meta-llama/Llama-3.1-8B",
      "google/gemma-4-31B-it",
      "mistralai/Mistral-Nemo-Instruct-2407",
    ]);
  });

  it("ignores tags whose id could not be a repo id", () => {
    expect(baseModelsFromTags(["base_model:", "base_model:finetune:", "base_model:a b/c"])).toEqual([]);
  });
});

describe("declared bases", () => {
  it("puts the card's bases first, then the tags', each once ignoring case, never the model itself", () => {
    const m = model({
      id: "me/merge",
      baseModels: ["Qwen/Qwen3-8B", "me/merge"],
      tags: ["base_model:qwen/qwen3-8b", "base_model:merge:google/gemma-4-31B-it"],
    });
    expect(declaredBases(m)).toEqual(["Qwen/Qwen3-8B", "google/gemma-4-31B-it"]);
  });
});

describe("lineage origins", () => {
  it("credits a quantisation to the developer of its base model", () => {
    const models = [
      model({ id: "Qwen/Qwen3-8B" }),
      model({ id: "unsloth/Qwen3-8B-GGUF", tags: ["base_model:quantized:Qwen/Qwen3-8B"] }),
    ];
    expect(originOf(models, "unsloth/Qwen3-8B-GGUF")).toBe("Qwen");
  });

  it("follows chains to the origin: a GGUF of a fine-tune of Qwen counts for Qwen", () => {
    const models = [
      model({ id: "bartowski/Distill-GGUF", baseModels: ["someone/Distill"] }),
      model({ id: "someone/Distill", tags: ["base_model:finetune:Qwen/Qwen3-8B"] }),
      model({ id: "Qwen/Qwen3-8B" }),
    ];
    expect(originOf(models, "bartowski/Distill-GGUF")).toBe("Qwen");
  });

  it("takes the namespace of a base that is not in the snapshot, spelled as the snapshot spells it", () => {
    const models = [
      model({ id: "Qwen/Qwen2.5-7B" }),
      model({ id: "nvidia/Qwen3-NVFP4", baseModels: ["qwen/Qwen3-235B-A22B"] }),
      model({ id: "x/y", baseModels: ["DeepSeek-AI/DeepSeek-V4"] }),
    ];
    expect(originOf(models, "nvidia/Qwen3-NVFP4")).toBe("Qwen");
    expect(originOf(models, "x/y")).toBe("DeepSeek-AI");
  });

  it("falls back to the uploader without a base, on a cycle and on a chain too long to be real", () => {
    const cycle = [
      model({ id: "a/one", baseModels: ["b/two"] }),
      model({ id: "b/two", baseModels: ["a/one"] }),
      model({ id: "c/leaf", baseModels: ["a/one"] }),
      model({ id: "d/alone" }),
    ];
    expect(originOf(cycle, "a/one")).toBe("a");
    expect(originOf(cycle, "b/two")).toBe("b");
    expect(originOf(cycle, "c/leaf")).toBe("c");
    expect(originOf(cycle, "d/alone")).toBe("d");
    const long = Array.from({ length: MAX_CHAIN + 5 }, (_, i) =>
      model({ id: `n${i}/m`, baseModels: [`n${i + 1}/m`] }),
    );
    expect(originOf(long, "n0/m")).toBe("n0");
  });

  it("treats a model naming itself as naming nothing", () => {
    expect(originOf([model({ id: "me/solo", baseModels: ["me/solo"] })], "me/solo")).toBe("me");
  });

  it("gives a merge to the origin most of its bases lead to, ties to the first named", () => {
    const models = [
      model({ id: "Qwen/A" }),
      model({ id: "Qwen/B" }),
      model({ id: "google/C" }),
      model({ id: "m/majority", baseModels: ["google/C", "Qwen/A", "Qwen/B"] }),
      model({ id: "m/tie", baseModels: ["google/C", "Qwen/A"] }),
    ];
    expect(originOf(models, "m/majority")).toBe("Qwen");
    expect(originOf(models, "m/tie")).toBe("google");
  });

  it("reaches an origin through a cycle member that also names a real base", () => {
    const models = [
      model({ id: "a/one", baseModels: ["b/two"] }),
      model({ id: "b/two", baseModels: ["a/one", "Qwen/Qwen3-8B"] }),
      model({ id: "Qwen/Qwen3-8B" }),
    ];
    expect(originOf(models, "a/one")).toBe("Qwen");
  });
});
