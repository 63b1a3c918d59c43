import { describe, expect, it } from "vitest";
import {
  aboutFigures,
  figuresOf,
  methodRows,
  reportGapExplanation,
} from "../../src/services/method/about-figures.js";
import { ALL_METHODS } from "../../src/services/method/method.js";
import { defaultRegionAttributor } from "../../src/services/regions/attribution.js";
import type { SnapshotData } from "../../src/services/stats/inputs.js";
import { model } from "../stats/builders.js";

const snapshot: SnapshotData = {
  takenAt: "2026-05-04T04:00:00.000Z",
  models: [
    model({
      id: "sentence-transformers/all-MiniLM-L6-v2",
      downloads: 300,
      downloadsRank: 1,
      pipelineTag: "sentence-similarity",
    }),
    model({
      id: "google/gemma-4-31B-it",
      downloads: 100,
      downloadsRank: 2,
      pipelineTag: "image-text-to-text",
      createdAt: "2026-03-11T00:00:00.000Z",
    }),
    model({
      id: "Qwen/Qwen3-8B",
      downloads: 400,
      downloadsRank: 3,
      pipelineTag: "text-generation",
      createdAt: "2025-04-28T00:00:00.000Z",
    }),
    model({
      id: "unsloth/Qwen3-8B-GGUF",
      downloads: 200,
      downloadsRank: 4,
      tags: ["gguf", "base_model:quantized:Qwen/Qwen3-8B"],
      createdAt: "2025-05-01T00:00:00.000Z",
    }),
    model({ id: "hf-internal-testing/tiny-random-gpt2", downloads: 900, downloadsRank: 5 }),
  ],
};

describe("/about's figures", () => {
  const figures = aboutFigures(snapshot, defaultRegionAttributor());

  it("gives China's and the US's shares and coverage for every way of counting, side by side", () => {
    expect(figures.methods.map((m) => m.method)).toEqual(ALL_METHODS.map((m) => ({ ...m })));
    // Unsloth is a San Francisco company: by uploader, its GGUF of Qwen counts as US.
    expect(figuresOf(figures, { by: "uploader", cohort: "all" })).toMatchObject({
      china: 0.4,
      us: 0.6,
      coverage: 1,
    });
    expect(figuresOf(figures, { by: "lineage", cohort: "all" })).toMatchObject({
      china: 0.6,
      us: 0.4,
      coverage: 1,
    });
    expect(figuresOf(figures, { by: "lineage", cohort: "generative" })).toMatchObject({ china: 600 / 700 });
    expect(figures.universe).toEqual({
      kind: "top-downloads",
      listSize: 5,
      excluded: { modelCount: 1, downloads: 900 },
    });
  });

  it("shows how much of the US figure the HF-run libraries carry", () => {
    expect(figuresOf(figures, { by: "lineage", cohort: "all" })?.hfLibraries).toEqual({
      downloads: 300,
      shareOfUs: 0.75,
      shareOfAll: 0.3,
    });
    expect(figuresOf(figures, { by: "lineage", cohort: "generative" })?.hfLibraries.shareOfUs).toBe(0);
  });

  it("explains in a few lines, in both languages, why the report's 41% differs, with this snapshot's figures", () => {
    const en = reportGapExplanation(figures, "en-US");
    expect(en).toHaveLength(5);
    expect(en[0]).toContain("Chinese models took 41.0% of downloads (the US 36.5%)");
    expect(en[0]).toContain(
      "counts 30-day downloads of the top 5 models, credited to the base model's developer: China 60.0%, the US 40.0%",
    );
    expect(en[1]).toContain("by base model's developer, China 60.0%; by uploader, China 40.0%");
    expect(en[4]).toBe(
      "sentence-transformers and cross-encoder, developed at TU Darmstadt and run by Hugging Face, count as US: they carry 75.0% of the US figure. 1 test repos (CI downloads) are left out.",
    );
    const zh = reportGapExplanation(figures, "zh-CN");
    expect(zh).toHaveLength(5);
    expect(zh[0]).toContain("中国模型占下载量的 41.0%（美国 36.5%）");
    expect(zh[4]).toContain("占美国数字的 75.0%");
  });

  it("gives table rows with the method in words", () => {
    expect(methodRows(figures, "en-US")[0]).toEqual({
      by: "by uploader",
      cohort: "all models",
      china: "40.0%",
      us: "60.0%",
      coverage: "100.0%",
      hfShareOfUs: "50.0%",
    });
    expect(methodRows(figures, "zh-CN")[5]?.cohort).toBe("生成式模型");
  });
});
