import { Routes } from "discord.js";
import { type Logger, pino } from "pino";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { type Config, parseConfig } from "../../src/config.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import type {
  DispatchedInteraction,
  FakeDiscord,
  FakeGuildInit,
  InteractionOptionInit,
  InteractionOutcome,
} from "../fakes/discord/index.js";
import { Permission, startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeHub, type HubFault, startFakeHub } from "../fakes/hub/fake-hub.js";
import { generateHubDatasets, type HubDatasetRow } from "../fixtures/generate-hub-datasets.js";
import { generateHubModels, type HubModelRow } from "../fixtures/generate-hub-models.js";

/**
 * The real bot against a loopback Discord and a fake Hub, as a plain function (no test-runner
 * hooks), so that benchmarks can start it too. It sets the bot up as test/bot/harness.ts does, and
 * adds what the command tests need: rows injected into the fake Hub, silent logs for benchmarks,
 * autocomplete and command registration helpers. The caller stops it.
 */

export const GUILD_ID = "1190000000000000001";
export const CHANNEL_ID = "1190000000000000011";
/** The bot may send here but not embed or attach. */
export const PLAIN_CHANNEL_ID = "1190000000000000012";
export const APPLICATION_ID = "1190000000000000100";
export const USER = { id: "1190000000000000200", username: "ada" };

export function testGuild(): FakeGuildInit {
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
    ],
  };
}

export interface TestBotOptions {
  /** Generated model rows in the fake Hub (default 400). */
  models?: number;
  /** Rows added to the generated ones, e.g. a model whose author is `@everyone`. */
  extraModels?: HubModelRow[];
  extraDatasets?: HubDatasetRow[];
  env?: Record<string, string>;
  /** A fault the fake Hub has from the start (before the bot's first collection tick). */
  hubFault?: HubFault;
  /** Keep log lines in `logs` (default true); benchmarks turn it off. */
  keepLogs?: boolean;
}

export interface RunExtra {
  channelId?: string;
  locale?: string;
  user?: { id: string; username: string };
}

export interface TestBot {
  discord: FakeDiscord;
  hub: FakeHub;
  services: Services;
  bot: RunningBot;
  config: Config;
  logs: Record<string, unknown>[];
  /** Sends `/name options` (from USER in CHANNEL_ID unless told otherwise); resolves once dispatched. */
  send(name: string, options?: InteractionOptionInit[], extra?: RunExtra): Promise<DispatchedInteraction>;
  /** Sends `/name options` and waits for the whole answer. */
  run(name: string, options?: InteractionOptionInit[], extra?: RunExtra): Promise<InteractionOutcome>;
  /** Sends an autocomplete for the option marked focused and waits for the choices. */
  autocomplete(name: string, options: InteractionOptionInit[], extra?: RunExtra): Promise<InteractionOutcome>;
  /** Registers commands with the fake Discord, which checks them against Discord's rules. */
  register(commands: readonly { data: unknown }[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const now = new Date();
  const hub = await startFakeHub({
    models: [
      ...generateHubModels({ count: options.models ?? 400, now, seed: 5 }).rows,
      ...(options.extraModels ?? []),
    ],
    datasets: [...generateHubDatasets({ count: 60, now, seed: 5 }).rows, ...(options.extraDatasets ?? [])],
  });
  if (options.hubFault !== undefined) hub.setFault(options.hubFault);
  const discord = await startFakeDiscord({ guilds: [testGuild()], applicationId: APPLICATION_ID });
  const parsed = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    HUB_URL: hub.url,
    DATABASE_PATH: ":memory:",
    SNAPSHOT_TOP_N: "300",
    SNAPSHOT_TRENDING_N: "50",
    SNAPSHOT_NEW_LIMIT: "50",
    CHART_DEVICE_PIXEL_RATIO: "1",
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const logs: Record<string, unknown>[] = [];
  const logger: Logger =
    options.keepLogs === false
      ? pino({ level: "silent" })
      : pino(
          { level: "debug" },
          { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
        );
  const clock = () => new Date();
  const services = createServices(parsed.config, {
    logger,
    clock,
    fetch: globalThis.fetch,
    hubRetry: { sleep: async () => {}, maxAttempts: 2 },
  });
  const renderer = createLocalChartRenderer({ logger });
  const bot = await startBot({ config: parsed.config, services, renderer, logger, clock });
  const send = (name: string, commandOptions: InteractionOptionInit[] = [], extra: RunExtra = {}) =>
    discord.dispatchChatInput({
      guildId: GUILD_ID,
      channelId: extra.channelId ?? CHANNEL_ID,
      user: extra.user ?? USER,
      name,
      options: commandOptions,
      locale: extra.locale ?? "en-US",
    });
  return {
    discord,
    hub,
    services,
    bot,
    config: parsed.config,
    logs,
    send,
    run: async (name, commandOptions, extra) =>
      (await send(name, commandOptions, extra)).waitForFinal(15_000),
    async autocomplete(name, commandOptions, extra = {}) {
      const sent = await discord.dispatchAutocomplete({
        guildId: GUILD_ID,
        channelId: extra.channelId ?? CHANNEL_ID,
        user: extra.user ?? USER,
        name,
        options: commandOptions,
        locale: extra.locale ?? "en-US",
      });
      return sent.waitForFinal(5_000);
    },
    async register(commands) {
      await bot.client.rest.put(Routes.applicationGuildCommands(APPLICATION_ID, GUILD_ID), {
        body: commands.map((command) => command.data),
      });
    },
    async stop() {
      await bot.stop();
      services.close();
      await discord.close();
      await hub.close();
    },
  };
}
