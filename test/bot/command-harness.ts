import about from "../../src/commands/about.js";
import compare from "../../src/commands/compare.js";
import model from "../../src/commands/model.js";
import org from "../../src/commands/org.js";
import top from "../../src/commands/top.js";
import { botHarness } from "./harness.js";
import type { InteractionsMode, TestBot, TestBotOptions } from "./start-test-bot.js";

export {
  ackIsEphemeral,
  allowedMentionsOf,
  allText,
  contentOf,
  embedsOf,
  isEphemeral,
} from "./answer-json.js";
export { CHANNEL_ID, GUILD_ID, INTERACTIONS_MODES, PLAIN_CHANNEL_ID, USER } from "./start-test-bot.js";

/** The commands these tests are about; registering them makes the fake check their definitions. */
const COMMANDS_UNDER_TEST = [top, model, org, compare, about];

/**
 * A bot per test (see harness.ts) with `/top`, `/model`, `/org`, `/compare` and `/about`
 * registered, so the fake Discord checks their definitions and every dispatched option against
 * them. Unless `collect` is false, a snapshot is stored before the test runs.
 */
export function commandHarness(mode: InteractionsMode = "gateway"): {
  start(options?: TestBotOptions & { collect?: boolean }): Promise<TestBot>;
} {
  const harness = botHarness(mode);
  return {
    async start({ collect = true, ...options } = {}) {
      const bot = await harness.start(options);
      await bot.register(COMMANDS_UNDER_TEST);
      // The bot's own first collection runs while it logs in: wait for it, and collect only if it
      // stored nothing, so that a test starts with exactly one snapshot.
      if (collect) {
        await bot.bot.collectionTick();
        if (bot.services.store.newestMeta() === null) await bot.services.collector.collect();
      }
      return bot;
    },
  };
}
