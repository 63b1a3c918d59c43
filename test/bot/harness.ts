import { pino } from "pino";
import { afterEach, expect } from "vitest";
import { type RunningBot, startBot } from "../../src/bot/start-bot.js";
import { type Config, parseConfig } from "../../src/config.js";
import { createLocalChartRenderer } from "../../src/services/charts/local-renderer.js";
import { createServices, type Services } from "../../src/services/create-services.js";
import type { FakeDiscord, FakeGuildInit } from "../fakes/discord/index.js";
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

export interface BotHarness {
  discord: FakeDiscord;
  hub: FakeHub;
  services: Services;
  bot: RunningBot;
  config: Config;
  logs: Record<string, unknown>[];
  /** Sends `/name options` from USER in CHANNEL_ID and waits for the whole answer. */
  run(
    name: string,
    options?: { name: string; type: number; value: string | number }[],
    extra?: { channelId?: string; locale?: string; user?: { id: string; username: string } },
  ): ReturnType<Awaited<ReturnType<FakeDiscord["dispatchChatInput"]>>["waitForFinal"]>;
}

/**
 * The real bot (discord.js, @huggingface/hub, SQLite in memory, the local chart renderer) against
 * a loopback Discord and a fake Hub. Every request the bot makes is validated by the fake Discord;
 * afterEach fails the test on any violation.
 */
export function botHarness(): {
  start(options?: { models?: number; env?: Record<string, string> }): Promise<BotHarness>;
} {
  let current: BotHarness | undefined;
  afterEach(async () => {
    const h = current;
    current = undefined;
    if (h === undefined) return;
    await h.bot.stop();
    h.services.close();
    await h.discord.close();
    await h.hub.close();
    h.discord.assertNoViolations();
  });
  return {
    async start(options = {}) {
      const now = new Date();
      const hub = await startFakeHub({
        models: generateHubModels({ count: options.models ?? 400, now, seed: 5 }).rows,
        datasets: generateHubDatasets({ count: 60, now, seed: 5 }).rows,
      });
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
      const logger = pino(
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
      current = {
        discord,
        hub,
        services,
        bot,
        config: parsed.config,
        logs,
        async run(name, commandOptions = [], extra = {}) {
          const sent = await discord.dispatchChatInput({
            guildId: GUILD_ID,
            channelId: extra.channelId ?? CHANNEL_ID,
            user: extra.user ?? USER,
            name,
            options: commandOptions,
            locale: extra.locale ?? "en-US",
          });
          return sent.waitForFinal(15_000);
        },
      };
      return current;
    },
  };
}

/** The embeds of an answer's JSON body. */
export function embedsOf(
  json: unknown,
): { title?: string; description?: string; image?: { url: string }; footer?: { text: string } }[] {
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
