import { chartCommand } from "./cli/commands/chart.js";
import { commandTable, runCli } from "./cli/run-cli.js";
import { loadConfigOrExit } from "./config.js";
import { createChartRenderer } from "./services/charts/create-renderer.js";
import { createServices } from "./services/create-services.js";
import { createLogger } from "./services/logger.js";

/** Entry of the `hubtrends` command (bin/hubtrends.js): wires the services and runs one command. */
const [name, ...args] = process.argv.slice(2);
const config = loadConfigOrExit({ requireDiscordToken: false });
// The CLI's output is its text; log lines (migrations, retries) only when LOG_LEVEL asks for them.
const logger = createLogger(config.logLevel ?? "silent");
const clock = () => new Date();
const services = createServices(config, { logger, clock, fetch: globalThis.fetch });
const exitCode = await runCli(
  name,
  {
    args,
    config,
    services,
    logger,
    clock,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
  commandTable({
    // Built only when asked for: loading the font and Chart.js is not free.
    chart: chartCommand(() =>
      createChartRenderer({
        kind: config.charts.renderer,
        quickchartUrl: config.charts.quickchartUrl,
        quickchartCjkFonts: config.charts.quickchartCjkFonts,
        logger,
      }),
    ),
  }),
);
services.close();
process.exitCode = exitCode;
