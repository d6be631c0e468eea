/**
 * Cell sizes, in points, per axis:
 * 1. `cellwidth`/`cellheight` when given;
 * 2. else, when the figure's `width`/`height` is given (or pheatmap's 7 in
 *    page with `--style pheatmap`), what is left of it after the trees,
 *    labels, annotations and legends, divided among the cells (as pheatmap);
 * 3. else clusterheat's defaults: rows 1.25 × the row font size high (every
 *    label fits), columns about twice the font size wide (at least as wide
 *    as horizontal labels), with the matrix bounded to 7 × 9 in: a 30 × 6
 *    matrix becomes a 132 × 375 pt block, a 1,000 × 128 one fills 7 × 9 in
 *    with cells under a point high (and its row labels hidden).
 */
import { axisLength, GAP_SIZE } from "./gaps.js";

/** Largest matrix area of the default sizing, in points (7 × 9 in). */
export const MAX_MATRIX_WIDTH = 7 * 72;
export const MAX_MATRIX_HEIGHT = 9 * 72;

/** Default row height per point of row font size. */
export const ROW_HEIGHT_PER_FONT = 1.25;
/** Default column width per point of column font size. */
export const COL_WIDTH_PER_FONT = 2.2;
/** A many-row matrix is drawn at least this wide relative to its height (unless columns run out of room). */
export const MIN_ASPECT = 0.35;
/** Smallest cell a fitted figure gets, in points. */
export const MIN_CELL = 0.05;

/** One axis to size: its cell count and gaps. */
export interface AxisCount {
  n: number;
  gaps: number;
}

/** The size each of `axis`'s cells gets when the axis may be `length` points long (gaps included). */
export function fitCell(length: number, axis: AxisCount): number {
  const free = length - axis.gaps * GAP_SIZE;
  return Math.max(MIN_CELL, free / Math.max(1, axis.n));
}

/** clusterheat's default row height: 1.25 × the font size, less when the rows would pass 9 in. */
export function defaultCellHeight(rows: AxisCount, fontsizeRow: number): number {
  return Math.min(ROW_HEIGHT_PER_FONT * fontsizeRow, fitCell(MAX_MATRIX_HEIGHT, rows));
}

/**
 * clusterheat's default column width: 2.2 × the font size (and wide enough for
 * horizontal labels, `minWidth`), at least `MIN_ASPECT` of the matrix height
 * in all, less when the columns would pass 7 in.
 */
export function defaultCellWidth(
  cols: AxisCount,
  fontsizeCol: number,
  matrixHeight: number,
  minWidth = 0,
): number {
  const preferred = Math.max(
    COL_WIDTH_PER_FONT * fontsizeCol,
    minWidth,
    fitCell(MIN_ASPECT * matrixHeight, cols),
  );
  return Math.min(preferred, fitCell(MAX_MATRIX_WIDTH, cols));
}

/** The matrix length of an axis at `cell` points per cell. */
export function matrixLength(axis: AxisCount, cell: number): number {
  return axisLength(axis.n, cell, axis.gaps);
}
