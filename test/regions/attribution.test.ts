import { describe, expect, it } from "vitest";
import {
  createRegionAttributor,
  defaultRegionAttributor,
  type OrganisationEntry,
  parseOrganisations,
} from "../../src/services/regions/attribution.js";

const entries: OrganisationEntry[] = [
  { author: "deepseek-ai", country: "CN", about: "DeepSeek, Hangzhou" },
  { author: "mistralai", country: "FR", about: "Mistral AI, Paris" },
  { author: "HKUSTAudio", country: "HK", about: "HKUST audio research" },
  { author: "MediaTek-Research", country: "TW", about: "MediaTek Research" },
];

describe("createRegionAttributor", () => {
  const attributor = createRegionAttributor(entries);

  it("matches authors ignoring case and surrounding spaces", () => {
    expect(attributor.regionOf("deepseek-ai")).toBe("china");
    expect(attributor.regionOf("DeepSeek-AI")).toBe("china");
    expect(attributor.regionOf("  MISTRALAI ")).toBe("europe");
    expect(attributor.countryOf("Mistralai")).toBe("FR");
  });

  it("reports unknown authors as unattributed with no country or organisation", () => {
    expect(attributor.regionOf("someone-unknown")).toBe("unattributed");
    expect(attributor.countryOf("someone-unknown")).toBeNull();
    expect(attributor.organisation("someone-unknown")).toBeNull();
    expect(attributor.regionOf("")).toBe("unattributed");
  });

  it("derives the region from the country: Hong Kong is china, Taiwan is asia", () => {
    expect(attributor.regionOf("hkustaudio")).toBe("china");
    expect(attributor.countryOf("hkustaudio")).toBe("HK");
    expect(attributor.regionOf("mediatek-research")).toBe("asia");
  });

  it("returns the curated entry with its derived region, keeping the stored spelling", () => {
    expect(attributor.organisation("DEEPSEEK-AI")).toEqual({
      author: "deepseek-ai",
      country: "CN",
      region: "china",
      about: "DeepSeek, Hangzhou",
    });
  });

  it("lists every organisation in input order, frozen so callers cannot edit the list", () => {
    const all = attributor.organisations();
    expect(all.map((o) => o.author)).toEqual(entries.map((e) => e.author));
    expect(Object.isFrozen(all)).toBe(true);
    expect(Object.isFrozen(all[0])).toBe(true);
  });

  it("does not change when the caller later edits the entries it was built from", () => {
    const mutable = entries.map((entry) => ({ ...entry }));
    const own = createRegionAttributor(mutable);
    const first = mutable[0];
    if (first) first.country = "US";
    expect(own.countryOf("deepseek-ai")).toBe("CN");
  });
});

describe("validation of curated entries", () => {
  it("rejects authors that differ only in case", () => {
    expect(() =>
      createRegionAttributor([
        { author: "Qwen", country: "CN", about: "Qwen" },
        { author: "qwen", country: "CN", about: "Qwen again" },
      ]),
    ).toThrow(/duplicate of entry 0 \("Qwen"\)/);
  });

  it("rejects UK, lower-case and unknown country codes", () => {
    for (const country of ["UK", "gb", "XX"]) {
      expect(() => createRegionAttributor([{ author: "a", country, about: "x" }]), country).toThrow(
        /ISO 3166-1/,
      );
    }
  });

  it("rejects an empty or over-long about", () => {
    expect(() => createRegionAttributor([{ author: "a", country: "US", about: "  " }])).toThrow(/empty/);
    expect(() => createRegionAttributor([{ author: "a", country: "US", about: "x".repeat(121) }])).toThrow(
      /longer than 120/,
    );
  });

  it("rejects a stored region, so the data file cannot contradict the rule", () => {
    expect(() => parseOrganisations([{ author: "a", country: "US", about: "x", region: "europe" }])).toThrow(
      /region/,
    );
  });

  it("rejects authors that are not Hub namespaces", () => {
    for (const author of ["", "a/b", "-a", "has space"]) {
      expect(() => createRegionAttributor([{ author, country: "US", about: "x" }]), author).toThrow(
        /namespace/,
      );
    }
  });

  it("names every problem in one error, not just the first", () => {
    expect(() =>
      parseOrganisations([
        { author: "a", country: "UK", about: "x" },
        { author: "b", country: "US", about: "" },
      ]),
    ).toThrow(/2 problems[\s\S]*0\.country[\s\S]*1\.about/);
  });
});

describe("defaultRegionAttributor", () => {
  it("loads the bundled list", () => {
    const attributor = defaultRegionAttributor();
    expect(attributor.organisations().length).toBeGreaterThanOrEqual(200);
    expect(attributor.regionOf("Qwen")).toBe("china");
    expect(attributor.regionOf("qwen")).toBe("china");
    expect(attributor.regionOf("meta-llama")).toBe("us");
  });
});
