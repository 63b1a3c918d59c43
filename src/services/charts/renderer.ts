import type { ChartSpec } from "./types.js";

/** Size of a rendered chart. The PNG is `width × devicePixelRatio` by `height × devicePixelRatio` pixels. */
export interface RenderSize {
  /** CSS pixels: the size Chart.js lays the chart out in. */
  width: number;
  height: number;
  /** Pixels per CSS pixel in the PNG: 2 keeps text sharp when Discord scales the image. */
  devicePixelRatio: number;
}

/**
 * 400×400 CSS pixels at three times the density (a 1200×1200 PNG). Discord shows an attachment
 * about 400 px wide on a phone, so charts are laid out at that width and their text sizes are the
 * sizes a phone shows; square, because a phone has the height a wide chart would waste. ×3 keeps
 * text sharp on phone screens (which have 3 device pixels per CSS pixel) and on desktop, where the
 * same image is shown somewhat larger.
 */
export const DEFAULT_RENDER_SIZE: Readonly<RenderSize> = Object.freeze({
  width: 400,
  height: 400,
  devicePixelRatio: 3,
});

/** Turns a chart spec into PNG bytes. */
export interface ChartRenderer {
  /** Renders `config`; sizes not given come from the renderer's defaults. Resolves to PNG bytes. */
  render(config: ChartSpec, size?: Partial<RenderSize>): Promise<Buffer>;
}

/** Largest side in device pixels we agree to allocate: 4096² RGBA is 64 MB already. */
const MAX_DEVICE_PIXELS = 4096;

/**
 * Fills in the sizes not given from `defaults` and checks the result, so a bad size fails here with
 * its name instead of as a blank or gigantic canvas.
 */
export function resolveRenderSize(
  size: Partial<RenderSize> | undefined,
  defaults: RenderSize = DEFAULT_RENDER_SIZE,
): RenderSize {
  const resolved: RenderSize = {
    width: size?.width ?? defaults.width,
    height: size?.height ?? defaults.height,
    devicePixelRatio: size?.devicePixelRatio ?? defaults.devicePixelRatio,
  };
  for (const [name, value] of [
    ["width", resolved.width],
    ["height", resolved.height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`chart ${name} must be a positive integer, got ${value}`);
    }
  }
  const dpr = resolved.devicePixelRatio;
  if (!Number.isFinite(dpr) || dpr <= 0 || dpr > 4) {
    throw new RangeError(`chart devicePixelRatio must be in (0, 4], got ${dpr}`);
  }
  if (Math.max(resolved.width, resolved.height) * dpr > MAX_DEVICE_PIXELS) {
    throw new RangeError(
      `chart of ${resolved.width}×${resolved.height} at ×${dpr} exceeds ${MAX_DEVICE_PIXELS} device pixels a side`,
    );
  }
  return resolved;
}
