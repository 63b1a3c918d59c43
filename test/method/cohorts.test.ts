import { describe, expect, it } from "vitest";
import { cohortTest, isGenerative, newCohortTest } from "../../src/services/method/cohorts.js";
import { model } from "../stats/builders.js";

const AS_OF = new Date("2026-05-04T04:00:00.000Z");

describe("the new cohort", () => {
  const isNew = newCohortTest(AS_OF);
  it("holds models created in the 365 days before the snapshot", () => {
    expect(isNew({ createdAt: "2025-05-04T04:00:01.000Z" })).toBe(true);
    expect(isNew({ createdAt: "2026-05-04T04:00:00.000Z" })).toBe(true);
    expect(isNew({ createdAt: "2025-05-04T04:00:00.000Z" })).toBe(false);
    expect(isNew({ createdAt: "2026-05-04T05:00:00.000Z" })).toBe(false);
  });

  it("does not count unknown dates (the Hub's placeholder is mapped to null) or other forms wrongly", () => {
    expect(isNew({ createdAt: null })).toBe(false);
    expect(isNew({ createdAt: "2026-01-01T00:00:00Z" })).toBe(true);
    expect(isNew({ createdAt: "2024-01-01T00:00:00+08:00" })).toBe(false);
  });
});

describe("the generative cohort", () => {
  it.each([
    "text-generation",
    "image-text-to-text",
    "any-to-any",
    "text-to-image",
    "text-to-video",
    "image-to-video",
  ])("holds %s models", (pipelineTag) => {
    expect(isGenerative(model({ id: "a/b", pipelineTag }))).toBe(true);
  });

  it.each([
    "sentence-similarity",
    "feature-extraction",
    "text-ranking",
    "text-classification",
    "fill-mask",
    "automatic-speech-recognition",
    "text2text-generation",
  ])("leaves out %s models", (pipelineTag) => {
    expect(isGenerative(model({ id: "a/b", pipelineTag }))).toBe(false);
  });

  it("holds untagged LLM-family repos (chat templates, GGUF, MLX, LLM architectures) and diffusion files", () => {
    const untagged = (tags: string[], libraryName: string | null = null) =>
      isGenerative(model({ id: "a/b", tags, libraryName }));
    expect(untagged(["gguf", "endpoints_compatible", "conversational"])).toBe(true);
    expect(untagged(["safetensors", "qwen3_5_moe", "vllm"])).toBe(true);
    expect(untagged(["safetensors", "gemma4"])).toBe(true);
    expect(untagged(["litert-lm"], "litert-lm")).toBe(true);
    expect(untagged(["diffusion-single-file", "comfyui"], "diffusion-single-file")).toBe(true);
  });

  it("leaves out untagged encoders whatever their packaging, and repos with no evidence", () => {
    const untagged = (tags: string[], libraryName: string | null = null) =>
      isGenerative(model({ id: "a/b", tags, libraryName }));
    expect(untagged(["gguf", "sentence-transformers", "embedding"])).toBe(false);
    expect(untagged(["ultralytics", "pytorch"], "ultralytics")).toBe(false);
    expect(untagged([])).toBe(false);
  });

  it("picks the test for each cohort", () => {
    const old = model({ id: "a/old", createdAt: "2020-01-01T00:00:00.000Z", pipelineTag: "fill-mask" });
    expect(cohortTest("all", AS_OF)(old)).toBe(true);
    expect(cohortTest("new", AS_OF)(old)).toBe(false);
    expect(cohortTest("generative", AS_OF)(old)).toBe(false);
  });
});
