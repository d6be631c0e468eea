/**
 * Raster cells: the cell grid of a large heatmap as embedded images (one per
 * block between gaps), while labels, trees and legends stay vector.
 *
 * - When: `raster: "always"`, or `"auto"` above ComplexHeatmap's threshold
 *   (more than 2,000 rows with more than 10 columns, or the other way round)
 *   or when cells are under 1 pt (a vector grid of such cells is large and
 *   shows seams, and nobody can see a single cell).
 * - Resolution: the figure's dpi (at most 600): a block h points high gets
 *   min(rows, ⌈h × dpi / 72⌉) pixel rows, likewise for columns, at most
 *   10,000 pixels a side. Renderers stretch the pixels without smoothing.
 * - Rows sharing a pixel are combined, never dropped: the n rows of a block
 *   are split into p consecutive groups, group g = rows ⌊g·n/p⌋ … ⌊(g+1)·n/p⌋ − 1
 *   (⌊n/p⌋ or ⌈n/p⌉ rows each, every row in exactly one group); a pixel
 *   summarizes its group's cells: `mean` = the mean of the finite values
 *   (then colored by the heatmap's scale), `max-abs` = the finite value of
 *   largest |x|, sign kept; all NA = the NA color. A pixel of one cell keeps
 *   that cell's color exactly. Cells without a fill (masked) are left out; a
 *   pixel of masked cells only is transparent.
 */
import { base64, encodePng } from "../render/png-encode.js";
import type { ImagePrimitive } from "./scene.js";

export type RasterMode = "auto" | "always" | "never";
export type RasterSummary = "mean" | "max-abs";

/** ComplexHeatmap's use_raster threshold: more than this many rows… */
export const RASTER_ROWS = 2000;
/** …with more than this many columns (or the other way round). */
export const RASTER_COLS = 10;
/** Cells smaller than this (points, either way) are drawn as an image in `auto` mode. */
export const RASTER_MIN_CELL = 1;
/** Highest resolution of raster cells, in dpi, and the largest image side in pixels. */
export const RASTER_MAX_DPI = 600;
export const RASTER_MAX_SIDE = 10000;

/** Whether the cells are drawn as images. */
export function useRaster(
  mode: RasterMode,
  grid: { nrow: number; ncol: number; cellWidth: number; cellHeight: number },
): boolean {
  if (mode !== "auto") return mode === "always";
  const { nrow, ncol } = grid;
  if ((nrow > RASTER_ROWS && ncol > RASTER_COLS) || (ncol > RASTER_ROWS && nrow > RASTER_COLS)) return true;
  return nrow * ncol > 1 && Math.min(grid.cellWidth, grid.cellHeight) < RASTER_MIN_CELL;
}

/**
 * Group boundaries of `n` items in `p` ≤ n consecutive groups: `b` of
 * length p + 1, group g = [b[g], b[g + 1]). Example: groupBounds(5, 2) = [0, 2, 5].
 */
export function groupBounds(n: number, p: number): Int32Array {
  const b = new Int32Array(p + 1);
  for (let g = 0; g <= p; g++) b[g] = Math.floor((g * n) / p);
  return b;
}

/**
 * The summary of the finite values of `values` (NaN when there are none):
 * their mean, or the one of largest absolute value (sign kept; the first of
 * equals). Example: summarize([1, -3, 2], "max-abs") = −3.
 */
export function summarize(values: ArrayLike<number>, how: RasterSummary): number {
  let sum = 0;
  let n = 0;
  let best = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
    if (!(Math.abs(v) <= Math.abs(best))) best = v;
  }
  if (n === 0) return Number.NaN;
  return how === "mean" ? sum / n : best;
}

/** The cells of the whole grid, in drawn order, row-major. */
export interface RasterGrid {
  ncol: number;
  values: ArrayLike<number>;
  /** A cell's color; null or "" = not drawn (masked). */
  fills: ArrayLike<string | null>;
  /** Cells left out (a masked triangle), 1 = not drawn; absent = none. */
  hidden?: ArrayLike<number> | null;
  /** The color of a summarized value (the heatmap's scale); absent = the fill of the cell nearest the summary. */
  color?: (value: number) => string;
}

/** One block of the grid between gaps: drawn positions [r0, r1) × [c0, c1) and its box in points. */
export interface RasterBlock {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixel count along an axis: one per item when they are at least a device pixel, else the device pixels. */
function pixelsAlong(items: number, points: number, dpi: number): number {
  const device = Math.ceil((points * Math.min(dpi, RASTER_MAX_DPI)) / 72 - 1e-9);
  return Math.max(1, Math.min(items, device, RASTER_MAX_SIDE));
}

/** The pixel colors of one block: each pixel summarizes its group of cells. */
export function blockPixels(
  grid: RasterGrid,
  block: RasterBlock,
  dpi: number,
  how: RasterSummary,
): { width: number; height: number; pixels: (string | null)[] } {
  const height = pixelsAlong(block.r1 - block.r0, block.height, dpi);
  const width = pixelsAlong(block.c1 - block.c0, block.width, dpi);
  const rb = groupBounds(block.r1 - block.r0, height);
  const cb = groupBounds(block.c1 - block.c0, width);
  const pixels: (string | null)[] = new Array(width * height);
  const scratch: number[] = [];
  const cells: number[] = [];
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      scratch.length = 0;
      cells.length = 0;
      for (let r = block.r0 + rb[py]; r < block.r0 + rb[py + 1]; r++) {
        for (let c = block.c0 + cb[px]; c < block.c0 + cb[px + 1]; c++) {
          const k = r * grid.ncol + c;
          const fill = grid.fills[k];
          if (fill === null || fill === "" || grid.hidden?.[k]) continue;
          cells.push(k);
          scratch.push(grid.values[k]);
        }
      }
      pixels[py * width + px] = pixelColor(grid, cells, scratch, how);
    }
  }
  return { width, height, pixels };
}

function pixelColor(grid: RasterGrid, cells: number[], values: number[], how: RasterSummary): string | null {
  if (cells.length === 0) return null;
  if (cells.length === 1) return grid.fills[cells[0]];
  const v = summarize(values, how);
  if (grid.color) return grid.color(v);
  // no scale given: the fill of the cell whose value is nearest the summary (NaN: the first cell's)
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(values[i] - v) < Math.abs(values[best] - v) || Number.isNaN(values[best])) best = i;
  }
  return grid.fills[cells[best]];
}

/**
 * The image primitive of one block. With `draft`, the pixels are not
 * computed (a trial layout only needs the box).
 */
export function rasterImage(
  grid: RasterGrid,
  block: RasterBlock,
  dpi: number,
  how: RasterSummary,
  draft = false,
): ImagePrimitive {
  const box = { x: block.x, y: block.y, width: block.width, height: block.height };
  if (draft) return { type: "image", ...box, pixelWidth: 1, pixelHeight: 1, png: "" };
  const image = blockPixels(grid, block, dpi, how);
  return {
    type: "image",
    ...box,
    pixelWidth: image.width,
    pixelHeight: image.height,
    png: base64(encodePng(image)),
  };
}

/** Consecutive runs [start, end) of `n` positions split after each of `gaps` (0-based positions). */
export function segments(n: number, gaps: readonly number[]): [number, number][] {
  const cuts = [...new Set(gaps.map((g) => g + 1).filter((g) => g > 0 && g < n))].sort((a, b) => a - b);
  const out: [number, number][] = [];
  let start = 0;
  for (const c of cuts) {
    out.push([start, c]);
    start = c;
  }
  if (n > 0) out.push([start, n]);
  return out;
}
