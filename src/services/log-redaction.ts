import { stdSerializers } from "pino";

/**
 * What every log line goes through before it is written (see createLogger), whoever logs and
 * under whichever key. discord.js's REST errors carry the request's URL, whose path holds an
 * interaction's token (a credential for 15 minutes), and the request body with its files as
 * Buffers, which JSON turns into byte arrays of hundreds of kilobytes per line.
 */

/** `/webhooks/{application}/{token}` and `/interactions/{id}/{token}/callback`. */
const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[^/?#\s"'`]+/g;
/** A bot token (`base64(id).timestamp.hmac`), wherever it shows up in text. */
const BOT_TOKEN = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{27,}/g;
const REDACTED = "[redacted]";

/** Limits that keep one line readable whatever was logged. */
const MAX_STRING = 8_000;
const MAX_ARRAY = 50;
const MAX_DEPTH = 8;

/** `text` with interaction tokens in URLs and bot tokens replaced, and cut to a sane length. */
export function redactText(text: string): string {
  const redacted = text.replace(TOKEN_IN_PATH, `$1${REDACTED}`).replace(BOT_TOKEN, REDACTED);
  return redacted.length <= MAX_STRING
    ? redacted
    : `${redacted.slice(0, MAX_STRING)}…(${redacted.length - MAX_STRING} more characters)`;
}

/**
 * A copy of `value` fit for a log line: text redacted (see {@link redactText}), binary data as
 * `[N bytes]` (also once JSON-shaped: `{ type: "Buffer", data: [...] }`), errors through pino's
 * error serializer first, long arrays cut, cycles and deep nesting cut short.
 */
export function redactForLog(value: unknown): unknown {
  return redact(value, 0, new WeakSet());
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null) return value;
  const bytes = byteLength(value);
  if (bytes !== null) return `[${bytes} bytes]`;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  seen.add(value);
  const plain = value instanceof Error ? stdSerializers.err(value) : value;
  if (Array.isArray(plain)) {
    const kept = plain.slice(0, MAX_ARRAY).map((item) => redact(item, depth + 1, seen));
    return plain.length > MAX_ARRAY ? [...kept, `…(${plain.length - MAX_ARRAY} more items)`] : kept;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(plain)) out[key] = redact(item, depth + 1, seen);
  return out;
}

function byteLength(value: object): number | null {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if ("type" in value && value.type === "Buffer" && "data" in value && Array.isArray(value.data)) {
    return value.data.length;
  }
  return null;
}
