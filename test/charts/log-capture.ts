import type { Logger } from "pino";
import { pino } from "pino";

/** A pino logger whose records land in `records`, parsed, for tests that check what was logged. */
export function capturingLogger(): { logger: Logger; records: Record<string, unknown>[] } {
  const records: Record<string, unknown>[] = [];
  const logger = pino(
    { level: "debug" },
    {
      write(line: string) {
        records.push(JSON.parse(line));
      },
    },
  );
  return { logger, records };
}
