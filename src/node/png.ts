/**
 * Scene → PNG (Node only): the SVG of `renderSvg`, rasterized by resvg with
 * the shipped DejaVu Sans files (no system fonts, so the picture is the same
 * on every machine), then tagged with the resolution (`pHYs`) and the
 * provenance (`tEXt` Software, `iTXt` Comment = provenance JSON) after IHDR.
 */
import { Resvg } from "@resvg/resvg-js";
import type { Scene } from "../layout/scene.js";
import { pngChunk } from "../render/png-encode.js";
import { renderSvg } from "../render/svg.js";
import { VERSION } from "../version.js";
import { fontFilePaths } from "./font-files.js";

/** CRC-32 of PNG chunks (the tests check the chunks this writes). */
export { crc32 } from "../render/png-encode.js";

export interface PngOptions {
  /** Pixels per inch; the image is scene.width × dpi / 72 pixels wide. Default 300. */
  dpi?: number;
}

/**
 * Renders `scene` as PNG bytes at `dpi`. Example: a 360 × 216 pt scene at
 * 300 dpi gives a 1500 × 900 pixel image.
 */
export function renderPng(scene: Scene, { dpi = 300 }: PngOptions = {}): Uint8Array {
  const fonts = fontFilePaths();
  const resvg = new Resvg(renderSvg(scene), {
    // dpi 72: one SVG `pt` = one pixel before the zoom, so the zoom alone maps points to pixels.
    dpi: 72,
    fitTo: { mode: "zoom", value: dpi / 72 },
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.normal, fonts.bold],
      defaultFontFamily: scene.fontFamily,
      sansSerifFamily: scene.fontFamily,
    },
    // Shapes keep their SVG attributes (crispEdges on cell groups, smooth lines and text elsewhere);
    // images are drawn nearest-neighbour.
    shapeRendering: 2,
    imageRendering: 1,
    background: scene.background ?? undefined,
    logLevel: "off",
  });
  const png = resvg.render().asPng();
  return insertChunks(new Uint8Array(png.buffer, png.byteOffset, png.byteLength), [
    physChunk(dpi),
    textChunk("Software", `clusterheat ${VERSION}`),
    itxtChunk("Comment", JSON.stringify(scene.provenance)),
  ]);
}

/** pHYs: pixels per metre on both axes (dpi / 0.0254, rounded), unit = metre. */
function physChunk(dpi: number): Uint8Array {
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  const ppm = Math.round(dpi / 0.0254);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1;
  return pngChunk("pHYs", data);
}

/** Latin-1 bytes of a keyword or tEXt value (characters above U+00FF become "?"). */
function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f));
}

/** tEXt: keyword, NUL, Latin-1 text. */
function textChunk(keyword: string, text: string): Uint8Array {
  const k = latin1(keyword);
  const t = latin1(text);
  const data = new Uint8Array(k.length + 1 + t.length);
  data.set(k, 0);
  data.set(t, k.length + 1);
  return pngChunk("tEXt", data);
}

/** iTXt: keyword, NUL, compression flag 0, method 0, empty language, NUL, empty translated keyword, NUL, UTF-8 text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
  const k = latin1(keyword);
  const t = new TextEncoder().encode(text);
  const data = new Uint8Array(k.length + 5 + t.length);
  data.set(k, 0);
  data.set(t, k.length + 5);
  return pngChunk("iTXt", data);
}

/** Inserts chunks right after IHDR (signature 8 bytes + IHDR 25 bytes), dropping any pHYs already there. */
function insertChunks(png: Uint8Array, chunks: Uint8Array[]): Uint8Array {
  const afterIhdr = 8 + 25;
  const rest: Uint8Array[] = [];
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  for (let at = afterIhdr; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type !== "pHYs") rest.push(png.subarray(at, at + 12 + length));
    at += 12 + length;
  }
  const parts = [png.subarray(0, afterIhdr), ...chunks, ...rest];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
