/**
 * Puts the parts of a heatmap together around the matrix, for given cell
 * sizes: the matrix's top left corner is (0, 0); trees, annotation tracks
 * and the title go above and to the left, labels below and to the right,
 * legends right of everything. (heatmap.ts then moves the whole so that
 * nothing runs off the canvas.)
 *
 *            title
 *            column tree
 *            column tracks        track names
 * row tree │ row tracks │ cells │ row labels │ legends
 *            column labels
 */

import type { Tree } from "../cluster/tree.js";
import { OKABE_ITO, type TrackColors } from "../color/annotation-colors.js";
import type { AnnotationTrack } from "../matrix.js";
import type { FigureOptions } from "../options.js";
import { colTrackNames, layoutTracks, rowTrackNames, trackLegend, tracksThickness } from "./annotations.js";
import { layoutDendrogram } from "./dendrogram.js";
import { groupsBox } from "./frame.js";
import { axisLength, axisStarts } from "./gaps.js";
import {
  colWidthNeeded,
  LABEL_PAD,
  layoutColLabels,
  layoutRowLabels,
  rowLabelsFit,
  widestText,
} from "./labels.js";
import { colorBar, colorBarHorizontal, type LegendBlock, rowLegends, stackLegends } from "./legend.js";
import { layoutColMarks, layoutRowMarks } from "./marks.js";
import { layoutNumbers, type NumberStyle } from "./numbers.js";
import { type RasterGrid, rasterImage, segments, useRaster } from "./raster.js";
import { borderDefaults } from "./rules.js";
import type { BranchGeometry, Primitive, RectPrimitive, SceneGeometry, SceneGroup } from "./scene.js";
import { type AxisBlock, blockTitles, blockTitlesThickness, xlabText, ylabText } from "./splits.js";
import { fontMetrics, measureText } from "./text.js";

/** Space between a tree and what it hangs over, and between the labels and the legends, in points. */
const TREE_PAD = 3;
const LEGEND_PAD = 14;
const LEGEND_GAP = 12;
const TITLE_PAD = 8;
const TREE_COLOR = "#404040";
const TREE_WIDTH = 0.75;
/** Branch colors of cutree clusters (--color-branches): Okabe–Ito without yellow (too light for thin lines) and black. */
const BRANCH_COLORS = OKABE_ITO.filter((c) => c !== "#f0e442" && c !== "#000000");
/** Where leader lines of marked labels leave the matrix, in points from its edge. */
const MARK_OFFSET = 1;

/** One axis of the plan: everything decided before the cell sizes. */
export interface AxisPlan {
  /** Names in drawn order. */
  names: string[];
  /** Index into the clustered matrix of each drawn position. */
  index: number[];
  /** Label of each drawn position ("" = none). */
  labels: string[];
  show: boolean;
  fontSize: number;
  /** Cutree cluster of each drawn position, or null. */
  clusters: number[] | null;
  /** Drawn positions (0-based) after which a gap goes. */
  gaps: number[];
  tree: Tree | null;
  treeHeight: number;
  tracks: AnnotationTrack[];
  trackColors: TrackColors[];
  trackNames: boolean;
  /** Drawn positions labelled alone with leader lines (labelRows/labelCols), or null/absent = the usual labels. */
  marks?: number[] | null;
  /** Blocks of a split axis (splits.ts), or null/absent: their titles, and their own trees when `tree` is null. */
  blocks?: AxisBlock[] | null;
}

/** What the figure shows, decided before the cell sizes (heatmap.ts makes it). */
export interface HeatmapPlan {
  options: FigureOptions;
  rows: AxisPlan;
  cols: AxisPlan;
  /** Drawn-order values and fills, row-major. */
  values: Float64Array;
  fills: string[];
  /** The color of a value (the heatmap's scale): raster cells color their rows' summary with it. */
  cellColor?: (value: number) => string;
  legend: { colors: string[]; breaks: number[]; title: string | null } | null;
  numbers: NumberStyle;
  /** Drawn cells left out (a correlation's masked triangle), row-major, 1 = not drawn; null/absent = none. */
  hidden?: Uint8Array | null;
}

/** The composed figure, in matrix coordinates. */
export interface Composed {
  groups: SceneGroup[];
  geometry: SceneGeometry;
  /** Labels not drawn because they cannot fit. */
  hiddenRowLabels: number;
  hiddenColLabels: number;
  /** The size of the cell grid (gaps included). */
  matrix: { width: number; height: number };
}

function cellRects(
  plan: HeatmapPlan,
  rowStarts: number[],
  colStarts: number[],
  w: number,
  h: number,
): RectPrimitive[] {
  const border = borderDefaults(plan.options, {
    width: w,
    height: h,
    nrow: rowStarts.length,
    ncol: colStarts.length,
  });
  const out: RectPrimitive[] = [];
  const nc = colStarts.length;
  rowStarts.forEach((y, i) => {
    colStarts.forEach((x, j) => {
      if (plan.hidden?.[i * nc + j]) return;
      const rect: RectPrimitive = { type: "rect", x, y, width: w, height: h, fill: plan.fills[i * nc + j] };
      if (border.color) {
        rect.stroke = border.color;
        rect.strokeWidth = border.width;
      }
      out.push(rect);
    });
  });
  return out;
}

function legendBlocks(
  plan: HeatmapPlan,
  barHeight: number,
  horizontal = false,
): { block: LegendBlock; group: string }[] {
  const o = plan.options;
  const blocks: { block: LegendBlock; group: string }[] = [];
  const size = o.fontsize * 0.9;
  if (plan.legend && o.legend) {
    const block = (horizontal ? colorBarHorizontal : colorBar)({
      ...plan.legend,
      ticks: o.legendBreaks,
      labels: o.legendLabels,
      height: barHeight,
      fontSize: size,
      titleSize: o.fontsize,
    });
    blocks.push({ block, group: "legend" });
  }
  if (o.annotationLegend) {
    const tracks = [...plan.cols.tracks, ...plan.rows.tracks];
    const colors = [...plan.cols.trackColors, ...plan.rows.trackColors];
    tracks.forEach((t, k) => {
      blocks.push({
        block: trackLegend(t, colors[k], size, o.fontsize, horizontal),
        group: "annotation-legend",
      });
    });
  }
  return blocks;
}

function tree(
  axis: AxisPlan,
  side: "top" | "left",
  starts: number[],
  cell: number,
  base: number,
  o: FigureOptions,
): { items: Primitive[]; branches: BranchGeometry[] | null } {
  if (!axis.tree || axis.treeHeight <= 0) return { items: [], branches: axis.tree ? [] : null };
  // thinner lines where leaves crowd (down to a device pixel at the figure's dpi); where even those
  // would touch, subtrees narrower than 2.5 line widths are drawn as one leaf (dendrogram.ts), so
  // that a tree over 20,000 rows shows its structure instead of a dark band
  const strokeWidth = Math.min(TREE_WIDTH, Math.max(0.25, cell / 3, 72 / o.dpi));
  const drawn = layoutDendrogram(axis.tree, {
    side,
    centres: starts.map((s) => s + cell / 2),
    halfCell: cell / 2,
    base,
    height: axis.treeHeight,
    stroke: TREE_COLOR,
    strokeWidth,
    minSpan: 2.5 * strokeWidth,
    clusters: axis.clusters,
    clusterColors: o.colorBranches ? BRANCH_COLORS : null,
  });
  return { items: drawn.paths.length > 0 ? drawn.paths : [drawn.path], branches: drawn.branches };
}

/**
 * A split axis's own parts: each block's tree side by side when the blocks are
 * not joined into one tree (each scaled to the tallest block's height, so
 * heights compare across blocks), and the block titles beyond the trees.
 */
function blockParts(
  axis: AxisPlan,
  side: "top" | "left",
  starts: number[],
  cell: number,
  base: number,
  o: FigureOptions,
): { trees: Primitive[]; titles: Primitive[] } {
  const blocks = axis.blocks;
  if (!blocks) return { trees: [], titles: [] };
  const trees: Primitive[] = [];
  const drawn = axis.tree === null && axis.treeHeight > 0 && blocks.some((b) => b.tree);
  if (drawn) {
    const tallest = (t: Tree) => t.height.reduce((a, h) => Math.max(a, h), 0);
    const top = blocks.reduce((a, b) => Math.max(a, b.tree ? tallest(b.tree) : 0), 0);
    for (const b of blocks) {
      if (!b.tree) continue;
      const scaled = top > 0 ? (axis.treeHeight * tallest(b.tree)) / top : axis.treeHeight;
      const part = { ...axis, tree: b.tree, treeHeight: scaled, clusters: null };
      trees.push(...tree(part, side, starts.slice(b.first, b.first + b.count), cell, base, o).items);
    }
  }
  const beyond = axis.tree !== null || drawn ? base - axis.treeHeight : base + TREE_PAD;
  return { trees, titles: blockTitles(blocks, side, starts, cell, beyond, o.fontsize) };
}

/** The cells as images, one per block between gaps (raster.ts); `draft` leaves the pixels out. */
function cellImages(
  plan: HeatmapPlan,
  rowStarts: number[],
  colStarts: number[],
  w: number,
  h: number,
  draft: boolean,
): Primitive[] {
  const o = plan.options;
  const grid: RasterGrid = {
    ncol: colStarts.length,
    values: plan.values,
    fills: plan.fills,
    hidden: plan.hidden ?? null,
    color: plan.cellColor,
  };
  const out: Primitive[] = [];
  for (const [r0, r1] of segments(rowStarts.length, plan.rows.gaps)) {
    for (const [c0, c1] of segments(colStarts.length, plan.cols.gaps)) {
      const block = {
        r0,
        r1,
        c0,
        c1,
        x: colStarts[c0],
        y: rowStarts[r0],
        width: colStarts[c1 - 1] + w - colStarts[c0],
        height: rowStarts[r1 - 1] + h - rowStarts[r0],
      };
      out.push(rasterImage(grid, block, o.dpi, o.rasterSummary, draft));
    }
  }
  return out;
}

/**
 * Lays out every part for cells `cellWidth` × `cellHeight` points. A `draft`
 * (a trial layout that only measures) leaves out the pixels of raster cells.
 */
export function compose(plan: HeatmapPlan, cellWidth: number, cellHeight: number, draft = false): Composed {
  const { rows, cols, options: o } = plan;
  const rowStarts = axisStarts(rows.names.length, cellHeight, rows.gaps);
  const colStarts = axisStarts(cols.names.length, cellWidth, cols.gaps);
  const width = axisLength(cols.names.length, cellWidth, cols.gaps.length);
  const height = axisLength(rows.names.length, cellHeight, rows.gaps.length);
  const groups: SceneGroup[] = [];
  const add = (name: string, items: Primitive[]) => {
    if (items.length > 0) groups.push({ name, items });
  };

  // 1. cells (one rect each, or images for large matrices) and their numbers
  const raster = useRaster(o.raster, {
    nrow: rowStarts.length,
    ncol: colStarts.length,
    cellWidth,
    cellHeight,
  });
  add(
    "cells",
    raster
      ? cellImages(plan, rowStarts, colStarts, cellWidth, cellHeight, draft)
      : cellRects(plan, rowStarts, colStarts, cellWidth, cellHeight),
  );
  const grid = {
    rowNames: rows.names,
    colNames: cols.names,
    rowStarts,
    colStarts,
    cellWidth,
    cellHeight,
    values: plan.values,
    fills: plan.fills,
  };
  add("numbers", layoutNumbers({ ...grid, hidden: plan.hidden ?? null }, plan.numbers));

  // 2. annotation tracks, above (columns) and left (rows)
  const border = borderDefaults(o, {
    width: cellWidth,
    height: cellHeight,
    nrow: rowStarts.length,
    ncol: colStarts.length,
  });
  add(
    "annotation-col",
    layoutTracks(cols.tracks, cols.trackColors, {
      side: "top",
      index: cols.index,
      starts: colStarts,
      cell: cellWidth,
      edge: 0,
      border,
    }),
  );
  add(
    "annotation-row",
    layoutTracks(rows.tracks, rows.trackColors, {
      side: "left",
      index: rows.index,
      starts: rowStarts,
      cell: cellHeight,
      edge: 0,
      border,
    }),
  );
  const colTracksTop = -tracksThickness(cols.tracks.length);
  const rowTracksLeft = -tracksThickness(rows.tracks.length);

  // 3. labels: rows right of the matrix, columns below; those that cannot fit are not drawn
  const rowFit = rowLabelsFit(cellHeight, rows.fontSize);
  const rowMarks = rows.marks
    ? layoutRowMarks({
        positions: rows.marks,
        labels: rows.labels,
        starts: rowStarts,
        cell: cellHeight,
        length: height,
        edge: width + MARK_OFFSET,
        fontSize: rows.fontSize,
      })
    : null;
  const rowLabels = rowMarks
    ? rowMarks.texts
    : rows.show && rowFit
      ? layoutRowLabels(rows.labels, rowStarts, cellHeight, width + LABEL_PAD, rows.fontSize)
      : [];
  const colFit =
    cellWidth >= colWidthNeeded(cols.fontSize, o.angleCol, widestText(cols.labels, cols.fontSize)) - 1e-9;
  const colMarks = cols.marks
    ? layoutColMarks({
        positions: cols.marks,
        labels: cols.labels,
        starts: colStarts,
        cell: cellWidth,
        length: width,
        edge: height + MARK_OFFSET,
        fontSize: cols.fontSize,
      })
    : null;
  const colLabels = colMarks
    ? colMarks.texts
    : cols.show && colFit
      ? layoutColLabels(cols.labels, colStarts, cellWidth, height + LABEL_PAD, cols.fontSize, o.angleCol)
      : [];
  add("labels-rows", rowLabels);
  add("labels-cols", colLabels);
  add("label-links-rows", rowMarks?.links ? [rowMarks.links] : []);
  add("label-links-cols", colMarks?.links ? [colMarks.links] : []);
  const names: Primitive[] = [];
  if (cols.trackNames) names.push(...colTrackNames(cols.tracks, 0, width + LABEL_PAD, o.fontsize));
  if (rows.trackNames) names.push(...rowTrackNames(rows.tracks, 0, height, o.fontsize, o.angleCol));
  add("annotation-names", names);

  // 4. trees beyond the tracks
  const colTree = tree(cols, "top", colStarts, cellWidth, colTracksTop - TREE_PAD, o);
  const rowTree = tree(rows, "left", rowStarts, cellHeight, rowTracksLeft - TREE_PAD, o);
  add("dendrogram-cols", colTree.items);
  add("dendrogram-rows", rowTree.items);
  // 4b. split axes: each block's own tree (unless joined), titles beyond the trees
  const colBlocks = blockParts(cols, "top", colStarts, cellWidth, colTracksTop - TREE_PAD, o);
  const rowBlocks = blockParts(rows, "left", rowStarts, cellHeight, rowTracksLeft - TREE_PAD, o);
  add("dendrogram-cols", colBlocks.trees);
  add("dendrogram-rows", rowBlocks.trees);
  add("split-titles", [...colBlocks.titles, ...rowBlocks.titles]);
  // 4c. axis titles: xlab below the column labels, ylab right of the row labels
  const axisTitles: Primitive[] = [];
  if (o.xlab) {
    const below = groupsBox(groups.filter((g) => g.name === "labels-cols" || g.name === "cells")).y1;
    axisTitles.push(xlabText(o.xlab, width / 2, below, o.fontsize));
  }
  if (o.ylab) {
    const beside = groupsBox(groups.filter((g) => g.name === "labels-rows" || g.name === "cells")).x1;
    axisTitles.push(ylabText(o.ylab, height / 2, beside, o.fontsize));
  }
  add("axis-titles", axisTitles);

  // 5. title above everything, centred on the matrix
  if (o.main !== null && o.main !== "") {
    const size = o.fontsize * 1.3;
    const top =
      (colTree.items.length > 0 || colBlocks.trees.length > 0
        ? colTracksTop - TREE_PAD - cols.treeHeight
        : colTracksTop) - blockTitlesThickness(cols.blocks, o.fontsize);
    const { descent } = fontMetrics(size, "bold");
    add("title", [
      {
        type: "text",
        x: width / 2,
        y: top - TITLE_PAD - descent,
        text: o.main,
        fontSize: size,
        fontWeight: "bold",
        fill: "#000000",
        anchor: "middle",
        width: measureText(o.main, size, "bold"),
      },
    ]);
  }

  // 6. legends in columns right of the labels, from the top of the column tracks; or at the
  // bottom: the color bar horizontal, the annotation legends in a row below it, centred on the matrix
  let placed: Primitive[][];
  let blocks: { block: LegendBlock; group: string }[];
  if (o.legendPosition === "bottom") {
    blocks = legendBlocks(plan, Math.min(200, Math.max(100, width * 0.6)), true);
    let y = groupsBox(groups).y1 + LEGEND_PAD;
    placed = [];
    for (const group of ["legend", "annotation-legend"]) {
      const row = blocks.filter((b) => b.group === group).map((b) => b.block);
      if (row.length === 0) continue;
      const rowWidth = row.reduce((s, b) => s + b.width, 0) + (row.length - 1) * LEGEND_GAP * 1.5;
      placed.push(...rowLegends(row, width / 2 - rowWidth / 2, y, LEGEND_GAP));
      y += Math.max(...row.map((b) => b.height)) + LEGEND_GAP;
    }
  } else {
    const right = groupsBox(
      groups.filter((g) => ["labels-rows", "annotation-names", "cells", "axis-titles"].includes(g.name)),
    ).x1;
    const bodyTop = Math.min(0, colTracksTop);
    const bodyHeight = height - bodyTop;
    const barHeight = Math.min(130, Math.max(60, bodyHeight * 0.4));
    blocks = legendBlocks(plan, barHeight);
    placed = stackLegends(
      blocks.map((b) => b.block),
      right + LEGEND_PAD,
      bodyTop,
      Math.max(bodyHeight, 200),
      LEGEND_GAP,
    );
  }
  add("legend", placed.filter((_, k) => blocks[k].group === "legend").flat());
  add("annotation-legend", placed.filter((_, k) => blocks[k].group === "annotation-legend").flat());

  const geometry: SceneGeometry = {
    cells: { x: 0, y: 0, width, height },
    rows: {
      names: rows.names,
      index: rows.index,
      start: rowStarts,
      size: cellHeight,
      clusters: rows.clusters,
    },
    cols: {
      names: cols.names,
      index: cols.index,
      start: colStarts,
      size: cellWidth,
      clusters: cols.clusters,
    },
    rowTree: rowTree.branches,
    colTree: colTree.branches,
  };
  const visible = (p: AxisPlan) => p.labels.filter((l) => l !== "").length;
  return {
    groups,
    geometry,
    hiddenRowLabels: rows.show && !rowFit && !rows.marks ? visible(rows) : 0,
    hiddenColLabels: cols.show && !colFit && !cols.marks ? visible(cols) : 0,
    matrix: { width, height },
  };
}
