import { isLocale, LOCALES, type Locale, translator } from "../locales/index.js";
import type { Services } from "../services/create-services.js";
import { hubFailureOf } from "../services/hub/errors.js";
import { NoDataError } from "../services/snapshots/trends-service.js";
import { collectCommand } from "./commands/collect.js";
import { importCommand } from "./commands/import.js";
import { snapshotsCommand } from "./commands/snapshots.js";
import { statsCommand } from "./commands/stats.js";
import { type CliContext, UsageError } from "./context.js";
import { type CliCommandSpec, commandHelp, parseCommandArgs, toolHelp } from "./spec.js";

/** The commands that need nothing but the services; `chart` is added by the entry point with its renderer. */
export const BASE_COMMANDS: readonly CliCommandSpec[] = [
  collectCommand,
  importCommand,
  snapshotsCommand,
  statsCommand,
];

/**
 * Where a CLI run writes, and what it runs with, before its locale is known. The services are
 * opened only for a command that runs: help and a mistyped command open no database (nor create
 * its file) and load none of the modules behind them.
 */
export type CliRun = Omit<CliContext, "t" | "services"> & { services: () => Promise<Services> };

/**
 * `--locale L` (or `--locale=L`) anywhere in the arguments, taken out: every line the run writes,
 * refusals included, follows it. An unknown locale is refused in the default one.
 */
function takeLocale(args: readonly string[]): { locale: Locale; rest: string[] } {
  const rest: string[] = [];
  let typed: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--locale") {
      typed = args[i + 1] ?? "";
      i += 1;
    } else if (arg.startsWith("--locale=")) {
      typed = arg.slice("--locale=".length);
    } else {
      rest.push(arg);
    }
  }
  if (typed === undefined) return { locale: "en-US", rest };
  if (isLocale(typed)) return { locale: typed, rest };
  const t = translator("en-US");
  throw new UsageError(
    typed === ""
      ? t("cli.error.needs-value", { option: "--locale", values: LOCALES })
      : t("cli.error.bad-value", { option: "--locale", typed, values: LOCALES }),
  );
}

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/**
 * Runs one CLI command; returns the exit code. A mistake in the command (unknown command, option
 * or value) is one line saying what is valid, exit 2; an expected failure (the Hub down with
 * nothing stored) one line with a hint, exit 1; anything else is a bug: one line, and the details
 * in the log when LOG_LEVEL asks for them. Help goes to stdout; everything else said goes to stderr.
 */
export async function runCli(
  argv: readonly string[],
  run: CliRun,
  commands: readonly CliCommandSpec[],
): Promise<number> {
  let locale: Locale;
  let rest: string[];
  try {
    ({ locale, rest } = takeLocale(argv));
  } catch (error) {
    run.err(`hubtrends: ${(error as Error).message}`);
    return 2;
  }
  const t = translator(locale);
  const [name, ...args] = rest;
  if (name === undefined || isHelp(name) || name === "help") {
    (name === undefined ? run.err : run.out)(toolHelp(commands, t, LOCALES));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    run.err(
      `hubtrends: ${t("cli.error.unknown-command", { typed: name, commands: commands.map((c) => c.name) })}`,
    );
    return 2;
  }
  if (args.some(isHelp)) {
    run.out(commandHelp(command, t, LOCALES));
    return 0;
  }
  try {
    const parsed = parseCommandArgs(command, args, t);
    return await command.run({ ...run, services: await run.services(), t }, parsed);
  } catch (error) {
    const { message, code } = describeFailure(error, { t, logger: run.logger });
    run.err(`hubtrends ${name}: ${message}`);
    return code;
  }
}

/** The one line a failure is said in, and the exit code. */
function describeFailure(
  error: unknown,
  context: Pick<CliContext, "t" | "logger">,
): { message: string; code: number } {
  const { t } = context;
  if (error instanceof UsageError) return { message: error.message, code: 2 };
  const hub = hubFailureOf(error);
  if (hub !== null) {
    const noData = error instanceof NoDataError;
    return { message: t(noData ? "cli.error.hub-down-no-data" : "cli.error.hub-down", hub), code: 1 };
  }
  if (error instanceof NoDataError) return { message: t("cli.error.no-data"), code: 1 };
  context.logger.error({ err: error }, "command failed");
  const message = error instanceof Error ? error.message : String(error);
  return { message: t("cli.error.unexpected", { message }), code: 1 };
}
