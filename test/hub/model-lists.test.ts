import { describe, expect, it } from "vitest";
import { mergeModelLists, type WalkedList } from "../../src/services/hub/model-lists.js";
import type { ModelRecord } from "../../src/services/hub/types.js";

function model(id: string, overrides: Partial<ModelRecord> = {}): ModelRecord {
  return {
    id,
    author: id.split("/")[0] ?? id,
    downloads: 100,
    downloadsAllTime: null,
    likes: 1,
    trendingScore: null,
    createdAt: "2026-04-01T00:00:00.000Z",
    pipelineTag: null,
    libraryName: null,
    tags: [],
    parameters: null,
    baseModels: [],
    downloadsRank: null,
    trendingRank: null,
    ...overrides,
  };
}

function list(ids: (string | ModelRecord)[], skipped: string[] = []): WalkedList<ModelRecord> {
  return {
    entries: ids.map((entry, index) => ({
      record: typeof entry === "string" ? model(entry) : entry,
      position: index + 1,
    })),
    skipped,
  };
}

describe("mergeModelLists", () => {
  it("keeps downloads order, then trending-only, then new-only, each model once with both ranks", () => {
    const { models } = mergeModelLists(
      list(["a/1", "b/2", "c/3"]),
      list(["c/3", "d/4"]),
      list(["e/5", "a/1"]),
    );
    expect(models.map((m) => [m.id, m.downloadsRank, m.trendingRank])).toEqual([
      ["a/1", 1, null],
      ["b/2", 2, null],
      ["c/3", 3, 1],
      ["d/4", null, 2],
      ["e/5", null, null],
    ]);
  });

  it("keeps the first position when the Hub repeats a model across pages", () => {
    const { models } = mergeModelLists(list(["a/1", "b/2", "a/1"]), list(["b/2", "b/2"]), list([]));
    expect(models.map((m) => [m.id, m.downloadsRank, m.trendingRank])).toEqual([
      ["a/1", 1, null],
      ["b/2", 2, 1],
    ]);
  });

  it("leaves out newest-list models without a creation date", () => {
    const { models } = mergeModelLists(
      list([]),
      list([]),
      list([model("x/old", { createdAt: null }), "y/new"]),
    );
    expect(models.map((m) => m.id)).toEqual(["y/new"]);
  });

  it("counts a malformed record met in several lists once", () => {
    const { skipped } = mergeModelLists(
      list([], ["id1", "id2"]),
      list([], ["id2"]),
      list([], ["createdAt#4"]),
    );
    expect(skipped).toBe(3);
  });
});
