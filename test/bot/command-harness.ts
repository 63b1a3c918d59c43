import { afterEach, expect } from "vitest";
import about from "../../src/commands/about.js";
import compare from "../../src/commands/compare.js";
import model from "../../src/commands/model.js";
import org from "../../src/commands/org.js";
import top from "../../src/commands/top.js";
import { startTestBot, type TestBot, type TestBotOptions } from "./start-test-bot.js";

export { CHANNEL_ID, GUILD_ID, PLAIN_CHANNEL_ID, USER } from "./start-test-bot.js";

/** The commands these tests are about; registering them makes the fake check their definitions. */
const COMMANDS_UNDER_TEST = [top, model, org, compare, about];

/**
 * A bot per test (see start-test-bot.ts) with `/top`, `/model`, `/org`, `/compare` and `/about`
 * registered, so the fake Discord checks their definitions and every dispatched option against
 * them. With `collect`, a snapshot is stored before the test runs. afterEach stops the bot and
 * fails the test on any request Discord would have rejected.
 */
export function commandHarness(): {
  start(options?: TestBotOptions & { collect?: boolean }): Promise<TestBot>;
} {
  let current: TestBot | undefined;
  afterEach(async () => {
    const bot = current;
    current = undefined;
    if (bot === undefined) return;
    await bot.stop();
    bot.discord.assertNoViolations();
  });
  return {
    async start(options = {}) {
      current = await startTestBot(options);
      await current.register(COMMANDS_UNDER_TEST);
      if (options.collect !== false) await current.services.collector.collect();
      return current;
    },
  };
}

/** The embeds of an answer's JSON body. */
export function embedsOf(json: unknown): {
  title?: string;
  description?: string;
  url?: string;
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

/** Every piece of text of an answer, for checks that must hold everywhere (mentions, escaping). */
export function allText(json: unknown): string {
  return JSON.stringify(json);
}

/** `allowed_mentions` of an answer's JSON body. */
export function allowedMentionsOf(json: unknown): unknown {
  return (json as { allowed_mentions?: unknown }).allowed_mentions;
}

/** The flags of an interaction's first callback (64: the whole answer, deferred or not, is ephemeral). */
export function ackIsEphemeral(bot: TestBot, interactionId: string): boolean {
  const callback = bot.discord.calls.find(
    (call) => call.interactionId === interactionId && call.path.endsWith("/callback"),
  );
  const data = (callback?.json as { data?: { flags?: number } } | undefined)?.data;
  return ((data?.flags ?? 0) & 64) === 64;
}
