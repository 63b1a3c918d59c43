import { createHash } from "node:crypto";
import type { RouteResponse } from "./router.js";
import type { FaultHandle, FaultSpec, RequestMatcher, RouteRateLimit } from "./types.js";

interface Fault {
  spec: FaultSpec;
  hits: number;
  remaining: number;
}

interface Window {
  start: number;
  count: number;
}

/** Discord's bucket hashes are opaque; a stable digest of the rule keeps discord.js's bucket map consistent. */
const bucketHash = (seed: string): string => createHash("sha1").update(seed).digest("hex").slice(0, 16);

/** The major parameter discord.js queues by (see @discordjs/rest `generateRouteData`). */
function majorParameter(path: string): string {
  const m = /^\/webhooks\/(\d+\/[^/]+)|^\/(?:channels|guilds|webhooks)\/(\d+)/.exec(path);
  return m?.[2] ?? m?.[1] ?? "global";
}

function matches(matcher: RequestMatcher, method: string, path: string): boolean {
  if (matcher instanceof RegExp) return matcher.test(`${method} ${path}`);
  if (matcher.method && matcher.method.toUpperCase() !== method) return false;
  return typeof matcher.path === "string" ? matcher.path === path : matcher.path.test(path);
}

/**
 * A 429 as Discord sends it. @discordjs/rest waits for `Retry-After` (seconds, header only: the body's
 * `retry_after` is not read), treats the presence of `X-RateLimit-Global` as global, and with
 * `X-RateLimit-Remaining: 0` plus `X-RateLimit-Reset-After` marks the bucket limited until the reset.
 */
export function tooManyRequests(
  retryAfter: number,
  global: boolean,
  bucket: string,
  limit: number,
): RouteResponse {
  const headers: Record<string, string> = {
    "Retry-After": String(retryAfter),
    "X-RateLimit-Scope": global ? "global" : "user",
  };
  if (global) headers["X-RateLimit-Global"] = "true";
  else {
    Object.assign(headers, {
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
      "X-RateLimit-Reset-After": retryAfter.toFixed(3),
      "X-RateLimit-Bucket": bucket,
    });
  }
  return {
    status: 429,
    headers,
    body: { message: "You are being rate limited.", retry_after: retryAfter, global },
  };
}

const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Injected faults and rate-limit windows. Windows run on real time: discord.js sleeps in real time. */
export class RateLimiter {
  private readonly faults: Fault[] = [];
  private readonly windows = new Map<string, Window>();
  private globalWindow: Window = { start: 0, count: 0 };

  constructor(
    private readonly rules: readonly RouteRateLimit[],
    private readonly globalPerSecond: number | undefined,
  ) {}

  /** Queues a fault; the next `times` matching requests get it instead of their answer. */
  failNext(spec: FaultSpec): FaultHandle {
    const fault: Fault = { spec, hits: 0, remaining: spec.times ?? 1 };
    this.faults.push(fault);
    return {
      get hits() {
        return fault.hits;
      },
      get remaining() {
        return fault.remaining;
      },
    };
  }

  /** The injected fault for this request, if one is pending. */
  takeFault(method: string, path: string): RouteResponse | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && matches(f.spec.route, method, path));
    if (!fault) return undefined;
    fault.remaining--;
    fault.hits++;
    const { status, retryAfter = 1, global = false } = fault.spec;
    if (status === 429) return tooManyRequests(retryAfter, global, bucketHash(`fault ${method} ${path}`), 1);
    const text = STATUS_TEXT[status] ?? "Error";
    return { status, body: { message: `${status}: ${text}`, code: 0 } };
  }

  /**
   * Counts the request against the global and per-route limits. Returns the 429 to answer when a limit is
   * exhausted, otherwise the `X-RateLimit-*` headers the answer should carry.
   */
  check(
    method: string,
    path: string,
    authenticated: boolean,
  ): { limited?: RouteResponse; headers: Record<string, string> } {
    const now = Date.now();
    if (authenticated && this.globalPerSecond !== undefined) {
      if (now - this.globalWindow.start >= 1000) this.globalWindow = { start: now, count: 0 };
      if (this.globalWindow.count >= this.globalPerSecond) {
        const retryAfter = Math.max(0.001, (this.globalWindow.start + 1000 - now) / 1000);
        return { limited: tooManyRequests(retryAfter, true, "global", this.globalPerSecond), headers: {} };
      }
      this.globalWindow.count++;
    }
    const index = this.rules.findIndex((r) => r.method.toUpperCase() === method && r.path.test(path));
    const rule = this.rules[index];
    if (!rule) return { headers: {} };
    const key = `${index}:${majorParameter(path)}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= rule.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetAfter = Math.max(0.001, (window.start + rule.windowMs - now) / 1000);
    const bucket = bucketHash(`rule ${index}`);
    if (window.count >= rule.limit)
      return { limited: tooManyRequests(resetAfter, false, bucket, rule.limit), headers: {} };
    window.count++;
    return {
      headers: {
        "X-RateLimit-Limit": String(rule.limit),
        "X-RateLimit-Remaining": String(rule.limit - window.count),
        "X-RateLimit-Reset": ((window.start + rule.windowMs) / 1000).toFixed(3),
        "X-RateLimit-Reset-After": resetAfter.toFixed(3),
        "X-RateLimit-Bucket": bucket,
      },
    };
  }
}
