import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "pino";
import { HubUnavailableError } from "./errors.js";

export { HubUnavailableError } from "./errors.js";

/** Waits `ms`; rejects early with the signal's reason when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options of {@link createRetryingFetch}. Delays are in milliseconds. */
export interface RetryingFetchOptions {
  /** The transport to wrap (the global `fetch` in production). */
  fetch: typeof fetch;
  logger: Logger;
  /** Requests per call, the first included. Default 4. */
  maxAttempts?: number;
  /** First backoff delay; it doubles after each failure. Default 500. */
  baseDelayMs?: number;
  /**
   * Cap on the total time one call may spend waiting between attempts. A server asking for a
   * longer wait than what is left of it makes the call give up at once. Default 30,000.
   */
  maxDelayMs?: number;
  /** Per-attempt timeout, covering the body as well as the headers. Default 15,000. */
  timeoutMs?: number;
  sleep?: Sleep;
  /** Uniform in [0, 1), for jitter. Default Math.random. */
  random?: () => number;
  /** Epoch milliseconds, to read `Retry-After` given as an HTTP date. Default Date.now. */
  now?: () => number;
  /** Called before every request, retries included. */
  onRequest?: (request: { url: string; attempt: number }) => void;
}

const defaultSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

/** Why one attempt failed, and what the server asked, if anything. */
interface Failure {
  status: number | null;
  requestId: string | null;
  /** Wait the server asked for, in ms, or null. */
  requestedWaitMs: number | null;
  what: string;
  cause?: unknown;
}

/** Statuses worth trying again: the peer may answer differently in a moment. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The Hub's `RateLimit: "api";r=<remaining>;t=<seconds until the window resets>`. */
export function parseRateLimitReset(value: string | null): number | null {
  if (value === null) return null;
  const match = /;\s*t=(\d+)/.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]) * 1000;
}

/** What the Hub's `RateLimit` header says is left of the current window. */
export interface RateLimitState {
  remaining: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

/** `"api";r=<remaining>;t=<seconds>` as numbers, or null when absent or unreadable. */
export function parseRateLimit(value: string | null): RateLimitState | null {
  if (value === null) return null;
  const remaining = /;\s*r=(\d+)/.exec(value)?.[1];
  const reset = parseRateLimitReset(value);
  return remaining === undefined || reset === null ? null : { remaining: Number(remaining), resetMs: reset };
}

function urlOf(input: string | URL | Request): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

function methodOf(input: string | URL | Request, init: RequestInit | undefined): string {
  return (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Wraps `fetch` with the retries @huggingface/hub does not do. 429 waits as long as the Hub asks
 * (`Retry-After`, else the `t=` of its `RateLimit` header); 408, 5xx, network errors and timeouts
 * back off exponentially with jitter. Other answers, 4xx included, are returned as they are so the
 * library can report them. Only GET and HEAD are retried: other methods get one attempt.
 * When it gives up, it throws {@link HubUnavailableError} with status, URL and request id.
 */
export function createRetryingFetch(options: RetryingFetchOptions): typeof fetch {
  const {
    fetch: transport,
    logger,
    maxAttempts = 4,
    baseDelayMs = 500,
    maxDelayMs = 30_000,
    timeoutMs = 15_000,
    sleep = defaultSleep,
    random = Math.random,
    now = Date.now,
    onRequest,
  } = options;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  }

  function backoff(attempt: number): number {
    const exponential = baseDelayMs * 2 ** (attempt - 1);
    // "Equal jitter": never less than half the step, so a burst of clients still spreads out
    // without any of them retrying immediately.
    return Math.round(exponential / 2 + (random() * exponential) / 2);
  }

  async function attemptOnce(
    input: string | URL | Request,
    init: RequestInit | undefined,
    url: string,
  ): Promise<Response | Failure> {
    const callerSignal = init?.signal ?? undefined;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      const response = await transport(input, { ...init, signal });
      if (!isRetryableStatus(response.status)) return response;
      const asked = [parseRetryAfter(response.headers.get("retry-after"), now())];
      if (response.status === 429) asked.push(parseRateLimitReset(response.headers.get("ratelimit")));
      const known = asked.filter((ms): ms is number => ms !== null);
      // Free the connection: nobody will read this body.
      await response.body?.cancel().catch(() => undefined);
      return {
        status: response.status,
        requestId: response.headers.get("x-request-id"),
        requestedWaitMs: known.length > 0 ? Math.max(...known) : null,
        what: `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
      };
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      const timedOut = timeout.aborted;
      logger.debug({ url, err: error }, "Hub request failed");
      return {
        status: null,
        requestId: null,
        requestedWaitMs: null,
        what: timedOut ? `timed out after ${timeoutMs} ms` : `failed: ${describeError(error)}`,
        cause: error,
      };
    }
  }

  return async function retryingFetch(input, init) {
    const url = urlOf(input);
    const attempts = ["GET", "HEAD"].includes(methodOf(input, init)) ? maxAttempts : 1;
    const callerSignal = init?.signal ?? undefined;
    let waitedMs = 0;
    for (let attempt = 1; ; attempt++) {
      callerSignal?.throwIfAborted();
      onRequest?.({ url, attempt });
      const outcome = await attemptOnce(input, init, url);
      if (outcome instanceof Response) return outcome;

      const details = { status: outcome.status, url, requestId: outcome.requestId, attempts: attempt };
      const cause = outcome.cause === undefined ? undefined : { cause: outcome.cause };
      if (attempt >= attempts) {
        const times = attempt === 1 ? "" : ` (${attempt} attempts)`;
        throw new HubUnavailableError(`${outcome.what}${times}; giving up`, details, cause);
      }
      const budgetMs = maxDelayMs - waitedMs;
      if (outcome.requestedWaitMs !== null && outcome.requestedWaitMs > budgetMs) {
        throw new HubUnavailableError(
          `${outcome.what} and asked us to wait ${formatSeconds(outcome.requestedWaitMs)}, ` +
            `more than the ${formatSeconds(budgetMs)} left of our ${formatSeconds(maxDelayMs)} wait budget; giving up`,
          { ...details, requestedWaitMs: outcome.requestedWaitMs },
          cause,
        );
      }
      if (budgetMs <= 0) {
        throw new HubUnavailableError(
          `${outcome.what} after ${attempt} attempts and ${formatSeconds(waitedMs)} of waiting; giving up`,
          details,
          cause,
        );
      }
      const waitMs = outcome.requestedWaitMs ?? Math.min(backoff(attempt), budgetMs);
      logger.warn(
        { url, status: outcome.status, requestId: outcome.requestId, attempt, waitMs },
        `Hub ${outcome.what}; retrying`,
      );
      await sleep(waitMs, callerSignal);
      waitedMs += waitMs;
    }
  };
}
