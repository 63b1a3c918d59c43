import { createBot, StartupError } from "./bot/create-bot.js";
import { SHUTDOWN_DEADLINE_MS, stopWithin } from "./bot/shutdown.js";
import { type RunningBot, startBot } from "./bot/start-bot.js";
import { COMMANDS } from "./commands/index.js";
import { loadConfigOrExit } from "./config.js";
import { createChartRenderer } from "./services/charts/create-renderer.js";
import { createServicesOrExit } from "./services/create-services.js";
import { createLogger } from "./services/logger.js";
import { createMetrics } from "./services/metrics.js";

/** Composition root of the bot: configuration, services, renderer, the bot's parts, the Discord client. */
const config = loadConfigOrExit({ requireDiscordToken: true });
const logger = createLogger(config.logLevel ?? "info");
const clock = () => new Date();
const metrics = createMetrics();
let bot: RunningBot | null = null;
let stopping = false;
const services = await createServicesOrExit(config, {
  logger,
  clock,
  // The fetch the Hub client uses: every Hub request and failure is counted in the metrics.
  fetch: metrics.countHubRequests(globalThis.fetch),
  onStorageReplaced: stopForGood,
});
const renderer = createChartRenderer({
  kind: config.charts.renderer,
  quickchartUrl: config.charts.quickchartUrl,
  quickchartCjkFonts: config.charts.quickchartCjkFonts,
  logger,
  defaults: { devicePixelRatio: config.charts.devicePixelRatio },
});

/**
 * Stops the bot and exits: 0 when asked to (a signal) and everything stopped in time; 1 after a
 * fatal error, or when the deadline cut the stop short. A second signal exits at once.
 */
async function shutdown(exitCode: 0 | 1): Promise<void> {
  if (stopping) return;
  stopping = true;
  const running = bot;
  const outcome =
    running === null
      ? "finished"
      : await stopWithin(
          () => running.stop(),
          SHUTDOWN_DEADLINE_MS,
          (error) => logger.error({ err: error }, "stopping the bot failed"),
        );
  if (outcome === "abandoned") {
    logger.error(
      { deadlineMs: SHUTDOWN_DEADLINE_MS },
      `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS / 1000} s (a peer stopped answering?); exiting anyway, unfinished work is picked up at the next start`,
    );
  }
  try {
    await services.close();
  } catch (error) {
    logger.error({ err: error }, "closing the database failed");
  }
  process.exit(outcome === "abandoned" ? 1 : exitCode);
}

/** The bot cannot go on (gateway closed for good, database file gone): say so once, stop, exit 1. */
function stopForGood(error: Error): void {
  if (stopping) return;
  logger.fatal({ err: error }, `${error.message} Exiting.`);
  void shutdown(1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) {
      logger.warn({ signal }, "second signal while shutting down; exiting now");
      process.exit(1);
    }
    logger.info({ signal }, "shutting down");
    void shutdown(0);
  });
}

try {
  bot = await startBot(
    createBot({ config, services, renderer, commands: COMMANDS, logger, clock, metrics }),
    logger,
    {
      onFatal: stopForGood,
      // Said in plain words, like a rejected token: the first thing a new user reads.
      notice: (line) => process.stderr.write(`hubtrends: ${line}\n`),
    },
  );
} catch (error) {
  await services.close();
  if (error instanceof StartupError) {
    process.stderr.write(`hubtrends: ${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "the bot could not start");
  }
  process.exit(1);
}
