import type { ModelRecord } from "../../src/services/hub/types.js";

/** Models that exercise every ModelRecord field, with each nullable field both set and null. */
export function sampleModels(): ModelRecord[] {
  return [
    {
      id: "Qwen/Qwen3-8B",
      author: "Qwen",
      downloads: 2_345_678,
      downloadsAllTime: 98_765_432,
      likes: 1_234,
      trendingScore: 87.5,
      createdAt: "2025-04-28T12:00:00.000Z",
      pipelineTag: "text-generation",
      libraryName: "transformers",
      tags: ["transformers", "safetensors", "zh", "license:apache-2.0", 'quote"and\\backslash', "中文"],
      parameters: 8_190_735_360,
      downloadsRank: 1,
      trendingRank: 3,
    },
    {
      id: "someone/ancient-model",
      author: "someone",
      downloads: 0,
      downloadsAllTime: null,
      likes: 0,
      trendingScore: null,
      createdAt: null,
      pipelineTag: null,
      libraryName: null,
      tags: [],
      parameters: null,
      downloadsRank: null,
      trendingRank: null,
    },
    {
      id: "deepseek-ai/DeepSeek-R1",
      author: "deepseek-ai",
      downloads: 1_000_000,
      downloadsAllTime: 20_000_000,
      likes: 12_000,
      trendingScore: 0,
      createdAt: "2025-01-20T09:30:15.123Z",
      pipelineTag: "text-generation",
      libraryName: "transformers",
      tags: ["deepseek_v3"],
      parameters: 684_531_386_000,
      downloadsRank: 2,
      trendingRank: null,
    },
    {
      id: "Qwen/Qwen2.5-0.5B",
      author: "Qwen",
      downloads: 500_000,
      downloadsAllTime: 3_000_000,
      likes: 300,
      trendingScore: 12,
      createdAt: "2024-09-15T00:00:00.000Z",
      pipelineTag: "text-generation",
      libraryName: null,
      tags: ["en"],
      parameters: 494_032_768,
      downloadsRank: 3,
      trendingRank: 1,
    },
  ];
}

/** `count` distinct, plausible models for volume tests. */
export function manyModels(count: number): ModelRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `org-${i % 500}/model-${i}`,
    author: `org-${i % 500}`,
    downloads: count - i,
    downloadsAllTime: i % 7 === 0 ? null : (count - i) * 10,
    likes: i % 1000,
    trendingScore: i % 3 === 0 ? null : i / 4,
    createdAt: i % 5 === 0 ? null : new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    pipelineTag: i % 2 === 0 ? "text-generation" : null,
    libraryName: i % 4 === 0 ? null : "transformers",
    tags: ["transformers", "safetensors", `region:${i % 3}`, "license:mit", "text-generation"],
    parameters: i % 6 === 0 ? null : 1_000_000 * i,
    downloadsRank: i + 1,
    trendingRank: i < 100 ? i + 1 : null,
  }));
}
