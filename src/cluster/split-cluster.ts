/**
 * Splits of an axis into blocks, as ComplexHeatmap's `row_split` /
 * `column_split` (by a sheet field) and `row_km` (by seeded k-means): each
 * block is clustered within itself with the axis's distance and method
 * (exactly `clusterMatrix` on the block's rows alone), the blocks follow the
 * field's levels (order of first appearance; sorted numbers for a numeric
 * field; missing values last as "NA"), or with `clusterSplits` the order of
 * hclust over the blocks' mean profiles (ComplexHeatmap's
 * `cluster_row_slices`), whose tree then joins the blocks' trees into one.
 *
 * Also the clustering of a correlation figure (`correlation`): one tree,
 * hclust(as.dist(1 − r)), for both axes.
 */
import { DataError, listSome, msg, opt, UsageError } from "../errors.js";
import type { Annotation, Matrix } from "../matrix.js";
import { selectRows, transpose } from "../matrix.js";
import { type ClusterOptions, type Distance, normalizeClusterOptions } from "../options.js";
import type { CorrelationResult } from "../transform/correlate.js";
import { type AxisResult, type ClusterContext, type ClusterResult, clusterMatrix } from "./cluster-matrix.js";
import { cutree } from "./cutree.js";
import { checkDistances } from "./distance.js";
import { hclustAsync } from "./hclust.js";
import { kmeans } from "./kmeans.js";
import { optimalLeafOrder, reorderByWeights } from "./leaf-order.js";
import type { Tree } from "./tree.js";

/** One block of a split, in drawn order. */
export interface SplitGroup {
  /** The level (the block's title). */
  level: string;
  /** 0-based indices into the clustered matrix (rows, or columns for a column split), in drawn order. */
  index: number[];
  /** The block's own tree (labels: its members' names; observations numbered within the block), or null (1 member, or not clustered). */
  tree: Tree | null;
}

/** A split axis. */
export interface SplitResult {
  /** The sheet field, or "k-means". */
  by: string;
  /** Every level, in the field's order (k-means: "1" … "k"). */
  levels: string[];
  /** The blocks in drawn order (levels without members are left out). */
  groups: SplitGroup[];
  /** With clusterSplits: the tree over the blocks' mean profiles (labels: their levels). */
  splitTree: Tree | null;
  /** With clusterSplits and clustered blocks: the blocks' trees joined by splitTree, over the whole axis. */
  joined: Tree | null;
  /** The level number (1-based, in `levels`) of each row (column) in input order. */
  membership: Int32Array;
  /** 0-based drawn order of the whole axis. */
  order: number[];
}

/** The blocks of an axis: the level number (1-based) of each position and the levels. */
export interface Blocks {
  by: string;
  levels: string[];
  membership: Int32Array;
}

/** The blocks given by a sheet field. Throws UsageError when the sheet or the field is missing. */
export function blocksFromField(
  sheet: Annotation | undefined,
  field: string,
  option: "splitRowsBy" | "splitColsBy",
): Blocks {
  const which =
    option === "splitRowsBy" ? "gene sheet (--annotation-row)" : "sample sheet (--annotation-col)";
  if (!sheet) throw new UsageError(msg`${opt(option)} ${field} needs a ${which}`);
  const track = sheet.tracks.find((t) => t.name === field);
  if (!track) {
    throw new UsageError(
      msg`${opt(option)}: no field ${field} in the ${which} (fields: ${listSome(
        sheet.tracks.map((t) => t.name),
        12,
      )})`,
    );
  }
  const texts: (string | null)[] =
    track.kind === "categorical"
      ? track.values
      : Array.from(track.values, (v) => (Number.isNaN(v) ? null : String(v)));
  const levels =
    track.kind === "categorical"
      ? [...track.levels]
      : [...new Set(Array.from(track.values).filter((v) => !Number.isNaN(v)))]
          .sort((a, b) => a - b)
          .map(String);
  if (texts.some((t) => t === null)) levels.push("NA");
  const number = new Map(levels.map((l, k) => [l, k + 1]));
  const membership = Int32Array.from(texts, (t) => number.get(t ?? "NA")!);
  return { by: field, levels, membership };
}

/** The blocks of seeded k-means on the rows (ComplexHeatmap's row_km): levels "1" … "k". */
export function blocksFromKmeans(m: Matrix, k: number, options: ClusterOptions, ctx: ClusterContext): Blocks {
  const km = kmeans(m, k, { seed: options.kmeansSeed, starts: options.kmeansStarts, logger: ctx.logger });
  return {
    by: "k-means",
    levels: Array.from({ length: k }, (_, i) => String(i + 1)),
    membership: km.cluster,
  };
}

/** Mean of each column over the given rows, NAs skipped (NaN when a column has none). */
function meanProfile(m: Matrix, rows: readonly number[]): Float64Array {
  const out = new Float64Array(m.ncol);
  for (let j = 0; j < m.ncol; j++) {
    let sum = 0;
    let count = 0;
    for (const i of rows) {
      const v = m.values[i * m.ncol + j];
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    out[j] = count > 0 ? sum / count : Number.NaN;
  }
  return out;
}

/** Options that cluster the rows of one block as the axis's rows: no columns, no k-means, no cut. */
function rowOnly(options: ClusterOptions, axis: "rows" | "cols"): Partial<ClusterOptions> {
  return {
    ...options,
    clusterRows: true,
    clusterCols: false,
    clusteringDistanceRows: axis === "rows" ? options.clusteringDistanceRows : options.clusteringDistanceCols,
    clusteringMethodRows: axis === "rows" ? options.clusteringMethodRows : options.clusteringMethodCols,
    kmeansRows: null,
    cutreeRows: null,
    cutreeRowsHeight: null,
    cutreeCols: null,
    cutreeColsHeight: null,
  };
}

/**
 * Clusters the rows of `m` (the matrix's columns: pass it transposed) block
 * by block. `cluster` false keeps each block in input order. O(Σ nₖ² p).
 */
export async function clusterBlocks(
  m: Matrix,
  blocks: Blocks,
  options: ClusterOptions,
  axis: "rows" | "cols",
  cluster: boolean,
  ctx: ClusterContext,
): Promise<SplitResult> {
  const members: number[][] = blocks.levels.map(() => []);
  blocks.membership.forEach((g, i) => {
    members[g - 1].push(i);
  });
  const used = blocks.levels.map((_, g) => g).filter((g) => members[g].length > 0);
  const trees = new Map<number, Tree>();
  for (const g of used) {
    if (!cluster || members[g].length < 2) continue;
    const block = selectRows(m, members[g]);
    const r = await clusterMatrix(block, rowOnly(options, axis), ctx);
    trees.set(g, r.rows!.tree);
  }
  let drawnBlocks = used;
  let splitTree: Tree | null = null;
  if (options.clusterSplits && used.length >= 2) {
    const means = used.map((g) => meanProfile(m, members[g]));
    const meansMatrix: Matrix = {
      nrow: used.length,
      ncol: m.ncol,
      values: Float64Array.from(means.flatMap((p) => Array.from(p))),
      rowNames: used.map((g) => blocks.levels[g]),
      colNames: m.colNames,
    };
    splitTree = (await clusterMatrix(meansMatrix, rowOnly(options, axis), ctx)).rows!.tree;
    drawnBlocks = Array.from(splitTree.order, (o) => used[o - 1]);
  }
  const groups: SplitGroup[] = drawnBlocks.map((g) => {
    const tree = trees.get(g) ?? null;
    const index = tree ? Array.from(tree.order, (o) => members[g][o - 1]) : members[g];
    return { level: blocks.levels[g], index, tree };
  });
  const order = groups.flatMap((b) => b.index);
  const joined = splitTree && cluster ? joinTrees(m.rowNames, groups, splitTree, order) : null;
  return {
    by: blocks.by,
    levels: blocks.levels,
    groups,
    splitTree,
    joined,
    membership: blocks.membership,
    order,
  };
}

/**
 * One hclust-shaped tree over the whole axis: the blocks' merges (in drawn
 * block order), then the splits' tree's merges joining the blocks' roots,
 * its heights raised by the tallest block merge so that it stands above
 * them (as ComplexHeatmap draws the slices' dendrogram over the slices).
 * Observations are numbered by the axis's input order; `order` is the drawn
 * order.
 */
function joinTrees(names: readonly string[], groups: SplitGroup[], splitTree: Tree, order: number[]): Tree {
  const n = names.length;
  const merge = new Int32Array(2 * (n - 1));
  const height = new Float64Array(n - 1);
  let step = 0;
  let top = 0;
  for (const b of groups) for (const h of b.tree?.height ?? []) top = Math.max(top, h);
  // the entry that stands for each block in the splits' tree
  const root: number[] = [];
  for (const b of groups) {
    const t = b.tree;
    if (!t) {
      root.push(-(b.index[0] + 1));
      continue;
    }
    const offset = step;
    // observation j of the block is its member number t.labels[j − 1] → input index
    const members = new Array<number>(t.labels.length);
    t.order.forEach((obs, k) => {
      members[obs - 1] = b.index[k];
    });
    const map = (e: number) => (e < 0 ? -(members[-e - 1] + 1) : e + offset);
    for (let s = 0; s < t.labels.length - 1; s++) {
      merge[2 * step] = map(t.merge[2 * s]);
      merge[2 * step + 1] = map(t.merge[2 * s + 1]);
      height[step] = t.height[s];
      step++;
    }
    root.push(step);
  }
  // splitTree's observations are numbered in the order of the blocks it was given (= `used`), and
  // groups are in its drawn order: leaf o is groups[position of o in splitTree.order]
  const blockOf = new Map<number, number>();
  splitTree.order.forEach((o, k) => {
    blockOf.set(o, k);
  });
  const offset = step;
  const map = (e: number) => (e < 0 ? root[blockOf.get(-e)!] : e + offset);
  for (let s = 0; s < splitTree.labels.length - 1; s++) {
    merge[2 * step] = map(splitTree.merge[2 * s]);
    merge[2 * step + 1] = map(splitTree.merge[2 * s + 1]);
    height[step] = top + splitTree.height[s];
    step++;
  }
  return {
    labels: names,
    merge,
    height,
    order: Int32Array.from(order, (i) => i + 1),
    method: splitTree.method,
    distance: splitTree.distance,
  };
}

/** The distance kernel behind each correlation method. */
const CORRELATION_DISTANCE: Readonly<Record<CorrelationResult["method"], Distance>> = {
  pearson: "correlation",
  spearman: "spearman",
  kendall: "kendall",
};

/**
 * The tree of a correlation figure: hclust(as.dist(1 − r), method) — the
 * rows (or columns) of the original matrix clustered by correlation
 * distance, which is what users expect of a clustered correlation matrix
 * (variables that correlate sit together). seaborn's `clustermap(corr)`
 * instead clusters the rows of r as observations (euclidean between
 * correlation profiles); `--clustering-distance-rows` is not used here.
 * The same tree orders both axes, so the diagonal stays the diagonal.
 * Leaf order and cutree (its clusters on both axes) as for any axis.
 */
export async function clusterCorrelation(
  corr: CorrelationResult,
  options: ClusterOptions,
  ctx: ClusterContext,
): Promise<AxisResult | null> {
  const { matrix, dist } = corr;
  const n = matrix.nrow;
  if (n < 2) {
    ctx.logger?.warn(
      `only ${n} ${corr.axis === "rows" ? "row" : "column"}: the correlation matrix is not clustered`,
    );
    return null;
  }
  const distance = CORRELATION_DISTANCE[corr.method];
  try {
    checkDistances(dist, matrix.rowNames, distance);
  } catch (e) {
    if (e instanceof DataError) {
      throw new DataError(
        `${e.message}: the correlation is undefined, so the correlation matrix cannot be clustered ` +
          "(remove the row, or draw it unclustered with --no-cluster-rows --no-cluster-cols)",
      );
    }
    throw e;
  }
  let tree = await hclustAsync(dist, options.clusteringMethodRows, matrix.rowNames, distance, {
    inPlace: false,
    signal: ctx.signal,
  });
  if (options.leafOrder === "optimal") tree = optimalLeafOrder(tree, dist);
  if (options.leafOrder === "mean") {
    const means = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += matrix.values[i * n + j];
      means[i] = s / n;
    }
    tree = reorderByWeights(tree, means);
  }
  let clusters: Int32Array | null = null;
  if (options.cutreeRows !== null) {
    if (options.cutreeRows > n) {
      throw new UsageError(
        msg`cannot cut ${n} rows into ${opt("cutreeRows")} ${options.cutreeRows} clusters`,
      );
    }
    clusters = cutree(tree, { k: options.cutreeRows });
  } else if (options.cutreeRowsHeight !== null) clusters = cutree(tree, { h: options.cutreeRowsHeight });
  return { tree, clusters };
}

/** The clustering of a figure: every axis plain, split, or the correlation matrix's one tree. */
export interface AxesResult extends ClusterResult {
  rowSplit: SplitResult | null;
  colSplit: SplitResult | null;
  /** 0-based drawn order of the rows and columns of `matrix`. */
  rowOrder: number[];
  colOrder: number[];
}

function orderOf(axis: AxisResult | null, n: number): number[] {
  return axis ? Array.from(axis.tree.order, (o) => o - 1) : Array.from({ length: n }, (_, i) => i);
}

/**
 * Clusters a figure's matrix: the correlation matrix with one tree for both
 * axes; or rows, then columns on the matrix in drawn row order (pheatmap's
 * order), each axis either whole (`clusterMatrix`) or split into blocks
 * (`splitRowsBy`, `kmeansSplitRows`, `splitColsBy`).
 */
export async function clusterAxes(
  m: Matrix,
  corr: CorrelationResult | null,
  given: Partial<ClusterOptions>,
  ctx: ClusterContext,
): Promise<AxesResult> {
  const options = normalizeClusterOptions(given);
  if (corr) {
    const axis = options.clusterRows ? await clusterCorrelation(corr, options, ctx) : null;
    const order = orderOf(axis, corr.matrix.nrow);
    const none = { rowSplit: null, colSplit: null };
    return { matrix: corr.matrix, rows: axis, cols: axis, ...none, rowOrder: order, colOrder: [...order] };
  }
  const rowBlocks =
    options.splitRowsBy !== null
      ? blocksFromField(m.rowAnnotation, options.splitRowsBy, "splitRowsBy")
      : options.kmeansSplitRows !== null
        ? blocksFromKmeans(m, options.kmeansSplitRows, options, ctx)
        : null;
  const colBlocks =
    options.splitColsBy !== null
      ? blocksFromField(m.colAnnotation, options.splitColsBy, "splitColsBy")
      : null;
  if (!rowBlocks && !colBlocks) {
    const r = await clusterMatrix(m, options, ctx);
    const rowOrder = orderOf(r.rows, r.matrix.nrow);
    const colOrder = orderOf(r.cols, r.matrix.ncol);
    return { ...r, rowSplit: null, colSplit: null, rowOrder, colOrder };
  }
  let rows: AxisResult | null;
  let rowSplit: SplitResult | null = null;
  let rowOrder: number[];
  if (rowBlocks) {
    rowSplit = await clusterBlocks(m, rowBlocks, options, "rows", options.clusterRows, ctx);
    rows = rowSplit.joined ? { tree: rowSplit.joined, clusters: null } : null;
    rowOrder = rowSplit.order;
  } else {
    rows = (await clusterMatrix(m, { ...options, clusterCols: false }, ctx)).rows;
    rowOrder = orderOf(rows, m.nrow);
  }
  // the columns are clustered on the matrix in drawn row order, as pheatmap does
  const reordered = selectRows(m, rowOrder);
  let cols: AxisResult | null;
  let colSplit: SplitResult | null = null;
  let colOrder: number[];
  if (colBlocks) {
    colSplit = await clusterBlocks(
      transpose(reordered),
      colBlocks,
      options,
      "cols",
      options.clusterCols,
      ctx,
    );
    cols = colSplit.joined ? { tree: colSplit.joined, clusters: null } : null;
    colOrder = colSplit.order;
  } else {
    cols = (await clusterMatrix(reordered, { ...options, clusterRows: false }, ctx)).cols;
    colOrder = orderOf(cols, m.ncol);
  }
  return { matrix: m, rows, cols, rowSplit, colSplit, rowOrder, colOrder };
}
