/**
 * How tall a chart's text is when a phone shows it: the chart is rendered, then rendered again
 * with one kind of text (title, footer, legend, tick labels, axis titles) made transparent; the
 * pixels that differ are exactly that text's ink. The ink is scaled to a phone's 400 px width
 * (area average) and a pixel counts as ink when at least half of it is; each run of rows holding
 * ink is one line of text, and its height is the height of that line's glyphs as a reader sees
 * them: ascender to descender for "Qwen 31.3%", digit height for "20%".
 */
import type { ChartRenderer } from "../../src/services/charts/renderer.js";
import type { ChartSpec } from "../../src/services/charts/types.js";
import { decodePng, type Pixels } from "./pixels.js";

/** The width Discord gives an attachment on a phone, in CSS pixels. */
export const PHONE_WIDTH = 400;

/** Kinds of chart text, measured separately. */
export const TEXT_KINDS = ["title", "footer", "legend", "ticks", "axisTitles"] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** Heights in phone pixels of every line of text of each kind (empty when the chart has none). */
export type TextHeights = Record<TextKind, number[]>;

const TRANSPARENT = "rgba(0, 0, 0, 0)";

type Json = Record<string, unknown>;

function record(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** A copy of `spec` whose text of `kind` is drawn transparent; layout is unchanged (colour takes no room). */
export function withoutText(spec: ChartSpec, kind: TextKind): ChartSpec {
  const copy = structuredClone(spec);
  const options = record(copy.options);
  const plugins = record(options?.plugins);
  const hide = (holder: Json | null) => {
    if (holder !== null) holder.color = TRANSPARENT;
  };
  if (kind === "title") hide(record(plugins?.title));
  if (kind === "footer") hide(record(plugins?.subtitle));
  if (kind === "legend") hide(record(record(plugins?.legend)?.labels));
  for (const scale of Object.values(record(options?.scales) ?? {})) {
    if (kind === "ticks") hide(record(record(scale)?.ticks));
    if (kind === "axisTitles") hide(record(record(scale)?.title));
  }
  return copy;
}

/** 1 where the two renders differ clearly, else 0, per pixel. */
function differences(a: Pixels, b: Pixels): Uint8Array {
  const mask = new Uint8Array(a.width * a.height);
  for (let i = 0; i < mask.length; i++) {
    const p = i * 4;
    const distance =
      Math.abs((a.data[p] ?? 0) - (b.data[p] ?? 0)) +
      Math.abs((a.data[p + 1] ?? 0) - (b.data[p + 1] ?? 0)) +
      Math.abs((a.data[p + 2] ?? 0) - (b.data[p + 2] ?? 0));
    mask[i] = distance > 30 ? 1 : 0;
  }
  return mask;
}

/**
 * Rows (at phone size) that hold ink: a phone pixel is ink when at least half of the source pixels
 * it covers are. Source pixels are taken in whole blocks of `scale` × `scale` (the PNG is a whole
 * multiple of 400 px wide at the device pixel ratios the bot uses).
 */
function inkRows(mask: Uint8Array, width: number, height: number): boolean[] {
  const scale = width / PHONE_WIDTH;
  if (!Number.isInteger(scale))
    throw new RangeError(`the PNG is ${width} px wide, not a multiple of ${PHONE_WIDTH}`);
  const rows: boolean[] = [];
  for (let y = 0; y + scale <= height; y += scale) {
    let any = false;
    for (let x = 0; x + scale <= width && !any; x += scale) {
      let ink = 0;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) ink += mask[(y + dy) * width + x + dx] ?? 0;
      }
      any = ink * 2 >= scale * scale;
    }
    rows.push(any);
  }
  return rows;
}

/** Lengths of the runs of inked rows: one per line of text. */
function runs(rows: readonly boolean[]): number[] {
  const lengths: number[] = [];
  let current = 0;
  for (const ink of [...rows, false]) {
    if (ink) current += 1;
    else if (current > 0) {
      lengths.push(current);
      current = 0;
    }
  }
  return lengths;
}

/** Renders `spec` and measures every line of each kind of its text at phone size. */
export async function measureTextHeights(spec: ChartSpec, renderer: ChartRenderer): Promise<TextHeights> {
  const full = await decodePng(await renderer.render(spec));
  const heights = {} as TextHeights;
  for (const kind of TEXT_KINDS) {
    const hidden = await decodePng(await renderer.render(withoutText(spec, kind)));
    heights[kind] = runs(inkRows(differences(full, hidden), full.width, full.height));
  }
  return heights;
}
