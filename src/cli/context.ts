import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Translator } from "../locales/index.js";
import type { Services } from "../services/create-services.js";

/** What every CLI command gets: the services, where to write, and the words of its `--locale`. */
export interface CliContext {
  config: Config;
  services: Services;
  logger: Logger;
  clock: () => Date;
  out: (text: string) => void;
  err: (text: string) => void;
  t: Translator;
}

/** A mistake in how the command was called: its message (in the reader's locale) printed as is, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
