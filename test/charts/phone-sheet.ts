import { createCanvas, loadImage } from "@napi-rs/canvas";

/** Phone width in CSS pixels: the width Discord gives an attachment on a phone. */
export const PHONE_WIDTH = 400;

/**
 * The PNGs side by side, each scaled to a phone's 400 px width, `columns` to a row, with a gap:
 * one image to look at every chart as a phone shows it.
 */
export async function phoneSheet(pngs: readonly Buffer[], columns = 4): Promise<Buffer> {
  const images = await Promise.all(pngs.map((png) => loadImage(png)));
  const gap = 12;
  const heights = images.map((image) => Math.round((image.height * PHONE_WIDTH) / image.width));
  const rows = Math.ceil(images.length / columns);
  const rowHeights = Array.from({ length: rows }, (_, row) =>
    Math.max(0, ...heights.slice(row * columns, (row + 1) * columns)),
  );
  const width = columns * PHONE_WIDTH + (columns + 1) * gap;
  const height = rowHeights.reduce((sum, h) => sum + h + gap, gap);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#111214";
  ctx.fillRect(0, 0, width, height);
  let y = gap;
  images.forEach((image, i) => {
    const column = i % columns;
    if (column === 0 && i > 0) y += (rowHeights[Math.floor(i / columns) - 1] ?? 0) + gap;
    ctx.drawImage(image, gap + column * (PHONE_WIDTH + gap), y, PHONE_WIDTH, heights[i] ?? 0);
  });
  return canvas.encode("png");
}
