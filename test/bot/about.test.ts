import { describe, expect, it } from "vitest";
import type { Command } from "../../src/bot/command.js";
import about from "../../src/commands/about.js";
import compare from "../../src/commands/compare.js";
import model from "../../src/commands/model.js";
import org from "../../src/commands/org.js";
import top from "../../src/commands/top.js";
import type { Locale } from "../../src/locales/index.js";
import { formatShare } from "../../src/services/format/numbers.js";
import { aboutFigures, methodRows, reportGapExplanation } from "../../src/services/method/about-figures.js";
import { isDefaultMethod } from "../../src/services/method/method.js";
import { bundledTestTraffic } from "../../src/services/method/test-traffic.js";
import { creditLabel } from "../../src/services/method/wording.js";
import { notEstablishedNamespaces } from "../../src/services/regions/not-established.js";
import { commandHarness, embedsOf, GUILD_ID, INTERACTIONS_MODES, isEphemeral } from "./command-harness.js";
import type { TestBot } from "./start-test-bot.js";

const harness = commandHarness();
const field = (json: unknown, name: string) => embedsOf(json)[0]?.fields?.find((f) => f.name === name)?.value;

/** What Discord counts towards an embed's 6,000 characters. */
function embedLength(json: unknown): number {
  const [embed] = embedsOf(json);
  const fields = embed?.fields ?? [];
  return (
    (embed?.title?.length ?? 0) +
    (embed?.description?.length ?? 0) +
    (embed?.footer?.text.length ?? 0) +
    fields.reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Within Discord's limits, and not cut to fit them (the last line of the description is whole). */
function expectWithinLimits(json: unknown, lastLine: string): void {
  const [embed] = embedsOf(json);
  expect(embed?.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const f of embed?.fields ?? []) expect(f.value.length, f.name).toBeLessThanOrEqual(1024);
  expect(embedLength(json)).toBeLessThanOrEqual(6000);
  expect(embed?.description?.endsWith(lastLine)).toBe(true);
}

/** The figures /about must show for the stored snapshot, as it writes them in `locale`. */
async function expectedFigures(h: TestBot, locale: Locale) {
  const snapshot = await h.services.store.latest();
  if (snapshot === null) throw new Error("no snapshot");
  const figures = aboutFigures(snapshot, h.services.lookup);
  const rows = methodRows(figures, locale);
  return {
    explanation: reportGapExplanation(figures, locale),
    rows: figures.methods.map((m, i) => ({
      ...m.method,
      isDefault: isDefaultMethod(m.method),
      row: rows[i],
    })),
  };
}

// Over the gateway and over the Interactions Endpoint URL alike: one router, one reply path.
describe.each(INTERACTIONS_MODES)("/about through a loopback Discord (%s)", (mode) => {
  const harness = commandHarness(mode);
  it("says what is measured, how regions are attributed, how fresh and how covered the data is, publicly", async () => {
    const h = await harness.start();
    const outcome = await h.run("about");
    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(false);
    expect(embedsOf(outcome.json)[0]?.title).toBe("About hubtrends");
    expect(field(outcome.json, "What it measures")).toContain("top 300 models by downloads");
    const extra = ((await h.services.store.latest())?.models.length ?? 0) - 300;
    expect(extra).toBeGreaterThan(0);
    expect(field(outcome.json, "What it measures")).toContain(
      `${extra} trending and newly created models are read too`,
    );
    const count = h.services.lookup.organisations().length.toLocaleString("en-US");
    expect(field(outcome.json, "How regions are attributed")).toContain(
      `A curated list of ${count} organisations`,
    );
    const takenAt = Math.floor(Date.parse((await h.services.store.list())[0]?.takenAt ?? "") / 1000);
    expect(field(outcome.json, "Data freshness")).toContain(`Newest snapshot: <t:${takenAt}:f>`);
    expect(field(outcome.json, "Data freshness")).toMatch(/Next collection: <t:\d+:R>\./);
    const { stats } = await h.services.trends.stats({ region: null, windowWeeks: 1 });
    expect(field(outcome.json, "Coverage")).toBe(
      `${formatShare(stats.coverage, "en-US")} of the downloads in the newest snapshot are attributed to a region.`,
    );
    expect(outcome.files).toEqual([]);
  });

  it("says why the report's 41% differs and shows every way of counting side by side, within Discord's limits", async () => {
    const h = await harness.start();
    const outcome = await h.run("about");
    const { explanation, rows } = await expectedFigures(h, "en-US");
    const [embed] = embedsOf(outcome.json);
    expect(explanation).toHaveLength(5);
    expect(embed?.description).toContain(`**Why Hugging Face's report says 41%**\n${explanation.join("\n")}`);
    expect(explanation[0]).toContain("Chinese models took 41.0% of downloads (the US 36.5%)");
    for (const { by, isDefault, row } of rows) {
      expect(field(outcome.json, `Newest snapshot, ${creditLabel(by, "en-US")}`)).toContain(
        `**${row?.cohort}**${isDefault ? " (default)" : ""}\nChina ${row?.china} · US ${row?.us} · attributed ${row?.coverage} · HF-run libraries ${row?.hfShareOfUs} of the US`,
      );
    }
    // The default's figures come first, and they are /trends' own.
    const { stats } = await h.services.trends.stats({ region: null, windowWeeks: 1 });
    const china = stats.regions.find((r) => r.region === "china")?.share ?? -1;
    expect(
      embed?.fields?.[4]?.value.startsWith(`**all models** (default)\nChina ${formatShare(china, "en-US")} `),
    ).toBe(true);
    const traffic = field(outcome.json, "Left out as test traffic") ?? "";
    for (const rule of bundledTestTraffic().rules) expect(traffic).toContain(rule.value);
    const unplaced = field(outcome.json, "Looked up, base not established") ?? "";
    for (const entry of notEstablishedNamespaces()) expect(unplaced).toContain(`\`${entry.author}\``);
    expectWithinLimits(outcome.json, explanation.at(-1) ?? "");
  });

  it("shows the side-by-side figures in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const outcome = await h.run("about", [], { locale: "zh-CN" });
    const { explanation, rows } = await expectedFigures(h, "zh-CN");
    expect(embedsOf(outcome.json)[0]?.description).toContain(
      `**为什么 Hugging Face 的报告说 41%**\n${explanation.join("\n")}`,
    );
    for (const { by, isDefault, row } of rows) {
      expect(field(outcome.json, `最新快照，${creditLabel(by, "zh-CN")}`)).toContain(
        `**${row?.cohort}**${isDefault ? "（默认）" : ""}\n中国 ${row?.china} · 美国 ${row?.us} · 已归属 ${row?.coverage} · HF 运营的库占美国的 ${row?.hfShareOfUs}`,
      );
    }
    expect(field(outcome.json, "作为测试流量排除")).toContain("`hf-internal-testing/*`");
    expect(field(outcome.json, "已查证、未能确定所在地")).toContain("`mlx-community`");
    expectWithinLimits(outcome.json, explanation.at(-1) ?? "");
  });

  it("has no cooldown and answers in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    await h.run("about");
    const again = await h.run("about", [], { locale: "zh-CN" });
    expect(embedsOf(again.json)[0]?.title).toBe("关于 hubtrends");
  });

  it("answers before any snapshot is stored, without reaching the Hub", async () => {
    const h = await harness.start({ collect: false, hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    // A failed collection rejects on its first failed list while the others are still under way.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = h.hub.requests.length;
    const outcome = await h.run("about");
    expect(field(outcome.json, "Data freshness")).toContain("No snapshot is stored yet.");
    expect(field(outcome.json, "Data freshness")).toContain("The last collection failed");
    expect(field(outcome.json, "Coverage")).toBe("Not known until the first snapshot is collected.");
    // Why the report differs, without figures to show yet; the reviewed lists need no snapshot.
    const last =
      "Its own figures, side by side for every way of counting, appear here once the first snapshot is collected.";
    expect(embedsOf(outcome.json)[0]?.description).toContain(
      "**Why Hugging Face's report says 41%**\nHugging Face's State of Open Source, Spring 2026 says Chinese models took 41.0% of downloads (the US 36.5%)",
    );
    expect(embedsOf(outcome.json)[0]?.fields?.map((f) => f.name)).toEqual([
      "What it measures",
      "How regions are attributed",
      "Data freshness",
      "Coverage",
      "Left out as test traffic",
      "Looked up, base not established",
    ]);
    expectWithinLimits(outcome.json, last);
    const zh = await h.run("about", [], { locale: "zh-CN" });
    expect(embedsOf(zh.json)[0]?.description).toContain("这里会并列显示各种统计方式下的数字");
    expect(h.hub.requests.length).toBe(before);
  });
});

describe("command definitions", () => {
  it("are accepted by Discord and localise every name and description in zh-CN", async () => {
    const h = await harness.start({ collect: false });
    const commands: Command[] = [top, model, org, compare, about];
    expect(
      h.discord
        .commands(GUILD_ID)
        .map((c) => c.name)
        .sort(),
    ).toEqual(commands.map((c) => c.data.name).sort());
    for (const { data } of commands) {
      expect(data.name_localizations?.["zh-CN"], data.name).toBeTruthy();
      expect(data.description_localizations?.["zh-CN"], data.name).toBeTruthy();
      for (const option of data.options ?? []) {
        const where = `${data.name} ${option.name}`;
        expect(option.description_localizations?.["zh-CN"], where).toBeTruthy();
        expect(option.name_localizations?.["zh-CN"], where).toBeTruthy();
        for (const choice of "choices" in option ? (option.choices ?? []) : []) {
          expect(choice.name_localizations?.["zh-CN"], `${where} ${choice.name}`).toBeTruthy();
        }
      }
    }
  });
});
