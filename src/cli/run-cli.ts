import { NoDataError } from "../services/snapshots/trends-service.js";
import { collectCommand } from "./commands/collect.js";
import { importCommand } from "./commands/import.js";
import { snapshotsCommand } from "./commands/snapshots.js";
import { statsCommand } from "./commands/stats.js";
import { type CliCommand, type CliContext, UsageError } from "./context.js";

export const USAGE = `usage: hubtrends <command> [options]

commands:
  collect                                   take one snapshot of the Hub now
  import FILE [--as-of ISO-DATE] [--replace]
                                            load a saved /api/models response as a snapshot
  snapshots list [--json] | snapshots delete ID
                                            list the stored snapshots, or delete one
  stats [--region R] [--window W] [--by B] [--cohort C] [--json]
                                            the stats behind /trends, from the newest snapshot
  chart [--region R] [--view V] [--locale L] [--window W] [--by B] [--cohort C] --out FILE.png
                                            write the chart /trends would attach, print its summary

regions: china, us, europe, asia, other (aliases such as cn, usa, eu work); windows: 1, 4, 12 (weeks)
by: lineage (default: the base model's developer) or uploader; cohort: all (default), new, generative`;

const COMMANDS: Record<string, CliCommand> = {
  collect: collectCommand,
  import: importCommand,
  snapshots: snapshotsCommand,
  stats: statsCommand,
};

/** Registers more commands (the chart command lives with the renderer it needs). */
export function commandTable(extra: Record<string, CliCommand> = {}): Record<string, CliCommand> {
  return { ...COMMANDS, ...extra };
}

/**
 * Runs one CLI command; returns the exit code. Usage mistakes exit 2 with the reason; any other
 * failure (Hub down with nothing stored, say) exits 1 with its message.
 */
export async function runCli(
  name: string | undefined,
  context: CliContext,
  commands: Record<string, CliCommand>,
): Promise<number> {
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    context.err(
      name === undefined || name === "help" || name === "--help"
        ? USAGE
        : `unknown command "${name}"\n${USAGE}`,
    );
    return name === "help" || name === "--help" ? 0 : 2;
  }
  try {
    return await command(context);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      context.err(`hubtrends ${name}: ${(error as Error).message}`);
      return 2;
    }
    // An expected failure (the Hub down with nothing stored) is said in one line; anything else is
    // logged with its stack for a bug report.
    if (!(error instanceof NoDataError))
      context.logger.error({ err: error, command: name }, "command failed");
    context.err(`hubtrends ${name}: ${(error as Error).message}`);
    return 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS");
}
