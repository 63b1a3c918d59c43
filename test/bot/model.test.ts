import { describe, expect, it } from "vitest";
import { regionLabel } from "../../src/services/format/locale.js";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { lineageIndexOf } from "../../src/services/method/lineage.js";
import { isTestTraffic } from "../../src/services/method/test-traffic.js";
import type { HubModelRow } from "../fixtures/generate-hub-models.js";
import {
  ackIsEphemeral,
  allowedMentionsOf,
  commandHarness,
  contentOf,
  embedsOf,
  isEphemeral,
} from "./command-harness.js";
import { dayInWords } from "./days.js";

const harness = commandHarness();
const S = 3;
const DAY_MS = 86_400_000;

/** A model the Hub has but no collection list picks: one download, no likes, old. */
const OBSCURE: HubModelRow = {
  _id: "5f0000000000000000000001",
  id: "quiet-lab/tiny-model",
  modelId: "quiet-lab/tiny-model",
  author: "quiet-lab",
  sha: "0".repeat(40),
  downloads: 1,
  downloadsAllTime: 3,
  likes: 0,
  trendingScore: 0,
  createdAt: "2023-01-05T10:00:00.000Z",
  lastModified: "2023-01-05T10:00:00.000Z",
  pipeline_tag: "fill-mask",
  tags: ["fill-mask"],
  private: false,
  gated: false,
  disabled: false,
};

const field = (json: unknown, name: string) => embedsOf(json)[0]?.fields?.find((f) => f.name === name)?.value;

/**
 * Stores a snapshot `days` older than the newest one where its first model had 1/1.25 of its
 * downloads and its second model did not exist yet.
 */
async function storeOlderSnapshot(h: Awaited<ReturnType<typeof harness.start>>, days: number) {
  const latest = await h.services.store.latest();
  if (latest === null) throw new Error("no snapshot");
  const [first, second] = latest.models;
  if (first === undefined || second === undefined) throw new Error("too few models");
  const older: ModelRecord[] = latest.models
    .filter((m) => m.id !== second.id)
    .map((m) => (m.id === first.id ? { ...m, downloads: Math.round(m.downloads / 1.25) } : m));
  const takenAt = new Date(Date.parse(latest.takenAt) - days * DAY_MS);
  await h.services.store.save({ takenAt, source: "import", models: older, skipped: 0 });
  // As the bot's minute tick would: it notices the older snapshot and compares with it.
  await h.services.trends.refresh();
  return { first, second, takenAt };
}

describe("/model through a loopback Discord", () => {
  it("shows a tracked model's figures, ranks and Hub link, matching the id ignoring case", async () => {
    const h = await harness.start();
    const model = (await h.services.store.latest())?.models.find((m) => m.downloadsRank === 3);
    if (model === undefined) throw new Error("no third-ranked model");
    const outcome = await h.run("model", [{ name: "id", type: S, value: model.id.toUpperCase() }]);

    // Ready within the budget (a stored snapshot): answered in one step, like /trends.
    expect(outcome.callbackType).toBe(4);
    expect(ackIsEphemeral(h, outcome.timings.interactionId)).toBe(false);
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe(model.id);
    expect(embed?.url).toBe(`https://huggingface.co/${model.id}`);
    expect(field(outcome.json, "Downloads (30 days)")).toBe(model.downloads.toLocaleString("en-US"));
    expect(field(outcome.json, "Likes")).toBe(model.likes.toLocaleString("en-US"));
    expect(field(outcome.json, "Rank")).toMatch(/^#3 of 300 by downloads/);
    expect(field(outcome.json, "Organisation")).toContain(model.author);
    expect(field(outcome.json, "Week over week")).toBe("no snapshot a week older yet");
    expect(outcome.files).toEqual([]);
    expect(allowedMentionsOf(outcome.json)).toEqual({ parse: [] });
  });

  it("compares 30-day downloads with the same model in the snapshot a week older", async () => {
    const h = await harness.start();
    const { first, second, takenAt: weekAgo } = await storeOlderSnapshot(h, 7);

    const grown = await h.run("model", [{ name: "id", type: S, value: first.id }]);
    expect(field(grown.json, "Week over week")).toMatch(
      new RegExp(`^\\+2[45](\\.\\d)?% \\(.+ on ${weekAgo.toISOString().slice(0, 10)}\\)$`),
    );
    const fresh = await h.run("model", [{ name: "id", type: S, value: second.id }], {
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(field(fresh.json, "Week over week")).toBe("not in the snapshot a week earlier");
  });

  it('says the real span when the oldest snapshot is 15 days old, never "week over week"', async () => {
    const h = await harness.start();
    const { first, second, takenAt: fifteenDaysAgo } = await storeOlderSnapshot(h, 15);

    const heading = `Since ${dayInWords(fifteenDaysAgo)} (15 days)`;
    const grown = await h.run("model", [{ name: "id", type: S, value: first.id }]);
    expect(field(grown.json, "Week over week")).toBeUndefined();
    expect(field(grown.json, heading)).toMatch(/^\+2[45](\.\d)?% \(was [\d.]+[KM]?\)$/);
    const fresh = await h.run("model", [{ name: "id", type: S, value: second.id }], {
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(field(fresh.json, heading)).toBe(`not in the snapshot of ${dayInWords(fifteenDaysAgo)}`);
    const zh = await h.run("model", [{ name: "id", type: S, value: first.id }], {
      locale: "zh-CN",
      user: { id: "1190000000000000202", username: "lin" },
    });
    expect(field(zh.json, `自 ${dayInWords(fifteenDaysAgo, "zh-CN")}以来（15 天）`)).toMatch(
      /^\+2[45](\.\d)?%（此前 /,
    );
  });

  it("says whom a derivative's downloads count for, and that test traffic counts for nobody", async () => {
    const h = await harness.start();
    const latest = await h.services.store.latest();
    if (latest === null) throw new Error("no snapshot");
    const lineage = lineageIndexOf(latest.models);
    const derived = latest.models.find(
      (m) => !isTestTraffic(m) && lineage.originOf(m).toLowerCase() !== m.author.toLowerCase(),
    );
    const own = latest.models.find((m) => !isTestTraffic(m) && lineage.originOf(m) === m.author);
    const test = latest.models.find((m) => isTestTraffic(m));
    if (derived === undefined || own === undefined || test === undefined)
      throw new Error("fixture lacks a case");
    const origin = lineage.originOf(derived);
    const region = regionLabel(h.services.lookup.regionOf(origin), "en-US");
    const users = ["201", "202", "203"].map((n) => ({ id: `1190000000000000${n}`, username: n }));
    const answer = async (id: string, i: number) =>
      field(
        (await h.run("model", [{ name: "id", type: S, value: id }], { user: users[i] })).json,
        "Downloads count for",
      );
    expect(await answer(derived.id, 0)).toBe(
      `${origin} · ${region}, the developer of the model it derives from`,
    );
    expect(await answer(own.id, 1)).toBeUndefined();
    expect(await answer(test.id, 2)).toBe(
      "nobody: it is test traffic (CI runs fetching a fixture), left out of every count",
    );
  });

  it("shows a model the Hub has outside the tracked ones, marked as such", async () => {
    const h = await harness.start({ extraModels: [OBSCURE] });
    expect((await h.services.store.latest())?.models.some((m) => m.id === OBSCURE.id)).toBe(false);
    const outcome = await h.run("model", [{ name: "id", type: S, value: OBSCURE.id }]);
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe(OBSCURE.id);
    expect(embed?.description).toContain("Not among the tracked models");
    expect(field(outcome.json, "Downloads (30 days)")).toBe("1");
    expect(embed?.footer?.text).toContain("read live");
    expect(h.hub.requests.some((r) => r.path === `/api/models/${OBSCURE.id}/revision/HEAD`)).toBe(true);
  });

  it("answers an id found nowhere privately, with the closest tracked ids", async () => {
    const h = await harness.start();
    const model = (await h.services.store.latest())?.models[0];
    if (model === undefined) throw new Error("no model");
    const typo = `${model.id.slice(0, -2)}${model.id.slice(-1)}`;
    const outcome = await h.run("model", [{ name: "id", type: S, value: typo }]);
    expect(ackIsEphemeral(h, outcome.timings.interactionId)).toBe(true);
    expect(contentOf(outcome.json)).toContain(
      `I can't find the model "${typo}", neither among the tracked models nor on the Hub. Did you mean **${model.id}**`,
    );
  });

  it("refuses an id that cannot be a repo id at once, ephemerally, without asking the Hub", async () => {
    const h = await harness.start();
    const before = h.hub.requests.length;
    const outcome = await h.run("model", [{ name: "id", type: S, value: "@everyone look" }]);
    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain('I can\'t find the model "@\u200beveryone look"');
    expect(h.hub.requests.length).toBe(before);
  });

  it("says the Hub can't be reached when an untracked id cannot be checked", async () => {
    const h = await harness.start();
    h.hub.setFault({ kind: "500" });
    const outcome = await h.run("model", [{ name: "id", type: S, value: "someone/unknown-model" }]);
    expect(contentOf(outcome.json)).toContain(
      "The Hugging Face Hub can't be reached right now, so I can't look the model up.",
    );
  });

  it("writes field names in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const model = (await h.services.store.latest())?.models[0];
    const outcome = await h.run("model", [{ name: "id", type: S, value: model?.id ?? "" }], {
      locale: "zh-CN",
    });
    expect(embedsOf(outcome.json)[0]?.fields?.map((f) => f.name)).toContain("下载量（30 天）");
  });

  it("autocompletes ids from the snapshot: at most 25, matching anywhere, prefixes first, fast", async () => {
    const h = await harness.start();
    const outcome = await h.autocomplete("model", [{ name: "id", type: S, value: "QWEN", focused: true }]);
    expect(outcome.callbackType).toBe(8);
    const choices = (outcome.json as { choices: { name: string; value: string }[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) expect(choice.value.toLowerCase()).toContain("qwen");
    expect(choices[0]?.value.toLowerCase().startsWith("qwen")).toBe(true);
    expect(choices[0]?.name).toMatch(/^Qwen\/.+ · [\d.]+[KM]? downloads$/);
    expect(outcome.timings.finalAt - outcome.timings.dispatchedAt).toBeLessThan(100);

    const all = await h.autocomplete("model", [{ name: "id", type: S, value: "", focused: true }]);
    const top = (all.json as { choices: { value: string }[] }).choices;
    expect(top).toHaveLength(25);
    expect(top[0]?.value).toBe((await h.services.store.latestModelIds())[0]);
    const none = await h.autocomplete("model", [
      { name: "id", type: S, value: "zzzz-no-such", focused: true },
    ]);
    expect((none.json as { choices: unknown[] }).choices).toEqual([]);
  });

  it("follows a newer snapshot in autocomplete once the bot notices it, answering from memory meanwhile", async () => {
    const h = await harness.start();
    const typed = [{ name: "id", type: S, value: "newlab", focused: true }];
    const values = async () =>
      ((await h.autocomplete("model", typed)).json as { choices: { value: string }[] }).choices.map(
        (c) => c.value,
      );
    expect(await values()).toEqual([]);
    const latest = await h.services.store.latest();
    const template = latest?.models[0];
    if (latest === null || template === undefined) throw new Error("no snapshot");
    const fresh = { ...template, id: "newlab/fresh-model", author: "newlab" };
    await h.services.store.save({
      takenAt: new Date(),
      source: "import",
      models: [...latest.models, fresh],
      skipped: 0,
    });
    // Saved by another process, say: this one answers from the snapshot it holds until it looks.
    const meanwhile = await h.autocomplete("model", typed);
    expect(meanwhile.timings.finalAt - meanwhile.timings.dispatchedAt).toBeLessThan(100);
    expect((meanwhile.json as { choices: unknown[] }).choices).toEqual([]);
    // The collection tick (every minute) follows the newest stored snapshot, whoever saved it.
    await h.bot.collectionTick();
    expect(await values()).toEqual(["newlab/fresh-model"]);
  });

  it("answers autocomplete with no choices when nothing is stored, and /model says why", async () => {
    const h = await harness.start({ collect: false, hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    const choices = await h.autocomplete("model", [{ name: "id", type: S, value: "qwen", focused: true }]);
    expect((choices.json as { choices: unknown[] }).choices).toEqual([]);
    const outcome = await h.run("model", [{ name: "id", type: S, value: "Qwen/Qwen3-8B" }]);
    expect(contentOf(outcome.json)).toMatch(
      /^The Hugging Face Hub can't be reached right now and I have no stored data yet/,
    );
    expect(isEphemeral(outcome.json)).toBe(false);
  });
});
