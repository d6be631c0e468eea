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
import type { TrackColors } from "../color/annotation-colors.js";
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
import { colorBar, type LegendBlock, stackLegends } from "./legend.js";
import { layoutNumbers, type NumberStyle } from "./numbers.js";
import { borderDefaults } from "./rules.js";
import type { BranchGeometry, Primitive, RectPrimitive, SceneGeometry, SceneGroup } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** Space between a tree and what it hangs over, and between the labels and the legends, in points. */
const TREE_PAD = 3;
const LEGEND_PAD = 14;
const LEGEND_GAP = 12;
const TITLE_PAD = 8;
const TREE_COLOR = "#404040";
const TREE_WIDTH = 0.75;

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
}

/** What the figure shows, decided before the cell sizes (heatmap.ts makes it). */
export interface HeatmapPlan {
  options: FigureOptions;
  rows: AxisPlan;
  cols: AxisPlan;
  /** Drawn-order values and fills, row-major. */
  values: Float64Array;
  fills: string[];
  legend: { colors: string[]; breaks: number[]; title: string | null } | null;
  numbers: NumberStyle;
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

function legendBlocks(plan: HeatmapPlan, barHeight: number): { block: LegendBlock; group: string }[] {
  const o = plan.options;
  const blocks: { block: LegendBlock; group: string }[] = [];
  const size = o.fontsize * 0.9;
  if (plan.legend && o.legend) {
    const block = colorBar({
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
      blocks.push({ block: trackLegend(t, colors[k], size, o.fontsize), group: "annotation-legend" });
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
): { items: Primitive[]; branches: BranchGeometry[] | null } {
  if (!axis.tree || axis.treeHeight <= 0) return { items: [], branches: axis.tree ? [] : null };
  const drawn = layoutDendrogram(axis.tree, {
    side,
    centres: starts.map((s) => s + cell / 2),
    halfCell: cell / 2,
    base,
    height: axis.treeHeight,
    stroke: TREE_COLOR,
    // thinner lines where leaves crowd, so that a tree over many rows does not turn into a dark band
    strokeWidth: Math.min(TREE_WIDTH, Math.max(0.25, cell / 3)),
  });
  return { items: [drawn.path], branches: drawn.branches };
}

/** Lays out every part for cells `cellWidth` × `cellHeight` points. */
export function compose(plan: HeatmapPlan, cellWidth: number, cellHeight: number): Composed {
  const { rows, cols, options: o } = plan;
  const rowStarts = axisStarts(rows.names.length, cellHeight, rows.gaps);
  const colStarts = axisStarts(cols.names.length, cellWidth, cols.gaps);
  const width = axisLength(cols.names.length, cellWidth, cols.gaps.length);
  const height = axisLength(rows.names.length, cellHeight, rows.gaps.length);
  const groups: SceneGroup[] = [];
  const add = (name: string, items: Primitive[]) => {
    if (items.length > 0) groups.push({ name, items });
  };

  // 1. cells and their numbers
  add("cells", cellRects(plan, rowStarts, colStarts, cellWidth, cellHeight));
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
  add("numbers", layoutNumbers(grid, plan.numbers));

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
  const rowLabels =
    rows.show && rowFit
      ? layoutRowLabels(rows.labels, rowStarts, cellHeight, width + LABEL_PAD, rows.fontSize)
      : [];
  const colFit =
    cellWidth >= colWidthNeeded(cols.fontSize, o.angleCol, widestText(cols.labels, cols.fontSize)) - 1e-9;
  const colLabels =
    cols.show && colFit
      ? layoutColLabels(cols.labels, colStarts, cellWidth, height + LABEL_PAD, cols.fontSize, o.angleCol)
      : [];
  add("labels-rows", rowLabels);
  add("labels-cols", colLabels);
  const names: Primitive[] = [];
  if (cols.trackNames) names.push(...colTrackNames(cols.tracks, 0, width + LABEL_PAD, o.fontsize));
  if (rows.trackNames) names.push(...rowTrackNames(rows.tracks, 0, height, o.fontsize, o.angleCol));
  add("annotation-names", names);

  // 4. trees beyond the tracks
  const colTree = tree(cols, "top", colStarts, cellWidth, colTracksTop - TREE_PAD);
  const rowTree = tree(rows, "left", rowStarts, cellHeight, rowTracksLeft - TREE_PAD);
  add("dendrogram-cols", colTree.items);
  add("dendrogram-rows", rowTree.items);

  // 5. title above everything, centred on the matrix
  if (o.main !== null && o.main !== "") {
    const size = o.fontsize * 1.3;
    const top = colTree.items.length > 0 ? colTracksTop - TREE_PAD - cols.treeHeight : colTracksTop;
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

  // 6. legends in columns right of the labels, from the top of the column tracks
  const right = groupsBox(
    groups.filter((g) => g.name === "labels-rows" || g.name === "annotation-names" || g.name === "cells"),
  ).x1;
  const bodyTop = Math.min(0, colTracksTop);
  const bodyHeight = height - bodyTop;
  const barHeight = Math.min(130, Math.max(60, bodyHeight * 0.4));
  const blocks = legendBlocks(plan, barHeight);
  const placed = stackLegends(
    blocks.map((b) => b.block),
    right + LEGEND_PAD,
    bodyTop,
    Math.max(bodyHeight, 200),
    LEGEND_GAP,
  );
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
    hiddenRowLabels: rows.show && !rowFit ? visible(rows) : 0,
    hiddenColLabels: cols.show && !colFit ? visible(cols) : 0,
    matrix: { width, height },
  };
}
