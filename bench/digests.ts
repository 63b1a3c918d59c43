/**
 * Digest delivery bench: `npx tsx bench/digests.ts` prints the figures; `benchDigests()` returns
 * them for a combined run. A thousand guilds, each with a digest in its own channel, all due at
 * the same minute (Monday 09:00 UTC, set in seven time zones that all reach it at once), posted by
 * the real bot (scheduler, composition, chart rendering, discord.js) through the loopback Discord
 * with Discord's limits on: 50 requests a second per bot, 5 messages per 5 seconds per channel.
 * Measures how long until every digest is in its channel, how late the last one is, and whether
 * any channel got a period twice.
 */
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { startBot } from "../src/bot/start-bot.js";
import { parseConfig } from "../src/config.js";
import { createLocalChartRenderer } from "../src/services/charts/local-renderer.js";
import type { ChartRenderer } from "../src/services/charts/renderer.js";
import { createServices } from "../src/services/create-services.js";
import { parseDigestMarker } from "../src/services/digests/compose-digest.js";
import {
  CHANNEL_MESSAGE_RATE_LIMIT,
  type FakeGuildInit,
  startFakeDiscord,
} from "../test/fakes/discord/index.js";
import { startFakeHub } from "../test/fakes/hub/fake-hub.js";
import { generateHubDatasets } from "../test/fixtures/generate-hub-datasets.js";
import { generateHubModels } from "../test/fixtures/generate-hub-models.js";
import { percentile } from "./stats.js";

/** Monday 30 November 2026, 09:00 UTC, and the same instant's wall clock in other zones (all Monday). */
const DUE = Date.parse("2026-11-30T09:00:00Z");
const ZONES = [
  { timezone: "UTC", time: "09:00" },
  { timezone: "Europe/London", time: "09:00" },
  { timezone: "Europe/Paris", time: "10:00" },
  { timezone: "Asia/Kolkata", time: "14:30" },
  { timezone: "Asia/Shanghai", time: "17:00" },
  { timezone: "Asia/Tokyo", time: "18:00" },
  { timezone: "America/New_York", time: "04:00" },
] as const;
const REGIONS = [null, "china", "us", "europe"] as const;

/** Options of the digest bench. */
export interface DigestBenchOptions {
  guilds?: number;
  /** Discord's per-bot limit; discord.js also keeps to 50 a second on its own. */
  globalRequestsPerSecond?: number;
}

const pad = (n: number) => String(n).padStart(6, "0");

/** Runs the digest bench and returns its figures (times in ms). */
export async function benchDigests(
  options: DigestBenchOptions = {},
): Promise<Record<string, number | string>> {
  const guildCount = options.guilds ?? 1000;
  const globalPerSecond = options.globalRequestsPerSecond ?? 50;
  let offset = DUE - 3_600_000 - Date.now();
  const clock = () => new Date(Date.now() + offset);
  const logger = pino({ level: "silent" });

  const guilds: FakeGuildInit[] = Array.from({ length: guildCount }, (_, i) => ({
    id: `120000000000${pad(i)}`,
    name: `guild ${i}`,
    channels: [{ id: `130000000000${pad(i)}`, name: "ai-weekly", type: 0 }],
  }));
  const hub = await startFakeHub({
    models: generateHubModels({ count: 400, now: clock(), seed: 7 }).rows,
    datasets: generateHubDatasets({ count: 60, now: clock(), seed: 7 }).rows,
  });
  const discord = await startFakeDiscord({
    guilds,
    applicationId: "1200000000000000100",
    rateLimits: [CHANNEL_MESSAGE_RATE_LIMIT],
    globalRequestsPerSecond: globalPerSecond,
  });
  const parsed = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    HUB_URL: hub.url,
    DATABASE_PATH: ":memory:",
    SNAPSHOT_TOP_N: "300",
    SNAPSHOT_TRENDING_N: "50",
    SNAPSHOT_NEW_LIMIT: "50",
    CHART_DEVICE_PIXEL_RATIO: "1",
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const services = createServices(parsed.config, { logger, clock, fetch: globalThis.fetch });
  const local = createLocalChartRenderer({ logger });
  let renders = 0;
  const renderer: ChartRenderer = {
    render(spec, size) {
      renders++;
      return local.render(spec, size);
    },
  };
  const startedLogin = performance.now();
  const bot = await startBot({
    config: parsed.config,
    services,
    renderer,
    logger,
    clock,
    digestTickMs: null,
  });
  const loginMs = performance.now() - startedLogin;
  try {
    await services.collector.collect();
    const store = bot.services.digests.store;
    for (const [i, guild] of guilds.entries()) {
      const zone = ZONES[i % ZONES.length] ?? ZONES[0];
      store.create({
        guildId: guild.id,
        channelId: guild.channels[0]?.id ?? "",
        day: "mon",
        time: zone.time,
        timezone: zone.timezone,
        region: REGIONS[i % REGIONS.length] ?? null,
        language: i % 3 === 0 ? "zh-CN" : "en-US",
        createdBy: "1200000000000000200",
      });
    }

    offset = DUE - Date.now();
    const started = performance.now();
    let ticks = 0;
    let posted = 0;
    const firstTickStarted = performance.now();
    const first = await bot.digestTick();
    const firstTickMs = performance.now() - firstTickStarted;
    ticks++;
    posted += first.posted;
    while (posted < guildCount && performance.now() - started < 600_000) {
      offset += 30_000;
      const report = await bot.digestTick();
      ticks++;
      posted += report.posted;
    }
    const allPostedMs = performance.now() - started;

    const lateness: number[] = [];
    let duplicates = 0;
    let missing = 0;
    for (const guild of guilds) {
      const channelId = guild.channels[0]?.id ?? "";
      const periods = discord
        .messagesIn(channelId)
        .map((message) => (message.embeds as { footer?: { text?: string } }[] | undefined)?.[0]?.footer?.text)
        .map((footer) => parseDigestMarker(footer ?? "")?.period)
        .filter((period): period is string => period !== undefined);
      duplicates += periods.length - new Set(periods).size;
      if (periods.length === 0) missing++;
    }
    for (const digest of store.listEnabled()) {
      const delivery = store.lastPosted(digest.id);
      if (delivery?.postedAt != null) lateness.push(Date.parse(delivery.postedAt) - DUE);
    }
    const posts = discord.callsTo("POST", /^\/channels\/\d+\/messages$/);
    return {
      guilds: guildCount,
      digests: store.listEnabled().length,
      limits: `${globalPerSecond} requests/s per bot, 5 messages/5 s per channel`,
      loginWith1000GuildsMs: Math.round(loginMs),
      firstTickMs: Math.round(firstTickMs),
      allPostedMs: Math.round(allPostedMs),
      postsPerSecond: Math.round((posted / allPostedMs) * 1000 * 10) / 10,
      latenessP50Ms: Math.round(percentile(lateness, 50)),
      latenessMaxMs: Math.round(percentile(lateness, 100)),
      ticks,
      postRequests: posts.length,
      http429: posts.filter((call) => call.status === 429).length,
      chartRenders: renders,
      duplicates,
      missing,
    };
  } finally {
    await bot.stop();
    services.close();
    await discord.close();
    await hub.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await benchDigests();
  for (const [label, value] of Object.entries(figures)) process.stdout.write(`${label}: ${value}\n`);
}
