import { once } from "node:events";
import { setTimeout as sleepFor } from "node:timers/promises";
import { type Client, DiscordjsErrorCodes, Events, Routes } from "discord.js";
import { StartupError } from "./create-bot.js";

/** Waits before each new attempt while Discord cannot be reached: quick at first, then once a minute. */
export const LOGIN_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000];

/** Failures of the network (or of Discord's side) that a later attempt may not meet. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

function fields(error: unknown): { code?: unknown; status?: unknown; name?: unknown; cause?: unknown } {
  return typeof error === "object" && error !== null ? error : {};
}

function isInvalidToken(error: unknown): boolean {
  const { code, status } = fields(error);
  return code === DiscordjsErrorCodes.TokenInvalid || status === 401;
}

/**
 * Why Discord could not be reached, in a word ("ECONNREFUSED", "HTTP 502", "timeout"), or null
 * when the failure is not one a later attempt can get past (a rejected token, a refused intent).
 */
export function unreachableReason(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const { code, status, name, cause } = fields(current);
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    if (typeof status === "number" && status >= 500) return `HTTP ${status}`;
    if (name === "AbortError" || name === "TimeoutError") return "timeout";
    current = cause;
  }
  return null;
}

/** How the login meets a Discord it cannot reach: what it says, and how it waits. */
export interface LoginOptions {
  /** The one line a person reads each time an attempt fails (stderr, from the composition root). */
  notice: (line: string) => void;
  delaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /**
   * Rejects when the gateway closes for good during login (a revoked token: 4004, sharding
   * required: 4011…): discord.js then rejects `login` with a bare message, or would leave
   * `clientReady` waiting for ever.
   */
  closedForGood?: Promise<never>;
}

/**
 * Logs the client in and waits until it is ready. While Discord cannot be reached (the network,
 * a wrong DISCORD_API_URL, Discord down), it says so in one line naming the host it tried and what
 * to check, and tries again with backoff instead of giving up; a rejected token is a StartupError
 * at once (retrying cannot fix it), and any other failure is thrown as it is.
 *
 * The attempts that may fail ask Discord for the gateway over REST first, and only then log in:
 * a failed `client.login` destroys the client's gateway manager for good (discord.js never resets
 * its `destroyed` flag, so a later login would connect without ever reconnecting).
 */
export async function loginWithRetry(client: Client, token: string, options: LoginOptions): Promise<void> {
  const delays = options.delaysMs ?? LOGIN_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const host = apiHost(client);
  client.rest.setToken(token);
  for (let attempt = 0; ; attempt++) {
    try {
      await client.rest.get(Routes.gatewayBot());
      break;
    } catch (error) {
      if (isInvalidToken(error)) throw rejectedToken();
      const reason = unreachableReason(error);
      if (reason === null) throw error;
      const waitMs = delays[Math.min(attempt, delays.length - 1)] ?? 60_000;
      options.notice(`${unreachableLine(host, reason)}; trying again in ${Math.round(waitMs / 1000)} s`);
      await sleep(waitMs);
    }
  }
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await (options.closedForGood === undefined ? ready : Promise.race([ready, options.closedForGood]));
  } catch (error) {
    ready.catch(() => undefined);
    await client.destroy();
    throw isInvalidToken(error) ? rejectedToken() : error;
  }
}

function rejectedToken(): StartupError {
  return new StartupError(
    "Discord rejected DISCORD_TOKEN (401 Unauthorized): check the bot token in the developer portal",
  );
}

/** What to say when Discord cannot be reached at `host`: start-up and `npm run register` alike. */
export function unreachableLine(host: string, reason: string): string {
  return `cannot reach Discord at ${host} (${reason}): check the network and DISCORD_API_URL`;
}

/** The host of the REST API the client was given ("discord.com" unless DISCORD_API_URL says otherwise). */
function apiHost(client: Client): string {
  return hostOf(client.rest.options.api);
}

/** The host of a REST API base URL, or the text itself when it is not a URL. */
export function hostOf(api: string): string {
  try {
    return new URL(api).host;
  } catch {
    return api;
  }
}
