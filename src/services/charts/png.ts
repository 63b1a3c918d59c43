import { promisify } from "node:util";
import { crc32, deflate } from "node:zlib";

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * Encodes opaque RGBA pixels as an 8-bit RGBA PNG, or returns null when a pixel is not opaque (the
 * canvas holds premultiplied alpha, which PNG does not; the caller then uses Skia's encoder).
 *
 * Why not Skia's own PNG encoder: it compresses hard and takes 10–15 ms for 800×400 and 35–50 ms
 * at ×2 here, more than drawing the chart. Charts are large flat areas, which zlib's fastest
 * level with no row filter packs in about 3 ms (×1) and 8 ms (×2), at 1.2–2× Skia's bytes: some
 * tens of kilobytes either way, nothing next to Discord's upload limit. Rows are copied whole
 * (RGBA rather than RGB) because a byte-by-byte repack costs more than deflating the constant
 * alpha. Deflating runs on libuv's thread pool, so the event loop (and the gateway heartbeat)
 * keeps going meanwhile.
 */
export async function encodeOpaquePng(
  rgba: Uint8Array,
  width: number,
  height: number,
): Promise<Buffer | null> {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) {
    throw new RangeError(
      `expected ${rowBytes * height} bytes of RGBA for ${width}×${height}, got ${rgba.length}`,
    );
  }
  for (let alpha = 3; alpha < rgba.length; alpha += 4) {
    if (rgba[alpha] !== 255) return null;
  }
  const stride = rowBytes + 1;
  const raw = Buffer.allocUnsafe(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type 0: none
    raw.set(rgba.subarray(y * rowBytes, (y + 1) * rowBytes), y * stride + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // bytes 10–12: deflate compression, adaptive filtering, no interlace (all 0)
  const compressed = await deflateAsync(raw, { level: 1 });
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", compressed),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk, or null when `bytes` is not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || !SIGNATURE.equals(Buffer.from(bytes.subarray(0, 8)))) return null;
  if (Buffer.from(bytes.subarray(12, 16)).toString("latin1") !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
