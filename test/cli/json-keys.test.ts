import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeTrendStats, historyPoint } from "../../src/services/stats/compute-trend-stats.js";
import { LOOKUP, model } from "../stats/builders.js";

const README = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");

/** Every key anywhere in a JSON value (the keys of records keyed by region count as `byRegion`'s own). */
function keysOf(value: unknown, into = new Set<string>(), parent = ""): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keysOf(item, into, parent);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      // Region-keyed records (`byRegion`, `shares`) hold region names, not keys of the format.
      if (parent !== "byRegion" && parent !== "shares") into.add(key);
      keysOf(inner, into, key);
    }
  }
  return into;
}

describe("the README's list of stats --json keys", () => {
  it("names every key the JSON has", () => {
    const at = (iso: string) => new Date(iso).toISOString();
    const snapshot = (takenAt: string, downloads: number) => ({
      takenAt: at(takenAt),
      models: [
        model({
          id: "Qwen/Qwen3-8B",
          downloads,
          downloadsRank: 1,
          downloadsAllTime: downloads * 10,
          createdAt: "2026-11-20T00:00:00.000Z",
          pipelineTag: "text-generation",
          parameters: 8e9,
        }),
        model({ id: "meta-llama/Llama-4", downloads: 500, downloadsRank: 2, downloadsAllTime: 20_000 }),
      ],
    });
    const previous = snapshot("2026-11-19T12:00:00Z", 300);
    const stats = computeTrendStats({
      current: snapshot("2026-11-26T12:00:00Z", 400),
      previous,
      history: [historyPoint(previous, LOOKUP)],
      region: null,
      lookup: LOOKUP,
    });
    const section = README.slice(
      README.indexOf("`hubtrends stats --json` keys"),
      README.indexOf("### Imports"),
    );
    const listed = new Set([...section.matchAll(/`([A-Za-z]+)(?:\[\])?`/g)].map((match) => match[1]));
    const missing = [...keysOf(JSON.parse(JSON.stringify(stats)))].filter((key) => !listed.has(key));
    expect(missing).toEqual([]);
  });
});
