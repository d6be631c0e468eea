/**
 * The seaborn and ComplexHeatmap parts of a figure: blocks of a split axis
 * (their gaps, titles and trees, ComplexHeatmap's row_split/column_split),
 * the masked triangle of a correlation matrix (seaborn's `mask`), and the
 * axis titles (matplotlib's xlabel/ylabel).
 */
import type { SplitResult } from "../cluster/split-cluster.js";
import type { Tree } from "../cluster/tree.js";
import { LABEL_COLOR } from "./labels.js";
import type { TextPrimitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** One block of a split axis as drawn: its title, drawn positions first … first + count − 1, its own tree. */
export interface AxisBlock {
  level: string;
  first: number;
  count: number;
  tree: Tree | null;
}

/** The drawn blocks of a split axis (null when the axis is not split). */
export function axisBlocks(split: SplitResult | null): AxisBlock[] | null {
  if (!split) return null;
  let first = 0;
  return split.groups.map((g) => {
    const block = { level: g.level, first, count: g.index.length, tree: g.tree };
    first += g.index.length;
    return block;
  });
}

/** The block number (1-based, drawn order) of each drawn position: gaps go between blocks. */
export function blockNumbers(blocks: readonly AxisBlock[]): number[] {
  return blocks.flatMap((b, k) => new Array<number>(b.count).fill(k + 1));
}

/** Space between block titles and what they stand beside, in points. */
export const BLOCK_TITLE_PAD = 4;

/** How far block titles reach from their edge: the text's height and the pad (0 without blocks). */
export function blockTitlesThickness(
  blocks: readonly AxisBlock[] | null | undefined,
  fontSize: number,
): number {
  if (!blocks || blocks.length === 0) return 0;
  const { ascent, descent } = fontMetrics(fontSize);
  return ascent + descent + BLOCK_TITLE_PAD;
}

/**
 * The block titles (ComplexHeatmap's row_title/column_title of each slice),
 * centred on their blocks: above the edge `at` for columns (`top`), left of
 * it reading upwards for rows (`left`).
 */
export function blockTitles(
  blocks: readonly AxisBlock[],
  side: "top" | "left",
  starts: readonly number[],
  cell: number,
  at: number,
  fontSize: number,
): TextPrimitive[] {
  const { descent } = fontMetrics(fontSize);
  return blocks.map((b) => {
    const centre = (starts[b.first] + starts[b.first + b.count - 1] + cell) / 2;
    const edge = at - BLOCK_TITLE_PAD - descent;
    const text: TextPrimitive = {
      type: "text",
      x: side === "top" ? centre : edge,
      y: side === "top" ? edge : centre,
      text: b.level,
      fontSize,
      fill: LABEL_COLOR,
      anchor: "middle",
      width: measureText(b.level, fontSize),
    };
    if (side === "left") text.angle = 270;
    return text;
  });
}

/**
 * The cells seaborn's `mask=np.triu(np.ones_like(corr), k=1)` hides (upper:
 * above the diagonal) or `np.tril(…, k=-1)` (lower: below it), in drawn
 * positions, row-major: 1 = not drawn. Null for `none`.
 */
export function maskedCells(mask: "none" | "upper" | "lower", nrow: number, ncol: number): Uint8Array | null {
  if (mask === "none") return null;
  const hidden = new Uint8Array(nrow * ncol);
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) if (mask === "upper" ? j > i : j < i) hidden[i * ncol + j] = 1;
  }
  return hidden;
}

/** Space between the labels and an axis title, in points. */
const AXIS_TITLE_PAD = 6;

/** The column axis title (xlab), centred on the matrix below `bottom`. */
export function xlabText(text: string, centre: number, bottom: number, fontSize: number): TextPrimitive {
  const { ascent } = fontMetrics(fontSize);
  return {
    type: "text",
    x: centre,
    y: bottom + AXIS_TITLE_PAD + ascent,
    text,
    fontSize,
    fill: LABEL_COLOR,
    anchor: "middle",
    width: measureText(text, fontSize),
  };
}

/** The row axis title (ylab), reading upwards, centred on the matrix right of `right`. */
export function ylabText(text: string, centre: number, right: number, fontSize: number): TextPrimitive {
  const { ascent } = fontMetrics(fontSize);
  return {
    type: "text",
    x: right + AXIS_TITLE_PAD + ascent,
    y: centre,
    text,
    fontSize,
    fill: LABEL_COLOR,
    anchor: "middle",
    angle: 270,
    width: measureText(text, fontSize),
  };
}
