import { randomBytes } from "node:crypto";

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * A snowflake for now. Real ones matter: @discordjs/rest only buckets routes whose ids have 17–19 digits, so
 * short fake ids would put every channel in one rate-limit queue.
 */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A random URL-safe token; interaction tokens must not contain `/` or `?` (they are path segments). */
export function randomToken(prefix: string, bytes = 48): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** A bot token shaped like Discord's (`base64(id).timestamp.hmac`). */
export function botToken(userId: string): string {
  return `${Buffer.from(userId).toString("base64url")}.${randomBytes(4).toString("base64url")}.${randomBytes(27).toString("base64url")}`;
}
