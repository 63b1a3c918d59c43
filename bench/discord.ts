/**
 * Discord bench: `npx tsx bench/discord.ts` prints the figures; `benchDiscord()` returns them for
 * a combined run. The real bot (discord.js, SQLite, the local chart renderer) in this process,
 * against the loopback Discord and the fake Hub in another (fakes-child.ts), so that the fakes'
 * request parsing and schema validation do not share the bot's event loop and count in its
 * latencies. A stored snapshot of 1,000 top models (+ trending and new ones), stats warmed:
 * - 200 `/trends` fired together by 20 users, regions cycling through the 5 regions and the
 *   overview. The cooldown (5 s per user and command) is kept: each user's first interaction is
 *   answered in full and the other 9 are refused at once, as they would be in production.
 * - 200 `/trends` fired together by 200 distinct users (same region mix), so that every one is
 *   answered in full: time to the final answer under load, on a warm cache.
 * - 200 `/model` autocompletes over the snapshot's ids, one after another.
 * - The 200 distinct users again (other users) right after a new snapshot: once with the stats
 *   warmed but every chart drawn anew, once after what the bot does on a new snapshot (stats
 *   warmed, /trends' usual charts drawn ahead).
 * Times are from the fake's own clock: dispatch of INTERACTION_CREATE to the first accepted
 * callback (acknowledgement) and to the complete answer (final).
 */
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { parseConfig } from "../src/config.js";
import { startBotInstance, stopBotInstance } from "../test/bot/start-test-bot.js";
import { testClock, testEnv } from "../test/bot/test-world.js";
import { type FakesProcess, startFakesProcess } from "./fakes-process.js";
import type { TrendsInteraction, TrendsResult } from "./fakes-protocol.js";
import { median, percentile } from "./stats.js";

const SCOPES = ["china", "us", "europe", "asia", "other", null] as const;
const BURST = 200;

const regionOf = (i: number): string | null => SCOPES[i % SCOPES.length] ?? null;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Fires 200 /trends at once, the i-th from user `userFor(i)`, and waits for every answer. */
async function burst(
  fakes: FakesProcess,
  label: string,
  userFor: (i: number) => number,
): Promise<{ figures: Record<string, number>; result: TrendsResult }> {
  const interactions: TrendsInteraction[] = Array.from({ length: BURST }, (_, i) => ({
    user: userFor(i),
    region: regionOf(i),
  }));
  // The fakes run in another process: this is the bot's own CPU time for the whole burst.
  const cpuBefore = process.cpuUsage();
  const result = await fakes.trends(interactions);
  const cpu = process.cpuUsage(cpuBefore);
  const ack = result.answers.map((a) => a.acknowledgedAt - a.dispatchedAt);
  const answered = result.answers.filter((a) => a.chart);
  const final = answered.map((a) => a.finalAt - a.dispatchedAt);
  const figures: Record<string, number> = {
    "answered with a chart": answered.length,
    "refused by the cooldown": result.answers.filter((a) => a.refusedByCooldown).length,
    "ack p50 ms": round(median(ack)),
    "ack p99 ms": round(percentile(ack, 99)),
    "final answer p50 ms": round(median(final)),
    "final answer p99 ms": round(percentile(final, 99)),
    "Hub requests during the burst": result.hubRequests,
    "bot CPU ms for the burst": Math.round((cpu.user + cpu.system) / 1000),
  };
  return {
    figures: Object.fromEntries(Object.entries(figures).map(([name, value]) => [`${label}: ${name}`, value])),
    result,
  };
}

/** The figures of the Discord bench. */
export async function benchDiscord(): Promise<Record<string, number | string>> {
  const fakes = await startFakesProcess({ models: 2500 });
  try {
    const parsed = parseConfig({
      ...testEnv({
        token: fakes.token,
        apiUrl: fakes.apiUrl,
        hubUrl: fakes.hubUrl,
        databasePath: ":memory:",
      }),
      SNAPSHOT_TOP_N: "1000",
      SNAPSHOT_TRENDING_N: "200",
      SNAPSHOT_NEW_LIMIT: "200",
    });
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const config = parsed.config;
    const instance = await startBotInstance({
      config,
      logger: pino({ level: "silent" }),
      clock: testClock(),
      digestTickMs: null,
      wrapRenderer: undefined,
    });
    try {
      const { services } = instance;
      const violations: string[] = [];
      const report = await services.collector.collect();
      await services.trends.warm();
      // A running bot has also loaded its renderer and drawn each scope's chart once.
      for (const [i] of SCOPES.entries()) {
        violations.push(...(await fakes.trends([{ user: 90_000 + i, region: regionOf(i) }])).violations);
      }

      const twentyUsers = await burst(fakes, "20 users × 10 (cooldown kept)", (i) => i % 20);
      // The 20 users' cooldowns must not touch the next burst: it uses 200 other users.
      const distinctUsers = await burst(fakes, "200 distinct users", (i) => 1000 + i);

      const typed = Array.from(
        { length: 200 },
        (_, i) => ["q", "qwen", "meta", "llama-3", "Instruct", "7b", "nvidia/", "mlx"][i % 8] ?? "",
      );
      const complete = await fakes.autocomplete(typed);

      // The first people to ask after a collection, side by side: with the stats warmed but no
      // chart of the new data drawn (as before the charts were drawn ahead), then with what the
      // bot itself does after a new snapshot (its collection tick follows it: stats warmed and
      // /trends' usual charts drawn ahead).
      await services.collector.collect();
      await services.trends.warm();
      const cold = await burst(
        fakes,
        "200 distinct users, first burst after a new snapshot, stats warmed only",
        (i) => 3000 + i,
      );
      await services.collector.collect();
      await instance.bot.collectionTick();
      const prepared = await burst(
        fakes,
        "200 distinct users, first burst after a new snapshot, as the bot prepares it",
        (i) => 5000 + i,
      );

      for (const part of [twentyUsers.result, distinctUsers.result, complete, cold.result, prepared.result]) {
        violations.push(...part.violations);
      }
      return {
        "stored snapshot": `${report.snapshot.modelCount} models (${config.collection.topN} top by downloads + trending + new)`,
        ...twentyUsers.figures,
        ...distinctUsers.figures,
        ...cold.figures,
        ...prepared.figures,
        "/model autocomplete p50 ms": round(median(complete.durations)),
        "/model autocomplete p99 ms": round(percentile(complete.durations, 99)),
        "requests Discord would reject (e.g. acks past 3 s)": violations.length,
        ...(violations.length > 0 ? { "first rejected request": violations[0] ?? "" } : {}),
        "peak RSS MB (bot process)": Math.round(process.resourceUsage().maxRSS / 1024),
        "peak RSS MB (fakes process)": prepared.result.peakRssMB,
      };
    } finally {
      await stopBotInstance(instance);
    }
  } finally {
    await fakes.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const figures = await benchDiscord();
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
