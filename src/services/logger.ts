import { type Logger, pino } from "pino";

/**
 * Structured logs on stderr, so stdout stays clean for CLI output (`hubtrends stats --json`).
 * Anything that looks like a credential is redacted even if a caller logs it by mistake.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: "hubtrends" },
      redact: {
        paths: [
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
          "config.discord.token",
          "config.hub.token",
        ],
        censor: "[redacted]",
      },
    },
    pino.destination(2),
  );
}
