import { describe, expect, it } from "vitest";
import { resolveTimeZone } from "../../src/services/digests/timezones.js";
import { editDistance } from "../../src/services/text/edit-distance.js";

function suggestionsFor(input: string): string[] {
  const result = resolveTimeZone(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.zone}`);
  return result.suggestions;
}

describe("resolveTimeZone accepts IANA zones", () => {
  it.each([
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["America/New_York", "America/New_York"],
    ["Europe/Paris", "Europe/Paris"],
    ["UTC", "UTC"],
    ["Etc/GMT+5", "Etc/GMT+5"],
  ])("accepts %s", (input, zone) => {
    expect(resolveTimeZone(input)).toEqual({ ok: true, zone });
  });

  it("accepts names in any case and returns their proper spelling", () => {
    expect(resolveTimeZone("asia/shanghai")).toEqual({ ok: true, zone: "Asia/Shanghai" });
    expect(resolveTimeZone("AMERICA/LOS_ANGELES")).toEqual({ ok: true, zone: "America/Los_Angeles" });
    expect(resolveTimeZone("  utc ")).toEqual({ ok: true, zone: "UTC" });
    expect(resolveTimeZone("etc/gmt-8")).toEqual({ ok: true, zone: "Etc/GMT-8" });
  });

  it("returns today's IANA name for zones ICU lists under an old one, and accepts both", () => {
    expect(resolveTimeZone("Asia/Calcutta")).toEqual({ ok: true, zone: "Asia/Kolkata" });
    expect(resolveTimeZone("Asia/Kolkata")).toEqual({ ok: true, zone: "Asia/Kolkata" });
    expect(resolveTimeZone("Europe/Kiev")).toEqual({ ok: true, zone: "Europe/Kyiv" });
  });

  it("returns only zones Intl can format with", () => {
    for (const input of ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "UTC", "Etc/GMT+12"]) {
      const result = resolveTimeZone(input);
      if (!result.ok) throw new Error(`${input} refused`);
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: result.zone })).not.toThrow();
    }
  });
});

describe("resolveTimeZone refuses abbreviations and places, with suggestions", () => {
  it("suggests Asia/Shanghai for Beijing, in English or Chinese", () => {
    expect(suggestionsFor("Beijing")).toEqual(["Asia/Shanghai"]);
    expect(suggestionsFor("北京")).toEqual(["Asia/Shanghai"]);
    expect(suggestionsFor("shanghai")).toEqual(["Asia/Shanghai"]);
  });

  it.each([
    ["New York", ["America/New_York"]],
    ["London", ["Europe/London"]],
    ["Paris", ["Europe/Paris"]],
    ["Berlin", ["Europe/Berlin"]],
    ["Tokyo", ["Asia/Tokyo"]],
    ["Seoul", ["Asia/Seoul"]],
    ["Singapore", ["Asia/Singapore"]],
    ["Bangalore", ["Asia/Kolkata"]],
    ["Mumbai", ["Asia/Kolkata"]],
    ["India", ["Asia/Kolkata"]],
    ["San Francisco", ["America/Los_Angeles"]],
  ])("suggests for the place %s", (input, expected) => {
    expect(suggestionsFor(input)).toEqual(expected);
  });

  it("does not accept PST (a fixed offset that is wrong half the year) but suggests Los Angeles", () => {
    for (const input of ["PST", "pdt", "PT"]) expect(suggestionsFor(input)).toEqual(["America/Los_Angeles"]);
    for (const input of ["EST", "EDT", "ET"]) expect(suggestionsFor(input)).toEqual(["America/New_York"]);
  });

  it("offers both readings of the ambiguous CST and IST", () => {
    expect(suggestionsFor("CST")).toEqual(["America/Chicago", "Asia/Shanghai"]);
    expect(suggestionsFor("IST")).toEqual(expect.arrayContaining(["Asia/Kolkata", "Europe/Dublin"]));
  });

  it("offers both UTC and UK time for GMT, which people use for either", () => {
    expect(suggestionsFor("GMT")).toEqual(["UTC", "Europe/London"]);
  });

  it.each([
    ["CET", "Europe/Berlin"],
    ["CEST", "Europe/Paris"],
    ["JST", "Asia/Tokyo"],
    ["KST", "Asia/Seoul"],
    ["BST", "Europe/London"],
  ])("suggests a zone for %s", (input, zone) => {
    expect(suggestionsFor(input)).toContain(zone);
  });

  it("suggests the Etc zone for a whole-hour UTC offset, and a place for a half-hour one", () => {
    expect(suggestionsFor("UTC+8")).toEqual(["Etc/GMT-8"]);
    expect(suggestionsFor("GMT-5")).toEqual(["Etc/GMT+5"]);
    expect(suggestionsFor("+05:30")).toContain("Asia/Kolkata");
  });

  it("suggests the current zone for old aliases Intl still knows", () => {
    expect(suggestionsFor("US/Pacific")).toEqual(["America/Los_Angeles"]);
    expect(suggestionsFor("Asia/Chongqing")).toEqual(["Asia/Shanghai"]);
  });
});

describe("resolveTimeZone suggests zones a typo away", () => {
  it.each([
    ["Europe/Pari", "Europe/Paris"],
    ["asia/shangai", "Asia/Shanghai"],
    ["Amercia/New_York", "America/New_York"],
    ["Europe/Londn", "Europe/London"],
    ["Tokio", "Asia/Tokyo"],
    ["America/New York", "America/New_York"],
    ["Europe/Shanghai", "Asia/Shanghai"],
  ])("suggests %s → %s", (input, zone) => {
    expect(suggestionsFor(input)[0]).toBe(zone);
  });

  it("suggests nothing for text that is not near any zone, and at most five otherwise", () => {
    expect(suggestionsFor("xyz")).toEqual([]);
    expect(suggestionsFor("")).toEqual([]);
    expect(suggestionsFor("America/").length).toBe(5);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(editDistance("paris", "paris")).toBe(0);
    expect(editDistance("pari", "paris")).toBe(1);
    expect(editDistance("parus", "paris")).toBe(1);
    expect(editDistance("pairs", "paris")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
