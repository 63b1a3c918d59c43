import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createDigestStore } from "../../src/services/digests/digest-store.js";
import { DAY_NAMES } from "../../src/services/digests/schedule.js";
import { openDatabase } from "../../src/services/storage/database.js";
import { APPLICATION_ID, testEnv, testHubRows } from "../bot/test-world.js";
import {
  type DispatchedInteraction,
  type FakeGuildInit,
  HTTP_RESPONSE_ROUTE,
  startFakeDiscord,
} from "../fakes/discord/index.js";
import { startFakeHub } from "../fakes/hub/fake-hub.js";
import { type RunningEntry, startEntry } from "../startup/process.js";
import { createScratchPostgres } from "../support/scratch-postgres.js";
import { freePort } from "../support/tcp-relay.js";
import { POSTGRES_SKIPPED, TEST_DATABASE_URL } from "../support/test-databases.js";
import { startRoundRobinProxy } from "./round-robin-proxy.js";

const INTERACTIONS = 300;
const GUILDS = 20;
/** Discord's limit per guild: 5 digests, so 20 guilds hold the 100. */
const CHANNELS_PER_GUILD = 5;
const guildId = (g: number) => `13${String(g).padStart(17, "0")}`;
const channelId = (g: number, c: number) => `14${String(g * 10 + c).padStart(17, "0")}`;
/** Where the interactions are sent from: a channel no digest posts in. */
const ASK_CHANNEL = `15${"0".repeat(17)}`;

function guilds(): FakeGuildInit[] {
  return Array.from({ length: GUILDS }, (_, g) => ({
    id: guildId(g),
    name: `guild ${g}`,
    channels: [
      ...Array.from({ length: CHANNELS_PER_GUILD }, (_, c) => ({
        id: channelId(g, c),
        name: `c${c}`,
        type: 0,
      })),
      ...(g === 0 ? [{ id: ASK_CHANNEL, name: "ask", type: 0 }] : []),
    ],
  }));
}

/** The value of one sample line of a Prometheus exposition at `port`, or undefined. */
async function metric(port: number, line: string): Promise<number | undefined> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const suite = TEST_DATABASE_URL === undefined ? describe.skip : describe;
const reason = TEST_DATABASE_URL === undefined ? ` (${POSTGRES_SKIPPED})` : "";

suite(`the multi-machine topology as processes${reason}`, () => {
  it("3 http replicas behind a round-robin proxy and 2 schedulers on one PostgreSQL: each interaction answered once, each due digest posted once, across the leader's death", async () => {
    const adminUrl = TEST_DATABASE_URL ?? "";
    const scratch = await createScratchPostgres(adminUrl, "topology");
    const discord = await startFakeDiscord({ guilds: guilds(), applicationId: APPLICATION_ID });
    const hub = await startFakeHub(testHubRows({ now: new Date() }));
    const processes: RunningEntry[] = [];
    let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>> | undefined;
    try {
      const env = {
        ...testEnv({ token: discord.token, apiUrl: discord.apiUrl, hubUrl: hub.url, databasePath: "unused" }),
        DATABASE_URL: scratch.url,
        INTERACTIONS_MODE: "http",
        DISCORD_PUBLIC_KEY: discord.publicKey,
        // A test cannot wait for the production pace: tick every second, retry a dead claim after 10 s.
        DIGEST_TICK_SECONDS: "1",
        DIGEST_CLAIM_TIMEOUT_SECONDS: "10",
      };
      const start = async (roles: string) => {
        const port = await freePort();
        const entry = startEntry(
          "index.ts",
          { ...env, ROLES: roles, HTTP_PORT: String(port) },
          { timeoutMs: 120_000 },
        );
        processes.push(entry);
        return { entry, port };
      };

      // The first scheduler migrates the database and takes the first snapshot.
      const first = await start("scheduler");
      await first.entry.waitForLog("bot ready", { timeoutMs: 30_000 });
      await until(
        "the first snapshot",
        async () =>
          (await metric(first.port, 'hubtrends_snapshot_age_seconds{snapshot="newest"}')) !== undefined,
        30_000,
      );
      const [second, ...replicas] = await Promise.all([
        start("scheduler"),
        start("interactions"),
        start("interactions"),
        start("interactions"),
      ]);
      if (second === undefined) throw new Error("no second scheduler");
      await second.entry.waitForLog("bot ready", { timeoutMs: 30_000 });
      for (const replica of replicas)
        await replica.entry.waitForLog("http server listening", { timeoutMs: 30_000 });
      expect(await metric(first.port, "hubtrends_scheduler_leader")).toBe(1);
      expect(await metric(second.port, "hubtrends_scheduler_leader")).toBe(0);

      proxy = await startRoundRobinProxy(replicas.map((r) => r.port));
      discord.setInteractionsEndpoint(`${proxy.url}/interactions`);

      // 100 digests whose time came ten minutes ago, scheduled from an hour ago: due at the next tick.
      const database = await openDatabase(
        { kind: "postgres", url: scratch.url },
        { logger: pino({ level: "silent" }) },
      );
      const now = Date.now();
      const store = createDigestStore(database, { clock: () => new Date(now - 3_600_000) });
      const due = new Date(now - 10 * 60_000);
      const day = DAY_NAMES[(due.getUTCDay() + 6) % 7] ?? "mon";
      const time = `${String(due.getUTCHours()).padStart(2, "0")}:${String(due.getUTCMinutes()).padStart(2, "0")}`;
      const digestChannels: string[] = [];
      for (let g = 0; g < GUILDS; g++) {
        for (let c = 0; c < CHANNELS_PER_GUILD; c++) {
          await store.create({
            guildId: guildId(g),
            channelId: channelId(g, c),
            day,
            time,
            timezone: "UTC",
            region: null,
            language: "en-US",
            createdBy: "1",
          });
          digestChannels.push(channelId(g, c));
        }
      }
      const posts = () =>
        discord.calls.filter(
          (c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && c.status === 200,
        ).length;

      // The burst, while the digests go out; the leader is killed once a fifth of them are posted.
      const commands = [
        { name: "trends", options: [] },
        { name: "trends", options: [{ name: "region", type: 3, value: "china" }] },
        { name: "about", options: [] },
      ];
      const sending: Promise<DispatchedInteraction>[] = [];
      let postsAtKill = 0;
      const killed = until("20 digest posts", () => posts() >= 20, 40_000).then(() => {
        first.entry.child.kill("SIGKILL");
        postsAtKill = posts();
      });
      // 40 a second: a steady stream while the digests go out, on a machine the other test files share.
      for (let i = 0; i < INTERACTIONS; i++) {
        const command = commands[i % commands.length] ?? { name: "about", options: [] };
        sending.push(
          discord.dispatchChatInput({
            guildId: guildId(0),
            channelId: ASK_CHANNEL,
            user: { id: String(1_600_000_000_000_000_000n + BigInt(i)), username: `u${i}` },
            ...command,
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const sent = await Promise.all(sending);
      await Promise.all(sent.map((s) => s.waitForFinal(20_000)));
      await killed;

      await until("100 digests posted", () => posts() >= 100, 40_000);
      // A digest the killed leader posted but had not recorded stays claimed until the claim times
      // out (DIGEST_CLAIM_TIMEOUT_SECONDS, 10 s here) and the new leader finds the post by its
      // nonce: wait for the record, not only for the message.
      const recorded = async () =>
        (
          await database.db
            .selectFrom("digest_deliveries")
            .select("status")
            .where("status", "=", "posted")
            .execute()
        ).length;
      await until("every delivery recorded as posted", async () => (await recorded()) === 100, 40_000);
      await until(
        "the second scheduler to lead",
        async () => (await metric(second.port, "hubtrends_scheduler_leader")) === 1,
        10_000,
      );
      // Settle: a doubled post would come now, if at all.
      await new Promise((resolve) => setTimeout(resolve, 1500));

      // The leader died mid-run, and the other scheduler posted the rest (or found them posted).
      expect(postsAtKill).toBeLessThan(100);
      const takenOver = second.entry
        .logs()
        .filter((l) => typeof l.msg === "string" && l.msg.startsWith("digest "));
      expect(
        takenOver.filter(
          (l) => l.msg === "digest posted" || l.msg === "digest found already posted; recorded it",
        ).length,
      ).toBeGreaterThanOrEqual(100 - postsAtKill - 5);
      // Each interaction: exactly one first response, through REST or in the HTTP response.
      for (const s of sent) {
        const first = s
          .calls()
          .filter((c) => (c.route === HTTP_RESPONSE_ROUTE || c.path.endsWith("/callback")) && c.status < 300);
        expect(first, `interaction ${s.id}`).toHaveLength(1);
      }
      expect([...proxy.served.values()]).toEqual([100, 100, 100]);
      // Each digest: one message in its channel, nothing lost, nothing doubled.
      for (const channel of digestChannels) expect(discord.messagesIn(channel), channel).toHaveLength(1);
      const deliveries = await database.db.selectFrom("digest_deliveries").select(["status"]).execute();
      expect(deliveries.map((d) => d.status)).toEqual(Array(100).fill("posted"));
      await database.close();
      discord.assertNoViolations();
    } finally {
      await proxy?.close();
      for (const p of processes) {
        if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
      }
      await Promise.all(processes.map((p) => p.exited.catch(() => undefined)));
      await discord.close();
      await hub.close();
      await scratch.drop();
    }
  }, 120_000);
});
