import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunExtra } from "../bot/start-test-bot.js";
import {
  APPLICATION_ID,
  CHANNEL_ID,
  GUILD_ID,
  testEnv,
  testGuild,
  testHubRows,
  USER,
} from "../bot/test-world.js";
import {
  type DispatchedInteraction,
  type FakeDiscord,
  type FakeDiscordOptions,
  type InteractionOptionInit,
  startFakeDiscord,
} from "../fakes/discord/index.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { type RunningEntry, startEntry } from "../startup/process.js";

/** The bot as `npm start` runs it (its own process), against a loopback Discord and a fake Hub. */
export interface BotProcessWorld {
  discord: FakeDiscord;
  hub: FakeHub;
  dir: string;
  databasePath: string;
  /** Sends `/name options` as USER in CHANNEL_ID (en-US unless `extra` says otherwise). */
  send(name: string, options?: InteractionOptionInit[], extra?: RunExtra): Promise<DispatchedInteraction>;
  /** Starts `src/index.ts` with the test configuration plus `env`; resolves once it is ready. */
  startBot(env?: Record<string, string>): Promise<RunningEntry>;
  /**
   * Kills any bot still running, closes the fakes and removes the directory; then fails on any
   * request Discord would have rejected.
   */
  close(): Promise<void>;
}

export async function startBotProcessWorld(
  options: { discord?: Pick<FakeDiscordOptions, "heartbeatIntervalMs"> } = {},
): Promise<BotProcessWorld> {
  const discord = await startFakeDiscord({
    guilds: [testGuild()],
    applicationId: APPLICATION_ID,
    ...options.discord,
  });
  const hub = await startFakeHub(testHubRows({ now: new Date() }));
  const dir = mkdtempSync(join(tmpdir(), "hubtrends-faults-"));
  const databasePath = join(dir, "hubtrends.db");
  const started: RunningEntry[] = [];
  return {
    discord,
    hub,
    dir,
    databasePath,
    send(name, options = [], extra = {}) {
      const { channelId = CHANNEL_ID, user = USER, locale = "en-US", ...overrides } = extra;
      return discord.dispatchChatInput({
        guildId: GUILD_ID,
        channelId,
        user,
        name,
        options,
        locale,
        ...overrides,
      });
    },
    async startBot(env = {}) {
      const bot = startEntry("index.ts", {
        ...testEnv({ token: discord.token, apiUrl: discord.apiUrl, hubUrl: hub.url, databasePath }),
        ...env,
      });
      started.push(bot);
      await bot.waitForLog("bot ready", { timeoutMs: 30_000 });
      return bot;
    },
    async close() {
      for (const bot of started) {
        if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill("SIGKILL");
        await bot.exited.catch(() => undefined);
      }
      await discord.close();
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
      discord.assertNoViolations();
    },
  };
}
