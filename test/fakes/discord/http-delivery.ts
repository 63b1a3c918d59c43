import type { AcceptCallback } from "./interaction-routes.js";
import type { InteractionRecord } from "./interactions.js";
import type { Problem } from "./limits.js";
import type { InteractionSigner } from "./signing.js";
import type { RecordedCall, Violation } from "./types.js";
import { describeProblem } from "./validation.js";

/** The route name recorded for a first response that came as the body of the HTTP response. */
export const HTTP_RESPONSE_ROUTE = "HTTP response to POST /interactions";

/** The first response accepted for an interaction: its REST callback, or the HTTP response's body. */
export function firstResponseOf(record: InteractionRecord | undefined): RecordedCall | undefined {
  return record?.calls.find(
    (call) =>
      (call.route === HTTP_RESPONSE_ROUTE || call.path.endsWith("/callback")) &&
      call.status >= 200 &&
      call.status < 300,
  );
}

/** How long Discord waits for the endpoint's answer before the user sees "did not respond". */
const ENDPOINT_TIMEOUT_MS = 3_000;

/**
 * Delivers an interaction the way Discord does to an Interactions Endpoint URL: a POST of the
 * payload, signed with the application's key, whose answer must be either an interaction response
 * as JSON (200) or, when the application already answered through the callback route, a 202 with
 * no body (docs/interactions/receiving-and-responding.mdx). Anything else (another status, a
 * multipart body, which the docs do not allow there, a 202 before any callback, no answer within
 * 3 s) is recorded as a violation: the user would have seen "This interaction failed".
 */
export async function deliverOverHttp(deps: {
  url: string;
  signer: InteractionSigner;
  /** Discord's wall clock (epoch ms), which stamps `X-Signature-Timestamp`. */
  signedAt: () => number;
  record: InteractionRecord;
  accept: AcceptCallback;
  violations: Violation[];
  clock: () => number;
}): Promise<void> {
  const { record, violations } = deps;
  const path = `POST ${deps.url}`;
  const violation = (code: number, problems: string[], body?: unknown) =>
    violations.push({ method: "POST", path, route: HTTP_RESPONSE_ROUTE, code, problems, body });
  const body = JSON.stringify(record.payload);
  let response: Response;
  try {
    response = await fetch(deps.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Discord-Interactions/1.0",
        ...deps.signer.headers(body, Math.floor(deps.signedAt() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(ENDPOINT_TIMEOUT_MS),
    });
  } catch (error) {
    violation(0, [`the endpoint did not answer /${record.commandName} (${record.id}): ${String(error)}`]);
    return;
  }
  const at = deps.clock();
  const text = await response.text();
  if (response.status === 202) {
    if (record.acknowledgedAt === undefined)
      violation(0, ["202 from the endpoint, but no callback was made through REST first"]);
    if (text !== "") violation(0, ["a 202 from the endpoint must have no body"], text);
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || !type.startsWith("application/json")) {
    violation(
      0,
      [
        `the endpoint answered ${response.status} (${type || "no content type"}); Discord wants 200 JSON or 202`,
      ],
      text,
    );
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    violation(50109, ["the endpoint's answer is not JSON"], text);
    return;
  }
  const call: RecordedCall = {
    seq: 0,
    at,
    method: "POST",
    path: "/interactions",
    route: HTTP_RESPONSE_ROUTE,
    query: {},
    headers: Object.fromEntries(response.headers),
    json,
    files: [],
    status: 200,
    response: undefined,
  };
  const object =
    typeof json === "object" && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  const answer = deps.accept(record, object, { call, files: [], at, query: new URLSearchParams() });
  if (answer.violation !== undefined) {
    violation(
      answer.violation.code,
      answer.violation.problems.map((p: Problem) => describeProblem(p)),
      json,
    );
  } else if (answer.status >= 400) {
    violation(0, [`Discord would refuse this response: ${JSON.stringify(answer.body)}`], json);
  }
}
