import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { BotCredentials } from "./credentials.js";
import type { RateLimiter } from "./rate-limits.js";
import type { RouteDef, RouteResponse } from "./router.js";
import { Errors, matchRoute } from "./router.js";
import type { World } from "./state.js";
import type { RecordedCall, RecordedFile, Violation } from "./types.js";
import { describeProblem } from "./validation.js";

/** What the HTTP side shares with the rest of the fake. */
export interface HttpDeps {
  routes: readonly RouteDef[];
  limiter: RateLimiter;
  world: World;
  credentials: BotCredentials;
  clock: () => number;
  calls: RecordedCall[];
  violations: Violation[];
  onCall: (call: RecordedCall) => void;
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Counts 401, 403 and 429 answers: Discord bans an IP after 10,000 of them in 10 minutes. */
  countInvalid: () => void;
}

const API_PREFIX = "/api/v10";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The token of an `Authorization: Bot <token>` header. */
function botTokenOf(authorization: string | undefined): string | undefined {
  return authorization?.startsWith("Bot ") ? authorization.slice("Bot ".length) : undefined;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Parses a JSON or multipart body the way Discord reads it: `payload_json` plus `files[n]` parts. */
async function parseBody(
  url: string,
  method: string,
  headers: Record<string, string>,
  raw: Buffer,
): Promise<{ json: unknown; files: RecordedFile[] } | "invalid-json"> {
  const type = headers["content-type"] ?? "";
  if (raw.byteLength === 0) return { json: undefined, files: [] };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request(url, { method, headers, body: raw, duplex: "half" }).formData();
    const files: RecordedFile[] = [];
    let json: unknown;
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field !== "payload_json") continue;
        try {
          json = JSON.parse(value);
        } catch {
          return "invalid-json";
        }
        continue;
      }
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        bytes: new Uint8Array(await value.arrayBuffer()),
      });
    }
    return { json, files };
  }
  try {
    return { json: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    return "invalid-json";
  }
}

function send(res: ServerResponse, answer: RouteResponse, extraHeaders: Record<string, string>): void {
  res.statusCode = answer.status;
  for (const [k, v] of Object.entries({ ...extraHeaders, ...answer.headers })) res.setHeader(k, v);
  // A 204 must not claim JSON: @discordjs/rest would then try to parse the empty body.
  if (answer.status === 204 || answer.body === undefined) {
    res.end();
    return;
  }
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(answer.body));
}

/** Serves the uploaded bytes of an attachment at the URL the fake put into the message, like Discord's CDN. */
function serveAttachment(world: World, path: string, res: ServerResponse): boolean {
  const m = /^\/attachments\/(\d+)\/(\d+)\/[^/]+$/.exec(path);
  if (!m) return false;
  for (const message of world.messages.values()) {
    const file = message.files.get(m[2] ?? "");
    if (file) {
      res.setHeader("Content-Type", file.contentType || "application/octet-stream");
      res.end(Buffer.from(file.bytes));
      return true;
    }
  }
  return false;
}

async function handle(
  deps: HttpDeps & { silent: () => boolean },
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", base);
  const raw = await readBody(req);
  const at = deps.clock();
  if (!url.pathname.startsWith(`${API_PREFIX}/`)) {
    if (method === "GET" && serveAttachment(deps.world, url.pathname, res)) return;
    send(res, Errors.notFound(), {});
    return;
  }
  // discord.js encodes path segments (`@original` arrives as `%40original`); route on the decoded form.
  const path = url.pathname.slice(API_PREFIX.length).split("/").map(decodeURIComponent).join("/");
  const headers = flatHeaders(req);
  const parsed = await parseBody(url.href, method, headers, raw);
  const matched = matchRoute(deps.routes, method, path);
  const call: RecordedCall = {
    seq: deps.calls.length + 1,
    at,
    method,
    path,
    route: matched ? `${method} ${matched.route.template}` : undefined,
    query: Object.fromEntries(url.searchParams),
    headers,
    json: parsed === "invalid-json" ? raw.toString("utf8") : parsed.json,
    files: parsed === "invalid-json" ? [] : parsed.files,
    status: 0,
    response: undefined,
  };
  deps.calls.push(call);

  let answer: RouteResponse;
  let rateHeaders: Record<string, string> = {};
  const fault = deps.limiter.takeFault(method, path);
  if (fault) answer = fault;
  else if (!matched) answer = Errors.notFound();
  else if (matched.route.auth && deps.credentials.check(botTokenOf(headers.authorization)) !== "valid")
    answer = Errors.unauthorized();
  else if (parsed === "invalid-json") answer = Errors.invalidJson();
  else {
    const limit = deps.limiter.check(method, path, matched.route.auth);
    rateHeaders = limit.headers;
    answer =
      limit.limited ??
      (await matched.route.handle({
        method,
        path,
        params: matched.params,
        query: url.searchParams,
        json: parsed.json,
        files: parsed.files,
        call,
        at,
      }));
  }
  if (answer.violation) {
    deps.violations.push({
      method,
      path,
      route: call.route,
      code: answer.violation.code,
      problems: answer.violation.problems.map(describeProblem),
      body: call.json,
    });
  }
  if (answer.status === 401 || answer.status === 403 || answer.status === 429) deps.countInvalid();
  // Gone silent while handling: the request was read, the answer never comes.
  if (deps.silent()) return;
  call.status = answer.status;
  call.response = answer.body;
  send(res, answer, rateHeaders);
  deps.onCall(call);
}

/** A running HTTP server on 127.0.0.1 with an ephemeral port. */
export interface RunningServer {
  server: Server;
  port: number;
  /**
   * Stops reading from every connection, HTTP and gateway alike, and accepts new ones without ever
   * reading them: a peer that hangs or vanishes behind a half-open connection. The sockets stay
   * open (nothing is closed or reset), so the bot learns nothing except through its own timeouts.
   */
  goSilent(): void;
  close(): Promise<void>;
}

/** Starts the REST side; the gateway rides on the same port through `upgrade`. */
export async function startHttp(deps: HttpDeps): Promise<RunningServer> {
  let base = "http://127.0.0.1";
  const sockets = new Set<Socket>();
  let silent = false;
  const handleDeps = { ...deps, silent: () => silent };
  const server = createServer((req, res) => {
    handle(handleDeps, base, req, res).catch((error: unknown) => {
      // A bug in the fake must not pass for Discord being down: answer 500, say why, and fail the test.
      const method = req.method ?? "GET";
      const path = req.url ?? "/";
      deps.violations.push({
        method,
        path,
        route: undefined,
        code: 0,
        problems: [`fake Discord failed: ${String(error)}`],
        body: undefined,
      });
      res.statusCode = 500;
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ message: `fake Discord failed: ${String(error)}`, code: 0 }));
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    if (silent) socket.pause();
  });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!silent) deps.onUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    server,
    port,
    goSilent() {
      silent = true;
      for (const socket of sockets) socket.pause();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        // Upgraded (gateway) and silenced sockets are not the HTTP server's to close any more.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
