import { chartCommand } from "./cli/commands/chart.js";
import { BASE_COMMANDS, runCli } from "./cli/run-cli.js";
import { loadConfigOrExit } from "./config.js";
import type { Services } from "./services/create-services.js";
import { createLogger } from "./services/logger.js";

/** Entry of the `hubtrends` command (bin/hubtrends.js): wires the services and runs one command. */
const config = loadConfigOrExit({ requireDiscordToken: false });
// The CLI's output is its text; log lines (migrations, retries) only when LOG_LEVEL asks for them.
const logger = createLogger(config.logLevel ?? "silent");
const clock = () => new Date();
// Opened when a command runs (not for help or a mistyped command), with what it pulls in: the
// database drivers, the Hub client, the stats. One command, one window: compared snapshots are
// loaded when asked, not all three at start.
let opened: Promise<Services> | null = null;
const services = () => {
  opened ??= import("./services/create-services.js").then(({ createServicesOrExit }) =>
    createServicesOrExit(config, { logger, clock, fetch: globalThis.fetch, oneShot: true }),
  );
  return opened;
};
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
    chartCommand(async () =>
      (await import("./services/charts/create-renderer.js")).createChartRenderer({
        kind: config.charts.renderer,
        quickchartUrl: config.charts.quickchartUrl,
        quickchartCjkFonts: config.charts.quickchartCjkFonts,
        logger,
      }),
    ),
  ],
);
// (A cast: TypeScript cannot see that the closure above may have assigned it.)
const openedServices = opened as Promise<Services> | null;
if (openedServices !== null) await (await openedServices).close();
process.exitCode = exitCode;
