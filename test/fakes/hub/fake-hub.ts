import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  BadRequestError,
  DATASETS,
  encodeCursor,
  expandOf,
  MODELS,
  parseListQuery,
  project,
  type RepoKind,
  type Row,
} from "./list-query.js";

/**
 * A stand-in for the Hugging Face Hub's read API on 127.0.0.1, speaking its wire format so the
 * real @huggingface/hub runs against it unmodified. It refuses what the Hub refuses (unknown query
 * parameters, sorts and expand keys; unknown paths) and can misbehave on demand.
 */

/** Shared by every fault: serve `after` requests normally, then fault `times` of them (default: all). */
interface FaultCount {
  times?: number;
  after?: number;
}

export type HubFault = FaultCount &
  (
    | { kind: "429"; retryAfterSeconds?: number; resetSeconds?: number }
    | { kind: "500" }
    | { kind: "slow"; delayMs: number }
    | { kind: "truncated" }
    | { kind: "malformed-json" }
    | { kind: "not-array" }
    /** Every list answers `200 []`: a Hub whose search index came back empty. */
    | { kind: "empty-lists" }
    /** Every listed record has its field `from` renamed to `to`: an API change. */
    | { kind: "renamed-field"; from: string; to: string }
  );

export interface RecordedRequest {
  method: string;
  /** Path as sent, still URL-encoded. */
  path: string;
  params: URLSearchParams;
  authorization: string | null;
  status: number;
  requestId: string;
  /** The fault this request got, if any. */
  fault: HubFault["kind"] | null;
}

export interface FakeHubOptions {
  models?: readonly Row[];
  datasets?: readonly Row[];
  /** Page size when `limit` is absent. Default 1000. */
  defaultPageSize?: number;
  /** The Hub sends at most this many per page. Default 1000. */
  maxPageSize?: number;
  /** `q=` of the RateLimit-Policy sent with a 429 (anonymous: 500 per 5 minutes). */
  rateLimitQuota?: number;
  /** Epoch ms for the `RateLimit` window every answer reports. Default Date.now. */
  now?: () => number;
}

export interface FakeHub {
  /** `http://127.0.0.1:PORT`, to pass as `hubUrl`. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to the model list filtered by this author (any case), as a watch poll sends them. */
  authorListRequests(author: string): RecordedRequest[];
  /** A model appears on the Hub (or is replaced, by id): lists answer with it from now on. */
  putModel(row: Row): void;
  /** Changes fields of a model (downloads grow, a private repo goes public). */
  updateModel(id: string, patch: Record<string, unknown>): void;
  setFault(fault: HubFault | null): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const NOT_FOUND = { "x-error-code": "RepoNotFound", "x-error-message": "Repository not found" };

function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body: JSON.stringify(value), headers };
}

function indexById(rows: readonly Row[]): Map<string, Row> {
  const byId = new Map<string, Row>();
  for (const row of rows) if (typeof row.id === "string") byId.set(row.id, row);
  return byId;
}

function isList(url: URL): boolean {
  return url.pathname === "/api/models" || url.pathname === "/api/datasets";
}

function renameField(page: unknown, from: string, to: string): unknown {
  if (!Array.isArray(page)) return page;
  return page.map((row: unknown) => {
    if (typeof row !== "object" || row === null || !(from in row)) return row;
    const { [from]: value, ...rest } = row as Record<string, unknown>;
    return { ...rest, [to]: value };
  });
}

export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const { datasets = [], defaultPageSize = 1000, maxPageSize = 1000 } = options;
  const models = [...(options.models ?? [])];
  const quota = options.rateLimitQuota ?? 500;
  const clockMs = options.now ?? Date.now;
  const rows: Record<RepoKind["name"], readonly Row[]> = { models, datasets };
  const byId = { models: indexById(models), datasets: indexById(datasets) };
  // Pagination asks for the same selection again and again: sort it once.
  const selections = new Map<string, Row[]>();
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let fault: (HubFault & { served: number; faulted: number }) | null = null;
  let origin = "";
  let requestCount = 0;

  function list(kind: RepoKind, url: URL): Answer {
    const query = parseListQuery(kind, url.searchParams, { defaultPageSize, maxPageSize });
    let selected = selections.get(query.selectionKey);
    if (!selected) {
      // The Hub lists public repos only to anonymous callers.
      selected = query.select(rows[kind.name].filter((row) => row.private !== true));
      selections.set(query.selectionKey, selected);
    }
    const page = selected
      .slice(query.offset, query.offset + query.limit)
      .map((r) => project(r, query.fields));
    const headers: Record<string, string> = {};
    if (query.offset + query.limit < selected.length) {
      const next = new URLSearchParams(url.searchParams);
      next.set("cursor", encodeCursor(query.offset + query.limit));
      headers.link = `<${origin}${url.pathname}?${next.toString()}>; rel="next"`;
    }
    return json(200, page, headers);
  }

  function info(kind: RepoKind, url: URL): Answer {
    for (const key of new Set(url.searchParams.keys())) {
      if (key !== "expand" && key !== "expand[]")
        throw new BadRequestError(`Invalid query parameter: ${key}`);
    }
    const expand = expandOf(url.searchParams, kind);
    // `Qwen%2FQwen3-8B` and `Qwen/Qwen3-8B` name the same repo.
    const rest = decodeURIComponent(url.pathname.slice(`/api/${kind.name}/`.length));
    const match = /^(.+)\/revision\/([^/]+)$/.exec(rest);
    const [id, revision] = match ? [match[1] ?? "", match[2] ?? ""] : [rest, "HEAD"];
    const row = byId[kind.name].get(id);
    if (!row || row.private === true) return json(404, { error: "Repository not found" }, NOT_FOUND);
    if (revision !== "HEAD" && revision !== "main")
      return json(404, { error: `Invalid rev id: ${revision}` });
    return json(200, project(row, expand.length > 0 ? ["_id", "id", ...expand] : null));
  }

  function route(req: IncomingMessage, url: URL): Answer {
    if (req.method !== "GET") return json(405, { error: `Method ${req.method} not allowed` });
    if (url.pathname === "/api/models") return list(MODELS, url);
    if (url.pathname === "/api/datasets") return list(DATASETS, url);
    if (url.pathname.startsWith("/api/models/")) return info(MODELS, url);
    if (url.pathname.startsWith("/api/datasets/")) return info(DATASETS, url);
    return json(404, { error: "Sorry, we can't find the page you are looking for." });
  }

  /** The fault this request gets, counting it down. */
  function takeFault(): HubFault | null {
    if (!fault) return null;
    if (fault.served < (fault.after ?? 0)) {
      fault.served++;
      return null;
    }
    const taken = fault;
    taken.faulted++;
    if (taken.times !== undefined && taken.faulted >= taken.times) fault = null;
    return taken;
  }

  // The Hub's fixed 5-minute window, as every answer's `RateLimit` header reports it.
  const WINDOW_MS = 300_000;
  let windowStart = clockMs();
  let inWindow = 0;
  function rateLimitHeader(): string {
    const at = clockMs();
    if (at - windowStart >= WINDOW_MS) {
      windowStart = at;
      inWindow = 0;
    }
    inWindow++;
    const resetSeconds = Math.max(1, Math.ceil((windowStart + WINDOW_MS - at) / 1000));
    return `"api";r=${Math.max(0, quota - inWindow)};t=${resetSeconds}`;
  }

  function send(res: ServerResponse, answer: Answer, requestId: string, cutShort = false): void {
    // The client gave up (e.g. its timeout) while we were slow: nobody to answer.
    if (res.destroyed || !res.socket || res.socket.destroyed) return;
    const body = Buffer.from(answer.body);
    res.writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": String(body.length),
      "x-request-id": requestId,
      ratelimit: rateLimitHeader(),
      "ratelimit-policy": `"fixed window";"api";q=${quota};w=300`,
      ...answer.headers,
    });
    if (!cutShort) {
      res.end(body);
      return;
    }
    // Promise the whole body, send half, hang up: what a dropped connection looks like.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    requestCount++;
    const requestId = `Root=1-${requestCount.toString(16).padStart(8, "0")}-${requestCount.toString(16).padStart(24, "0")}`;
    const url = new URL(req.url ?? "/", origin);
    const taken = takeFault();
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      params: url.searchParams,
      authorization: req.headers.authorization ?? null,
      status: 0,
      requestId,
      fault: taken?.kind ?? null,
    };
    requests.push(record);
    const answerNormally = (): Answer => {
      try {
        return route(req, url);
      } catch (error) {
        if (error instanceof BadRequestError) return json(400, { error: error.message });
        throw error;
      }
    };
    let answer: Answer;
    switch (taken?.kind) {
      case "429": {
        const reset = taken.resetSeconds ?? taken.retryAfterSeconds ?? 60;
        answer = json(
          429,
          { error: "You have been rate-limited; you can retry this action later." },
          {
            ratelimit: `"api";r=0;t=${reset}`,
            "ratelimit-policy": `"fixed window";"api";q=${quota};w=300`,
            ...(taken.retryAfterSeconds === undefined
              ? {}
              : { "retry-after": String(taken.retryAfterSeconds) }),
          },
        );
        break;
      }
      case "500":
        answer = json(500, { error: "Internal Error - We're working hard to fix this as soon as possible!" });
        break;
      case "slow": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          const late = answerNormally();
          record.status = late.status;
          send(res, late, requestId);
        }, taken.delayMs);
        timers.add(timer);
        return;
      }
      case "malformed-json": {
        const normal = answerNormally();
        // A trailing comma: JSON.parse refuses it.
        answer = { ...normal, body: `${normal.body.slice(0, -1)},${normal.body.slice(-1)}` };
        break;
      }
      case "not-array": {
        const normal = answerNormally();
        answer = { ...normal, body: `{"items":${normal.body}}` };
        break;
      }
      case "empty-lists":
        answer = isList(url) ? json(200, []) : answerNormally();
        break;
      case "renamed-field": {
        const normal = answerNormally();
        answer =
          isList(url) && normal.status === 200
            ? { ...normal, body: JSON.stringify(renameField(JSON.parse(normal.body), taken.from, taken.to)) }
            : normal;
        break;
      }
      default:
        answer = answerNormally();
    }
    record.status = answer.status;
    send(res, answer, requestId, taken?.kind === "truncated");
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("fake Hub: no TCP address");
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: origin,
    requests,
    authorListRequests: (author) =>
      requests.filter(
        (r) => r.path === "/api/models" && r.params.get("author")?.toLowerCase() === author.toLowerCase(),
      ),
    putModel(row) {
      const id = typeof row.id === "string" ? row.id : "";
      const at = models.findIndex((existing) => existing.id === id);
      if (at >= 0) models[at] = row;
      else models.push(row);
      byId.models.set(id, row);
      selections.clear();
    },
    updateModel(id, patch) {
      const row = byId.models.get(id);
      if (row === undefined) throw new Error(`fake Hub: no model ${id}`);
      const next = { ...row, ...patch };
      models[models.indexOf(row)] = next;
      byId.models.set(id, next);
      selections.clear();
    },
    setFault(next) {
      fault = next ? { ...next, served: 0, faulted: 0 } : null;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
