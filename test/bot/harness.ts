import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Logger, pino } from "pino";
import { afterEach, expect } from "vitest";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { type Config, parseConfig } from "../../src/config.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import type {
  FakeChannelInit,
  FakeDiscord,
  FakeDiscordOptions,
  FakeGuildInit,
  InteractionOptionInit,
  PermissionInput,
} from "../fakes/discord/index.js";
import { Permission, startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeHub, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubDatasets } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels } from "../fixtures/generate-hub-models.js";

export const GUILD_ID = "1190000000000000001";
export const CHANNEL_ID = "1190000000000000011";
/** The bot may send here but not embed or attach. */
export const PLAIN_CHANNEL_ID = "1190000000000000012";
export const APPLICATION_ID = "1190000000000000100";
export const USER = { id: "1190000000000000200", username: "ada" };

export function testGuild(extraChannels: FakeChannelInit[] = []): FakeGuildInit {
  return {
    id: GUILD_ID,
    name: "ML community",
    channels: [
      { id: CHANNEL_ID, name: "trends", type: 0 },
      {
        id: PLAIN_CHANNEL_ID,
        name: "plain",
        type: 0,
        botPermissions: { deny: Permission.EmbedLinks | Permission.AttachFiles },
      },
      ...extraChannels,
    ],
  };
}

/**
 * The clock the bot and its services read. It follows real time (discord.js and the fake
 * Discord wait in real time) shifted by an offset the test sets, so a test can jump to next
 * Monday 09:00 in Shanghai and tick.
 */
export interface TestClock {
  (): Date;
  /** From now on the clock reads `iso`, then runs on from there. */
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(startIso?: string): TestClock {
  let offset = startIso === undefined ? 0 : Date.parse(startIso) - Date.now();
  return Object.assign(() => new Date(Date.now() + offset), {
    set(iso: string) {
      offset = Date.parse(iso) - Date.now();
    },
    advance(ms: number) {
      offset += ms;
    },
  });
}

/** Options of a `dispatchChatInput` made through {@link BotHarness.run}. */
export interface RunExtra {
  channelId?: string;
  locale?: string;
  user?: { id: string; username: string };
  memberPermissions?: PermissionInput;
  appPermissions?: PermissionInput;
  resolved?: Record<string, unknown>;
}

/** Another bot process: its own services (database connection) and Discord client. */
export interface BotInstance {
  bot: RunningBot;
  services: Services;
}

export interface BotHarness {
  discord: FakeDiscord;
  hub: FakeHub;
  services: Services;
  bot: RunningBot;
  config: Config;
  clock: TestClock;
  logs: Record<string, unknown>[];
  /** Sends `/name options` from USER in CHANNEL_ID and waits for the whole answer. */
  run(
    name: string,
    options?: InteractionOptionInit[],
    extra?: RunExtra,
  ): ReturnType<Awaited<ReturnType<FakeDiscord["dispatchChatInput"]>>["waitForFinal"]>;
  /** Starts another bot on the same configuration (database), fake Discord and clock. */
  startInstance(): Promise<BotInstance>;
  /** Stops the bot (as a crash or deploy would) and starts a new one on the same database. */
  restart(): Promise<void>;
}

/** Options of {@link botHarness}'s `start`. */
export interface HarnessOptions {
  models?: number;
  env?: Record<string, string>;
  /** Where the bot's clock starts (ISO); real time by default. */
  clock?: string;
  /** Channels added to the test guild. */
  channels?: FakeChannelInit[];
  /** A SQLite file in the temporary directory instead of `:memory:`, for restarts and second processes. */
  databaseFile?: boolean;
  /** Passed to the fake Discord (rate limits, say). */
  discord?: Pick<FakeDiscordOptions, "rateLimits" | "globalRequestsPerSecond">;
}

/**
 * The real bot (discord.js, @huggingface/hub, SQLite in memory, the local chart renderer) against
 * a loopback Discord and a fake Hub. Every request the bot makes is validated by the fake Discord;
 * afterEach fails the test on any violation. The digest scheduler does not tick on its own here:
 * tests call `bot.digestTick()` after moving the clock.
 */
export function botHarness(): { start(options?: HarnessOptions): Promise<BotHarness> } {
  let current: { harness: BotHarness; instances: BotInstance[]; dbFile: string | undefined } | undefined;
  afterEach(async () => {
    const state = current;
    current = undefined;
    if (state === undefined) return;
    const { harness: h, instances, dbFile } = state;
    for (const instance of instances) {
      await instance.bot.stop();
      instance.services.close();
    }
    await h.discord.close();
    await h.hub.close();
    if (dbFile !== undefined) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
    }
    h.discord.assertNoViolations();
  });
  return {
    async start(options = {}) {
      const clock = testClock(options.clock);
      const now = clock();
      const hub = await startFakeHub({
        models: generateHubModels({ count: options.models ?? 400, now, seed: 5 }).rows,
        datasets: generateHubDatasets({ count: 60, now, seed: 5 }).rows,
      });
      const discord = await startFakeDiscord({
        guilds: [testGuild(options.channels)],
        applicationId: APPLICATION_ID,
        ...options.discord,
      });
      const dbFile = options.databaseFile
        ? join(
            tmpdir(),
            `hubtrends-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`,
          )
        : undefined;
      const parsed = parseConfig({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        HUB_URL: hub.url,
        DATABASE_PATH: dbFile ?? ":memory:",
        SNAPSHOT_TOP_N: "300",
        SNAPSHOT_TRENDING_N: "50",
        SNAPSHOT_NEW_LIMIT: "50",
        CHART_DEVICE_PIXEL_RATIO: "1",
        ...options.env,
      });
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      const config = parsed.config;
      const logs: Record<string, unknown>[] = [];
      const logger = pino(
        { level: "debug" },
        { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
      );
      const instances: BotInstance[] = [];
      const startInstance = async (): Promise<BotInstance> => {
        const instance = await startInstanceOf(config, logger, clock);
        instances.push(instance);
        return instance;
      };
      const first = await startInstance();
      const harness: BotHarness = {
        discord,
        hub,
        services: first.services,
        bot: first.bot,
        config,
        clock,
        logs,
        async run(name, commandOptions = [], extra = {}) {
          const sent = await discord.dispatchChatInput({
            guildId: GUILD_ID,
            channelId: extra.channelId ?? CHANNEL_ID,
            user: extra.user ?? USER,
            name,
            options: commandOptions,
            locale: extra.locale ?? "en-US",
            ...(extra.memberPermissions === undefined ? {} : { memberPermissions: extra.memberPermissions }),
            ...(extra.appPermissions === undefined ? {} : { appPermissions: extra.appPermissions }),
            ...(extra.resolved === undefined ? {} : { resolved: extra.resolved }),
          });
          return sent.waitForFinal(15_000);
        },
        startInstance,
        async restart() {
          const old = instances.find((instance) => instance.bot === harness.bot);
          if (old !== undefined) {
            await old.bot.stop();
            old.services.close();
            instances.splice(instances.indexOf(old), 1);
          }
          const next = await startInstance();
          harness.bot = next.bot;
          harness.services = next.services;
        },
      };
      current = { harness, instances, dbFile };
      return harness;
    },
  };
}

async function startInstanceOf(config: Config, logger: Logger, clock: TestClock): Promise<BotInstance> {
  const services = createServices(config, {
    logger,
    clock,
    fetch: globalThis.fetch,
    hubRetry: { sleep: async () => {}, maxAttempts: 2 },
  });
  const renderer = createLocalChartRenderer({ logger });
  try {
    const bot = await startBot({ config, services, renderer, logger, clock, digestTickMs: null });
    return { bot, services };
  } catch (error) {
    services.close();
    throw error;
  }
}

/** The embeds of an answer's JSON body. */
export function embedsOf(json: unknown): {
  title?: string;
  description?: string;
  image?: { url: string };
  footer?: { text: string };
  fields?: { name: string; value: string }[];
}[] {
  expect(json).toHaveProperty("embeds");
  return (json as { embeds: [] }).embeds;
}

/** The text content of an answer's JSON body. */
export function contentOf(json: unknown): string {
  return (json as { content?: string }).content ?? "";
}

/** Whether the answer is ephemeral (flag 64). */
export function isEphemeral(json: unknown): boolean {
  return (((json as { flags?: number }).flags ?? 0) & 64) === 64;
}
