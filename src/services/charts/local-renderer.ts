import type { Canvas } from "@napi-rs/canvas";
import { createCanvas } from "@napi-rs/canvas";
import type { ChartOptions, ChartType, Plugin } from "chart.js";
import { Chart, registerables } from "chart.js";
import type { Logger } from "pino";
import type { FontRegistration } from "./fonts.js";
import { CHART_FONT_FAMILY, registerChartFonts } from "./fonts.js";
import { DARK_THEME } from "./palette.js";
import { encodeOpaquePng } from "./png.js";
import type { ChartRenderer, RenderSize } from "./renderer.js";
import { DEFAULT_RENDER_SIZE, resolveRenderSize } from "./renderer.js";
import type {
  BackgroundPluginOptions,
  BarChartSpec,
  ChartLabel,
  ChartSpec,
  LineChartSpec,
  LinePoint,
} from "./types.js";

let chartJsReady = false;

/**
 * Registers Chart.js's controllers, scales and plugins and makes the chart font its default.
 * Both are process-wide (Chart.js keeps one registry and one `Chart.defaults`), hence once.
 */
function setUpChartJs(): FontRegistration {
  const fonts = registerChartFonts();
  if (!chartJsReady) {
    Chart.register(...registerables);
    Chart.defaults.font.family = CHART_FONT_FAMILY;
    chartJsReady = true;
  }
  return fonts;
}

/**
 * Paints the card colour first: a PNG is otherwise transparent, and Discord shows it on its own
 * colour. Made per chart type: a plugin typed for every chart type is not assignable to a
 * `bar` or `line` config's plugin list under every TypeScript check order.
 */
function backgroundPlugin<TType extends ChartType>(): Plugin<TType, BackgroundPluginOptions> {
  return {
    id: "background",
    defaults: { color: DARK_THEME.background },
    beforeDraw(chart, _args, options) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = options.color;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** What a server needs: no window to follow, no user to animate for, no pointer events. */
function serverOptions(devicePixelRatio: number) {
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false,
    events: [] satisfies ChartOptions["events"],
    devicePixelRatio,
  } as const;
}

// Two functions rather than one generic: Chart.js's types do not follow a generic chart type
// through spread options, and each is three lines. Both draw a copy, because Chart.js writes into
// the config it is given (array listeners, resolved options). With animation off, the
// constructor lays out and draws synchronously.
function drawBar(
  canvas: Canvas,
  spec: BarChartSpec,
  devicePixelRatio: number,
): Chart<"bar", (number | null)[], ChartLabel> {
  const config = structuredClone(spec);
  config.options = { ...config.options, ...serverOptions(devicePixelRatio) };
  config.plugins = [...(config.plugins ?? []), backgroundPlugin<"bar">()];
  return new Chart(canvas.getContext("2d"), config);
}

function drawLine(
  canvas: Canvas,
  spec: LineChartSpec,
  devicePixelRatio: number,
): Chart<"line", (number | null | LinePoint)[], ChartLabel> {
  const config = structuredClone(spec);
  config.options = { ...config.options, ...serverOptions(devicePixelRatio) };
  config.plugins = [...(config.plugins ?? []), backgroundPlugin<"line">()];
  return new Chart(canvas.getContext("2d"), config);
}

async function encode(canvas: Canvas): Promise<Buffer> {
  const fast = await encodeOpaquePng(canvas.data(), canvas.width, canvas.height);
  return fast ?? canvas.encode("png");
}

/** Options of the local renderer. */
export interface LocalRendererOptions {
  logger: Logger;
  /** Sizes used when `render` is not given them; DEFAULT_RENDER_SIZE (400×400 at ×3) unless set. */
  defaults?: Partial<RenderSize>;
}

/** The local renderer, with what registering its font cost (for the bench and the start-up log). */
export interface LocalChartRenderer extends ChartRenderer {
  readonly fonts: FontRegistration;
}

/**
 * Renders charts in-process with Chart.js on @napi-rs/canvas (Skia; prebuilt, no system
 * libraries). Registers the chart font on creation. Each render works on a copy of the spec and
 * destroys its chart afterwards, so nothing accumulates in `Chart.instances`.
 */
export function createLocalChartRenderer(options: LocalRendererOptions): LocalChartRenderer {
  const fonts = setUpChartJs();
  const defaults = resolveRenderSize(options.defaults, DEFAULT_RENDER_SIZE);
  const { logger } = options;
  return {
    fonts,
    async render(spec: ChartSpec, size?: Partial<RenderSize>): Promise<Buffer> {
      const { width, height, devicePixelRatio } = resolveRenderSize(size, defaults);
      const started = performance.now();
      const canvas = createCanvas(width, height);
      const chart =
        spec.type === "bar"
          ? drawBar(canvas, spec, devicePixelRatio)
          : drawLine(canvas, spec, devicePixelRatio);
      try {
        const png = await encode(canvas);
        logger.debug(
          {
            type: spec.type,
            width,
            height,
            devicePixelRatio,
            bytes: png.length,
            ms: performance.now() - started,
          },
          "chart rendered locally",
        );
        return png;
      } finally {
        chart.destroy();
      }
    },
  };
}
