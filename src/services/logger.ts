import { type DestinationStream, type Logger, pino } from "pino";
import { redactForLog, redactText } from "./log-redaction.js";

/**
 * Structured logs on stderr, so stdout stays clean for CLI output (`hubtrends stats --json`).
 * Anything that looks like a credential is redacted even if a caller logs it by mistake: named
 * fields by path, and in every line, whoever logs, interaction tokens in URLs and bot tokens in
 * text; file bodies are logged as their size only (see log-redaction.ts).
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
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
      // Runs before the serializers, on everything a line carries; it serializes errors itself
      // (pino's way), so the `err` serializer must leave what it made alone.
      formatters: { log: (object) => redactForLog(object) as Record<string, unknown> },
      serializers: { err: (value: unknown) => (value instanceof Error ? redactForLog(value) : value) },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((arg) => (typeof arg === "string" ? redactText(arg) : arg));
          method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
