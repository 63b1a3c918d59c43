/**
 * HTTP interactions bench (issue 12): `npm run bench http` prints the figures. The bot runs as
 * real processes (`src/index.ts`, as `npm start` runs it) on one SQLite file (WAL) prepared by a
 * scheduler process; the loopback Discord and the fake Hub run in this process, which is also the
 * load generator, and a round-robin proxy of the topology test spreads `/interactions` over the
 * replicas. For 1, 2 and 3 http replicas, and for one process in gateway mode, `/trends` (five
 * regions and the overview, charts warm after a warm-up) is offered at rising steady rates, each for
 * STEP_SECONDS from distinct users (no cooldown refusals); a rate is sustained when every answer
 * came and the final-answer p99 (dispatch to the whole answer, the fake's clock) is under 500 ms.
 * The machine has 2 shared cores: the replicas, the fakes and the load generator share them, so
 * more replicas add processes, not cores.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  APPLICATION_ID,
  CHANNEL_ID,
  GUILD_ID,
  testEnv,
  testGuild,
  testHubRows,
} from "../test/bot/test-world.js";
import { type FakeDiscord, startFakeDiscord } from "../test/fakes/discord/index.js";
import { startFakeHub } from "../test/fakes/hub/fake-hub.js";
import { type RunningEntry, startEntry } from "../test/startup/process.js";
import { freePort } from "../test/support/tcp-relay.js";
import { startRoundRobinProxy } from "../test/topology/round-robin-proxy.js";
import { percentile } from "./stats.js";

const RATES = [25, 50, 100, 150, 200, 250, 300, 400];
const STEP_SECONDS = 3;
const P99_LIMIT_MS = 500;
const REGIONS = ["china", "us", "europe", "asia", "other", null] as const;
let nextUser = 0n;

/** Offers `rate` /trends a second for STEP_SECONDS; p99 of the final answers, and how many came. */
async function step(
  discord: FakeDiscord,
  rate: number,
): Promise<{ p99: number; answered: number; sent: number; failures: number }> {
  const total = rate * STEP_SECONDS;
  const violationsBefore = discord.violations.length;
  const started = performance.now();
  const sent = [];
  for (let i = 0; i < total; i++) {
    // On schedule rather than by fixed sleeps, so a slow send does not lower the rate.
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const region = REGIONS[i % REGIONS.length] ?? null;
    nextUser += 1n;
    sent.push(
      discord.dispatchChatInput({
        guildId: GUILD_ID,
        channelId: CHANNEL_ID,
        user: { id: String(1_700_000_000_000_000_000n + nextUser), username: `u${nextUser}` },
        name: "trends",
        options: region === null ? [] : [{ name: "region", type: 3, value: region }],
      }),
    );
  }
  const outcomes = await Promise.all(
    (await Promise.all(sent)).map((s) => s.waitForFinal(15_000).catch(() => null)),
  );
  const finals = outcomes.flatMap((o) => (o === null ? [] : [o.timings.finalAt - o.timings.dispatchedAt]));
  // Settled: a late HTTP answer is recorded when Discord's 3 s run out.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    p99: percentile(finals, 99),
    answered: finals.length,
    sent: total,
    failures: discord.violations.length - violationsBefore,
  };
}

/** The highest offered rate sustained, and every step's p99. */
async function rampUp(discord: FakeDiscord): Promise<Record<string, number | string>> {
  await step(discord, 20); // warm-up: every chart drawn once, connections open
  const figures: Record<string, number | string> = {};
  let sustained = 0;
  for (const rate of RATES) {
    const { p99, answered, sent } = await step(discord, rate);
    figures[`${rate}/s: final p99 ms`] =
      answered === sent ? Math.round(p99) : `${sent - answered} unanswered`;
    if (answered < sent || p99 >= P99_LIMIT_MS) break;
    sustained = rate;
  }
  return { [`sustained interactions/s (p99 < ${P99_LIMIT_MS} ms)`]: sustained, ...figures };
}

export async function benchHttpInteractions(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "hubtrends-bench-http-"));
  const discord = await startFakeDiscord({ guilds: [testGuild()], applicationId: APPLICATION_ID });
  const hub = await startFakeHub(testHubRows({ now: new Date() }));
  const running: RunningEntry[] = [];
  const env = {
    ...testEnv({
      token: discord.token,
      apiUrl: discord.apiUrl,
      hubUrl: hub.url,
      databasePath: join(dir, "bench.db"),
    }),
    DISCORD_PUBLIC_KEY: discord.publicKey,
    LOG_LEVEL: "warn",
  };
  const start = (extra: Record<string, string>) => {
    const entry = startEntry("index.ts", { ...env, ...extra }, { timeoutMs: 600_000 });
    running.push(entry);
    return entry;
  };
  const stop = async (entries: RunningEntry[]) => {
    for (const entry of entries) entry.child.kill("SIGTERM");
    await Promise.all(entries.map((entry) => entry.exited.catch(() => undefined)));
  };
  const figures: Record<string, unknown> = {};
  try {
    // The scheduler collects the snapshot every replica answers from, then stays (it leads).
    const schedulerPort = await freePort();
    start({
      INTERACTIONS_MODE: "http",
      ROLES: "scheduler",
      GATEWAY: "false",
      HTTP_PORT: String(schedulerPort),
    });
    await waitForSnapshot(schedulerPort);

    for (const count of [1, 2, 3]) {
      const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
      const replicas = ports.map((port) =>
        start({ INTERACTIONS_MODE: "http", ROLES: "interactions", HTTP_PORT: String(port) }),
      );
      await Promise.all(ports.map((port) => waitForHealthy(port)));
      const proxy = await startRoundRobinProxy(ports);
      discord.setInteractionsEndpoint(`${proxy.url}/interactions`);
      figures[`http, ${count} replica${count > 1 ? "s" : ""}`] = await rampUp(discord);
      await proxy.close();
      await stop(replicas);
    }

    discord.setInteractionsEndpoint(null);
    const gatewayBot = start({ INTERACTIONS_MODE: "gateway", ROLES: "interactions", LOG_LEVEL: "info" });
    await gatewayBot.waitForLog("bot ready", { timeoutMs: 60_000 });
    figures["gateway, 1 process"] = await rampUp(discord);
    await stop([gatewayBot]);
    // Past the sustained rate, answers come late: Discord (the fake) then records a time-out.
    figures["violations recorded by the loopback Discord"] = discord.violations.length;
    const kinds = new Set(
      discord.violations.map((v) =>
        `${v.route ?? v.path}: ${(v.problems[0] ?? "").replace(/\d{6,}/g, "…")}`.slice(0, 160),
      ),
    );
    if (kinds.size > 0) figures["violation kinds"] = [...kinds].slice(0, 5);
  } finally {
    await stop(running.filter((entry) => entry.child.exitCode === null && entry.child.signalCode === null));
    await discord.close();
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

async function waitForHealthy(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the process on port ${port} never became healthy`);
}

async function waitForSnapshot(port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`)
      .then((r) => r.text())
      .catch(() => "");
    if (text.includes('hubtrends_snapshot_age_seconds{snapshot="newest"}')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the scheduler took no snapshot within a minute");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(await benchHttpInteractions());
}
