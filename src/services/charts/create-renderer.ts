import type { Logger } from "pino";
import { createLocalChartRenderer } from "./local-renderer.js";
import { createQuickChartRenderer } from "./quickchart-renderer.js";
import type { ChartRenderer, RenderSize } from "./renderer.js";

/** Where charts are drawn: in-process (default), or by a QuickChart server with the local renderer as fallback. */
export type ChartRendererKind = "local" | "quickchart";

/** Options of `createChartRenderer`. */
export interface CreateChartRendererOptions {
  kind: ChartRendererKind;
  /** Base URL of the QuickChart server (`QUICKCHART_URL`); `https://quickchart.io` when not given. */
  quickchartUrl?: string;
  /** QuickChart request timeout in ms. */
  timeoutMs?: number;
  /** The QuickChart server has a CJK font (`QUICKCHART_CJK_FONTS`); else charts with CJK text are drawn locally. */
  quickchartCjkFonts?: boolean;
  logger: Logger;
  /** Sizes used when `render` is not given them; DEFAULT_RENDER_SIZE (400×400 at ×3) unless set. */
  defaults?: Partial<RenderSize>;
}

/**
 * Builds the chart renderer the configuration asks for. The local renderer is built in both
 * cases (it is the QuickChart renderer's fallback), so the font is registered at start-up either way.
 */
export function createChartRenderer(options: CreateChartRendererOptions): ChartRenderer {
  const logger = options.logger.child({ service: "charts" });
  const local = createLocalChartRenderer({
    logger,
    ...(options.defaults === undefined ? {} : { defaults: options.defaults }),
  });
  if (options.kind === "local") return local;
  return createQuickChartRenderer({
    baseUrl: options.quickchartUrl ?? "https://quickchart.io",
    fallback: local,
    logger,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.quickchartCjkFonts === undefined ? {} : { cjkFonts: options.quickchartCjkFonts }),
    ...(options.defaults === undefined ? {} : { defaults: options.defaults }),
  });
}
