import { afterEach } from "vitest";
import { type InteractionsMode, startTestBot, type TestBot, type TestBotOptions } from "./start-test-bot.js";

export { contentOf, embedsOf, isEphemeral } from "./answer-json.js";
export {
  APPLICATION_ID,
  type BotInstance,
  CHANNEL_ID,
  GUILD_ID,
  INTERACTIONS_MODES,
  type InteractionsMode,
  PLAIN_CHANNEL_ID,
  type RunExtra,
  type TestClock,
  testClock,
  testGuild,
  USER,
} from "./start-test-bot.js";

/** The bot under test, as {@link startTestBot} returns it. */
export type BotHarness = TestBot;

/**
 * A bot per test (see start-test-bot.ts). Every request the bot makes is validated by the fake
 * Discord; afterEach stops the bot and fails the test on any violation. The digest scheduler does
 * not tick on its own here: tests call `bot.digestTick()` after moving the clock.
 */
export function botHarness(
  /** Every bot this harness starts takes interactions this way unless a test says otherwise. */
  mode: InteractionsMode = "gateway",
): { start(options?: TestBotOptions): Promise<BotHarness> } {
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
      current = await startTestBot({ mode, ...options });
      return current;
    },
  };
}
