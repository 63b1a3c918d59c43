import { createCanvas, loadImage } from "@napi-rs/canvas";

/** Decoded RGBA pixels of a PNG. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decodes a PNG with @napi-rs/canvas (an independent decoder from our encoder). */
export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

/** `#rrggbb` → [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Number of distinct RGB colours in the image. */
export function distinctColors(pixels: Pixels): number {
  const seen = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) {
    seen.add(((pixels.data[i] ?? 0) << 16) | ((pixels.data[i + 1] ?? 0) << 8) | (pixels.data[i + 2] ?? 0));
  }
  return seen.size;
}

/** Pixels of exactly `hex` (flat fills such as bars keep their colour exactly). */
export function countColor(pixels: Pixels, hex: string): number {
  const [r, g, b] = rgb(hex);
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (pixels.data[i] === r && pixels.data[i + 1] === g && pixels.data[i + 2] === b) count += 1;
  }
  return count;
}

/**
 * Pixels in a rectangle (in image pixels) that differ clearly from `background`: "ink", which on a
 * card with nothing else in that place can only be text.
 */
export function inkIn(
  pixels: Pixels,
  background: string,
  area: { x: number; y: number; width: number; height: number },
): number {
  const [r, g, b] = rgb(background);
  let ink = 0;
  for (let y = area.y; y < Math.min(pixels.height, area.y + area.height); y++) {
    for (let x = area.x; x < Math.min(pixels.width, area.x + area.width); x++) {
      const i = (y * pixels.width + x) * 4;
      const distance =
        Math.abs((pixels.data[i] ?? 0) - r) +
        Math.abs((pixels.data[i + 1] ?? 0) - g) +
        Math.abs((pixels.data[i + 2] ?? 0) - b);
      if (distance > 60) ink += 1;
    }
  }
  return ink;
}

/** True when some value anywhere inside `value` is a function (QuickChart could not receive it). */
export function containsFunction(value: unknown): boolean {
  if (typeof value === "function") return true;
  if (Array.isArray(value)) return value.some(containsFunction);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsFunction);
  return false;
}

/** Every string inside `value`. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
