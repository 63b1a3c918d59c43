import type { HubModelRow } from "../fixtures/generate-hub-models.js";

let counter = 0;

/** One model as the Hub's list sends it, with plain defaults: a public Apache-2.0 text model. */
export function hubModelRow(id: string, overrides: Partial<HubModelRow> = {}): HubModelRow {
  counter++;
  const author = id.slice(0, id.indexOf("/"));
  return {
    _id: counter.toString(16).padStart(24, "0"),
    id,
    modelId: id,
    author,
    sha: "0".repeat(40),
    downloads: 10,
    downloadsAllTime: 10,
    likes: 1,
    trendingScore: 0,
    createdAt: "2026-11-01T00:00:00.000Z",
    lastModified: "2026-11-01T00:00:00.000Z",
    pipeline_tag: "text-generation",
    library_name: "transformers",
    tags: ["transformers", "safetensors", "license:apache-2.0"],
    private: false,
    gated: false,
    disabled: false,
    ...overrides,
  };
}
