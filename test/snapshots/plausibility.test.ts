import { describe, expect, it } from "vitest";
import { judgeCollection, PLAUSIBILITY } from "../../src/services/snapshots/plausibility.js";

const asked = { topN: 1000 };
const healthy = { models: 1180, skipped: 3, downloads: 5_000_000_000 };

describe("judgeCollection", () => {
  it("accepts a healthy run, with or without a previous snapshot", () => {
    expect(judgeCollection(asked, healthy, null)).toEqual({ plausible: true });
    expect(judgeCollection(asked, healthy, { ...healthy, downloads: 5_200_000_000 })).toEqual({
      plausible: true,
    });
  });

  it("refuses a run of nothing, giving every reason", () => {
    expect(judgeCollection(asked, { models: 0, skipped: 0, downloads: 0 }, healthy)).toEqual({
      plausible: false,
      reasons: [
        "0 models, far fewer than the 1000 asked for (at least 500 expected)",
        "total downloads fell to 0% of the previous snapshot's",
      ],
    });
  });

  it("refuses a run whose records mostly failed validation, even with enough models", () => {
    const verdict = judgeCollection(asked, { models: 600, skipped: 400, downloads: 4e9 }, null);
    expect(verdict).toEqual({
      plausible: false,
      reasons: ["400 of 1000 records failed validation (40%; at most 20% expected)"],
    });
  });

  it("refuses a run whose downloads collapsed against the previous snapshot", () => {
    const verdict = judgeCollection(asked, { ...healthy, downloads: 1e9 }, healthy);
    expect(verdict).toEqual({
      plausible: false,
      reasons: ["total downloads fell to 20% of the previous snapshot's"],
    });
  });

  it("draws each line at its named threshold", () => {
    const atMin = { models: asked.topN * PLAUSIBILITY.minShareOfTopN, skipped: 0, downloads: 1 };
    expect(judgeCollection(asked, atMin, null).plausible).toBe(true);
    expect(judgeCollection(asked, { ...atMin, models: atMin.models - 1 }, null).plausible).toBe(false);
    const skippedAtMax = { models: 800, skipped: 200, downloads: 1 };
    expect(judgeCollection(asked, skippedAtMax, null).plausible).toBe(true);
    expect(judgeCollection(asked, { ...skippedAtMax, skipped: 201 }, null).plausible).toBe(false);
    const previous = { ...healthy, downloads: 1000 };
    expect(judgeCollection(asked, { ...healthy, downloads: 500 }, previous).plausible).toBe(true);
    expect(judgeCollection(asked, { ...healthy, downloads: 499 }, previous).plausible).toBe(false);
  });

  it("does not compare against a previous snapshot without downloads", () => {
    expect(judgeCollection(asked, healthy, { models: 0, skipped: 0, downloads: 0 })).toEqual({
      plausible: true,
    });
  });
});
