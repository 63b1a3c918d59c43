import { describe, expect, it } from "vitest";
import { overlongOption } from "../../src/bot/option-bounds.js";
import { integerOption, stringOption } from "../../src/bot/options.js";
import { MAX_TIME_ZONE_INPUT, resolveTimeZone } from "../../src/services/digests/timezones.js";
import { parseRegion, suggestRegions } from "../../src/services/regions/parse-region.js";
import { closeMatches, searchNames } from "../../src/services/snapshots/name-index.js";
import { boundInput } from "../../src/services/text/bounded-input.js";
import { editDistance } from "../../src/services/text/edit-distance.js";

const LONG = "Europe/Pari".padEnd(6000, "sx");

describe("boundInput", () => {
  it("keeps a short text as it is", () => {
    expect(boundInput("Asia/Shanghai", 64)).toBe("Asia/Shanghai");
  });

  it("cuts by characters, never inside one outside the Basic Multilingual Plane", () => {
    expect(boundInput("ab😀cd", 3)).toBe("ab😀");
    expect(boundInput("😀😀😀", 2)).toBe("😀😀");
    expect(boundInput("北京上海", 2)).toBe("北京");
  });
});

describe("editDistance with a limit", () => {
  it("gives limit + 1 at once when the lengths alone are too far apart, and the distance otherwise", () => {
    expect(editDistance("a".repeat(6000), "paris", 2)).toBe(3);
    expect(editDistance("pari", "paris", 2)).toBe(1);
    expect(editDistance("pari", "paris")).toBe(1);
  });
});

describe("matchers given 6,000 characters", () => {
  it("find no time zone and suggest none, as for any other nonsense", () => {
    expect(resolveTimeZone(LONG)).toEqual({ ok: false, suggestions: [] });
    expect(resolveTimeZone(`UTC${" ".repeat(6000)}x`)).toMatchObject({ ok: false });
    // Within the bound, the same typo is still suggested.
    expect(resolveTimeZone("Europe/Pari")).toEqual({ ok: false, suggestions: ["Europe/Paris"] });
    expect(MAX_TIME_ZONE_INPUT).toBeGreaterThanOrEqual(64);
  });

  it("find no region", () => {
    expect(parseRegion(`china${" ".repeat(6000)}x`)).toBeNull();
    expect(suggestRegions(LONG)).toEqual([]);
  });

  it("find no name", () => {
    const names = ["Qwen/Qwen3-8B", "meta-llama/Llama-3.1-8B"];
    expect(searchNames(names, LONG, 25)).toEqual([]);
    expect(closeMatches(names, LONG, 3)).toEqual([]);
  });
});

describe("overlongOption", () => {
  const specs = {
    timezone: stringOption({ description: "digest.description", maxLength: 64 }),
    note: stringOption({ description: "digest.description" }),
    id: integerOption({ description: "digest.description" }),
  };
  const values = (entries: Record<string, string | number>) => new Map(Object.entries(entries));

  it("finds a string option past its max_length, counting characters", () => {
    expect(overlongOption(specs, values({ timezone: LONG }))).toEqual({
      name: "timezone",
      maxLength: 64,
      length: 6000,
    });
    expect(overlongOption(specs, values({ timezone: "😀".repeat(64) }))).toBeNull();
  });

  it("holds an option without max_length to Discord's 6,000", () => {
    expect(overlongOption(specs, values({ note: "x".repeat(6000) }))).toBeNull();
    expect(overlongOption(specs, values({ note: "x".repeat(6001) }))).toEqual({
      name: "note",
      maxLength: 6000,
      length: 6001,
    });
  });

  it("ignores numbers and options within bounds", () => {
    expect(overlongOption(specs, values({ timezone: "UTC", id: 3 }))).toBeNull();
  });
});
