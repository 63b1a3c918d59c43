import { pino } from "pino";
import { runCli } from "../../src/cli/run-cli.js";
import type { CliCommandSpec } from "../../src/cli/spec.js";
import { type Config, parseConfig } from "../../src/config.js";
import { createServices, type Services } from "../../src/services/create-services.js";

/** What a run of the CLI printed, and its exit code. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * The CLI's own dispatcher over the given services, run in this process: what `hubtrends ARGS`
 * would print and return, without starting a process for it. `setup()` is read at each call, so a
 * test file can create its services in a hook.
 */
export function inProcessCli(
  setup: () => { config: Config; services: Services; clock: () => Date; commands: readonly CliCommandSpec[] },
): (...argv: string[]) => Promise<CliResult> {
  return async (...argv) => {
    const { config, services, clock, commands } = setup();
    let out = "";
    let err = "";
    const code = await runCli(
      argv,
      {
        config,
        services: async () => services,
        logger: pino({ level: "silent" }),
        clock,
        out: (text) => {
          out += `${text}\n`;
        },
        err: (text) => {
          err += `${text}\n`;
        },
      },
      commands,
    );
    return { code, out, err };
  };
}

/**
 * Services over an in-memory database with no Hub (every Hub request fails), at a fixed time: what
 * the in-process CLI tests run on. `env` adds to `DATABASE_PATH=:memory:`.
 */
export async function offlineServices(
  env: Record<string, string>,
  now: Date,
): Promise<{ config: Config; services: Services }> {
  const parsed = parseConfig({ DATABASE_PATH: ":memory:", ...env });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const services = await createServices(parsed.config, {
    logger: pino({ level: "silent" }),
    clock: () => now,
    fetch: () => Promise.reject(new Error("no Hub in this test")),
  });
  return { config: parsed.config, services };
}
