import type { Logger } from "pino";
import quickChartModule from "quickchart-js";
import { DARK_THEME } from "./palette.js";
import { readPngSize } from "./png.js";
import type { ChartRenderer, RenderSize } from "./renderer.js";
import { DEFAULT_RENDER_SIZE, resolveRenderSize } from "./renderer.js";
import type { ChartSpec } from "./types.js";

/**
 * The QuickChart class. TypeScript reads quickchart-js's declarations as CommonJS (so the class is
 * the module's `.default`) while Node loads its ESM build (where the class is the default export
 * itself); taking `.default` only when it exists is right for both, without a cast.
 */
const QuickChart: typeof quickChartModule.default =
  "default" in quickChartModule ? quickChartModule.default : quickChartModule;

/** The body quickchart-js posts to `/chart`. */
export type QuickChartPostData = ReturnType<InstanceType<typeof QuickChart>["getPostData"]>;

/** Long enough for quickchart.io on a slow day, short enough to still answer well within Discord's patience. */
export const DEFAULT_QUICKCHART_TIMEOUT_MS = 4000;

/** Options of the QuickChart renderer. */
export interface QuickChartRendererOptions {
  /** Where QuickChart runs: `https://quickchart.io`, or a self-hosted one such as `http://quickchart:3400`. */
  baseUrl: string;
  /** Time allowed for the whole request, body included; past it the chart is rendered locally. */
  timeoutMs?: number;
  /** Renders when QuickChart cannot (the local renderer). */
  fallback: ChartRenderer;
  logger: Logger;
  /** The fetch to use; the global one unless a test passes another. */
  fetch?: typeof fetch;
  /** Sizes used when `render` is not given them; DEFAULT_RENDER_SIZE (400×400 at ×3) unless set. */
  defaults?: Partial<RenderSize>;
  /**
   * The server has a CJK font (the operator says so with `QUICKCHART_CJK_FONTS`). Without one,
   * QuickChart answers 200 with Chinese drawn as boxes, which no answer can detect, so charts
   * with CJK text are then drawn locally instead. False unless set.
   */
  cjkFonts?: boolean;
}

/** Han, kana, Hangul, CJK punctuation and full-width forms: text a Latin-only font draws as boxes. */
const CJK_TEXT = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** True when any text of the spec (title, labels, legend, footer) holds a CJK character. */
export function hasCjkText(spec: ChartSpec): boolean {
  return CJK_TEXT.test(JSON.stringify(spec));
}

/** Why a QuickChart request did not produce a PNG. */
class QuickChartFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "QuickChartFailure";
  }
}

/** `https://host:port/prefix/` → `https://host:port/prefix/chart`; anything but http(s) is refused up front. */
function chartEndpoint(baseUrl: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new RangeError(`QUICKCHART_URL is not a URL: ${baseUrl}`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new RangeError(`QUICKCHART_URL must be http or https, got ${base.protocol}`);
  }
  const prefix = base.pathname.replace(/\/+$/, "");
  return new URL(`${base.protocol}//${base.host}${prefix}/chart`);
}

/**
 * The request body, built by quickchart-js itself: it turns the config into the JavaScript-object
 * text QuickChart expects and adds the size, version and background fields.
 */
export function quickChartPostData(spec: ChartSpec, size: RenderSize): QuickChartPostData {
  const background = spec.options?.plugins?.background?.color ?? DARK_THEME.background;
  return (
    new QuickChart()
      // As JSON text: JSON is JavaScript-object text, specs are plain data (no functions, tested),
      // and a string skips a structural type check that TypeScript resolves differently by order.
      .setConfig(JSON.stringify(spec))
      .setVersion("4") // quickchart-js defaults to Chart.js 2.9.4, which misreads v4 configs
      .setFormat("png")
      .setWidth(size.width)
      .setHeight(size.height)
      .setDevicePixelRatio(size.devicePixelRatio)
      .setBackgroundColor(background)
      .getPostData()
  );
}

function describe(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  if (error instanceof QuickChartFailure) return error.message;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Renders through a QuickChart server, and locally whenever that fails (timeout, network error,
 * non-200, a body that is not a PNG), logging a warning with the reason: a chart always comes back.
 * Charts with CJK text go to QuickChart only when the server is said to have a CJK font
 * (`cjkFonts`); the spec names the font family it wants in every font (`CHART_FONT_STACK`).
 *
 * It uses quickchart-js to build the request body but sends it itself instead of calling
 * `toBinary()`. quickchart-js 3.1.3 fetches through cross-fetch (node-fetch 2) without a signal,
 * so a request past its deadline could only be abandoned, not cancelled: its socket would stay
 * open until the server gave up. Here the request is aborted at the deadline and its timer
 * cleared on every path, so nothing outlives a render. The body is the one `toBinary()` sends.
 */
export function createQuickChartRenderer(options: QuickChartRendererOptions): ChartRenderer {
  const endpoint = chartEndpoint(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_QUICKCHART_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`QuickChart timeout must be a positive number of ms, got ${timeoutMs}`);
  }
  const defaults = resolveRenderSize(options.defaults, DEFAULT_RENDER_SIZE);
  const doFetch = options.fetch ?? fetch;
  const { logger, fallback } = options;
  const cjkFonts = options.cjkFonts ?? false;
  if (!cjkFonts) {
    logger.info(
      { url: endpoint.href },
      "charts with Chinese (CJK) text are drawn locally: set QUICKCHART_CJK_FONTS=true if this QuickChart server has a CJK font",
    );
  }

  async function request(spec: ChartSpec, size: RenderSize, signal: AbortSignal): Promise<Buffer> {
    const response = await doFetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "image/png" },
      body: JSON.stringify(quickChartPostData(spec, size)),
      signal,
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      const detail = response.headers.get("x-quickchart-error") ?? body.subarray(0, 200).toString("utf8");
      throw new QuickChartFailure(
        `HTTP ${response.status}${detail === "" ? "" : `: ${detail}`}`,
        response.status,
      );
    }
    if (readPngSize(body) === null) {
      const type = response.headers.get("content-type") ?? "no content-type";
      throw new QuickChartFailure(`answer is not a PNG (${type}, ${body.length} bytes)`, response.status);
    }
    return body;
  }

  return {
    async render(spec: ChartSpec, sizeOptions?: Partial<RenderSize>): Promise<Buffer> {
      const size = resolveRenderSize(sizeOptions, defaults);
      if (!cjkFonts && hasCjkText(spec)) {
        logger.debug(
          { url: endpoint.href },
          "chart has CJK text and QuickChart has no CJK font: rendering locally",
        );
        return fallback.render(spec, size);
      }
      const started = performance.now();
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      let png: Buffer;
      try {
        png = await request(spec, size, controller.signal);
      } catch (error) {
        logger.warn(
          {
            url: endpoint.href,
            reason: describe(error, timeoutMs, timedOut),
            status: error instanceof QuickChartFailure ? error.status : undefined,
            ms: Math.round(performance.now() - started),
          },
          "QuickChart render failed; rendering the chart locally",
        );
        return fallback.render(spec, size);
      } finally {
        // Cleared on every path before anything else runs, so no timer outlives the request.
        clearTimeout(timer);
      }
      logger.debug(
        { url: endpoint.href, bytes: png.length, ms: performance.now() - started },
        "chart rendered by QuickChart",
      );
      return png;
    },
  };
}
