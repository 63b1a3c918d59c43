import { chartCommand } from "./cli/commands/chart.js";
import { BASE_COMMANDS, runCli } from "./cli/run-cli.js";
import { loadConfigOrExit } from "./config.js";
import { createChartRenderer } from "./services/charts/create-renderer.js";
import { createServicesOrExit } from "./services/create-services.js";
import { createLogger } from "./services/logger.js";

/** Entry of the `hubtrends` command (bin/hubtrends.js): wires the services and runs one command. */
const config = loadConfigOrExit({ requireDiscordToken: false });
// The CLI's output is its text; log lines (migrations, retries) only when LOG_LEVEL asks for them.
const logger = createLogger(config.logLevel ?? "silent");
const clock = () => new Date();
// One command, one window: compared snapshots are loaded when asked, not all three at start.
const services = await createServicesOrExit(config, {
  logger,
  clock,
  fetch: globalThis.fetch,
  oneShot: true,
});
const exitCode = await runCli(
  process.argv.slice(2),
  {
    config,
    services,
    logger,
    clock,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
  [
    ...BASE_COMMANDS,
    // Built only when asked for: loading the font and Chart.js is not free.
    chartCommand(() =>
      createChartRenderer({
        kind: config.charts.renderer,
        quickchartUrl: config.charts.quickchartUrl,
        quickchartCjkFonts: config.charts.quickchartCjkFonts,
        logger,
      }),
    ),
  ],
);
await services.close();
process.exitCode = exitCode;
