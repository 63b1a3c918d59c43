import { describe, expect, it } from "vitest";
import { toDatasetRecord, toModelRecord } from "../../src/services/hub/wire.js";

/** An item shaped as `listModels` yields it with our additionalFields. */
function listedModel(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    author: "Qwen",
    downloadsAllTime: 9_000_000,
    trendingScore: 120,
    createdAt: "2026-04-20T08:00:00.000Z",
    library_name: "transformers",
    tags: ["transformers", "safetensors", "text-generation", "region:us"],
    safetensors: { parameters: { BF16: 8_190_735_360 }, total: 8_190_735_360 },
    id: "680da718233834890aa01f51",
    name: "Qwen/Qwen3-8B",
    private: false,
    task: "text-generation",
    downloads: 1_234_567,
    gated: false,
    likes: 900,
    updatedAt: new Date("2026-04-21T00:00:00.000Z"),
    ...overrides,
  };
}

describe("toModelRecord", () => {
  it("maps the library's item to a ModelRecord keyed by repo id, not the internal id", () => {
    expect(toModelRecord(listedModel())).toEqual({
      ok: true,
      record: {
        id: "Qwen/Qwen3-8B",
        author: "Qwen",
        downloads: 1_234_567,
        downloadsAllTime: 9_000_000,
        likes: 900,
        trendingScore: 120,
        createdAt: "2026-04-20T08:00:00.000Z",
        pipelineTag: "text-generation",
        libraryName: "transformers",
        tags: ["transformers", "safetensors", "text-generation", "region:us"],
        parameters: 8_190_735_360,
        baseModels: [],
        downloadsRank: null,
        trendingRank: null,
      },
    });
  });

  it("maps the Hub's placeholder creation date to null", () => {
    const mapped = toModelRecord(listedModel({ createdAt: "2022-03-02T23:29:04.000Z" }));
    expect(mapped.ok && mapped.record.createdAt).toBeNull();
  });

  it("takes parameters from safetensors.total, else the sum over dtypes, else null", () => {
    const params = (safetensors: unknown) => {
      const mapped = toModelRecord(listedModel({ safetensors }));
      return mapped.ok ? mapped.record.parameters : "skipped";
    };
    expect(params({ parameters: { BF16: 5, F8_E4M3: 95 }, total: 100 })).toBe(100);
    expect(params({ parameters: { BF16: 13_000_000_000, F8_E4M3: 658_000_000_000 } })).toBe(671_000_000_000);
    expect(params(undefined)).toBeNull();
    expect(params({ parameters: {} })).toBeNull();
  });

  it("falls back to the repo id's namespace when the Hub gives no author", () => {
    const mapped = toModelRecord(listedModel({ author: undefined, name: "deepseek-ai/DeepSeek-V4" }));
    expect(mapped.ok && mapped.record.author).toBe("deepseek-ai");
    const canonical = toModelRecord(listedModel({ author: undefined, name: "gpt2" }));
    expect(canonical.ok && canonical.record.author).toBe("gpt2");
  });

  it("turns absent optional fields into nulls and an empty tag list", () => {
    const mapped = toModelRecord(
      listedModel({
        downloadsAllTime: undefined,
        trendingScore: undefined,
        createdAt: undefined,
        task: undefined,
        library_name: undefined,
        tags: undefined,
      }),
    );
    expect(mapped).toMatchObject({
      ok: true,
      record: {
        downloadsAllTime: null,
        trendingScore: null,
        createdAt: null,
        pipelineTag: null,
        libraryName: null,
        tags: [],
      },
    });
  });

  it.each([
    ["a missing repo id", { name: undefined }, "name"],
    ["a repo id with spaces", { name: "not a repo id" }, "name"],
    ["negative downloads", { downloads: -3 }, "downloads"],
    ["fractional likes", { likes: 12.5 }, "likes"],
    ["an impossible date", { createdAt: "2024-13-45T99:00:00Z" }, "createdAt"],
    ["tags that are not a list", { tags: "text-generation" }, "tags"],
  ])("skips a record with %s and says which field", (_, overrides, field) => {
    const mapped = toModelRecord(listedModel(overrides));
    expect(mapped.ok).toBe(false);
    expect(!mapped.ok && mapped.reason).toContain(field);
  });

  it("skips what is not an object at all", () => {
    expect(toModelRecord("Q").ok).toBe(false);
    expect(toModelRecord(null).ok).toBe(false);
  });
});

describe("toDatasetRecord", () => {
  const listedDataset = (overrides: Record<string, unknown> = {}) => ({
    author: "HuggingFaceFW",
    createdAt: "2024-04-18T14:52:58.000Z",
    tags: ["task_categories:text-generation", "language:en"],
    trendingScore: 14,
    id: "661d0f04bc6e8c6c4cd0b7f8",
    name: "HuggingFaceFW/fineweb",
    private: false,
    downloads: 250_000,
    likes: 2100,
    gated: false,
    updatedAt: new Date("2025-01-31T00:00:00.000Z"),
    ...overrides,
  });

  it("maps the library's item to a DatasetRecord", () => {
    expect(toDatasetRecord(listedDataset())).toEqual({
      ok: true,
      record: {
        id: "HuggingFaceFW/fineweb",
        author: "HuggingFaceFW",
        downloads: 250_000,
        likes: 2100,
        trendingScore: 14,
        createdAt: "2024-04-18T14:52:58.000Z",
        tags: ["task_categories:text-generation", "language:en"],
      },
    });
  });

  it("maps the placeholder date to null and skips negative downloads", () => {
    const old = toDatasetRecord(listedDataset({ createdAt: "2022-03-02T23:29:04.000Z" }));
    expect(old.ok && old.record.createdAt).toBeNull();
    expect(toDatasetRecord(listedDataset({ downloads: -1 })).ok).toBe(false);
  });
});
