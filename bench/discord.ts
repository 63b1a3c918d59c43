/**
 * Discord bench: `npx tsx bench/discord.ts` prints the figures; `benchDiscord()` returns them for
 * a combined run. The real bot (discord.js, SQLite, the local chart renderer) against the loopback
 * Discord and the fake Hub, with a stored snapshot of 1,000 top models (+ trending and new ones):
 * - 200 `/trends` fired together by 20 users, regions cycling through the 5 regions and the
 *   overview. The cooldown (5 s per user and command) is kept: each user's first interaction is
 *   answered in full and the other 9 are refused at once, as they would be in production.
 * - 200 `/trends` fired together by 200 distinct users (same region mix), so that every one is
 *   answered in full: time to the final answer under load, on a warm cache.
 * - 200 `/model` autocompletes over the snapshot's ids, one after another.
 * Times are from the fake's own clock: dispatch of INTERACTION_CREATE to the first accepted
 * callback (acknowledgement) and to the complete answer (final).
 */
import { pathToFileURL } from "node:url";
import { startTestBot, type TestBot } from "../test/bot/start-test-bot.js";
import type { InteractionOutcome } from "../test/fakes/discord/index.js";
import { median, percentile } from "./stats.js";

const SCOPES = ["china", "us", "europe", "asia", "other", null] as const;
const BURST = 200;

function userOf(i: number): { id: string; username: string } {
  return { id: `1190000000000${String(10_000 + i).padStart(6, "0")}`, username: `user${i}` };
}

function regionOption(i: number) {
  const region = SCOPES[i % SCOPES.length] ?? null;
  return region === null ? [] : [{ name: "region", type: 3, value: region }];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Fires 200 /trends at once, the i-th from user `userFor(i)`, and waits for every answer. */
async function burst(
  bot: TestBot,
  label: string,
  userFor: (i: number) => number,
): Promise<Record<string, number>> {
  const hubBefore = bot.hub.requests.length;
  const sent = await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      bot.send("trends", regionOption(i), { user: userOf(userFor(i)) }),
    ),
  );
  const outcomes: InteractionOutcome[] = await Promise.all(sent.map((s) => s.waitForFinal(120_000)));
  const ack = outcomes.map((o) => o.timings.acknowledgedAt - o.timings.dispatchedAt);
  const answered = outcomes.filter((o) => o.files.length > 0);
  const final = answered.map((o) => o.timings.finalAt - o.timings.dispatchedAt);
  const refused = outcomes.filter((o) =>
    /^Please wait/.test(String((o.json as { content?: string }).content)),
  );
  const figures: Record<string, number> = {
    "answered with a chart": answered.length,
    "refused by the cooldown": refused.length,
    "ack p50 ms": round(median(ack)),
    "ack p99 ms": round(percentile(ack, 99)),
    "final answer p50 ms": round(median(final)),
    "final answer p99 ms": round(percentile(final, 99)),
    "Hub requests during the burst": bot.hub.requests.length - hubBefore,
  };
  return Object.fromEntries(Object.entries(figures).map(([name, value]) => [`${label}: ${name}`, value]));
}

/** The figures of the Discord bench. */
export async function benchDiscord(): Promise<Record<string, number | string>> {
  const bot = await startTestBot({
    models: 2500,
    env: { SNAPSHOT_TOP_N: "1000", SNAPSHOT_TRENDING_N: "200", SNAPSHOT_NEW_LIMIT: "200" },
    keepLogs: false,
  });
  try {
    const report = await bot.services.collector.collect();
    // Warm-up, as a running bot would be: each scope's stats computed, the renderer loaded.
    for (const [i] of SCOPES.entries())
      await bot.run("trends", regionOption(i), { user: userOf(90_000 + i) });

    const twentyUsers = await burst(bot, "20 users × 10 (cooldown kept)", (i) => i % 20);
    // The 20 users' cooldowns must not touch the next burst: it uses 200 other users.
    const distinctUsers = await burst(bot, "200 distinct users", (i) => 1000 + i);

    const complete: number[] = [];
    for (let i = 0; i < 200; i++) {
      const typed = ["q", "qwen", "meta", "llama-3", "Instruct", "7b", "nvidia/", "mlx"][i % 8] ?? "";
      const outcome = await bot.autocomplete("model", [{ name: "id", type: 3, value: typed, focused: true }]);
      complete.push(outcome.timings.finalAt - outcome.timings.dispatchedAt);
    }
    const late = bot.discord.takeViolations().length;
    return {
      "stored snapshot": `${report.snapshot.modelCount} models (${bot.config.collection.topN} top by downloads + trending + new)`,
      ...twentyUsers,
      ...distinctUsers,
      "/model autocomplete p50 ms": round(median(complete)),
      "/model autocomplete p99 ms": round(percentile(complete, 99)),
      "requests Discord would reject (e.g. acks past 3 s)": late,
      "peak RSS MB": Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await bot.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await benchDiscord();
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
