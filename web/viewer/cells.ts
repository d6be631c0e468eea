/**
 * The matrix as an image, one pixel per cell, colored by the scale: the
 * viewer draws the visible part of it with one `drawImage` per block of cells
 * (crisp when cells are at least a device pixel, averaged by the browser when
 * zoomed out), never one call per cell.
 */
import { colorChannels } from "../../src/color/parse.js";
import { type ColorScale, colorIndex } from "../../src/viewer/payload.js";

/** `#rrggbb` → packed little-endian RGBA (ImageData's byte order read as a Uint32). */
function packed(hex: string): number {
  const [r, g, b, a] = colorChannels(hex);
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** A canvas of ncol × nrow pixels holding the cell colors (drawn order). */
export function cellImage(
  values: Float32Array,
  nrow: number,
  ncol: number,
  scale: ColorScale,
): HTMLCanvasElement | OffscreenCanvas {
  const lut = Uint32Array.from(scale.colors, packed);
  const na = packed(scale.naColor);
  const data = new ImageData(Math.max(1, ncol), Math.max(1, nrow));
  const pixels = new Uint32Array(data.data.buffer);
  for (let i = 0; i < values.length; i++) {
    const k = colorIndex(values[i], scale.breaks);
    pixels[i] = k < 0 ? na : lut[k];
  }
  const canvas =
    typeof OffscreenCanvas !== "undefined"
      ? new OffscreenCanvas(data.width, data.height)
      : Object.assign(document.createElement("canvas"), { width: data.width, height: data.height });
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  ctx.putImageData(data, 0, 0);
  return canvas;
}
