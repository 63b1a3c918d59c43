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
import { parseDigestMarker } from "../src/services/digests/compose-digest.js";
import { startTestBot } from "../test/bot/start-test-bot.js";
import { CHANNEL_MESSAGE_RATE_LIMIT, type FakeGuildInit } from "../test/fakes/discord/index.js";
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

  const guilds: FakeGuildInit[] = Array.from({ length: guildCount }, (_, i) => ({
    id: `120000000000${pad(i)}`,
    name: `guild ${i}`,
    channels: [{ id: `130000000000${pad(i)}`, name: "ai-weekly", type: 0 }],
  }));
  let renders = 0;
  const h = await startTestBot({
    clock: new Date(DUE - 3_600_000).toISOString(),
    discord: { guilds, rateLimits: [CHANNEL_MESSAGE_RATE_LIMIT], globalRequestsPerSecond: globalPerSecond },
    renderer: (local) => ({
      render(spec, size) {
        renders++;
        return local.render(spec, size);
      },
    }),
    keepLogs: false,
  });
  try {
    await h.services.collector.collect();
    const store = h.bot.services.digests.store;
    for (const [i, guild] of guilds.entries()) {
      const zone = ZONES[i % ZONES.length] ?? ZONES[0];
      await store.create({
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

    h.clock.set(new Date(DUE).toISOString());
    const started = performance.now();
    let ticks = 0;
    let posted = 0;
    const firstTickStarted = performance.now();
    const first = await h.bot.digestTick();
    const firstTickMs = performance.now() - firstTickStarted;
    ticks++;
    posted += first.posted;
    while (posted < guildCount && performance.now() - started < 600_000) {
      h.clock.advance(30_000);
      const report = await h.bot.digestTick();
      ticks++;
      posted += report.posted;
    }
    const allPostedMs = performance.now() - started;

    const lateness: number[] = [];
    let duplicates = 0;
    let missing = 0;
    for (const guild of guilds) {
      const channelId = guild.channels[0]?.id ?? "";
      const periods = h.discord
        .messagesIn(channelId)
        .map((message) => (message.embeds as { footer?: { text?: string } }[] | undefined)?.[0]?.footer?.text)
        .map((footer) => parseDigestMarker(footer ?? "")?.period)
        .filter((period): period is string => period !== undefined);
      duplicates += periods.length - new Set(periods).size;
      if (periods.length === 0) missing++;
    }
    for (const digest of await store.listEnabled()) {
      const delivery = await store.lastPosted(digest.id);
      if (delivery?.postedAt != null) lateness.push(Date.parse(delivery.postedAt) - DUE);
    }
    const posts = h.discord.callsTo("POST", /^\/channels\/\d+\/messages$/);
    return {
      guilds: guildCount,
      digests: (await store.listEnabled()).length,
      limits: `${globalPerSecond} requests/s per bot, 5 messages/5 s per channel`,
      loginWith1000GuildsMs: Math.round(h.loginMs),
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
    await h.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await benchDigests();
  for (const [label, value] of Object.entries(figures)) process.stdout.write(`${label}: ${value}\n`);
}
