import { describe, expect, it } from "vitest";
import {
  ISO_COUNTRY_CODES,
  isCountryCode,
  REGION_COUNTRIES,
  regionOfCountry,
} from "../../src/services/regions/countries.js";

describe("ISO country codes", () => {
  it("holds the 249 officially assigned ISO 3166-1 alpha-2 codes", () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    for (const code of ISO_COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it("agrees with the runtime's CLDR region names on every code it holds", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (const code of ISO_COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });

  it("rejects reserved look-alikes, lower case and made-up codes", () => {
    for (const code of ["UK", "EU", "XK", "SU", "YU", "ZZ", "gb", "cn", "USA", "", "C"]) {
      expect(isCountryCode(code), code).toBe(false);
    }
  });
});

describe("country to region rule", () => {
  it.each([
    ["CN", "china"],
    ["HK", "china"],
    ["MO", "china"],
    ["TW", "asia"],
    ["JP", "asia"],
    ["KR", "asia"],
    ["IN", "asia"],
    ["SG", "asia"],
    ["VN", "asia"],
    ["AU", "asia"],
    ["NZ", "asia"],
    ["US", "us"],
    ["PR", "us"],
    ["GB", "europe"],
    ["FR", "europe"],
    ["DE", "europe"],
    ["CH", "europe"],
    ["NO", "europe"],
    ["UA", "europe"],
    ["RU", "other"],
    ["BY", "other"],
    ["TR", "other"],
    ["IL", "other"],
    ["AE", "other"],
    ["SA", "other"],
    ["CA", "other"],
    ["BR", "other"],
    ["KZ", "other"],
    ["ZA", "other"],
  ] as const)("puts %s in %s", (code, region) => {
    expect(regionOfCountry(code)).toBe(region);
  });

  it("lists only valid codes, each in at most one region", () => {
    const seen = new Map<string, string>();
    for (const [region, codes] of Object.entries(REGION_COUNTRIES)) {
      for (const code of codes) {
        expect(isCountryCode(code), `${code} in ${region}`).toBe(true);
        expect(seen.get(code), `${code} listed twice`).toBeUndefined();
        seen.set(code, region);
      }
    }
  });

  it("gives every valid code a region", () => {
    for (const code of ISO_COUNTRY_CODES) expect(() => regionOfCountry(code)).not.toThrow();
  });

  it("throws on a code that is not ISO rather than counting it as other", () => {
    expect(() => regionOfCountry("UK")).toThrow(/ISO 3166-1/);
  });
});
