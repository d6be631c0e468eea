/**
 * The layout stage: the clustered matrix, its trees and the figure options
 * become a Scene (positions, colors, texts), in numbered steps. Every derived
 * default comes from the rule table (rules.ts); each part of the figure is
 * laid out by its own file (dendrogram, annotations, labels, legend, numbers,
 * gaps, size), put together around the matrix by compose.ts.
 */

import type { AxisResult } from "../cluster/cluster-matrix.js";
import type { KmeansResult } from "../cluster/kmeans.js";
import type { SplitResult } from "../cluster/split-cluster.js";
import { colorScale } from "../color/color-scale.js";
import { resolvePalette } from "../color/palettes.js";
import { listSome, msg, opt } from "../errors.js";
import { type Logger, silentLogger } from "../log.js";
import type { AnnotationTrack, Matrix } from "../matrix.js";
import type { FigureOptions } from "../options.js";
import type { CorrelationMethod } from "../transform/correlate.js";
import { trackColors } from "./annotations.js";
import { type AxisPlan, type Composed, compose, type HeatmapPlan } from "./compose.js";
import { groupsBox, shiftGeometry, shiftPrimitive } from "./frame.js";
import { gapPositions } from "./gaps.js";
import { axisLabels, colWidthNeeded, ROW_FIT, widestText } from "./labels.js";
import { markPositions } from "./marks.js";
import { cellTexts } from "./numbers.js";
import { colorDefaults, defaultFigureInches } from "./rules.js";
import type { Provenance, Scene } from "./scene.js";
import { defaultCellHeight, defaultCellWidth, fitCell, MAX_MATRIX_WIDTH, matrixLength } from "./size.js";
import { type AxisBlock, axisBlocks, blockNumbers, maskedCells } from "./splits.js";
import { FONT_FAMILY, measureText } from "./text.js";

/** What the layout stage receives from the pipeline (src/pipeline.ts). */
export interface LayoutInput {
  /** The clustered matrix in input order (the k-means centers with k-means), annotations attached. */
  matrix: Matrix;
  /** Drawn order, 0-based indices into `matrix`. */
  rowOrder: number[];
  colOrder: number[];
  rows: AxisResult | null;
  cols: AxisResult | null;
  kmeans: KmeansResult | null;
  /** The prep scale ("none" | "row" | "column"): decides the default palette, breaks and legend title. */
  scale: string;
  provenance: Provenance;
  /** Split axes (splitRowsBy, kmeansSplitRows, splitColsBy): blocks with gaps, titles and their own trees. */
  rowSplit?: SplitResult | null;
  colSplit?: SplitResult | null;
  /** The method when the matrix is a correlation matrix: its colors, square cells, `mask`. */
  correlation?: CorrelationMethod | null;
}

/** White space around the figure, in points. */
export const MARGIN = 8;

function drawnValues(m: Matrix, rowOrder: number[], colOrder: number[]): Float64Array {
  const out = new Float64Array(rowOrder.length * colOrder.length);
  rowOrder.forEach((r, i) => {
    colOrder.forEach((c, j) => {
      out[i * colOrder.length + j] = m.values[r * m.ncol + c];
    });
  });
  return out;
}

function axisPlan(
  names: readonly string[],
  order: number[],
  labels: string[],
  result: AxisResult | null,
  manualGaps: number[] | null,
  show: boolean,
  fontSize: number,
  treeHeight: number,
  tracks: AnnotationTrack[],
  trackNames: boolean,
): AxisPlan {
  const clusters = result?.clusters ? order.map((i) => result.clusters![i]) : null;
  return {
    names: order.map((i) => names[i]),
    index: order,
    labels: order.map((i) => labels[i]),
    show,
    fontSize,
    clusters,
    gaps: gapPositions(order.length, clusters, manualGaps),
    tree: result?.tree ?? null,
    treeHeight,
    tracks,
    trackColors: [],
    trackNames,
  };
}

/** Gives a split axis its blocks: the block number of each position (its gaps) and the titles and trees. */
function withBlocks(axis: AxisPlan, blocks: AxisBlock[] | null, manualGaps: number[] | null): void {
  if (!blocks) return;
  axis.blocks = blocks;
  axis.clusters = blockNumbers(blocks);
  axis.gaps = gapPositions(axis.names.length, axis.clusters, manualGaps);
}

/**
 * Step 4b: a correlation matrix has square cells: the side given, else the
 * smaller default side — or the larger with numbers in the cells (so that
 * "-0.25" fits), at most 7 in for the whole matrix.
 */
function squareCells(
  cell: { width: number; height: number },
  o: FigureOptions,
  square: boolean,
  n: number,
): { width: number; height: number } {
  if (!square || (o.cellwidth !== null && o.cellheight !== null)) return cell;
  const fitted = o.displayNumbers
    ? Math.min(Math.max(cell.width, cell.height), MAX_MATRIX_WIDTH / Math.max(1, n))
    : Math.min(cell.width, cell.height);
  const side = o.cellwidth ?? o.cellheight ?? fitted;
  return { width: side, height: side };
}

/** Steps 1–3: colors, axes and annotation colors, everything but the sizes. */
function plan(input: LayoutInput, o: FigureOptions): HeatmapPlan {
  const m = input.matrix;
  // 1. colors: palette, breaks, legend title from the rule table; value → color as pheatmap
  const colors = colorDefaults({
    options: o,
    scale: input.scale,
    values: m.values,
    correlation: input.correlation ?? null,
  });
  const scale = colorScale(
    resolvePalette(colors.palette, colors.steps, { classes: o.colorClasses ?? undefined }),
    colors.breaks,
    o.naCol,
  );
  const values = drawnValues(m, input.rowOrder, input.colOrder);
  const fills = Array.from(values, (v) => scale.color(v));
  // 2. axes: drawn names, labels, cutree clusters, gaps, trees
  // with k-means the rows are the centers, already named as pheatmap names them
  const rowLabels = input.kmeans ? [...m.rowNames] : axisLabels(m.rowNames, o.labelsRow, "labelsRow");
  const colTracks = m.colAnnotation?.tracks ?? [];
  const rowTracks = input.kmeans ? [] : (m.rowAnnotation?.tracks ?? []);
  const rows = axisPlan(
    m.rowNames,
    input.rowOrder,
    rowLabels,
    input.rows,
    o.gapsRow,
    o.showRownames,
    o.fontsizeRow,
    o.treeheightRow,
    rowTracks,
    o.annotationNamesRow,
  );
  const cols = axisPlan(
    m.colNames,
    input.colOrder,
    axisLabels(m.colNames, o.labelsCol, "labelsCol"),
    input.cols,
    o.gapsCol,
    o.showColnames,
    o.fontsizeCol,
    o.treeheightCol,
    colTracks,
    o.annotationNamesCol,
  );
  // 2b. split axes: blocks in drawn order, a gap between blocks, titles, the blocks' own trees
  withBlocks(rows, axisBlocks(input.rowSplit ?? null), o.gapsRow);
  withBlocks(cols, axisBlocks(input.colSplit ?? null), o.gapsCol);
  // 2c. a masked correlation matrix keeps one tree, on the side of the triangle's full edge
  if (input.correlation && o.mask === "upper") cols.treeHeight = 0;
  if (input.correlation && o.mask === "lower") rows.treeHeight = 0;
  // 3. annotation colors, distinct across all tracks
  const tc = trackColors(colTracks, rowTracks, o.style, o.annotationColors, o.dropLevels);
  cols.trackColors = tc.slice(0, colTracks.length);
  rows.trackColors = tc.slice(colTracks.length);
  // 3b. labelled subsets (labelRows/labelCols): their drawn positions
  if (o.labelRows) rows.marks = markPositions(rows.names, o.labelRows).positions;
  if (o.labelCols) cols.marks = markPositions(cols.names, o.labelCols).positions;
  return {
    options: o,
    rows,
    cols,
    values,
    fills,
    cellColor: (v) => scale.color(v),
    hidden: input.correlation ? maskedCells(o.mask, input.rowOrder.length, input.colOrder.length) : null,
    legend: { colors: [...scale.colors], breaks: [...scale.breaks], title: colors.legendTitle },
    numbers: {
      display: o.displayNumbers,
      format: o.numberFormat,
      color: o.numberColor,
      fontSize: o.fontsizeNumber,
    },
  };
}

/** Padding beside a number printed in a cell, on each side, in points. */
const NUMBER_PADDING = 2;

/**
 * The column width the numbers printed in the cells need (their widest text
 * and some padding), so that numbers never run into each other; 0 when no
 * numbers are printed, or for matrices too large to print them legibly.
 */
function numbersWidthNeeded(p: HeatmapPlan): number {
  const cells = p.rows.names.length * p.cols.names.length;
  if (p.numbers.display === false || cells > 100_000) return 0;
  const texts = cellTexts(
    {
      rowNames: p.rows.names,
      colNames: p.cols.names,
      rowStarts: [],
      colStarts: [],
      cellWidth: 0,
      cellHeight: 0,
      values: p.values,
      fills: p.fills,
    },
    p.numbers,
  );
  if (texts === null) return 0;
  let widest = 0;
  for (const text of new Set(texts)) widest = Math.max(widest, measureText(text, p.numbers.fontSize));
  return widest > 0 ? widest + 2 * NUMBER_PADDING : 0;
}

/**
 * Step 4: cell sizes — given; or fitted into the figure's width/height (what
 * the other parts leave, measured on a trial layout, twice so that the parts
 * that depend on the cells settle); or clusterheat's defaults (size.ts).
 */
function cellSizes(p: HeatmapPlan): { width: number; height: number } {
  const o = p.options;
  const rows = { n: p.rows.names.length, gaps: p.rows.gaps.length };
  const cols = { n: p.cols.names.length, gaps: p.cols.gaps.length };
  let height = o.cellheight ?? defaultCellHeight(rows, o.fontsizeRow);
  const horizontal =
    o.angleCol === 0 && o.showColnames
      ? colWidthNeeded(o.fontsizeCol, 0, widestText(p.cols.labels, o.fontsizeCol))
      : 0;
  const numbers = o.cellwidth === null ? numbersWidthNeeded(p) : 0;
  let width =
    o.cellwidth ??
    defaultCellWidth(cols, o.fontsizeCol, matrixLength(rows, height), Math.max(horizontal, numbers));
  const page = defaultFigureInches(o);
  for (let pass = 0; pass < 2; pass++) {
    if (o.cellwidth !== null && o.cellheight !== null) break;
    if (page.width === null && page.height === null) break;
    const c = compose(p, width, height, true);
    const box = groupsBox(c.groups);
    if (page.width !== null && o.cellwidth === null) {
      width = fitCell(page.width * 72 - 2 * MARGIN - (box.x1 - box.x0 - c.matrix.width), cols);
    }
    if (page.height !== null && o.cellheight === null) {
      height = fitCell(page.height * 72 - 2 * MARGIN - (box.y1 - box.y0 - c.matrix.height), rows);
    }
  }
  return { width, height };
}

/** Step 6: one warning per axis for names of labelRows/labelCols that are not drawn rows/columns. */
function warnMissingMarks(p: HeatmapPlan, logger: Logger): void {
  const o = p.options;
  for (const [option, wanted, axis] of [
    ["labelRows", o.labelRows, p.rows],
    ["labelCols", o.labelCols, p.cols],
  ] as const) {
    if (!wanted) continue;
    const { missing } = markPositions(axis.names, wanted);
    if (missing.length > 0) {
      const what = option === "labelRows" ? "rows" : "columns";
      logger.warn(msg`${opt(option)}: ${missing.length} not among the drawn ${what}: ${listSome(missing)}`);
    }
  }
}

/** Step 6: one warning per axis whose labels are hidden, saying how to show them. */
function warnHidden(c: Composed, o: FigureOptions, logger: Logger): void {
  if (c.hiddenRowLabels > 0) {
    const need = Math.ceil(ROW_FIT * o.fontsizeRow * 10) / 10;
    const size = Math.floor((c.geometry.rows.size / ROW_FIT) * 10) / 10;
    logger.warn(
      msg`${c.hiddenRowLabels} row labels are not drawn: rows are ${round1(c.geometry.rows.size)} pt high, too low for ${o.fontsizeRow} pt text; show them with ${opt("cellheight")} ${need} or ${opt("fontsizeRow")} ${size}`,
    );
  }
  if (c.hiddenColLabels > 0) {
    const need = Math.ceil(colWidthNeeded(o.fontsizeCol, o.angleCol, 0) * 10) / 10;
    logger.warn(
      msg`${c.hiddenColLabels} column labels are not drawn: columns are ${round1(c.geometry.cols.size)} pt wide, too narrow for ${o.fontsizeCol} pt text; show them with ${opt("cellwidth")}${o.angleCol === 0 ? "" : ` ${need}`}, a smaller ${opt("fontsizeCol")} or another ${opt("angleCol")}`,
    );
  }
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * Lays out a clustered heatmap as a Scene: cells, trees, annotation tracks,
 * labels, legends, title and numbers, every position in points. Options are
 * the normalized figure options (defaults filled in; `null` = decided by
 * the rules in rules.ts). Warns through `logger` when labels cannot fit.
 * Throws UsageError for options that do not fit the data (labels of another
 * length, a bad number format, annotation colors missing a level).
 */
export function layoutHeatmap(
  input: LayoutInput,
  options: FigureOptions,
  logger: Logger = silentLogger,
): Scene {
  // 1.–3. colors, axes, annotation colors
  const p = plan(input, options);
  // 4. cell sizes
  const cell = squareCells(cellSizes(p), options, Boolean(input.correlation), input.colOrder.length);
  // 5. every part around the matrix at (0, 0)
  const c = compose(p, cell.width, cell.height);
  // 6. warn once about labels that cannot fit, and about names to label that are not there
  warnHidden(c, options, logger);
  warnMissingMarks(p, logger);
  if (options.colorBranches && !p.rows.clusters && !p.cols.clusters) {
    logger.warn(
      msg`${opt("colorBranches")} colors the clusters of ${opt("cutreeRows")} or ${opt("cutreeCols")}: none given`,
    );
  }
  // 7. move everything inside the canvas, with a margin; a given figure size is kept (or grown to fit)
  const box = groupsBox(c.groups);
  const dx = MARGIN - box.x0;
  const dy = MARGIN - box.y0;
  const page = defaultFigureInches(options);
  const width = Math.max(box.x1 - box.x0 + 2 * MARGIN, (page.width ?? 0) * 72);
  const height = Math.max(box.y1 - box.y0 + 2 * MARGIN, (page.height ?? 0) * 72);
  return {
    width: Math.ceil(width * 100 - 1e-6) / 100,
    height: Math.ceil(height * 100 - 1e-6) / 100,
    background: "#ffffff",
    fontFamily: FONT_FAMILY,
    groups: c.groups.map((g) => ({ name: g.name, items: g.items.map((it) => shiftPrimitive(it, dx, dy)) })),
    geometry: shiftGeometry(c.geometry, dx, dy),
    provenance: input.provenance,
  };
}
