import { describe, expect, it } from "vitest";
import { compareOrgs, compareRegions } from "../../src/services/charts/specs/compare.js";
import { formatShare } from "../../src/services/format/numbers.js";
import type { CountingMethod } from "../../src/services/method/method.js";
import { orgProfile } from "../../src/services/snapshots/profiles.js";
import { commandHarness, contentOf, embedsOf, isEphemeral } from "./command-harness.js";

const harness = commandHarness();
const S = 3;
const sides = (a: string, b: string) => [
  { name: "a", type: S, value: a },
  { name: "b", type: S, value: b },
];

describe("/compare through a loopback Discord", () => {
  it("compares two regions in one chart, with the figures the chart shows", async () => {
    const h = await harness.start();
    const outcome = await h.run("compare", sides("china", "usa"));
    // Ready within the budget (a stored snapshot): answered in one step, like /trends.
    expect(outcome.callbackType).toBe(4);
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe("China vs United States");
    const { stats } = await h.services.trends.stats({ region: null, windowWeeks: 1 });
    const input = compareRegions(stats, "china", "us");
    const [china, us] = input.sides;
    const share = (value: number | undefined) => formatShare(value ?? -1, "en-US");
    expect(embed?.description).toContain(
      `**Share of downloads**: ${share(china.values.downloads)} vs ${share(us.values.downloads)}`,
    );
    expect(outcome.files[0]?.name).toBe("compare-china-us.png");
    expect(embed?.footer?.text).toContain("Source: Hugging Face Hub");
  });

  it("compares two organisations, whatever their rank, matching names ignoring case", async () => {
    const h = await harness.start();
    const authors = await h.services.store.latestAuthors();
    const small = authors.find(
      (a) => a !== "Qwen" && !/^(ai|ml|dev|lab|nlp|cv)-/.test(a) && authors.indexOf(a) > 15,
    );
    if (small === undefined) throw new Error("no small curated organisation in the fixture");
    const outcome = await h.run("compare", sides("QWEN", small.toLowerCase()));
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe(`Qwen vs ${small}`);
    const { stats } = await h.services.trends.stats({
      region: null,
      windowWeeks: 1,
      limits: { topOrgs: 1_000_000 },
    });
    const input = compareOrgs(stats, "Qwen", small);
    expect(embed?.description).toContain(
      `**Share of downloads**: ${formatShare(input?.sides[0].values.downloads ?? -1, "en-US")} vs ${formatShare(input?.sides[1].values.downloads ?? -1, "en-US")}`,
    );
    expect(embed?.description).toContain("Qwen (China) vs");
  });

  it("compares under the by and cohort asked for: the service's figures for that method, not the default's", async () => {
    const h = await harness.start();
    const method: CountingMethod = { by: "uploader", cohort: "generative" };
    const outcome = await h.run("compare", [
      ...sides("china", "us"),
      { name: "by", type: S, value: method.by },
      { name: "cohort", type: S, value: method.cohort },
    ]);
    const [embed] = embedsOf(outcome.json);
    const shares = async (query: Partial<CountingMethod>) => {
      const { stats } = await h.services.trends.stats({ region: null, windowWeeks: 1, ...query });
      const [china, us] = compareRegions(stats, "china", "us").sides;
      return `**Share of downloads**: ${formatShare(china.values.downloads ?? -1, "en-US")} vs ${formatShare(us.values.downloads ?? -1, "en-US")}`;
    };
    const line = await shares(method);
    expect(line).not.toBe(await shares({}));
    expect(embed?.description).toContain(line);
    expect(embed?.footer?.text).toContain(
      "30-day downloads of the generative models among the top 300, credited to the uploader",
    );
    expect(outcome.files[0]?.name).toBe("compare-china-us-uploader-generative.png");
  });

  it("refuses an organisation with no downloads under the method asked for, saying how it counted", async () => {
    const h = await harness.start();
    const current = await h.services.store.latest();
    if (current === null) throw new Error("no snapshot");
    const newOnly: CountingMethod = { by: "lineage", cohort: "new" };
    const counted = (author: string, method: CountingMethod) =>
      orgProfile(current, null, author, h.services.lookup, method)?.stat ?? null;
    const authors = await h.services.store.latestAuthors();
    const old = authors.find(
      (a) => counted(a, { by: "lineage", cohort: "all" }) !== null && counted(a, newOnly) === null,
    );
    const other = authors.find((a) => a !== old && counted(a, newOnly) !== null);
    if (old === undefined || other === undefined)
      throw new Error("the fixture has no organisation without new models");
    const outcome = await h.run("compare", [...sides(old, other), { name: "cohort", type: S, value: "new" }]);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toBe(
      `Counting 30-day downloads of the models created in the last 12 months among the top 300, credited to the base model's developer, ${old} has no downloads, so it has no share to compare. Another \`by\` or \`cohort\` may count some for it.`,
    );
    const all = await h.run("compare", sides(old, other), {
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(embedsOf(all.json)[0]?.title).toBe(`${old} vs ${other}`);
  });

  it("refuses a region against an organisation, explaining what works", async () => {
    const h = await harness.start();
    const outcome = await h.run("compare", sides("china", "meta-llama"));
    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain(
      'I compare two regions or two organisations, not a region with an organisation: "china" is a region and "meta-llama" an organisation.',
    );
  });

  it("refuses comparing something with itself, by alias or case", async () => {
    const h = await harness.start();
    const regions = await h.run("compare", sides("china", "CN"));
    expect(isEphemeral(regions.json)).toBe(true);
    expect(contentOf(regions.json)).toBe('Both sides are "china": pick two different regions to compare.');
    const orgs = await h.run("compare", sides("Qwen", "qwen"));
    expect(contentOf(orgs.json)).toBe('Both sides are "Qwen": pick two different organisations to compare.');
  });

  it("refuses a side it does not know, with guesses from regions and organisations", async () => {
    const h = await harness.start();
    const outcome = await h.run("compare", sides("chna", "us"));
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toMatch(
      /^I don't know "chna": it is neither a region .+ nor an organisation .+ Did you mean \*\*china\*\*/,
    );
  });

  it("writes the title in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const outcome = await h.run("compare", sides("europe", "asia"), { locale: "zh-CN" });
    expect(embedsOf(outcome.json)[0]?.title).toBe("欧洲 对比 亚太");
  });

  it("autocompletes regions and organisations together, at most 25", async () => {
    const h = await harness.start();
    const outcome = await h.autocomplete("compare", [
      { name: "a", type: S, value: "e", focused: true },
      { name: "b", type: S, value: "" },
    ]);
    const choices = (outcome.json as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: "Europe", value: "europe" });
    expect(choices.some((c) => c.name.endsWith("· United States"))).toBe(true);
    expect(outcome.timings.finalAt - outcome.timings.dispatchedAt).toBeLessThan(100);
  });
});
