import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import JSON5 from "json5";
import { pino } from "pino";
import { z } from "zod";
import { createLocalChartRenderer } from "../../../src/services/charts/local-renderer.js";
import type { ChartRenderer } from "../../../src/services/charts/renderer.js";
import type { ChartSpec } from "../../../src/services/charts/types.js";

/**
 * A stand-in for a QuickChart server on 127.0.0.1, speaking its `POST /chart` API: a JSON body
 * `{ chart, width, height, devicePixelRatio, backgroundColor, format, version }` where `chart` is
 * JavaScript-object text (parsed here with JSON5, which takes what quickchart-js writes as long
 * as the config holds no functions). It draws the chart with the project's own Chart.js /
 * @napi-rs/canvas path, so a success is a real chart, and it refuses what QuickChart would refuse
 * or render wrongly, with QuickChart's `X-quickchart-error` header.
 */

/** A fault the next requests meet instead of a normal answer. */
export type QuickChartFault =
  | { kind: "status"; status: number }
  /** Answer only after `delayMs` (normally longer than the client's timeout). */
  | { kind: "slow"; delayMs: number }
  /** 200 with a body that is not a PNG, as a captive portal or a misrouted proxy would send. */
  | { kind: "not-png" };

/** One request as the fake saw it. */
export interface QuickChartRequestRecord {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** The chart config parsed from `body.chart`, when it parsed. */
  chart: unknown;
  status: number;
  /** Why the request was refused, as sent in `X-quickchart-error`. */
  error: string | undefined;
  fault: QuickChartFault["kind"] | undefined;
  /** The client went away before the answer was sent (e.g. it timed out and aborted). */
  aborted: boolean;
  /** The chart had CJK text and the fake has no CJK font: it drew boxes, and answered 200 all the same. */
  tofu: boolean;
  /** Every font family the chart's config named. */
  fontFamilies: string[];
}

export interface FakeQuickChart {
  /** Base URL to configure as `QUICKCHART_URL`. */
  readonly url: string;
  readonly requests: QuickChartRequestRecord[];
  /** Applies `fault` to the next `times` requests (every request when `times` is not given); null clears it. */
  setFault(fault: QuickChartFault | null, times?: number): void;
  /** Resolves when no request is in flight (aborted ones included). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What QuickChart accepts in the body; it ignores other fields, and so does this fake. */
const bodySchema = z.looseObject({
  chart: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  width: z.coerce.number().int().positive().max(3000).optional(),
  height: z.coerce.number().int().positive().max(3000).optional(),
  devicePixelRatio: z.coerce.number().positive().max(4).optional(),
  backgroundColor: z.string().optional(),
  format: z.string().optional(),
  version: z.string().optional(),
});

/** A parsed config the local renderer can draw: the two chart types the specs use, with datasets. */
function isChartSpec(value: unknown): value is ChartSpec {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const data = record.data;
  return (
    (record.type === "bar" || record.type === "line") &&
    typeof data === "object" &&
    data !== null &&
    Array.isArray((data as Record<string, unknown>).datasets)
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}

/** A copy of `spec` with `options.plugins.background.color` set. */
function withBackground(spec: ChartSpec, color: string): ChartSpec {
  const copy: unknown = structuredClone(spec);
  const root = asRecord(copy);
  const options = asRecord(root.options);
  const plugins = asRecord(options.plugins);
  const result = { ...root, options: { ...options, plugins: { ...plugins, background: { color } } } };
  if (!isChartSpec(result)) throw new Error("unreachable: a chart spec stays one when its background is set");
  return result;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

const CJK = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/gu;

/** Every string in `value` with CJK characters drawn as a box: what a server without a CJK font shows. */
function asTofu(value: unknown): unknown {
  if (typeof value === "string") return value.replace(CJK, "\u25a1");
  if (Array.isArray(value)) return value.map(asTofu);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, asTofu(inner)]));
  }
  return value;
}

/** Every `family` named anywhere in a config. */
function fontFamilies(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fontFamilies);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "family" && typeof inner === "string" ? [inner] : fontFamilies(inner),
  );
}

/**
 * Starts the fake on an ephemeral port. `renderer` defaults to the project's local renderer.
 * Like QuickChart's own Docker image, the fake has no CJK font unless `cjkFonts` is set: it then
 * draws Chinese as boxes and answers 200, as the real server does.
 */
export async function startFakeQuickChart(
  options: { renderer?: ChartRenderer; cjkFonts?: boolean } = {},
): Promise<FakeQuickChart> {
  const renderer = options.renderer ?? createLocalChartRenderer({ logger: pino({ level: "silent" }) });
  const requests: QuickChartRequestRecord[] = [];
  let fault: QuickChartFault | null = null;
  let faultTimes = Number.POSITIVE_INFINITY;
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let idleWaiters: (() => void)[] = [];

  function takeFault(): QuickChartFault | null {
    if (fault === null || faultTimes <= 0) return null;
    faultTimes -= 1;
    return fault;
  }

  function wait(ms: number, response: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
      // A client that gives up ends the wait: nothing is left running for it.
      response.once("close", () => {
        clearTimeout(timer);
        timers.delete(timer);
        resolve();
      });
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse, record: QuickChartRequestRecord) {
    const url = new URL(request.url ?? "/", "http://fake");
    record.path = url.pathname;
    const raw = await readBody(request);
    record.body = raw;
    if (url.pathname !== "/chart") throw new Refusal(404, `no route ${url.pathname}`);
    if (request.method !== "POST") throw new Refusal(405, "this fake serves POST /chart only");

    const active = takeFault();
    record.fault = active?.kind;
    if (active?.kind === "status") throw new Refusal(active.status, "injected fault");
    if (active?.kind === "slow") {
      await wait(active.delayMs, response);
      if (response.destroyed) return;
    }
    if (active?.kind === "not-png") {
      record.status = 200;
      response
        .writeHead(200, { "content-type": "text/html" })
        .end("<html><body>Gateway says hi</body></html>");
      return;
    }

    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new Refusal(400, "request body is not JSON");
    }
    record.body = json;
    const parsed = bodySchema.safeParse(json);
    if (!parsed.success)
      throw new Refusal(400, `invalid request: ${parsed.error.issues[0]?.message ?? "bad body"}`);
    const body = parsed.data;
    if (body.chart === undefined || body.chart === "")
      throw new Refusal(400, "You are missing variable `c` or `chart`");
    let chart: unknown;
    if (typeof body.chart === "string") {
      try {
        chart = JSON5.parse(body.chart);
      } catch (error) {
        throw new Refusal(400, `Invalid chart: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else {
      chart = body.chart;
    }
    record.chart = chart;
    // quickchart-js asks for Chart.js 2.9.4 unless told otherwise; QuickChart would then draw a v4
    // config with v2 and get axes, plugins and titles wrong. Refusing makes that mistake visible.
    const version = body.version ?? "2.9.4";
    if (!/^4(\.|$)/.test(version)) {
      throw new Refusal(400, `this config needs Chart.js 4, request asked for version ${version}`);
    }
    const format = body.format ?? "png";
    if (format !== "png") throw new Refusal(400, `unsupported format ${format}`);
    if (!isChartSpec(chart)) throw new Refusal(400, "chart is not a bar or line config with datasets");
    record.fontFamilies = fontFamilies(chart);
    const drawn = options.cjkFonts === true ? chart : asTofu(chart);
    record.tofu = drawn !== chart && JSON.stringify(drawn) !== JSON.stringify(chart);
    if (!isChartSpec(drawn)) throw new Error("unreachable: a chart spec stays one when its text is replaced");

    // QuickChart paints `backgroundColor` itself; the local renderer reads it from the config.
    const spec = withBackground(drawn, body.backgroundColor ?? "#ffffff");
    const png = await renderer.render(spec, {
      width: body.width ?? 500,
      height: body.height ?? 300,
      devicePixelRatio: body.devicePixelRatio ?? 1,
    });
    record.status = 200;
    response.writeHead(200, { "content-type": "image/png", "content-length": png.length }).end(png);
  }

  const server = createServer((request, response) => {
    const record: QuickChartRequestRecord = {
      method: request.method ?? "",
      path: request.url ?? "",
      contentType: request.headers["content-type"],
      body: undefined,
      chart: undefined,
      status: 0,
      error: undefined,
      fault: undefined,
      aborted: false,
      tofu: false,
      fontFamilies: [],
    };
    requests.push(record);
    inFlight += 1;
    response.once("close", () => {
      if (!response.writableFinished) record.aborted = true;
      inFlight -= 1;
      if (inFlight === 0) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
    });
    handle(request, response, record).catch((error: unknown) => {
      const status = error instanceof Refusal ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      record.status = status;
      record.error = message;
      if (response.headersSent || response.destroyed) return;
      response
        .writeHead(status, { "content-type": "application/json", "x-quickchart-error": message })
        .end(JSON.stringify({ success: false, error: message }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFault(next, times) {
      fault = next;
      faultTimes = times ?? Number.POSITIVE_INFINITY;
    },
    idle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
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
