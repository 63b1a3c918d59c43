import type { Problem } from "./limits.js";
import type { RecordedCall, RecordedFile } from "./types.js";
import { errorTree } from "./validation.js";

/** What a route handler gets. */
export interface RequestContext {
  method: string;
  /** Decoded path below `/api/v10`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  json: unknown;
  files: RecordedFile[];
  /** The call being recorded; handlers tag it with the interaction it belongs to. */
  call: RecordedCall;
  /** Clock time the request arrived. */
  at: number;
}

/** What a route handler answers. */
export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the request broke Discord's rules; the server records it in `violations`. */
  violation?: { code: number; problems: Problem[] };
}

/** A REST route: `auth: false` for interaction callbacks and webhook calls, which carry no bot token. */
export interface RouteDef {
  method: string;
  template: string;
  auth: boolean;
  handle(ctx: RequestContext): RouteResponse | Promise<RouteResponse>;
}

/** Finds the route for a request; templates are matched segment by segment, `:name` capturing one. */
export function matchRoute(
  routes: readonly RouteDef[],
  method: string,
  path: string,
): { route: RouteDef; params: Record<string, string> } | undefined {
  const segments = path.split("/").filter((s) => s !== "");
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = route.template.split("/").filter((s) => s !== "");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (const [i, part] of parts.entries()) {
      const segment = segments[i] ?? "";
      if (part.startsWith(":")) params[part.slice(1)] = segment;
      else if (part !== segment) {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params };
  }
  return undefined;
}

/** A JSON answer. */
export const json = (status: number, body: unknown): RouteResponse => ({ status, body });

/** 204 No Content: no body and, as discord.js needs, no JSON content type. */
export const noContent = (): RouteResponse => ({ status: 204 });

/** One of Discord's plain errors, `{ message, code }`. */
export const discordError = (status: number, code: number, message: string): RouteResponse => ({
  status,
  body: { message, code },
});

/** Discord's answers the fake gives, by name. */
export const Errors = {
  notFound: () => discordError(404, 0, "404: Not Found"),
  unauthorized: () => discordError(401, 0, "401: Unauthorized"),
  unknownApplication: () => discordError(404, 10002, "Unknown Application"),
  unknownChannel: () => discordError(404, 10003, "Unknown Channel"),
  unknownGuild: () => discordError(404, 10004, "Unknown Guild"),
  unknownMessage: () => discordError(404, 10008, "Unknown Message"),
  unknownUser: () => discordError(404, 10013, "Unknown User"),
  unknownMember: () => discordError(404, 10007, "Unknown Member"),
  unknownWebhook: () => discordError(404, 10015, "Unknown Webhook"),
  unknownInteraction: () => discordError(404, 10062, "Unknown interaction"),
  unknownCommand: () => discordError(404, 10063, "Unknown application command"),
  alreadyAcknowledged: () => discordError(400, 40060, "Interaction has already been acknowledged."),
  missingAccess: () => discordError(403, 50001, "Missing Access"),
  missingPermissions: () => discordError(403, 50013, "Missing Permissions"),
  invalidJson: () => discordError(400, 50109, "The request body contains invalid JSON."),
} as const;

/** 400 Invalid Form Body with Discord's nested `errors`, recorded as a violation. */
export function invalidFormBody(all: Problem[]): RouteResponse {
  // The spec and the fake's own limits can both catch the same field (e.g. a 300-character title): say it once.
  const byKey = new Map<string, Problem>();
  for (const p of all) {
    const key = JSON.stringify([p.path, p.code]);
    if (!byKey.has(key)) byKey.set(key, p);
  }
  const problems = [...byKey.values()];
  return {
    status: 400,
    body: { message: "Invalid Form Body", code: 50035, errors: errorTree(problems) },
    violation: { code: 50035, problems },
  };
}

/** 400 Cannot send an empty message, recorded as a violation. */
export function emptyMessage(): RouteResponse {
  return {
    status: 400,
    body: { message: "Cannot send an empty message", code: 50006 },
    violation: {
      code: 50006,
      problems: [{ path: [], code: "EMPTY_MESSAGE", message: "Cannot send an empty message" }],
    },
  };
}

/**
 * Marks an error answer as the bot's mistake in the interaction protocol (answering twice, too late, or with an
 * expired token): Discord only answers with an error, but the user is left with "The application did not
 * respond" or a stale message, so tests should hear about it.
 */
export function protocolViolation(answer: RouteResponse, message: string): RouteResponse {
  const body = answer.body as { code?: unknown } | undefined;
  const code = typeof body?.code === "number" ? body.code : 0;
  return { ...answer, violation: { code, problems: [{ path: [], code: "INTERACTION_PROTOCOL", message }] } };
}
