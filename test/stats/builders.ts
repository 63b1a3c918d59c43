import type { ModelRecord } from "../../src/services/hub/types.js";
import type { RegionOrUnattributed } from "../../src/services/regions/types.js";
import type { RegionLookup } from "../../src/services/stats/inputs.js";

/** A model with neutral defaults; tests set only what they are about. */
export function model(overrides: Partial<ModelRecord> & { id: string }): ModelRecord {
  const author = overrides.author ?? overrides.id.split("/")[0] ?? "someone";
  return {
    author,
    downloads: 0,
    downloadsAllTime: null,
    likes: 0,
    trendingScore: null,
    createdAt: null,
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

/** A lookup from a small table; anyone else is unattributed. */
export function lookupFrom(table: Record<string, [RegionOrUnattributed, string]>): RegionLookup {
  return {
    regionOf: (author) => table[author]?.[0] ?? "unattributed",
    countryOf: (author) => table[author]?.[1] ?? null,
  };
}

export const LOOKUP = lookupFrom({
  Qwen: ["china", "CN"],
  "deepseek-ai": ["china", "CN"],
  "meta-llama": ["us", "US"],
  google: ["us", "US"],
  mistralai: ["europe", "FR"],
  "black-forest-labs": ["europe", "DE"],
  sarvamai: ["asia", "IN"],
  tiiuae: ["other", "AE"],
});
