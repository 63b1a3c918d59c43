import { HubResponseFormatError } from "./errors.js";

/** The JSON shape a Hub endpoint answers with. */
export type ExpectedBody = "array" | "object";

function urlOf(input: string | URL | Request): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/**
 * Wraps `fetch` so that a successful answer whose body is not complete JSON of the expected shape
 * becomes a {@link HubResponseFormatError} naming the URL and request id. Without it,
 * @huggingface/hub would throw a bare SyntaxError or TypeError, or, given a JSON string instead of
 * an array, iterate its characters as if they were models. Error answers pass through untouched so
 * the library can read the Hub's message.
 */
export function guardJsonBodies(transport: typeof fetch, expected: ExpectedBody): typeof fetch {
  return async function guardedFetch(input, init) {
    const response = await transport(input, init);
    if (!response.ok) return response;
    const details = {
      status: response.status,
      url: urlOf(input),
      requestId: response.headers.get("x-request-id"),
    };
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new HubResponseFormatError(`the body was cut short: ${describeError(error)}`, details, {
        cause: error,
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new HubResponseFormatError(`invalid JSON (${describeError(error)})`, details, { cause: error });
    }
    const actual = Array.isArray(body) ? "array" : body === null ? "null" : typeof body;
    if (actual !== expected) {
      throw new HubResponseFormatError(`expected a JSON ${expected}, got ${actual}`, details);
    }
    // The body was consumed above: hand the library an identical answer to read again.
    return new Response(text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
