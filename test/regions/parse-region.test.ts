import { describe, expect, it } from "vitest";
import {
  describeValidRegions,
  parseRegion,
  REGION_ALIASES,
  suggestRegions,
} from "../../src/services/regions/parse-region.js";
import { REGIONS } from "../../src/services/regions/types.js";
import { editDistance } from "../../src/services/text/edit-distance.js";

describe("parseRegion", () => {
  it("accepts every region name", () => {
    for (const region of REGIONS) expect(parseRegion(region)).toBe(region);
  });

  it.each([
    ["cn", "china"],
    ["PRC", "china"],
    ["Chinese", "china"],
    ["zh", "china"],
    ["中国", "china"],
    ["中國", "china"],
    ["us", "us"],
    ["USA", "us"],
    ["U.S.", "us"],
    ["u.s.a.", "us"],
    ["America", "us"],
    ["united states", "us"],
    ["United  States", "us"],
    ["american", "us"],
    ["美国", "us"],
    ["EU", "europe"],
    ["Europe", "europe"],
    ["european", "europe"],
    ["欧洲", "europe"],
    ["asia", "asia"],
    ["APAC", "asia"],
    ["asia-pacific", "asia"],
    ["Asia Pacific", "asia"],
    ["asia_pacific", "asia"],
    ["亚太", "asia"],
    ["other", "other"],
    ["rest", "other"],
    ["rest of the world", "other"],
    ["ROW", "other"],
  ] as const)("reads %j as %s", (input, region) => {
    expect(parseRegion(input)).toBe(region);
  });

  it("ignores surrounding spaces and case, and reads full-width letters", () => {
    expect(parseRegion("  CHINA\t")).toBe("china");
    expect(parseRegion("ＵＳＡ")).toBe("us");
  });

  it("returns null for anything else, including 'all' which callers handle themselves", () => {
    for (const input of ["", "   ", "all", "chna", "uk", "japan", "north america", "china!"]) {
      expect(parseRegion(input), input).toBeNull();
    }
  });

  it("never gives one alias to two regions", () => {
    const owners = new Map<string, string>();
    for (const region of REGIONS) {
      for (const word of [region, ...REGION_ALIASES[region]]) {
        expect(owners.get(word), word).toBeUndefined();
        owners.set(word, region);
        expect(parseRegion(word)).toBe(region);
      }
    }
  });
});

describe("suggestRegions", () => {
  it.each([
    ["chna", ["china"]],
    ["chian", ["china"]],
    ["eurpoe", ["europe"]],
    ["erope", ["europe"]],
    ["asai", ["asia"]],
    ["amercia", ["us"]],
    ["unitd states", ["us"]],
    ["othr", ["other"]],
    ["eur", ["europe"]],
    ["chi", ["china"]],
  ] as const)("suggests %j → %j", (input, expected) => {
    expect(suggestRegions(input)).toEqual(expected);
  });

  it("offers every equally close region, in the fixed region order", () => {
    // One edit from both "usa" and "asia".
    expect(suggestRegions("asa")).toEqual(["us", "asia"]);
    expect(suggestRegions("usia")).toEqual(["us", "asia"]);
  });

  it("suggests nothing for unrelated input or two-letter codes that are not aliases", () => {
    for (const input of ["", "xyz", "uk", "fr", "banana", "north america"]) {
      expect(suggestRegions(input), input).toEqual([]);
    }
  });

  it("suggests each region at most once", () => {
    const suggestions = suggestRegions("eu");
    expect(new Set(suggestions).size).toBe(suggestions.length);
  });
});

describe("describeValidRegions", () => {
  it("names every region for error messages", () => {
    const text = describeValidRegions();
    for (const region of REGIONS) expect(text).toContain(region);
    expect(text).toContain("Asia-Pacific outside China");
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["china", "china", 0],
    ["chna", "china", 1],
    ["eurpoe", "europe", 1],
    ["kitten", "sitting", 3],
    ["中国", "中國", 1],
  ] as const)("distance(%j, %j) = %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
