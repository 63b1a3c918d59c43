import { createBot, StartupError } from "./bot/create-bot.js";
import { startBot } from "./bot/start-bot.js";
import { COMMANDS } from "./commands/index.js";
import { loadConfigOrExit } from "./config.js";
import { createChartRenderer } from "./services/charts/create-renderer.js";
import { createServices } from "./services/create-services.js";
import { createLogger } from "./services/logger.js";

/** Composition root of the bot: configuration, services, renderer, the bot's parts, the Discord client. */
const config = loadConfigOrExit({ requireDiscordToken: true });
const logger = createLogger(config.logLevel ?? "info");
const clock = () => new Date();
const services = createServices(config, { logger, clock, fetch: globalThis.fetch });
const renderer = createChartRenderer({
  kind: config.charts.renderer,
  quickchartUrl: config.charts.quickchartUrl,
  quickchartCjkFonts: config.charts.quickchartCjkFonts,
  logger,
  defaults: { devicePixelRatio: config.charts.devicePixelRatio },
});

try {
  const bot = await startBot(
    createBot({ config, services, renderer, commands: COMMANDS, logger, clock }),
    logger,
    {
      // Said in plain words, like a rejected token: the first thing a new user reads.
      notice: (line) => process.stderr.write(`hubtrends: ${line}\n`),
    },
  );
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await bot.stop();
    services.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  services.close();
  if (error instanceof StartupError) {
    process.stderr.write(`hubtrends: ${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "the bot could not start");
  }
  process.exit(1);
}
