/**
 * Watch bench: `npx tsx bench/watches.ts` prints the figures; `benchWatches()` returns them for a
 * combined run. 2,000 guilds, each with one watch in its own channel, over 300 distinct orgs (6 or
 * 7 watches each), run by the real bot (poller, store, discord.js) against the fake Hub and the
 * loopback Discord with Discord's limits on (50 requests a second per bot, 5 messages per 5 s per
 * channel). Measures Hub requests per poll cycle (target: one per org), how long 500 alerts take
 * to reach their channels, 429s, and duplicates (target 0).
 */
import { pathToFileURL } from "node:url";
import { parseAlertMarker } from "../src/services/watches/compose-alert.js";
import { startTestBot } from "../test/bot/start-test-bot.js";
import { CHANNEL_MESSAGE_RATE_LIMIT, type FakeGuildInit } from "../test/fakes/discord/index.js";
import { hubModelRow } from "../test/watches/hub-rows.js";

const START = "2026-11-20T10:00:00.000Z";
const HUB_QUOTA = 2500;
const pad = (n: number) => String(n).padStart(6, "0");

/** Options of the watch bench. */
export interface WatchBenchOptions {
  guilds?: number;
  orgs?: number;
  alerts?: number;
}

/** Runs the watch bench and returns its figures (times in ms). */
export async function benchWatches(
  options: WatchBenchOptions = {},
): Promise<Record<string, number | string>> {
  const guildCount = options.guilds ?? 2000;
  const orgCount = options.orgs ?? 300;
  const alertTarget = options.alerts ?? 500;
  const orgOf = (i: number) => `bench-org-${pad(i % orgCount)}`;
  const guilds: FakeGuildInit[] = Array.from({ length: guildCount }, (_, i) => ({
    id: `120000000000${pad(i)}`,
    name: `guild ${i}`,
    channels: [{ id: `130000000000${pad(i)}`, name: "releases", type: 0 }],
  }));
  const h = await startTestBot({
    clock: START,
    discord: { guilds, rateLimits: [CHANNEL_MESSAGE_RATE_LIMIT], globalRequestsPerSecond: 50 },
    // Three cycles back to back ask 900 times within a minute: more than the anonymous 500 per 5
    // minutes, after which the poller rightly waits for the window. The bot spreads a cycle over
    // WATCH_POLL_SECONDS (300 orgs in 600 s is 150 per window); the bench runs them back to back,
    // so it asks as a PRO token may (2,500 per window).
    hubRateLimitQuota: HUB_QUOTA,
    extraModels: Array.from({ length: orgCount }, (_, i) =>
      hubModelRow(`${orgOf(i)}/existing`, { createdAt: "2026-01-01T00:00:00.000Z" }),
    ),
    keepLogs: false,
  });
  try {
    const store = h.bot.services.watches.store;
    const watchersOf = new Map<string, number>();
    for (const [i, guild] of guilds.entries()) {
      await store.create({
        guildId: guild.id,
        channelId: guild.channels[0]?.id ?? "",
        channelKind: null,
        org: orgOf(i),
        minDownloads: 0,
        roleId: null,
        language: i % 3 === 0 ? "zh-CN" : "en-US",
        createdBy: "1200000000000000200",
      });
      watchersOf.set(orgOf(i), (watchersOf.get(orgOf(i)) ?? 0) + 1);
    }
    const hubListRequests = () =>
      h.hub.requests.filter((r) => r.path === "/api/models" && r.params.has("author")).length;

    // The first cycle sets every watch's baseline.
    let before = hubListRequests();
    const baselineStarted = performance.now();
    await h.bot.watchCycle();
    const baselineMs = performance.now() - baselineStarted;
    const baselineRequests = hubListRequests() - before;

    // Releases in as many orgs as it takes to make `alertTarget` alerts.
    let planned = 0;
    for (const [org, watchers] of watchersOf) {
      if (planned >= alertTarget) break;
      h.hub.putModel(hubModelRow(`${org}/new-model-7B`, { createdAt: "2026-11-20T11:00:00.000Z" }));
      planned += watchers;
    }
    before = hubListRequests();
    const started = performance.now();
    const report = await h.bot.watchCycle();
    const deliverMs = performance.now() - started;
    const alertRequests = hubListRequests() - before;

    let duplicates = 0;
    let delivered = 0;
    for (const guild of guilds) {
      const keys = h.discord
        .messagesIn(guild.channels[0]?.id ?? "")
        .map((m) => (m.embeds as { footer?: { text?: string } }[] | undefined)?.[0]?.footer?.text ?? "")
        .map((footer) => parseAlertMarker(footer))
        .filter((key) => key !== null)
        .map((key) => `${key.watchId}:${key.kind}:${key.modelId}`);
      delivered += keys.length;
      duplicates += keys.length - new Set(keys).size;
    }
    // A third cycle finds nothing new: nothing may be posted twice.
    await h.bot.watchCycle();
    const afterRepeat = h.discord
      .callsTo("POST", /^\/channels\/\d+\/messages$/)
      .filter((c) => c.status === 200).length;
    const posts = h.discord.callsTo("POST", /^\/channels\/\d+\/messages$/);
    return {
      guilds: guildCount,
      watches: guildCount,
      distinctOrgs: orgCount,
      limits: `Discord 50 requests/s per bot, 5 messages/5 s per channel; Hub ${HUB_QUOTA} requests/5 min`,
      hubRequestsBaselineCycle: baselineRequests,
      hubRequestsAlertCycle: alertRequests,
      baselineCycleMs: Math.round(baselineMs),
      alertsPlanned: planned,
      alertsPosted: report?.outcomes.posted ?? 0,
      alertsInChannels: delivered,
      deliverCycleMs: Math.round(deliverMs),
      alertsPerSecond: Math.round((delivered / deliverMs) * 1000 * 10) / 10,
      http429: posts.filter((call) => call.status === 429).length,
      postsAfterRepeatCycle: afterRepeat,
      duplicates,
    };
  } finally {
    await h.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await benchWatches();
  for (const [label, value] of Object.entries(figures)) process.stdout.write(`${label}: ${value}\n`);
}
