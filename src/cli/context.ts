import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Services } from "../services/create-services.js";

/** What every CLI command gets: its arguments, the services, and where to write. */
export interface CliContext {
  args: string[];
  config: Config;
  services: Services;
  logger: Logger;
  clock: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A mistake in how the command was called: printed as is, with exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type CliCommand = (context: CliContext) => Promise<number>;
