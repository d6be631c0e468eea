/**
 * A small PNG encoder (isomorphic: no `node:` imports; deflate by fflate),
 * for the raster cells of large heatmaps. A heatmap has at most a few
 * hundred distinct colors, so the image is written as indexed color (color
 * type 3, 8 bits, a PLTE of ≤ 256 entries and, when some pixels are
 * transparent, a tRNS); with more colors it falls back to RGB (RGBA with
 * transparency). Rows use filter 0 (none), the recommended filter for
 * palette images. Reference: PNG (Third Edition), W3C, 2025.
 */
import { zlibSync } from "fflate";
import { colorChannels } from "../color/parse.js";

/** An image as its pixels' colors: `#rrggbb`, `#rrggbbaa`, or null = transparent; row-major. */
export interface ColorImage {
  width: number;
  height: number;
  /** width × height colors, row-major, top row first. */
  pixels: ArrayLike<string | null>;
}

// CRC-32 of PNG chunks (ISO 3309 / ITU-T V.42 polynomial 0xEDB88320, reflected), table-driven.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG computes it (over chunk type and data). Example: crc32 of "IEND" is 0xAE426082. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** RGBA channels (0–255) of a color; null or "" = transparent black. */
function rgba(color: string | null): [number, number, number, number] {
  return color === null || color === "" ? [0, 0, 0, 0] : colorChannels(color);
}

const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function header(width: number, height: number, colorType: number): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data[8] = 8; // bit depth
  data[9] = colorType;
  return pngChunk("IHDR", data); // compression 0, filter 0, interlace 0
}

/**
 * Encodes `image` as PNG bytes: indexed color when it has at most 256
 * colors, else RGB(A). Example: a 2 × 1 image of `#ff0000` and `#0000ff`
 * gives an indexed PNG with a 2-entry palette.
 */
export function encodePng(image: ColorImage): Uint8Array {
  const { width, height, pixels } = image;
  if (width < 1 || height < 1 || pixels.length !== width * height) {
    throw new RangeError(`encodePng: ${pixels.length} pixels for a ${width} × ${height} image`);
  }
  const index = new Map<string | null, number>();
  const indices = new Uint8Array(width * height);
  let indexed = true;
  for (let i = 0; i < pixels.length; i++) {
    const c = pixels[i] ?? null;
    let k = index.get(c);
    if (k === undefined) {
      k = index.size;
      if (k >= 256) {
        indexed = false;
        break;
      }
      index.set(c, k);
    }
    indices[i] = k;
  }
  const colors = [...index.keys()].map(rgba);
  const chunks: Uint8Array[] = [];
  let raw: Uint8Array;
  if (indexed) {
    chunks.push(header(width, height, 3));
    const plte = new Uint8Array(colors.length * 3);
    colors.forEach((c, k) => {
      plte.set(c.slice(0, 3), 3 * k);
    });
    chunks.push(pngChunk("PLTE", plte));
    // tRNS lists alpha for palette entries up to the last translucent one
    let last = -1;
    colors.forEach((c, k) => {
      if (c[3] < 255) last = k;
    });
    if (last >= 0)
      chunks.push(
        pngChunk(
          "tRNS",
          Uint8Array.from(colors.slice(0, last + 1), (c) => c[3]),
        ),
      );
    raw = new Uint8Array(height * (width + 1));
    for (let y = 0; y < height; y++)
      raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  } else {
    const cache = new Map<string | null, [number, number, number, number]>();
    const color = (c: string | null) => {
      let v = cache.get(c);
      if (!v) {
        v = rgba(c);
        cache.set(c, v);
      }
      return v;
    };
    let alpha = false;
    for (let i = 0; i < pixels.length && !alpha; i++) alpha = color(pixels[i] ?? null)[3] < 255;
    const channels = alpha ? 4 : 3;
    chunks.push(header(width, height, alpha ? 6 : 2));
    const stride = width * channels + 1;
    raw = new Uint8Array(height * stride);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const c = color(pixels[y * width + x] ?? null);
        raw.set(alpha ? c : c.slice(0, 3), y * stride + 1 + x * channels);
      }
    }
  }
  chunks.push(pngChunk("IDAT", zlibSync(raw, { level: 9 })));
  chunks.push(pngChunk("IEND", new Uint8Array(0)));
  return concat([SIGNATURE, ...chunks]);
}

/** Base64 of bytes, without Node's Buffer (btoa over chunks of a binary string). */
export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
