import { describe, expect, it } from "vitest";
import trends from "../../src/commands/trends.js";
import { readPngSize } from "../../src/services/charts/png.js";
import { formatShare } from "../../src/services/format/numbers.js";
import type { StatsQuery } from "../../src/services/snapshots/trends-service.js";
import {
  type BotHarness,
  botHarness,
  contentOf,
  embedsOf,
  INTERACTIONS_MODES,
  isEphemeral,
  PLAIN_CHANNEL_ID,
} from "./harness.js";

const S = 3;

/** China's share of downloads under a query, as the answer writes it. */
async function chinaShare(h: BotHarness, query: StatsQuery) {
  const { stats } = await h.services.trends.stats(query);
  return formatShare(stats.regions.find((r) => r.region === "china")?.share ?? -1, "en-US");
}

// The same suite over the gateway and over the Interactions Endpoint URL: one router, one reply path.
describe.each(INTERACTIONS_MODES)("/trends through a loopback Discord (%s)", (mode) => {
  const harness = botHarness(mode);
  it("answers in one step with a PNG chart and an embed whose numbers match the stats engine", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "china" }]);

    expect(outcome.callbackType).toBe(4);
    expect(outcome.finalCall.route).toBe("POST /interactions/:id/:token/callback");
    const [file] = outcome.files;
    expect(file?.name).toBe("trends-china-orgs.png");
    expect(readPngSize(file?.bytes ?? new Uint8Array())).toEqual({ width: 400, height: 400 });

    const [embed] = embedsOf(outcome.json);
    expect(embed?.image?.url).toBe("attachment://trends-china-orgs.png");
    expect(embed?.title).toBe("Open-source AI trends · China");
    const { stats } = await h.services.trends.stats({ region: "china", windowWeeks: 1 });
    const china = stats.regions.find((r) => r.region === "china");
    const share = `${((china?.share ?? 0) * 100).toFixed(1)}%`;
    expect(embed?.description).toContain(
      `Chinese organisations: ${share} of 30-day downloads of the top 300 models`,
    );
    expect(embed?.footer?.text).toContain("Source: Hugging Face Hub");
    expect((outcome.json as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it("counts the way by and cohort say: the service's figures for that method, not the default's", async () => {
    const h = await harness.start();
    // Registered, the fake Discord checks the options' definitions and every value sent against them.
    await h.register([trends]);
    await h.services.collector.collect();
    const outcome = await h.run("trends", [
      { name: "region", type: S, value: "china" },
      { name: "by", type: S, value: "uploader" },
      { name: "cohort", type: S, value: "new" },
    ]);
    const [embed] = embedsOf(outcome.json);
    const counted =
      "30-day downloads of the models created in the last 12 months among the top 300, credited to the uploader";
    const share = await chinaShare(h, { region: "china", windowWeeks: 1, by: "uploader", cohort: "new" });
    expect(share).not.toBe(await chinaShare(h, { region: "china", windowWeeks: 1 }));
    expect(embed?.description).toContain(`Chinese organisations: ${share} of ${counted}`);
    expect(embed?.footer?.text).toContain(counted);
    expect(outcome.files[0]?.name).toBe("trends-china-orgs-uploader-new.png");
    expect(embed?.image?.url).toBe("attachment://trends-china-orgs-uploader-new.png");
  });

  it("says in Chinese what it counted under another method", async () => {
    const h = await harness.start();
    await h.register([trends]);
    await h.services.collector.collect();
    const outcome = await h.run("trends", [{ name: "cohort", type: S, value: "generative" }], {
      locale: "zh-CN",
    });
    const [embed] = embedsOf(outcome.json);
    expect(embed?.footer?.text).toContain("下载量前 300 中的生成式模型的 30 天下载量，计入基础模型的开发者");
    expect(outcome.files[0]?.name).toBe("trends-all-regions-lineage-generative.png");
  });

  it("answers the overview in Chinese for a zh-CN user", async () => {
    const h = await harness.start();
    const outcome = await h.run("trends", [], { locale: "zh-CN" });
    const [embed] = embedsOf(outcome.json);
    expect(embed?.title).toBe("开源 AI 趋势 · 总览");
    expect(outcome.files[0]?.name).toBe("trends-all-regions.png");
  });

  it("refuses an unknown region at once, ephemerally, with a guess and the valid list", async () => {
    const h = await harness.start();
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "chna" }]);
    expect(outcome.callbackType).toBe(4);
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain('I don\'t know the region "chna". Did you mean **china**?');
    expect(contentOf(outcome.json)).toContain("Valid regions: china, us, europe, asia, other");
  });

  it("names the missing permissions instead of failing to post a chart", async () => {
    const h = await harness.start();
    const outcome = await h.run("trends", [], { channelId: PLAIN_CHANNEL_ID });
    expect(isEphemeral(outcome.json)).toBe(true);
    expect(contentOf(outcome.json)).toContain("missing the Embed Links and Attach Files permissions");
  });

  it("tells a user how long to wait when they repeat the command within the cooldown", async () => {
    const h = await harness.start();
    await h.run("trends");
    const again = await h.run("trends");
    expect(isEphemeral(again.json)).toBe(true);
    expect(contentOf(again.json)).toMatch(/^Please wait [1-5] seconds? before using \/trends again\.$/);
  });

  it("suggests regions by name and alias in autocomplete", async () => {
    const h = await harness.start();
    const sent = await h.discord.dispatchAutocomplete({
      guildId: "1190000000000000001",
      channelId: "1190000000000000011",
      name: "trends",
      options: [{ name: "region", type: 3, value: "eu", focused: true }],
    });
    const outcome = await sent.waitForFinal();
    expect(outcome.callbackType).toBe(8);
    expect((outcome.json as { choices: unknown }).choices).toEqual([{ name: "Europe", value: "europe" }]);
  });

  it("says the Hub is unreachable, and when it will retry, when nothing is stored", async () => {
    // From the start: the first collection runs while the bot logs in.
    const h = await harness.start({ hubFault: { kind: "500" } });
    await h.bot.collectionTick();
    const outcome = await h.run("trends");
    expect(contentOf(outcome.json)).toMatch(
      /^The Hugging Face Hub can't be reached right now and I have no stored data yet, so I have nothing to show\. I'll try again <t:\d+:R>\.$/,
    );
  });

  it("answers from stored snapshots while the Hub is down", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    h.hub.setFault({ kind: "500" });
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "usa" }]);
    expect(embedsOf(outcome.json)[0]?.title).toBe("Open-source AI trends · United States");
  });

  it("defers, then edits the chart in, when the answer takes longer than a second (a slow Hub, nothing stored)", async () => {
    const h = await harness.start({ hubFault: { kind: "slow", delayMs: 1500 } });
    const outcome = await h.run("trends", [{ name: "region", type: 3, value: "china" }]);
    expect(outcome.callbackType).toBe(5);
    expect(outcome.finalCall.route).toBe("PATCH /webhooks/:app/:token/messages/:message");
    expect(outcome.files.map((f) => f.name)).toEqual(["trends-china-orgs.png"]);
    expect(outcome.timings.acknowledgedAt - outcome.timings.dispatchedAt).toBeLessThan(3000);
  });

  it("delivers the answer exactly once when Discord answers the edit with a 429", async () => {
    const h = await harness.start({ hubFault: { kind: "slow", delayMs: 1500 } });
    h.discord.failNext({ route: /^PATCH \/webhooks\//, status: 429, retryAfter: 0.2, times: 1 });
    const outcome = await h.run("trends");
    const edits = h.discord.calls.filter((c) => c.route === "PATCH /webhooks/:app/:token/messages/:message");
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(outcome.files).toHaveLength(1);
  });

  it("delivers the answer exactly once when Discord answers the one-step reply with a 429", async () => {
    const h = await harness.start();
    await h.services.collector.collect();
    h.discord.failNext({ route: /^POST \/interactions\//, status: 429, retryAfter: 0.2, times: 1 });
    const outcome = await h.run("trends");
    const callbacks = h.discord.calls.filter((c) => c.route === "POST /interactions/:id/:token/callback");
    expect(callbacks.map((c) => c.status)).toEqual([429, 204]);
    expect(outcome.files).toHaveLength(1);
  });
});
