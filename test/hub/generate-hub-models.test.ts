import { describe, expect, it } from "vitest";
import { toModelRecord } from "../../src/services/hub/wire.js";
import { generateHubDatasets } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels, PLACEHOLDER_CREATED_AT } from "../fixtures/generate-hub-models.js";

const now = new Date("2026-05-04T00:00:00.000Z");
const eightWeeksAgo = now.getTime() - 8 * 7 * 24 * 60 * 60 * 1000;

describe("generateHubModels", () => {
  const { rows, malformedIds } = generateHubModels({ count: 5000, now, seed: 3, malformed: 8 });

  it("gives the same rows for the same seed and other rows for another", () => {
    expect(generateHubModels({ count: 50, now, seed: 3 }).rows).toEqual(
      generateHubModels({ count: 50, now, seed: 3 }).rows,
    );
    expect(generateHubModels({ count: 50, now, seed: 4 }).rows[0]?.id).not.toBe(rows[0]?.id);
  });

  it("writes rows in the Hub's wire format with unique repo ids and 24-hex internal ids", () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => /^[0-9a-f]{24}$/.test(r._id))).toBe(true);
    expect(rows.every((r) => r.private === false && Array.isArray(r.tags))).toBe(true);
    const withParams = rows.filter((r) => r.safetensors);
    expect(withParams.length).toBeGreaterThan(rows.length / 3);
    expect(
      withParams.every(
        (r) =>
          r.safetensors?.total === Object.values(r.safetensors?.parameters ?? {}).reduce((a, b) => a + b, 0),
      ),
    ).toBe(true);
  });

  it("mixes known organisations from several regions with unknown users", () => {
    const authors = new Set(rows.map((r) => r.author));
    for (const org of ["Qwen", "deepseek-ai", "meta-llama", "mistralai", "sarvamai", "LGAI-EXAONE"]) {
      expect(authors.has(org)).toBe(true);
    }
    expect(rows.filter((r) => /^(ai|ml|dev|lab|nlp|cv)-[0-9a-f]{6}$/.test(r.author)).length).toBeGreaterThan(
      1000,
    );
  });

  it("has heavy-tailed downloads, new models of the last 8 weeks, placeholder dates and robotics", () => {
    const downloads = rows.map((r) => r.downloads).sort((a, b) => b - a);
    const top1Percent = downloads.slice(0, 50).reduce((a, b) => a + b, 0);
    const all = downloads.reduce((a, b) => a + b, 0);
    expect(top1Percent / all).toBeGreaterThan(0.4);
    const recent = rows.filter((r) => Date.parse(r.createdAt) >= eightWeeksAgo).length;
    expect(recent / rows.length).toBeGreaterThan(0.1);
    expect(recent / rows.length).toBeLessThan(0.2);
    expect(rows.filter((r) => r.createdAt === PLACEHOLDER_CREATED_AT).length).toBe(100);
    expect(rows.some((r) => r.pipeline_tag === "robotics")).toBe(true);
    expect(rows.some((r) => r.pipeline_tag === "time-series-forecasting")).toBe(true);
    expect(rows.some((r) => r.pipeline_tag === undefined)).toBe(true);
  });

  it("makes exactly the rows it lists as malformed fail the mapper", () => {
    expect(malformedIds).toHaveLength(8);
    // Mimic the library's renaming (`name` = repo id) to run the real mapper on the raw rows.
    const failing = rows.filter((r) => !toModelRecord({ ...r, name: r.id, task: r.pipeline_tag }).ok);
    expect(failing.map((r) => r._id).sort()).toEqual([...malformedIds].sort());
  });
});

describe("generateHubDatasets", () => {
  it("writes dataset rows and the asked number of malformed ones", () => {
    const { rows, malformedIds } = generateHubDatasets({ count: 200, now, malformed: 3 });
    expect(rows).toHaveLength(200);
    expect(malformedIds).toHaveLength(3);
    expect(rows.every((r) => r.tags.some((t) => t.startsWith("task_categories:")))).toBe(true);
  });
});

describe("generated lineage", () => {
  const { rows } = generateHubModels({ count: 3000, now, seed: 5 });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const basesOf = (row: (typeof rows)[number]) => {
    const fromTags = row.tags
      .filter((t) => t.startsWith("base_model:"))
      .map((t) => t.split(":").at(-1) ?? "");
    const card = row.cardData?.base_model;
    const fromCard = (Array.isArray(card) ? card : [card]).filter((c): c is string => typeof c === "string");
    return [...new Set([...fromCard, ...fromTags])];
  };

  it("makes repackagers publish derivatives of other rows, named in tags, in cards, or both", () => {
    const unsloth = rows.filter((r) => r.author === "unsloth");
    const derived = unsloth.filter((r) => basesOf(r).length > 0);
    expect(derived.length / unsloth.length).toBeGreaterThan(0.7);
    expect(derived.some((r) => r.cardData === undefined)).toBe(true);
    expect(derived.some((r) => !r.tags.some((t) => t.startsWith("base_model:")))).toBe(true);
    expect(rows.some((r) => r.tags.some((t) => t.startsWith("base_model:quantized:")))).toBe(true);
    expect(rows.some((r) => r.tags.some((t) => t.startsWith("base_model:finetune:")))).toBe(true);
  });

  it("has chains, bases missing from the list, a cycle, a self-reference and test repos", () => {
    const chained = rows.filter((r) =>
      basesOf(r).some((b) => byId.get(b)?.author.match(/^(ai|ml|dev|lab|nlp|cv)-/)),
    );
    expect(chained.length).toBeGreaterThan(0);
    expect(rows.some((r) => basesOf(r).some((b) => !byId.has(b)))).toBe(true);
    expect(
      rows.some((r) =>
        basesOf(r).some(
          (b) => byId.get(b) !== undefined && basesOf(byId.get(b) ?? r).includes(r.id) && b !== r.id,
        ),
      ),
    ).toBe(true);
    expect(rows.some((r) => basesOf(r).includes(r.id))).toBe(true);
    expect(rows.some((r) => r.id === "hf-internal-testing/tiny-random-GPT2LMHeadModel")).toBe(true);
  });

  it("can be turned off, leaving rows without lineage", () => {
    const plain = generateHubModels({ count: 200, now, seed: 5, lineage: false }).rows;
    expect(
      plain.every((r) => r.cardData === undefined && !r.tags.some((t) => t.startsWith("base_model:"))),
    ).toBe(true);
  });
});
