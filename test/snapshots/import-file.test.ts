import { describe, expect, it } from "vitest";
import { parseModelsFile } from "../../src/services/snapshots/import-file.js";
import { generateReferenceSnapshot, REFERENCE_FETCHED_AT } from "../fixtures/reference-snapshot.js";

describe("parseModelsFile", () => {
  it("reads the Hub's raw rows with snake_case fields and the safetensors total", () => {
    const { models, skipped } = parseModelsFile(
      JSON.stringify([
        {
          _id: "65f0c0ffee0000000000abcd",
          id: "Qwen/Qwen3-8B",
          author: "Qwen",
          downloads: 1200,
          downloadsAllTime: 99_000,
          likes: 40,
          trendingScore: 12,
          createdAt: "2026-04-29T03:00:00.000Z",
          pipeline_tag: "text-generation",
          library_name: "transformers",
          tags: ["transformers"],
          safetensors: { parameters: { BF16: 8_190_735_360 }, total: 8_190_735_360 },
        },
      ]),
    );
    expect(skipped).toBe(0);
    expect(models).toEqual([
      {
        id: "Qwen/Qwen3-8B",
        author: "Qwen",
        downloads: 1200,
        downloadsAllTime: 99_000,
        likes: 40,
        trendingScore: 12,
        createdAt: "2026-04-29T03:00:00.000Z",
        pipelineTag: "text-generation",
        libraryName: "transformers",
        tags: ["transformers"],
        parameters: 8_190_735_360,
        baseModels: [],
        downloadsRank: null,
        trendingRank: 1,
      },
    ]);
  });

  it("accepts { models: [...] }, derives the author from the repo id, and maps the placeholder date to null", () => {
    const { models } = parseModelsFile(
      JSON.stringify({ models: [{ id: "bert/base", downloads: 3, createdAt: "2022-03-02T23:29:04.000Z" }] }),
    );
    expect(models[0]?.author).toBe("bert");
    expect(models[0]?.createdAt).toBeNull();
  });

  it("skips and counts malformed and duplicate rows instead of failing", () => {
    const { models, skipped } = parseModelsFile(
      JSON.stringify([
        { id: "a/one", downloads: 1 },
        { id: "no-namespace", downloads: 1 },
        { id: "a/two", downloads: -5 },
        "not a row",
        { id: "a/one", downloads: 2 },
      ]),
    );
    expect(models.map((m) => m.id)).toEqual(["a/one"]);
    expect(skipped).toBe(4);
  });

  it("rejects a file that is not JSON or not a list of models, saying which", () => {
    expect(() => parseModelsFile("{ truncated")).toThrow(/not valid JSON/);
    expect(() => parseModelsFile('{"items": []}')).toThrow(/JSON array of model rows/);
  });
});

describe("parseModelsFile on a file shaped like the May 2026 reference snapshot", () => {
  it("reads all 1,000 rows of the collector's camelCase shape, with its fetchedAt", () => {
    const reference = generateReferenceSnapshot();
    const { models, skipped, fileDate } = parseModelsFile(JSON.stringify(reference));
    expect(skipped).toBe(0);
    expect(models).toHaveLength(1000);
    expect(fileDate).toMatchObject({ ok: true, key: "fetchedAt", date: new Date(REFERENCE_FETCHED_AT) });
    const [first] = reference.models;
    const read = models.find((m) => m.id === first?.id);
    expect(read?.pipelineTag).toBe(first?.pipelineTag ?? null);
    expect(read?.libraryName).toBe(first?.libraryName ?? null);
    expect(read?.trendingRank).toBe(1);
  });
});
