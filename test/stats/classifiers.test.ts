import { describe, expect, it } from "vitest";
import { isNewModel, weekStartOf } from "../../src/services/stats/new-models.js";
import { sizeBucketOf } from "../../src/services/stats/size-bucket.js";
import { familyOf, taskFamily } from "../../src/services/stats/task-family.js";
import { model } from "./builders.js";

describe("sizeBucketOf", () => {
  it.each([
    [null, "unknown"],
    [0, "unknown"],
    [999_999_999, "<1B"],
    [1e9, "1-10B"],
    [7.6e9, "1-10B"],
    [1e10, "10-100B"],
    [99e9, "10-100B"],
    [1e11, ">100B"],
    [6.7e11, ">100B"],
  ] as const)("puts %s parameters in %s", (parameters, bucket) => {
    expect(sizeBucketOf(parameters)).toBe(bucket);
  });
});

describe("task families", () => {
  it("maps pipeline tags to families and unknown tags to other", () => {
    expect(taskFamily("text-generation")).toBe("language");
    expect(taskFamily("automatic-speech-recognition")).toBe("audio");
    expect(taskFamily("image-text-to-text")).toBe("multimodal");
    expect(taskFamily("something-new")).toBe("other");
    expect(taskFamily(null)).toBe("other");
  });

  it("calls out robotics from the lerobot library or tags even without a robotics pipeline tag", () => {
    expect(familyOf({ pipelineTag: null, libraryName: "lerobot", tags: [] })).toBe("robotics");
    expect(familyOf({ pipelineTag: "image-text-to-text", libraryName: null, tags: ["VLA"] })).toBe(
      "robotics",
    );
  });

  it("calls out science from domain tags over a generic pipeline tag", () => {
    expect(familyOf({ pipelineTag: "fill-mask", libraryName: null, tags: ["biology", "protein"] })).toBe(
      "science",
    );
  });
});

describe("new models", () => {
  const asOf = new Date("2026-11-26T12:00:00Z");

  it("counts a model created within 8 weeks as new", () => {
    expect(isNewModel(model({ id: "a/b", createdAt: "2026-10-02T13:00:00Z" }), asOf)).toBe(true);
  });

  it("does not count a model older than 8 weeks, with no date, or dated in the future", () => {
    expect(isNewModel(model({ id: "a/b", createdAt: "2026-10-01T11:00:00Z" }), asOf)).toBe(false);
    expect(isNewModel(model({ id: "a/b", createdAt: null }), asOf)).toBe(false);
    expect(isNewModel(model({ id: "a/b", createdAt: "2026-11-27T00:00:00Z" }), asOf)).toBe(false);
  });

  it("decides the same for canonical and other ISO spellings, exactly 8 weeks old being not new", () => {
    const spellings = [
      ["2026-10-01T12:00:00.000Z", "2026-10-01T12:00:00Z", false],
      ["2026-10-01T12:00:00.001Z", "2026-10-01T14:00:00.001+02:00", true],
      ["2026-11-26T12:00:00.000Z", "2026-11-26T12:00Z", true],
      ["2026-11-26T12:00:00.001Z", "2026-11-26T12:00:00.001+00:00", false],
    ] as const;
    for (const [canonical, other, expected] of spellings) {
      expect([isNewModel({ createdAt: canonical }, asOf), isNewModel({ createdAt: other }, asOf)]).toEqual([
        expected,
        expected,
      ]);
    }
  });

  it("starts weeks on UTC Monday", () => {
    expect(weekStartOf(new Date("2026-11-26T12:00:00Z"))).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-22T23:59:59Z"))).toBe("2026-11-16");
  });
});
