import { describe, expect, it } from "vitest";
import type { Command } from "../../src/bot/command.js";
import about from "../../src/commands/about.js";
import compare from "../../src/commands/compare.js";
import model from "../../src/commands/model.js";
import org from "../../src/commands/org.js";
import top from "../../src/commands/top.js";
import { formatShare } from "../../src/services/format/numbers.js";
import { commandHarness, embedsOf, GUILD_ID, isEphemeral } from "./command-harness.js";

const harness = commandHarness();
const field = (json: unknown, name: string) => embedsOf(json)[0]?.fields?.find((f) => f.name === name)?.value;

describe("/about through a loopback Discord", () => {
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
