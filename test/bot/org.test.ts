import { describe, expect, it } from "vitest";
import {
  formatCompact,
  formatPercentChange,
  formatPp,
  formatShare,
} from "../../src/services/format/numbers.js";
import type { ModelRecord } from "../../src/services/hub/types.js";
import { orgProfile } from "../../src/services/snapshots/profiles.js";
import { ackIsEphemeral, commandHarness, contentOf, embedsOf, isEphemeral } from "./command-harness.js";
import { dayInWords } from "./days.js";

const harness = commandHarness();
const S = 3;
const DAY_MS = 86_400_000;
const field = (json: unknown, name: string) => embedsOf(json)[0]?.fields?.find((f) => f.name === name)?.value;

describe("/org through a loopback Discord", () => {
  it("shows an organisation's top models, downloads, share and region, with a chart of its models", async () => {
    const h = await harness.start();
    const outcome = await h.run("org", [{ name: "name", type: S, value: "qwen" }]);

    // Ready within the budget (a stored snapshot): answered in one step, like /trends.
    expect(outcome.callbackType).toBe(4);
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe("Qwen · China");
    expect(embed?.url).toBe("https://huggingface.co/Qwen");
    expect(embed?.description).toContain("Qwen, Alibaba Cloud's large-language-model team (Hangzhou)");
    const models = ((await h.services.store.latest())?.models ?? [])
      .filter((m) => m.author === "Qwen")
      .sort((a, b) => b.downloads - a.downloads);
    const lines = (embed?.description ?? "").split("\n").filter((line) => /^\*\*\d+\.\*\*/.test(line));
    expect(lines).toHaveLength(Math.min(5, models.length));
    expect(lines[0]).toContain(`[${models[0]?.id}](https://huggingface.co/${models[0]?.id})`);

    const { stats } = await h.services.trends.stats({
      region: null,
      windowWeeks: 1,
      limits: { topOrgs: 1000 },
    });
    const qwen = stats.topOrgs.find((o) => o.author === "Qwen");
    expect(field(outcome.json, "Share of all downloads")).toBe(formatShare(qwen?.share ?? -1, "en-US"));
    expect(field(outcome.json, "Downloads (30 days)")).toContain(
      (qwen?.downloads ?? -1).toLocaleString("en-US"),
    );
    expect(field(outcome.json, "Region")).toBe("China, CN");
    expect(field(outcome.json, "Week over week")).toBe("no snapshot a week older yet");
    expect(outcome.files[0]?.name).toBe("org-qwen.png");
    expect(embed?.image?.url).toBe("attachment://org-qwen.png");
  });

  it("gives the share change in percentage points against the snapshot a week older", async () => {
    const h = await harness.start();
    const latest = await h.services.store.latest();
    if (latest === null) throw new Error("no snapshot");
    const older: ModelRecord[] = latest.models.map((m) =>
      m.author === "Qwen" ? { ...m, downloads: Math.round(m.downloads / 2) } : m,
    );
    await h.services.store.save({
      takenAt: new Date(Date.parse(latest.takenAt) - 7 * DAY_MS),
      source: "import",
      models: older,
      skipped: 0,
    });
    // As the bot's minute tick would: it notices the older snapshot and compares with it.
    await h.services.trends.refresh();
    const before = (
      await h.services.trends.stats({ region: null, windowWeeks: 1, limits: { topOrgs: 1000 } })
    ).stats;
    const mover = before.weekOverWeek?.movers.find((m) => m.author === "Qwen");
    if (mover === undefined) throw new Error("Qwen is not among the movers");
    const outcome = await h.run("org", [{ name: "name", type: S, value: "Qwen" }]);
    const week = field(outcome.json, "Week over week") ?? "";
    expect(week.split("\n")[0]).toBe(
      `Share of all downloads: ${formatPp(mover.changePp, "en-US")} (was ${formatShare(mover.previousShare, "en-US")})`,
    );
    expect(mover.changePp).toBeGreaterThan(0);
  });

  it("gives its share of its region and the changes in the region's terms, over the real span compared", async () => {
    const h = await harness.start();
    const latest = await h.services.store.latest();
    if (latest === null) throw new Error("no snapshot");
    // Fifteen days of history: a week's comparison takes the oldest snapshot there is, and says so.
    const fifteenDaysAgo = new Date(Date.parse(latest.takenAt) - 15 * DAY_MS);
    const older = latest.models.map((m) =>
      m.author === "Qwen" ? { ...m, downloads: Math.round(m.downloads / 2) } : m,
    );
    await h.services.store.save({ takenAt: fifteenDaysAgo, source: "import", models: older, skipped: 0 });
    // As the bot's minute tick would: it notices the older snapshot and compares with it.
    await h.services.trends.refresh();
    const current = h.services.trends.newestStored();
    if (current === null) throw new Error("no snapshot");
    const previous = h.services.trends.knownComparisonOf(current, 1);
    expect(previous?.exact).toBe(false);
    const profile = orgProfile(current, previous?.snapshot ?? null, "Qwen", h.services.lookup);
    const { stat, change } = profile ?? {};
    if (stat == null || change == null) throw new Error("no figures for Qwen");

    const outcome = await h.run("org", [{ name: "name", type: S, value: "Qwen" }]);
    expect(field(outcome.json, "Share within China")).toBe(formatShare(stat.regionShare, "en-US"));
    expect(field(outcome.json, "Share of all downloads")).toBe(formatShare(stat.share, "en-US"));
    expect(field(outcome.json, "Week over week")).toBeUndefined();
    const since = field(outcome.json, `Since ${dayInWords(fifteenDaysAgo)} (15 days)`);
    expect(since?.split("\n")).toEqual([
      `Share of all downloads: ${formatPp(change.changePp, "en-US")} (was ${formatShare(change.previousShare, "en-US")})`,
      `Share within China: ${formatPp(change.regionChangePp, "en-US")} (was ${formatShare(change.previousRegionShare, "en-US")})`,
      `Downloads (30 days): ${formatPercentChange(change.downloadsChange ?? -1, "en-US")} (was ${formatCompact(change.previousDownloads, "en-US")})`,
    ]);
    expect(change.regionChangePp).toBeGreaterThan(0);
    expect(change.downloadsChange).toBeGreaterThan(0);

    const zh = await h.run("org", [{ name: "name", type: S, value: "Qwen" }], {
      locale: "zh-CN",
      user: { id: "1190000000000000201", username: "grace" },
    });
    expect(field(zh.json, "占中国下载量")).toBe(formatShare(stat.regionShare, "zh-CN"));
    expect(field(zh.json, `自 ${dayInWords(fifteenDaysAgo, "zh-CN")}以来（15 天）`)).toContain(
      `占中国下载量：${formatPp(change.regionChangePp, "zh-CN")}（此前 ${formatShare(change.previousRegionShare, "zh-CN")}）`,
    );
  });

  it("says when the Hub had not refreshed its counts instead of showing a flat week", async () => {
    const h = await harness.start();
    const latest = await h.services.store.latest();
    if (latest === null) throw new Error("no snapshot");
    const weekAgo = new Date(Date.parse(latest.takenAt) - 7 * DAY_MS);
    await h.services.store.save({ takenAt: weekAgo, source: "import", models: latest.models, skipped: 0 });
    await h.services.trends.refresh();
    const outcome = await h.run("org", [{ name: "name", type: S, value: "Qwen" }]);
    expect(field(outcome.json, "Week over week")).toBe(
      `The Hub's download counts are the same as on ${dayInWords(weekAgo)}: it had not refreshed them, so there is no change to show.`,
    );
  });

  it("defers when nothing is stored yet, collects, then edits the answer in", async () => {
    const h = await harness.start({ collect: false, hubFault: { kind: "slow", delayMs: 300 } });
    const outcome = await h.run("org", [{ name: "name", type: S, value: "Qwen" }]);
    expect(outcome.callbackType).toBe(5);
    expect(outcome.finalCall.route).toBe("PATCH /webhooks/:app/:token/messages/:message");
    expect(embedsOf(outcome.json)[0]?.title).toBe("Qwen · China");
    expect(outcome.files.map((f) => f.name)).toEqual(["org-qwen.png"]);
  });

  it("refuses an unknown organisation privately, with the closest names", async () => {
    const h = await harness.start();
    const outcome = await h.run("org", [{ name: "name", type: S, value: "Qwne" }]);
    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain(
      'I can\'t find the organisation "Qwne" among the authors of the tracked models. Did you mean **Qwen**?',
    );
  });

  it("says when a curated organisation has no tracked models", async () => {
    const h = await harness.start();
    const authors = new Set(
      ((await h.services.store.latest())?.models ?? []).map((m) => m.author.toLowerCase()),
    );
    const absent = h.services.lookup.organisations().find((o) => !authors.has(o.author.toLowerCase()));
    if (absent === undefined) throw new Error("every curated organisation is in the fixture");
    const outcome = await h.run("org", [{ name: "name", type: S, value: absent.author }]);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain(`is on my list of organisations`);
    expect(contentOf(outcome.json)).toContain(`${absent.country})`);
  });

  it("titles the answer in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const outcome = await h.run("org", [{ name: "name", type: S, value: "google" }], { locale: "zh-CN" });
    expect(embedsOf(outcome.json)[0]?.title).toBe("google · 美国");
    expect(ackIsEphemeral(h, outcome.timings.interactionId)).toBe(false);
  });

  it("autocompletes organisations with their region, most downloaded first, fast", async () => {
    const h = await harness.start();
    const outcome = await h.autocomplete("org", [{ name: "name", type: S, value: "GOO", focused: true }]);
    const choices = (outcome.json as { choices: { name: string; value: string }[] }).choices;
    expect(choices[0]).toEqual({ name: "google · United States", value: "google" });
    expect(outcome.timings.finalAt - outcome.timings.dispatchedAt).toBeLessThan(100);
    const all = await h.autocomplete("org", [{ name: "name", type: S, value: "", focused: true }]);
    const values = (all.json as { choices: { value: string }[] }).choices.map((c) => c.value);
    expect(values.length).toBeLessThanOrEqual(25);
    expect(values[0]).toBe((await h.services.store.latestAuthors())[0]);
  });
});
