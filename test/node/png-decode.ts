/** A small PNG reader for tests: chunks, and 8-bit RGBA pixels (the format resvg writes). */
import { inflateSync } from "node:zlib";
import { crc32 } from "../../src/node/png.js";

export interface PngChunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

export function pngChunks(png: Uint8Array): PngChunk[] {
  const buf = Buffer.from(png);
  const chunks: PngChunk[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    const crcOk = crc32(buf.subarray(at + 4, at + 8 + length)) === buf.readUInt32BE(at + 8 + length);
    chunks.push({ type, data, crcOk });
    at += 12 + length;
  }
  return chunks;
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row-major. */
  rgba: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG. */
export function decodeRgba(png: Uint8Array): Pixels {
  const chunks = pngChunks(png);
  const ihdr = chunks[0].data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  if (ihdr[8] !== 8 || ihdr[9] !== 6 || ihdr[12] !== 0)
    throw new Error("decodeRgba: not 8-bit RGBA non-interlaced");
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= 4 ? rgba[y * stride + x - 4] : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y > 0 ? rgba[(y - 1) * stride + x - 4] : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      rgba[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, rgba };
}

/** Pixels darker than `threshold` (mean of R, G, B, opaque) inside a box of pixels. */
export function countDark(
  p: Pixels,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  threshold = 128,
): number {
  let n = 0;
  for (let y = Math.max(0, y0); y < Math.min(p.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(p.width, x1); x++) {
      const i = (y * p.width + x) * 4;
      if (p.rgba[i + 3] > 128 && (p.rgba[i] + p.rgba[i + 1] + p.rgba[i + 2]) / 3 < threshold) n++;
    }
  return n;
}
