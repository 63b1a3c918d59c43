import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";

/**
 * The process's HTTP server, on node:http: three routes (the Interactions Endpoint URL, health and
 * metrics) need no framework, and node:http gives the bounds that matter directly: a body limit
 * checked before and while reading (bodies are read before their signature can be checked, so
 * anyone may send one), and header and request timeouts against slow senders.
 */

/** Discord's interaction payloads are a few KiB; resolved users and channels add little. */
export const MAX_BODY_BYTES = 256 * 1024;
/** Headers must arrive within this; the whole request within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface HttpReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A route's handler: the request, its whole body (within the limit), and a way to answer once. */
export type HttpHandler = (
  req: IncomingMessage,
  body: Buffer,
  reply: (answer: HttpReply) => Promise<void>,
) => Promise<void>;

export interface RunningHttpServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `routes` (keyed `METHOD /path`) on 127.0.0.1 or all interfaces; 404 and 405 for the rest. */
export async function startHttpServer(deps: {
  port: number;
  host?: string;
  routes: ReadonlyMap<string, HttpHandler>;
  logger: Logger;
  /** Tests shorten them; production uses HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS. */
  timeouts?: { headersMs: number; requestMs: number };
}): Promise<RunningHttpServer> {
  const { routes, logger } = deps;
  let closing = false;
  const headersTimeout = deps.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  const requestTimeout = deps.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  const options = {
    headersTimeout,
    requestTimeout,
    // Node enforces both only when it checks its connections (every 30 s by default).
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  };
  const server = createServer(options, (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = routes.get(`${req.method ?? "GET"} ${path}`);
    if (handler === undefined) {
      const known = [...routes.keys()].some((key) => key.endsWith(` ${path}`));
      end(res, { status: known ? 405 : 404 });
      req.resume();
      return;
    }
    void serve(req, res, handler, () => closing).catch((error: unknown) => {
      logger.error({ err: error, path }, "http request failed");
      if (!res.headersSent) end(res, { status: 500 });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(deps.port, deps.host ?? "0.0.0.0", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; requests under way finish first.
        server.closeIdleConnections();
      }),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handler: HttpHandler,
  closing: () => boolean,
): Promise<void> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) {
    refuseOversized(req, res);
    return;
  }
  const body = await readBounded(req);
  if (body === null) {
    refuseOversized(req, res);
    return;
  }
  await handler(
    req,
    body,
    (answer) =>
      new Promise<void>((resolve) => {
        // Once stopping, an answer ends its connection, so close() need not wait out a keep-alive.
        if (closing() && !res.headersSent) res.setHeader("Connection", "close");
        end(res, answer, resolve);
      }),
  );
}

function refuseOversized(req: IncomingMessage, res: ServerResponse): void {
  // Answer, then drop the connection: the rest of the body is not worth reading.
  res.setHeader("Connection", "close");
  end(res, { status: 413 }, () => req.destroy());
}

/**
 * The body, or null once it passes MAX_BODY_BYTES (a chunked body declares no length). Read by
 * events rather than `for await`, whose early exit would destroy the socket before the 413.
 */
function readBounded(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

function end(res: ServerResponse, answer: HttpReply, done?: () => void): void {
  if (res.headersSent) {
    done?.();
    return;
  }
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.end(answer.body, done);
}
