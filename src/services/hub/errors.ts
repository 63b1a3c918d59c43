/**
 * Errors of the Hub access layer. Each carries the HTTP status, the URL and the Hub's request id
 * (`x-request-id`), in its fields and in its message, so that a log line alone is enough to ask
 * Hugging Face about a failure.
 */

/** Where a failed exchange with the Hub happened. */
export interface HubErrorDetails {
  /** HTTP status of the last answer, or null when no answer came (network error, timeout). */
  status: number | null;
  url: string;
  /** The Hub's `x-request-id` of the last answer, or null when there was none. */
  requestId: string | null;
}

function describeRequestId(requestId: string | null): string {
  return requestId ? `request id ${requestId}` : "no request id";
}

/**
 * The Hub could not be reached or kept failing (5xx, 429, timeouts, network errors) until the
 * retry budget ran out, or asked us to wait longer than we allow.
 */
export class HubUnavailableError extends Error {
  override readonly name = "HubUnavailableError";
  readonly status: number | null;
  readonly url: string;
  readonly requestId: string | null;
  /** Requests made for this call, the failed ones included. */
  readonly attempts: number;
  /** How long the Hub asked us to wait (Retry-After / RateLimit `t=`), when it asked. */
  readonly requestedWaitMs: number | null;

  constructor(
    reason: string,
    details: HubErrorDetails & { attempts: number; requestedWaitMs?: number | null },
    options?: { cause?: unknown },
  ) {
    super(`Hub unavailable: GET ${details.url} ${reason} (${describeRequestId(details.requestId)})`, options);
    this.status = details.status;
    this.url = details.url;
    this.requestId = details.requestId;
    this.attempts = details.attempts;
    this.requestedWaitMs = details.requestedWaitMs ?? null;
  }
}

/** The Hub answered with an error it will give again (4xx other than 408/429), e.g. a bad sort. */
export class HubRequestError extends Error {
  override readonly name = "HubRequestError";
  readonly status: number;
  readonly url: string;
  readonly requestId: string | null;
  /** The Hub's own words (`{ "error": "..." }`), when it gave any. */
  readonly hubMessage: string | null;

  constructor(
    details: HubErrorDetails & { status: number; hubMessage: string | null },
    options?: { cause?: unknown },
  ) {
    const said = details.hubMessage ? `: ${details.hubMessage}` : "";
    super(
      `Hub answered ${details.status} to ${details.url}${said} (${describeRequestId(details.requestId)})`,
      options,
    );
    this.status = details.status;
    this.url = details.url;
    this.requestId = details.requestId;
    this.hubMessage = details.hubMessage;
  }
}

/** A successful answer whose body is not what the endpoint sends: invalid JSON, cut short, wrong shape. */
export class HubResponseFormatError extends Error {
  override readonly name = "HubResponseFormatError";
  readonly status: number;
  readonly url: string;
  readonly requestId: string | null;

  constructor(reason: string, details: HubErrorDetails & { status: number }, options?: { cause?: unknown }) {
    super(
      `Hub sent a malformed page for ${details.url}: ${reason} (${describeRequestId(details.requestId)})`,
      options,
    );
    this.status = details.status;
    this.url = details.url;
    this.requestId = details.requestId;
  }
}

/** The first Hub error in `error`'s chain of causes (a NoDataError wraps the collection's failure). */
function hubErrorIn(error: unknown): HubUnavailableError | HubRequestError | HubResponseFormatError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (
      current instanceof HubUnavailableError ||
      current instanceof HubRequestError ||
      current instanceof HubResponseFormatError
    ) {
      return current;
    }
    current = current.cause;
  }
  return null;
}

/**
 * The system error code (`ECONNREFUSED`, `ENOTFOUND`) somewhere under a failed fetch, else the
 * innermost cause's own words ("bad port"), if any.
 */
function systemCode(error: unknown): string | null {
  let current: unknown = error;
  let innermost: string | null = null;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth++) {
    const { code, cause, message } = current as { code?: unknown; cause?: unknown; message?: unknown };
    if (typeof code === "string" && code !== "") return code;
    if (typeof message === "string" && message !== "") innermost = message;
    current = cause;
  }
  return innermost === null || innermost.length > 60 ? null : innermost;
}

/**
 * What a person needs to hear of a failure to read the Hub: which host, and a few words on why
 * ("ECONNREFUSED", "HTTP 503", "no answer in time"), not the request's full URL with its dozen
 * `expand=` parameters. Null when the failure is not the Hub's.
 */
export function hubFailureOf(error: unknown): { host: string; reason: string } | null {
  const hub = hubErrorIn(error);
  if (hub === null) return null;
  let host: string;
  try {
    host = new URL(hub.url).host;
  } catch {
    host = hub.url;
  }
  if (hub instanceof HubResponseFormatError) return { host, reason: `HTTP ${hub.status}, malformed answer` };
  if (hub.status !== null) return { host, reason: `HTTP ${hub.status}` };
  const code = systemCode(hub.cause);
  if (code !== null) return { host, reason: code };
  return { host, reason: hub.message.includes("timed out") ? "timeout" : "no answer" };
}
