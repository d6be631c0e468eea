/**
 * Row and column labels: their texts (names, or `labelsRow`/`labelsCol`),
 * whether they fit, and where they go. Labels are measured with the shipped
 * font; a row label is centred on its row, right of the matrix; column
 * labels hang below the matrix at `angleCol`. Labels that cannot fit at
 * their font size are not drawn (no two labels overlap): the caller warns
 * once and says how to show them.
 */
import { msg, opt, UsageError } from "../errors.js";
import type { TextPrimitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** Space between the matrix and its labels, in points (pheatmap's 3 bigpts). */
export const LABEL_PAD = 3;

/** Text color of labels. */
export const LABEL_COLOR = "#000000";

/** A row fits its label when it is at least this many times the font size high. */
export const ROW_FIT = 0.9;

/**
 * The labels of an axis in the matrix's order: the names, or `given` — a list
 * in the matrix's order, or a record name → label (names it lacks keep their
 * name). An empty label hides that row's label.
 * @throws UsageError when a list has another length than the axis.
 */
export function axisLabels(
  names: readonly string[],
  given: readonly string[] | Readonly<Record<string, string>> | null,
  option: "labelsRow" | "labelsCol",
): string[] {
  if (given === null) return [...names];
  if (Array.isArray(given)) {
    if (given.length !== names.length) {
      const what = option === "labelsRow" ? "rows" : "columns";
      throw new UsageError(
        msg`${opt(option)} has ${given.length} labels for ${names.length} ${what}`,
        undefined,
        {
          option,
          found: given.length,
          expected: `${names.length} labels, or an object name → label`,
        },
      );
    }
    return [...given];
  }
  const record = given as Readonly<Record<string, string>>;
  return names.map((n) => (Object.hasOwn(record, n) ? record[n] : n));
}

/** The Scene angle (clockwise) of pheatmap's `angle_col` (counter-clockwise, as grid's `rot`). */
export function sceneAngle(angleCol: number): number {
  return (360 - angleCol) % 360;
}

/** True when rows `cellHeight` high can hold labels of `fontSize` without overlapping. */
export function rowLabelsFit(cellHeight: number, fontSize: number): boolean {
  return cellHeight >= ROW_FIT * fontSize - 1e-9;
}

/** The smallest cell width at which column labels at `angleCol` do not overlap. */
export function colWidthNeeded(fontSize: number, angleCol: number, widest: number): number {
  if (angleCol === 0) return widest + 6;
  if (angleCol === 90 || angleCol === 270) return ROW_FIT * fontSize;
  return (ROW_FIT * fontSize) / Math.SQRT1_2;
}

/** Widest of `texts` at `fontSize`, in points (0 for none). */
export function widestText(texts: readonly string[], fontSize: number): number {
  let w = 0;
  for (const t of texts) w = Math.max(w, measureText(t, fontSize));
  return w;
}

/**
 * Row labels, left-aligned at `x`, each vertically centred on its row (the
 * capital letters' middle on the row's middle). Empty labels are skipped.
 */
export function layoutRowLabels(
  texts: readonly string[],
  starts: readonly number[],
  cellHeight: number,
  x: number,
  fontSize: number,
): TextPrimitive[] {
  const lift = fontMetrics(fontSize).capHeight / 2;
  const out: TextPrimitive[] = [];
  texts.forEach((text, k) => {
    if (text === "") return;
    out.push({
      type: "text",
      x,
      y: starts[k] + cellHeight / 2 + lift,
      text,
      fontSize,
      fill: LABEL_COLOR,
      anchor: "start",
      width: measureText(text, fontSize),
    });
  });
  return out;
}

/**
 * A text hung from point (x, y) at pheatmap's angle `angleCol` (0, 45, 90,
 * 270, 315): it starts (or, reading upwards, ends) at the point and its
 * letters are centred across the line through it, so a column label lines up
 * with its column's centre. Used for column labels and row-track names.
 */
export function hangingText(
  text: string,
  x: number,
  y: number,
  fontSize: number,
  angleCol: number,
): TextPrimitive {
  const { capHeight } = fontMetrics(fontSize);
  const angle = sceneAngle(angleCol);
  const rad = (angle * Math.PI) / 180;
  // "up" of the letters after rotation; the baseline sits half a cap height below the centre line
  const ux = Math.sin(rad);
  const uy = -Math.cos(rad);
  const anchor = angleCol === 0 ? "middle" : angleCol === 90 || angleCol === 45 ? "end" : "start";
  const down = angleCol === 0 ? capHeight / 2 : 0;
  return {
    type: "text",
    x: x - (ux * capHeight) / 2,
    y: y + down - (uy * capHeight) / 2,
    text,
    fontSize,
    fill: LABEL_COLOR,
    anchor,
    ...(angle === 0 ? {} : { angle }),
    width: measureText(text, fontSize),
  };
}

/** Column labels hung below `y` at each column's centre. Empty labels are skipped. */
export function layoutColLabels(
  texts: readonly string[],
  starts: readonly number[],
  cellWidth: number,
  y: number,
  fontSize: number,
  angleCol: number,
): TextPrimitive[] {
  const out: TextPrimitive[] = [];
  texts.forEach((text, k) => {
    if (text !== "") out.push(hangingText(text, starts[k] + cellWidth / 2, y, fontSize, angleCol));
  });
  return out;
}
