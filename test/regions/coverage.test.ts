import { describe, expect, it } from "vitest";
import type { RegionAttributor } from "../../src/services/regions/attribution.js";
import { DEFAULT_TOP_UNATTRIBUTED, measureCoverage } from "../../src/services/regions/coverage.js";

// A stand-in that knows two authors; coverage only asks for regions.
const attributor: Pick<RegionAttributor, "regionOf"> = {
  regionOf: (author) =>
    (({ qwen: "china", "meta-llama": "us" }) as const)[author.toLowerCase() as "qwen"] ?? "unattributed",
};

describe("measureCoverage", () => {
  it("weighs coverage by downloads, not by model count", () => {
    const report = measureCoverage(
      [
        { author: "Qwen", downloads: 900 },
        { author: "nobody", downloads: 50 },
        { author: "nobody-else", downloads: 50 },
      ],
      attributor,
    );
    expect(report.totalDownloads).toBe(1000);
    expect(report.attributedDownloads).toBe(900);
    expect(report.coverage).toBeCloseTo(0.9);
  });

  it("sums an unattributed author's models and ranks authors by downloads", () => {
    const report = measureCoverage(
      [
        { author: "meta-llama", downloads: 100 },
        { author: "small", downloads: 10 },
        { author: "big", downloads: 30 },
        { author: "big", downloads: 40 },
        { author: "small", downloads: 20 },
      ],
      attributor,
    );
    expect(report.topUnattributed).toEqual([
      { author: "big", downloads: 70, share: 70 / 200 },
      { author: "small", downloads: 30, share: 30 / 200 },
    ]);
  });

  it("groups an unattributed author's spellings ignoring case, keeping the first seen", () => {
    const report = measureCoverage(
      [
        { author: "SomeOne", downloads: 5 },
        { author: "someone", downloads: 5 },
      ],
      attributor,
    );
    expect(report.topUnattributed).toEqual([{ author: "SomeOne", downloads: 10, share: 1 }]);
  });

  it("breaks ties between equally downloaded authors by name, so output is stable", () => {
    const report = measureCoverage(
      [
        { author: "b", downloads: 1 },
        { author: "a", downloads: 1 },
      ],
      attributor,
    );
    expect(report.topUnattributed.map((u) => u.author)).toEqual(["a", "b"]);
  });

  it(`lists ${DEFAULT_TOP_UNATTRIBUTED} unattributed authors by default, or as many as asked`, () => {
    const models = Array.from({ length: 40 }, (_, i) => ({ author: `author-${i}`, downloads: 100 - i }));
    expect(measureCoverage(models, attributor).topUnattributed).toHaveLength(DEFAULT_TOP_UNATTRIBUTED);
    expect(measureCoverage(models, attributor, { top: 3 }).topUnattributed.map((u) => u.author)).toEqual([
      "author-0",
      "author-1",
      "author-2",
    ]);
    expect(measureCoverage(models, attributor, { top: 0 }).topUnattributed).toEqual([]);
  });

  it("returns 0 coverage and 0 shares when nothing was downloaded", () => {
    expect(measureCoverage([], attributor)).toEqual({
      coverage: 0,
      attributedDownloads: 0,
      totalDownloads: 0,
      topUnattributed: [],
    });
    const report = measureCoverage([{ author: "nobody", downloads: 0 }], attributor);
    expect(report.coverage).toBe(0);
    expect(report.topUnattributed).toEqual([{ author: "nobody", downloads: 0, share: 0 }]);
  });

  it("reaches full coverage when every author is known", () => {
    const report = measureCoverage(
      [
        { author: "QWEN", downloads: 3 },
        { author: "meta-llama", downloads: 1 },
      ],
      attributor,
    );
    expect(report.coverage).toBe(1);
    expect(report.topUnattributed).toEqual([]);
  });

  it("throws on negative or non-finite download counts instead of hiding them", () => {
    for (const downloads of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => measureCoverage([{ author: "Qwen", downloads }], attributor), String(downloads)).toThrow(
        RangeError,
      );
    }
  });
});
