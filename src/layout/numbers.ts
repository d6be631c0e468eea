/**
 * Numbers printed in the cells (pheatmap's `display_numbers`): each cell's
 * value formatted with `numberFormat`, or the text of a given table matched
 * by row and column name. The color is `numberColor` when given, else dark
 * or light, whichever reads on the cell's fill (seaborn's luminance rule,
 * `textColorOn`).
 */
import { textColorOn } from "../color/contrast.js";
import { msg, opt, UsageError } from "../errors.js";
import type { TextTable } from "../options/kinds.js";
import { numberFormatter } from "./number-format.js";
import type { TextPrimitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** The cells as laid out: their drawn names, positions, values and fills. */
export interface CellGrid {
  rowNames: readonly string[];
  colNames: readonly string[];
  rowStarts: readonly number[];
  colStarts: readonly number[];
  cellWidth: number;
  cellHeight: number;
  /** Drawn-order values, row-major. */
  values: ArrayLike<number>;
  /** Drawn-order fills, row-major. */
  fills: readonly string[];
  /** Cells not drawn (row-major, 1 = hidden): they get no number. */
  hidden?: Uint8Array | null;
}

export interface NumberStyle {
  /** true: the values; a table: its texts by name; false: none. */
  display: boolean | TextTable;
  format: string;
  color: string | null;
  fontSize: number;
}

/** The text of each drawn cell (row-major), or null when numbers are off. */
export function cellTexts(grid: CellGrid, style: NumberStyle): string[] | null {
  const { display } = style;
  if (display === false) return null;
  const nr = grid.rowNames.length;
  const nc = grid.colNames.length;
  if (display === true) {
    const format = numberFormatter(style.format);
    if (format === null) {
      throw new UsageError(
        msg`invalid ${opt("numberFormat")}: "${style.format}" (expected printf style such as %.2f, or Python style such as .2f)`,
        undefined,
        {
          option: "numberFormat",
          found: style.format,
          expected: "a printf or Python number format",
        },
      );
    }
    return Array.from({ length: nr * nc }, (_, i) => format(grid.values[i]));
  }
  const rowIndex = new Map(display.rowNames.map((n, i) => [n, i]));
  const colIndex = new Map(display.colNames.map((n, j) => [n, j]));
  const out: string[] = [];
  for (const rn of grid.rowNames) {
    const i = rowIndex.get(rn);
    for (const cn of grid.colNames) {
      const j = colIndex.get(cn);
      out.push(i === undefined || j === undefined ? "" : display.cells[i * display.colNames.length + j]);
    }
  }
  return out;
}

/** One centred text per non-empty cell. */
export function layoutNumbers(grid: CellGrid, style: NumberStyle): TextPrimitive[] {
  const texts = cellTexts(grid, style);
  if (texts === null) return [];
  const lift = fontMetrics(style.fontSize).capHeight / 2;
  const out: TextPrimitive[] = [];
  const nc = grid.colNames.length;
  texts.forEach((text, k) => {
    if (text === "" || grid.hidden?.[k]) return;
    const i = Math.floor(k / nc);
    const j = k % nc;
    out.push({
      type: "text",
      x: grid.colStarts[j] + grid.cellWidth / 2,
      y: grid.rowStarts[i] + grid.cellHeight / 2 + lift,
      text,
      fontSize: style.fontSize,
      fill: style.color ?? textColorOn(grid.fills[k]),
      anchor: "middle",
      width: measureText(text, style.fontSize),
    });
  });
  return out;
}
