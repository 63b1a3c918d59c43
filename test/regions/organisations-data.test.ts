import { describe, expect, it } from "vitest";
import {
  bundledOrganisationEntries,
  MAX_ABOUT_LENGTH,
  organisationsFileSchema,
  parseOrganisations,
} from "../../src/services/regions/attribution.js";
import { isCountryCode, regionOfCountry } from "../../src/services/regions/countries.js";
import { REGIONS } from "../../src/services/regions/types.js";

const entries = bundledOrganisationEntries();

describe("organisations.json", () => {
  it("passes the schema as a whole", () => {
    const result = organisationsFileSchema.safeParse(entries);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("has at least 200 curated entries", () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
  });

  it("names each author once, ignoring case", () => {
    const lower = entries.map((entry) => entry.author.toLowerCase());
    const duplicates = lower.filter((author, index) => lower.indexOf(author) !== index);
    expect(duplicates).toEqual([]);
  });

  it("uses valid ISO 3166-1 alpha-2 country codes", () => {
    const invalid = entries.filter((entry) => !isCountryCode(entry.country));
    expect(invalid).toEqual([]);
  });

  it(`gives every entry a one-line about of 1 to ${MAX_ABOUT_LENGTH} characters`, () => {
    const bad = entries.filter(
      ({ about }) =>
        about.trim() !== about || about.length === 0 || about.length > MAX_ABOUT_LENGTH || /\n/.test(about),
    );
    expect(bad).toEqual([]);
  });

  it("keeps entries sorted by author ignoring case, so additions are easy to review", () => {
    const authors = entries.map((entry) => entry.author);
    const sorted = [...authors].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), "en"));
    expect(authors).toEqual(sorted);
  });

  it("stores no region: regions are derived from countries by the rule", () => {
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(["about", "author", "country"]);
    for (const organisation of parseOrganisations(entries)) {
      expect(organisation.region).toBe(regionOfCountry(organisation.country));
    }
  });

  it("covers every region with at least ten organisations", () => {
    const organisations = parseOrganisations(entries);
    for (const region of REGIONS) {
      expect(organisations.filter((o) => o.region === region).length, region).toBeGreaterThanOrEqual(10);
    }
  });

  it.each([
    ["Qwen", "CN"],
    ["deepseek-ai", "CN"],
    ["THUDM", "CN"],
    ["zai-org", "CN"],
    ["BAAI", "CN"],
    ["baidu", "CN"],
    ["tencent", "CN"],
    ["ByteDance-Seed", "CN"],
    ["moonshotai", "CN"],
    ["MiniMaxAI", "CN"],
    ["internlm", "CN"],
    ["OpenGVLab", "CN"],
    ["01-ai", "CN"],
    ["stepfun-ai", "CN"],
    ["XiaomiMiMo", "CN"],
    ["meituan-longcat", "CN"],
    ["inclusionAI", "CN"],
    ["Alibaba-NLP", "CN"],
    ["iic", "CN"],
    ["Wan-AI", "CN"],
    ["meta-llama", "US"],
    ["facebook", "US"],
    ["google", "US"],
    ["openai", "US"],
    ["microsoft", "US"],
    ["nvidia", "US"],
    ["ibm-granite", "US"],
    ["allenai", "US"],
    ["amazon", "US"],
    ["apple", "US"],
    ["Salesforce", "US"],
    ["HuggingFaceTB", "US"],
    ["unsloth", "US"],
    ["sentence-transformers", "US"],
    ["cross-encoder", "US"],
    ["mistralai", "FR"],
    ["black-forest-labs", "DE"],
    ["stabilityai", "GB"],
    ["jinaai", "DE"],
    ["pyannote", "FR"],
    ["TheBloke", "GB"],
    ["sarvamai", "IN"],
    ["LGAI-EXAONE", "KR"],
    ["naver-hyperclovax", "KR"],
    ["rinna", "JP"],
    ["sbintuitions", "JP"],
  ] as const)("places %s in %s", (author, country) => {
    expect(entries.find((entry) => entry.author === author)?.country).toBe(country);
  });
});
