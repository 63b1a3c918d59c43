import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Routes } from "discord.js";
import { type Logger, pino } from "pino";
import { createBot } from "../../src/bot/create-bot.js";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { COMMANDS } from "../../src/commands/index.js";
import { type Config, parseConfig } from "../../src/config.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import type { ChartRenderer } from "../../src/services/charts/renderer.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import { createMetrics } from "../../src/services/metrics.js";
import type {
  DispatchedInteraction,
  DispatchInteractionArgs,
  FakeChannelInit,
  FakeDiscord,
  FakeDiscordOptions,
  InteractionOptionInit,
  InteractionOutcome,
  PermissionInput,
} from "../fakes/discord/index.js";
import { startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeHub, type HubFault, startFakeHub } from "../fakes/hub/fake-hub.js";
import type { HubDatasetRow } from "../fixtures/generate-hub-datasets.js";
import type { HubModelRow } from "../fixtures/generate-hub-models.js";
import {
  APPLICATION_ID,
  CHANNEL_ID,
  GUILD_ID,
  type TestClock,
  testClock,
  testEnv,
  testGuild,
  testHubRows,
  USER,
} from "./test-world.js";

export {
  APPLICATION_ID,
  CHANNEL_ID,
  GUILD_ID,
  PLAIN_CHANNEL_ID,
  type TestClock,
  testClock,
  testGuild,
  USER,
} from "./test-world.js";

/**
 * The real bot (discord.js, @huggingface/hub, SQLite, the local chart renderer) against a loopback
 * Discord and a fake Hub, as a plain function with no test-runner hooks, so that benchmarks start
 * it too. Tests go through the vitest wrappers (harness.ts, command-harness.ts), which stop it
 * after each test and fail the test on any request Discord would have rejected; anyone else calls
 * `stop()` themselves.
 */

export interface TestBotOptions {
  /** Generated model rows in the fake Hub (default 400). */
  models?: number;
  /** Rows added to the generated ones, e.g. a model whose author is `@everyone`. */
  extraModels?: HubModelRow[];
  extraDatasets?: HubDatasetRow[];
  /** Requests per 5 minutes the fake Hub allows (500, anonymous, by default; a PRO token gets 2,500). */
  hubRateLimitQuota?: number;
  /** A fault the fake Hub has from the start (before the bot's first collection tick). */
  hubFault?: HubFault;
  /** Configuration variables over the test ones. */
  env?: Record<string, string>;
  /** The bot's clock, or where a new one starts (ISO); real time by default. */
  clock?: TestClock | string;
  /** Channels added to the test guild. */
  channels?: FakeChannelInit[];
  /** A SQLite file in the temporary directory instead of `:memory:`, for restarts and second processes. */
  databaseFile?: boolean;
  /** Passed to the fake Discord: rate limits, say, or `guilds` in place of the test guild. */
  discord?: Pick<FakeDiscordOptions, "guilds" | "rateLimits" | "globalRequestsPerSecond">;
  /**
   * How often the digest scheduler ticks on its own. Default null (never): tests and benches call
   * `bot.digestTick()` after moving the clock, so no tick lands at a moment they did not choose.
   */
  digestTickMs?: number | null;
  /** How often watches poll on their own. Default null (never): tests call `bot.watchCycle()`. */
  watchPollMs?: number | null;
  /** Wraps each bot's chart renderer, e.g. to count renders. */
  renderer?: (local: ChartRenderer) => ChartRenderer;
  /** Keep log lines in `logs` (default true); benchmarks turn it off. */
  keepLogs?: boolean;
  /**
   * How interactions reach the bot: over the gateway (default), or signed POSTs from the fake
   * Discord to the bot's `/interactions` (INTERACTIONS_MODE=http, on a free port).
   */
  mode?: InteractionsMode;
}

export type InteractionsMode = "gateway" | "http";

/** Both ways in, for suites that run once per mode. */
export const INTERACTIONS_MODES: readonly InteractionsMode[] = ["gateway", "http"];

/** Who sends an interaction, where and with what (defaults: USER in CHANNEL_ID, en-US). */
export interface RunExtra {
  channelId?: string;
  locale?: string;
  user?: { id: string; username: string };
  memberPermissions?: PermissionInput;
  appPermissions?: PermissionInput;
  resolved?: Record<string, unknown>;
}

/** A bot process: its own services (database connection) and Discord client. */
export interface BotInstance {
  bot: RunningBot;
  services: Services;
}

export interface TestBot {
  discord: FakeDiscord;
  hub: FakeHub;
  /** The current bot's services and bot (they change on `restart()`). */
  services: Services;
  bot: RunningBot;
  config: Config;
  clock: TestClock;
  logs: Record<string, unknown>[];
  /** How long the first `startBot` took: log in and receive every guild (the digest bench reports it). */
  loginMs: number;
  /** Sends `/name options`; resolves once dispatched. */
  send(name: string, options?: InteractionOptionInit[], extra?: RunExtra): Promise<DispatchedInteraction>;
  /** Sends `/name options` and waits for the whole answer. */
  run(name: string, options?: InteractionOptionInit[], extra?: RunExtra): Promise<InteractionOutcome>;
  /** Sends an autocomplete for the option marked focused and waits for the choices. */
  autocomplete(name: string, options: InteractionOptionInit[], extra?: RunExtra): Promise<InteractionOutcome>;
  /** Registers commands with the fake Discord, which checks them against Discord's rules. */
  register(commands: readonly { data: unknown }[]): Promise<void>;
  /**
   * Starts another bot on the same configuration (database), fake Discord and clock; `env`
   * changes its configuration (another role, say).
   */
  startInstance(env?: Record<string, string>): Promise<BotInstance>;
  /** Stops the bot (as a crash or deploy would) and starts a new one on the same database. */
  restart(): Promise<void>;
  /** Stops every bot, both fakes, and removes the database file. */
  stop(): Promise<void>;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const clock = typeof options.clock === "function" ? options.clock : testClock(options.clock);
  const hub = await startFakeHub({
    ...testHubRows({ ...options, now: clock() }),
    ...(options.hubRateLimitQuota === undefined ? {} : { rateLimitQuota: options.hubRateLimitQuota }),
  });
  if (options.hubFault !== undefined) hub.setFault(options.hubFault);
  const discord = await startFakeDiscord({
    guilds: [testGuild(options.channels)],
    applicationId: APPLICATION_ID,
    wallClock: () => clock().getTime(),
    ...options.discord,
  });
  const dbFile = options.databaseFile
    ? join(tmpdir(), `hubtrends-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`)
    : undefined;
  const instances: BotInstance[] = [];
  const stopAll = async () => {
    try {
      for (const instance of instances.splice(0)) await stopBotInstance(instance);
      await discord.close();
      await hub.close();
    } finally {
      if (dbFile !== undefined) {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbFile}${suffix}`, { force: true });
      }
    }
  };

  try {
    const baseEnv = {
      ...testEnv({
        token: discord.token,
        apiUrl: discord.apiUrl,
        hubUrl: hub.url,
        databasePath: dbFile ?? ":memory:",
      }),
      ...(options.mode === "http"
        ? { INTERACTIONS_MODE: "http", DISCORD_PUBLIC_KEY: discord.publicKey, HTTP_PORT: "0" }
        : {}),
      ...options.env,
    };
    const configWith = (env: Record<string, string>): Config => {
      const parsed = parseConfig({ ...baseEnv, ...env });
      if (!parsed.ok) throw new Error(parsed.errors.join("; "));
      return parsed.config;
    };
    const config = configWith({});
    const logs: Record<string, unknown>[] = [];
    const logger: Logger =
      options.keepLogs === false
        ? pino({ level: "silent" })
        : pino(
            { level: "debug" },
            { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
          );
    const startInstance = async (
      env: Record<string, string> = {},
    ): Promise<BotInstance & { loginMs: number }> => {
      const instance = await startBotInstance({
        config: configWith(env),
        logger,
        clock,
        digestTickMs: options.digestTickMs ?? null,
        watchPollMs: options.watchPollMs ?? null,
        wrapRenderer: options.renderer,
      });
      instances.push(instance);
      return instance;
    };
    /** In http mode Discord POSTs interactions to the current bot's endpoint, as the portal's URL says. */
    const pointDiscordAt = (bot: RunningBot) => {
      if (options.mode === "http")
        discord.setInteractionsEndpoint(`http://127.0.0.1:${bot.httpPort}/interactions`);
    };
    const first = await startInstance();
    pointDiscordAt(first.bot);

    const interaction = (
      name: string,
      commandOptions: InteractionOptionInit[] = [],
      extra: RunExtra = {},
    ): DispatchInteractionArgs => {
      const { channelId = CHANNEL_ID, user = USER, locale = "en-US", ...overrides } = extra;
      return { guildId: GUILD_ID, channelId, user, name, options: commandOptions, locale, ...overrides };
    };
    const send = (name: string, commandOptions?: InteractionOptionInit[], extra?: RunExtra) =>
      discord.dispatchChatInput(interaction(name, commandOptions, extra));
    const testBot: TestBot = {
      discord,
      hub,
      services: first.services,
      bot: first.bot,
      config,
      clock,
      logs,
      loginMs: first.loginMs,
      send,
      run: async (name, commandOptions, extra) =>
        (await send(name, commandOptions, extra)).waitForFinal(15_000),
      async autocomplete(name, commandOptions, extra) {
        const sent = await discord.dispatchAutocomplete(interaction(name, commandOptions, extra));
        return sent.waitForFinal(5_000);
      },
      async register(commands) {
        await testBot.bot.client.rest.put(Routes.applicationGuildCommands(APPLICATION_ID, GUILD_ID), {
          body: commands.map((command) => command.data),
        });
      },
      startInstance,
      async restart() {
        const old = instances.find((instance) => instance.bot === testBot.bot);
        if (old !== undefined) {
          await stopBotInstance(old);
          instances.splice(instances.indexOf(old), 1);
        }
        const next = await startInstance();
        pointDiscordAt(next.bot);
        testBot.bot = next.bot;
        testBot.services = next.services;
      },
      stop: stopAll,
    };
    return testBot;
  } catch (error) {
    // Nobody gets a handle to stop what did start, so it is stopped here.
    await stopAll();
    throw error;
  }
}

/** One bot (services, local renderer, discord.js client) on `config`; stop it with {@link stopBotInstance}. */
export async function startBotInstance(deps: {
  config: Config;
  logger: Logger;
  clock: TestClock;
  digestTickMs: number | null;
  watchPollMs?: number | null;
  wrapRenderer: ((local: ChartRenderer) => ChartRenderer) | undefined;
}): Promise<BotInstance & { loginMs: number }> {
  const { config, logger, clock, digestTickMs, wrapRenderer } = deps;
  const watchPollMs = deps.watchPollMs ?? null;
  // Wired as src/index.ts wires them: the Hub's requests counted into the bot's metrics.
  const metrics = createMetrics();
  const services = await createServices(config, {
    logger,
    clock,
    fetch: metrics.countHubRequests(globalThis.fetch),
    hubRetry: { sleep: async () => {}, maxAttempts: 2 },
  });
  const local = createLocalChartRenderer({ logger });
  const renderer = wrapRenderer === undefined ? local : wrapRenderer(local);
  try {
    const started = performance.now();
    const bot = await startBot(
      createBot({
        config,
        services,
        renderer,
        commands: COMMANDS,
        logger,
        clock,
        digestTickMs,
        watchPollMs,
        metrics,
      }),
      logger,
    );
    return { bot, services, loginMs: performance.now() - started };
  } catch (error) {
    await services.close();
    throw error;
  }
}

export async function stopBotInstance(instance: BotInstance): Promise<void> {
  await instance.bot.stop();
  await instance.services.close();
}
