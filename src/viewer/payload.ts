/**
 * The data the interactive viewer draws, built from a PipelineResult, and its
 * compact encoding for the single-file HTML export.
 *
 * What travels: the original input value of each drawn cell, and the rule
 * that rebuilds the drawn values from it (see "the cells, compactly" below);
 * the names, cutree clusters and annotations in drawn order, the color scale
 * (colors, breaks, NA color), the trees (hclust's merge and height), and the
 * Scene without its per-cell primitives (the viewer draws the cells from the
 * values on a canvas; every other group from the Scene), its large geometry
 * arrays as typed arrays.
 *
 * Encoding: `CHV2` + a JSON header + 8-byte aligned binary sections (typed
 * arrays, byte-shuffled as blosc does so that deflate finds the repeated
 * high bytes), deflated with fflate and written as base64. A row-scaled
 * 20,000 × 50 matrix of 4-decimal values with its trees takes about 3.7 MB of
 * base64 (9.4 MB when drawn and original values both went as float32).
 * Isomorphic: no `node:` imports; the decoder runs in the browser.
 */
import { deflateSync, inflateSync } from "fflate";
import { defaultBreaks } from "../color/breaks.js";
import { resolvePalette } from "../color/palettes.js";
import { axisLabels } from "../layout/labels.js";
import type { AxisGeometry, BranchGeometry, Scene } from "../layout/scene.js";
import type { Annotation, Matrix } from "../matrix.js";
import type { PipelineResult } from "../pipeline.js";

/** One annotation track in drawn order. */
export type PayloadTrack =
  | { name: string; kind: "categorical"; values: (string | null)[] }
  | { name: string; kind: "continuous"; values: number[] };

/** A tree as hclust gives it, enough to find the leaves under a branch. */
export interface PayloadTree {
  /** (n − 1) × 2 merges, R's conventions (negative = leaf, 1-based). */
  merge: Int32Array;
  height: Float64Array;
  /** 1-based leaf order, left to right (the drawn order). */
  order: Int32Array;
}

/** The color scale: value v takes colors[i] when breaks[i] < v ≤ breaks[i + 1] (the lowest break included). */
export interface ColorScale {
  colors: string[];
  breaks: number[];
  naColor: string;
  /** The palette's name when it has one (the viewer's palette menu starts there). */
  palette: string | null;
}

export interface ViewerPayload {
  nrow: number;
  ncol: number;
  /** Drawn values, row-major, drawn order; NaN = missing. */
  values: Float32Array;
  /**
   * The input matrix's value of each drawn cell, row-major; null when the
   * drawn values are the input's (nothing transformed them). A cell whose row
   * or column is not in the input (k-means centers, averaged groups) has no
   * original: see `originalRows` / `originalCols`.
   */
  original: Float32Array | null;
  /** 1 when the drawn row / column exists in the input matrix (its original value can be shown). */
  originalRows: Uint8Array;
  originalCols: Uint8Array;
  rowNames: string[];
  colNames: string[];
  /**
   * The figure's label of each drawn row / column (`labelsRow`/`labelsCol`,
   * k-means cluster names; "" = no label, as with `showRownames: false`), or
   * null when the labels are the names.
   */
  rowLabels: string[] | null;
  colLabels: string[] | null;
  /** pheatmap's `angle_col` for the column labels (270: vertical, reading downwards). */
  angleCol: number;
  /** Cutree cluster of each drawn row / column (R's numbering), or null. */
  rowClusters: Int32Array | null;
  colClusters: Int32Array | null;
  rowTracks: PayloadTrack[];
  colTracks: PayloadTrack[];
  rowTree: PayloadTree | null;
  colTree: PayloadTree | null;
  scale: ColorScale;
  /** The cell borders of the figure (drawn when cells are large enough on screen), or null. */
  cellBorder: { color: string; width: number } | null;
  /** The figure without its cells group; null when the pipeline stopped before the layout. */
  scene: Scene | null;
  /**
   * The pseudocount when the drawn values went through log2(x + pseudocount),
   * else null: with it the encoder rebuilds the drawn values from the originals.
   */
  log2: number | null;
  /** What the values are, for the tooltip ("z-score", "value"). */
  valueLabel: string;
  /** Library options as given (provenance), and the pipeline's warnings. */
  options: Record<string, unknown>;
  warnings: string[];
  title: string;
}

// ── building ────────────────────────────────────────────────────────────────

function tracksOf(annotation: Annotation | undefined): PayloadTrack[] {
  if (!annotation) return [];
  return annotation.tracks.map((t) =>
    t.kind === "continuous"
      ? { name: t.name, kind: "continuous", values: Array.from(t.values) }
      : { name: t.name, kind: "categorical", values: [...t.values] },
  );
}

function treeOf(axis: PipelineResult["rows"]): PayloadTree | null {
  if (!axis) return null;
  const { merge, height, order } = axis.tree;
  return { merge: Int32Array.from(merge), height: Float64Array.from(height), order: Int32Array.from(order) };
}

function drawnClusters(axis: PipelineResult["rows"], order: readonly number[]): Int32Array | null {
  const clusters = axis?.clusters;
  return clusters ? Int32Array.from(order, (i) => clusters[i]) : null;
}

/** Index of each name in `names`, or -1 (first occurrence wins). */
function indexIn(names: readonly string[], wanted: readonly string[]): Int32Array {
  const where = new Map<string, number>();
  names.forEach((n, i) => {
    if (!where.has(n)) where.set(n, i);
  });
  return Int32Array.from(wanted, (n) => where.get(n) ?? -1);
}

/**
 * Original values for the drawn cells. Rows of k-means centers and columns of
 * averaged groups have no single original value: they are marked absent even
 * when a name happens to match an input name.
 */
function originalValues(result: PipelineResult): {
  original: Float32Array | null;
  rows: Uint8Array;
  cols: Uint8Array;
} {
  const { input, drawn, options } = result;
  const rowIndex = result.kmeans
    ? new Int32Array(drawn.nrow).fill(-1)
    : indexIn(input.rowNames, drawn.rowNames);
  const colIndex = options.aggregateColsBy
    ? new Int32Array(drawn.ncol).fill(-1)
    : indexIn(input.colNames, drawn.colNames);
  const rows = Uint8Array.from(rowIndex, (i) => (i >= 0 ? 1 : 0));
  const cols = Uint8Array.from(colIndex, (j) => (j >= 0 ? 1 : 0));
  const original = new Float32Array(drawn.nrow * drawn.ncol).fill(Number.NaN);
  let same = rows.every((x) => x === 1) && cols.every((x) => x === 1);
  for (let r = 0; r < drawn.nrow; r++) {
    const i = rowIndex[r];
    for (let c = 0; c < drawn.ncol; c++) {
      const j = colIndex[c];
      if (i < 0 || j < 0) continue;
      const v = input.values[i * input.ncol + j];
      original[r * drawn.ncol + c] = v;
      const d = drawn.values[r * drawn.ncol + c];
      if (same && !(v === d || (Number.isNaN(v) && Number.isNaN(d)))) same = false;
    }
  }
  return { original: same ? null : original, rows, cols };
}

/**
 * The default palette rule of clusterheat (schema `color`): RdBu_r centred at
 * 0 when the data are scaled or cross 0, viridis otherwise; pheatmap's own
 * palette and breaks with `style: "pheatmap"`.
 */
export function colorScaleOf(result: PipelineResult): ColorScale {
  const o = result.options;
  const values = result.drawn.values;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const scaled = o.scale !== "none";
  const crosses = lo < 0 && hi > 0;
  const pheatmapStyle = o.style === "pheatmap";
  const spec = o.color ?? (pheatmapStyle ? "pheatmap" : scaled || crosses ? "RdBu_r" : "viridis");
  const n = o.breaks ? o.breaks.length - 1 : o.colorSteps;
  const colors = resolvePalette(spec, n, { classes: o.colorClasses ?? undefined });
  const centered = pheatmapStyle ? scaled : scaled || crosses;
  const breaks = o.breaks ?? defaultBreaks(values, n, centered);
  return { colors, breaks, naColor: o.naCol, palette: typeof spec === "string" ? spec : null };
}

/** The Scene without its per-cell group (the viewer draws cells from the values). */
function sceneWithoutCells(scene: Scene | null): Scene | null {
  if (!scene) return null;
  return { ...scene, groups: scene.groups.filter((g) => g.name !== "cells") };
}

/** The outline of the figure's cells (the first stroked rect of the cells group). */
function cellBorderOf(scene: Scene | null): { color: string; width: number } | null {
  const cells = scene?.groups.find((g) => g.name === "cells");
  for (const p of cells?.items ?? []) {
    if (p.type === "rect" && p.stroke) return { color: p.stroke, width: p.strokeWidth ?? 1 };
  }
  return null;
}

/** The figure's labels in drawn order (as the layout makes them), or null when they are the names. */
function drawnLabels(result: PipelineResult, axis: "rows" | "cols"): string[] | null {
  const o = result.options;
  const rows = axis === "rows";
  const drawnNames = rows ? result.drawn.rowNames : result.drawn.colNames;
  const order = rows ? result.rowOrder : result.colOrder;
  const source = result.clustered?.matrix ?? result.prepared;
  const names = rows ? source.rowNames : source.colNames;
  let labels: string[];
  if (rows && result.kmeans)
    labels = [...names]; // the centers, named as pheatmap names them
  else labels = axisLabels(names, rows ? o.labelsRow : o.labelsCol, rows ? "labelsRow" : "labelsCol");
  let drawn = order.length === drawnNames.length ? order.map((i) => labels[i] ?? "") : [...drawnNames];
  if (!(rows ? o.showRownames : o.showColnames)) drawn = drawn.map(() => "");
  return drawn.every((l, i) => l === drawnNames[i]) ? null : drawn;
}

/** The viewer's data from a pipeline run (stopped at `cluster` or at `figure`). */
export function buildPayload(result: PipelineResult): ViewerPayload {
  const drawn: Matrix = result.drawn;
  const { original, rows, cols } = originalValues(result);
  const o = result.options;
  return {
    nrow: drawn.nrow,
    ncol: drawn.ncol,
    values: Float32Array.from(drawn.values),
    original,
    originalRows: rows,
    originalCols: cols,
    rowNames: [...drawn.rowNames],
    colNames: [...drawn.colNames],
    rowLabels: drawnLabels(result, "rows"),
    colLabels: drawnLabels(result, "cols"),
    angleCol: o.angleCol,
    rowClusters: drawnClusters(result.rows, result.rowOrder),
    colClusters: drawnClusters(result.cols, result.colOrder),
    rowTracks: tracksOf(drawn.rowAnnotation),
    colTracks: tracksOf(drawn.colAnnotation),
    rowTree: treeOf(result.rows),
    colTree: treeOf(result.cols),
    scale: colorScaleOf(result),
    cellBorder: cellBorderOf(result.scene),
    scene: sceneWithoutCells(result.scene),
    log2: o.log2 ?? null,
    valueLabel: o.legendTitle ?? (o.scale !== "none" ? "z-score" : "value"),
    options: result.scene?.provenance.options ?? {},
    warnings: [...result.warnings],
    title: o.main ?? "clusterheat",
  };
}

// ── encoding ────────────────────────────────────────────────────────────────

type ArrayKind = "f32" | "f64" | "i32" | "u8";
type Typed = Float32Array | Float64Array | Int32Array | Uint8Array;

const MAGIC = [0x43, 0x48, 0x56, 0x32]; // "CHV2"

function kindOf(a: Typed): ArrayKind {
  if (a instanceof Float32Array) return "f32";
  if (a instanceof Float64Array) return "f64";
  if (a instanceof Int32Array) return "i32";
  return "u8";
}

function construct(kind: ArrayKind, buffer: ArrayBuffer, length: number): Typed {
  switch (kind) {
    case "f32":
      return new Float32Array(buffer, 0, length);
    case "f64":
      return new Float64Array(buffer, 0, length);
    case "i32":
      return new Int32Array(buffer, 0, length);
    case "u8":
      return new Uint8Array(buffer, 0, length);
  }
}

const WIDTH: Record<ArrayKind, number> = { f32: 4, f64: 8, i32: 4, u8: 1 };

/** Byte planes: all first bytes, then all second bytes… (blosc's shuffle); deflate then sees runs. */
function shuffle(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) return bytes;
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) {
    const base = b * n;
    for (let i = 0; i < n; i++) out[base + i] = bytes[i * width + b];
  }
  return out;
}

function unshuffle(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) return bytes.slice();
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) {
    const base = b * n;
    for (let i = 0; i < n; i++) out[i * width + b] = bytes[base + i];
  }
  return out;
}

interface Section {
  field: string;
  kind: ArrayKind;
  length: number;
  offset: number;
}

const align8 = (n: number) => (n + 7) & ~7;

// ── the cells, compactly ────────────────────────────────────────────────────
//
// The cells travel as one "base" matrix and, when the drawn values are not the
// base, a rule that rebuilds them from it:
// - the base is the original input values (or the drawn values when nothing
//   transformed them). Values with at most 6 decimals (what a TSV holds) go as
//   integers (value × 10^k) minus the row's smallest, as Int32 byte planes:
//   about 2 bytes a value for 4-decimal data, against 4 as float32 (and every
//   value comes back as the same float32). Other values go as float32.
// - the drawn values are, for the pipeline's transforms (scale, standardScale,
//   after an optional log2(x + pseudocount)), an affine function of the base
//   per row or per column: drawn = a + b · g(base). The encoder fits a and b,
//   rebuilds every cell exactly as the decoder will, and keeps as exceptions
//   the cells whose rebuilt value would differ by more than 1e-5 (relative) or
//   fall into another color of the scale: the picture is exactly the figure's,
//   the tooltip's drawn value right to well beyond the 4 digits it shows.
//   When that does not hold for 95% of the cells, the drawn values travel as
//   float32.

const NA_CODE = -1;
const MAX_DECIMALS = 6;

interface BaseCells {
  /** What the decoder reads back, as doubles (the float32 base values are these, rounded). */
  decoded: Float64Array;
  header: { mode: "decimal"; decimals: number } | { mode: "f32" };
  arrays: [string, Typed][];
}

function decimalsOf(v: Float32Array): number | null {
  for (const x of v) if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) return null;
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const s = 10 ** k;
    let ok = true;
    for (let i = 0; i < v.length && ok; i++) {
      const x = v[i];
      if (x !== x) continue; // NaN
      const n = Math.round(x * s);
      ok = Math.abs(n) < 2 ** 29 && Math.fround(n / s) === x;
    }
    if (ok) return k;
  }
  return null;
}

function encodeBase(v: Float32Array, nrow: number, ncol: number): BaseCells {
  const decimals = decimalsOf(v);
  if (decimals === null) {
    return { decoded: Float64Array.from(v), header: { mode: "f32" }, arrays: [["cells.base", v]] };
  }
  const s = 10 ** decimals;
  const decoded = new Float64Array(v.length);
  const rowMin = new Int32Array(nrow);
  const codes = new Int32Array(v.length);
  for (let r = 0; r < nrow; r++) {
    let min = Number.POSITIVE_INFINITY;
    for (let c = 0; c < ncol; c++) {
      const x = v[r * ncol + c];
      if (x === x) min = Math.min(min, Math.round(x * s));
    }
    rowMin[r] = Number.isFinite(min) ? min : 0;
    for (let c = 0; c < ncol; c++) {
      const k = r * ncol + c;
      const x = v[k];
      if (x !== x) {
        codes[k] = NA_CODE;
        decoded[k] = Number.NaN;
      } else {
        const n = Math.round(x * s);
        codes[k] = n - rowMin[r];
        decoded[k] = n / s;
      }
    }
  }
  return {
    decoded,
    header: { mode: "decimal", decimals },
    arrays: [
      ["cells.rowMin", rowMin],
      ["cells.base", codes],
    ],
  };
}

function decodeBase(
  header: BaseCells["header"],
  arrays: Record<string, Typed>,
  nrow: number,
  ncol: number,
): Float64Array {
  if (header.mode === "f32") return Float64Array.from(arrays["cells.base"] as Float32Array);
  const s = 10 ** header.decimals;
  const rowMin = arrays["cells.rowMin"] as Int32Array;
  const codes = arrays["cells.base"] as Int32Array;
  const out = new Float64Array(codes.length);
  for (let r = 0; r < nrow; r++) {
    for (let c = 0; c < ncol; c++) {
      const k = r * ncol + c;
      out[k] = codes[k] === NA_CODE ? Number.NaN : (codes[k] + rowMin[r]) / s;
    }
  }
  return out;
}

type DrawnHeader =
  | { mode: "same" }
  | { mode: "f32" }
  | { mode: "rows" | "cols"; log2: number | null; exceptions: number };

const inner = (mode: "rows" | "cols", nrow: number, ncol: number) =>
  mode === "rows"
    ? { groups: nrow, members: ncol, at: (g: number, m: number) => g * ncol + m }
    : { groups: ncol, members: nrow, at: (g: number, m: number) => m * ncol + g };

/** g(base): the transform before the affine one (log2(x + pseudocount), or none). */
function pretransform(base: Float64Array, log2: number | null): Float64Array {
  if (log2 === null) return base;
  return base.map((x) => Math.log2(x + log2));
}

/** a + b · gx per group, as float32: the one formula encoder and decoder share. */
function rebuild(
  gx: Float64Array,
  a: Float64Array,
  b: Float64Array,
  mode: "rows" | "cols",
  nrow: number,
  ncol: number,
) {
  const out = new Float32Array(gx.length);
  const { groups, members, at } = inner(mode, nrow, ncol);
  for (let g = 0; g < groups; g++) {
    for (let m = 0; m < members; m++) {
      const k = at(g, m);
      out[k] = a[g] + b[g] * gx[k];
    }
  }
  return out;
}

function fitAffine(
  drawn: Float32Array,
  gx: Float64Array,
  mode: "rows" | "cols",
  nrow: number,
  ncol: number,
  breaks: readonly number[],
): { a: Float64Array; b: Float64Array; except: Int32Array } {
  const { groups, members, at } = inner(mode, nrow, ncol);
  const a = new Float64Array(groups);
  const b = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let lo = -1;
    let hi = -1;
    for (let m = 0; m < members; m++) {
      const k = at(g, m);
      if (!Number.isFinite(gx[k]) || !Number.isFinite(drawn[k])) continue;
      if (lo < 0 || gx[k] < gx[lo]) lo = k;
      if (hi < 0 || gx[k] > gx[hi]) hi = k;
    }
    if (lo < 0) {
      a[g] = Number.NaN;
    } else if (gx[hi] === gx[lo]) {
      a[g] = drawn[lo];
    } else {
      b[g] = (drawn[hi] - drawn[lo]) / (gx[hi] - gx[lo]);
      a[g] = drawn[lo] - b[g] * gx[lo];
    }
  }
  const rebuilt = rebuild(gx, a, b, mode, nrow, ncol);
  const except: number[] = [];
  for (let k = 0; k < drawn.length; k++) {
    const x = rebuilt[k];
    const d = drawn[k];
    if (x === d || (x !== x && d !== d)) continue;
    const close =
      Number.isFinite(x) &&
      Number.isFinite(d) &&
      Math.abs(x - d) <= 1e-5 * Math.max(1, Math.abs(d)) &&
      colorIndex(x, breaks) === colorIndex(d, breaks);
    if (!close) except.push(k);
  }
  return { a, b, except: Int32Array.from(except) };
}

function encodeDrawn(
  p: ViewerPayload,
  base: Float64Array,
): { header: DrawnHeader; arrays: [string, Typed][] } {
  if (p.original === null) return { header: { mode: "same" }, arrays: [] };
  const gx = pretransform(base, p.log2);
  let best: { mode: "rows" | "cols"; fit: ReturnType<typeof fitAffine> } | null = null;
  for (const mode of ["rows", "cols"] as const) {
    const fit = fitAffine(p.values, gx, mode, p.nrow, p.ncol, p.scale.breaks);
    if (!best || fit.except.length < best.fit.except.length) best = { mode, fit };
    if (fit.except.length === 0) break;
  }
  if (!best || best.fit.except.length > p.values.length / 20) {
    return { header: { mode: "f32" }, arrays: [["cells.drawn", p.values]] };
  }
  const { a, b, except } = best.fit;
  return {
    header: { mode: best.mode, log2: p.log2, exceptions: except.length },
    arrays: [
      ["cells.a", a],
      ["cells.b", b],
      ["cells.exceptAt", except],
      ["cells.exceptValue", Float32Array.from(except, (k) => p.values[k])],
    ],
  };
}

function decodeDrawn(
  header: DrawnHeader,
  arrays: Record<string, Typed>,
  base: Float64Array,
  nrow: number,
  ncol: number,
): Float32Array {
  if (header.mode === "same") return Float32Array.from(base);
  if (header.mode === "f32") return arrays["cells.drawn"] as Float32Array;
  const gx = pretransform(base, header.log2);
  const out = rebuild(
    gx,
    arrays["cells.a"] as Float64Array,
    arrays["cells.b"] as Float64Array,
    header.mode,
    nrow,
    ncol,
  );
  const at = arrays["cells.exceptAt"] as Int32Array;
  const value = arrays["cells.exceptValue"] as Float32Array;
  for (let i = 0; i < at.length; i++) out[at[i]] = value[i];
  return out;
}

// ── the Scene's geometry, compactly ─────────────────────────────────────────
// 20,000 rows make 20,000 branch boxes and 3 × 20,000 numbers per axis: as
// JSON they would be most of the file; they travel as typed arrays.

function packAxis(a: AxisGeometry, names: readonly string[], prefix: string, out: [string, Typed][]) {
  out.push([`${prefix}.index`, Int32Array.from(a.index)], [`${prefix}.start`, Float64Array.from(a.start)]);
  if (a.clusters) out.push([`${prefix}.clusters`, Int32Array.from(a.clusters)]);
  const same = a.names.length === names.length && a.names.every((n, i) => n === names[i]);
  return { size: a.size, names: same ? null : a.names, clusters: a.clusters !== null };
}

function unpackAxis(
  h: { size: number; names: string[] | null; clusters: boolean },
  names: string[],
  prefix: string,
  arrays: Record<string, Typed>,
): AxisGeometry {
  return {
    names: h.names ?? names,
    index: Array.from(arrays[`${prefix}.index`]),
    start: Array.from(arrays[`${prefix}.start`]),
    size: h.size,
    clusters: h.clusters ? Array.from(arrays[`${prefix}.clusters`]) : null,
  };
}

const BRANCH_NUMBERS = ["x", "y", "width", "height"] as const;
const BRANCH_INTS = ["step", "first", "last"] as const;

function packTree(t: BranchGeometry[] | null, prefix: string, out: [string, Typed][]): boolean {
  if (!t) return false;
  for (const f of BRANCH_NUMBERS) out.push([`${prefix}.${f}`, Float64Array.from(t, (b) => b[f])]);
  for (const f of BRANCH_INTS) out.push([`${prefix}.${f}`, Int32Array.from(t, (b) => b[f])]);
  return true;
}

function unpackTree(
  present: boolean,
  prefix: string,
  arrays: Record<string, Typed>,
): BranchGeometry[] | null {
  if (!present) return null;
  const col = (f: string) => arrays[`${prefix}.${f}`];
  const n = col("step").length;
  const [x, y, width, height, step, first, last] = [...BRANCH_NUMBERS, ...BRANCH_INTS].map(col);
  return Array.from({ length: n }, (_, i) => ({
    step: step[i],
    x: x[i],
    y: y[i],
    width: width[i],
    height: height[i],
    first: first[i],
    last: last[i],
  }));
}

// ── the whole payload ───────────────────────────────────────────────────────

/** Trees are split into their typed arrays, so that the JSON header holds no numbers lists. */
function treeSections(tree: PayloadTree | null, prefix: string): [string, Typed][] {
  if (!tree) return [];
  return [
    [`${prefix}.merge`, tree.merge],
    [`${prefix}.height`, tree.height],
    [`${prefix}.order`, tree.order],
  ];
}

/** The payload as bytes (deflated). */
export function encodePayload(p: ViewerPayload): Uint8Array {
  const base = encodeBase(p.original ?? p.values, p.nrow, p.ncol);
  const drawn = encodeDrawn(p, base.decoded);
  const arrays: [string, Typed][] = [...base.arrays, ...drawn.arrays];
  arrays.push(["originalRows", p.originalRows], ["originalCols", p.originalCols]);
  if (p.rowClusters) arrays.push(["rowClusters", p.rowClusters]);
  if (p.colClusters) arrays.push(["colClusters", p.colClusters]);
  arrays.push(...treeSections(p.rowTree, "rowTree"), ...treeSections(p.colTree, "colTree"));
  let scene: unknown = null;
  if (p.scene) {
    const g = p.scene.geometry;
    scene = {
      ...p.scene,
      geometry: {
        cells: g.cells,
        rows: packAxis(g.rows, p.rowNames, "geometry.rows", arrays),
        cols: packAxis(g.cols, p.colNames, "geometry.cols", arrays),
        rowTree: packTree(g.rowTree, "geometry.rowTree", arrays),
        colTree: packTree(g.colTree, "geometry.colTree", arrays),
      },
    };
  }
  const sections: Section[] = [];
  let offset = 0;
  for (const [field, a] of arrays) {
    sections.push({ field, kind: kindOf(a), length: a.length, offset });
    offset = align8(offset + a.byteLength);
  }
  const {
    values,
    original,
    originalRows,
    originalCols,
    rowClusters,
    colClusters,
    rowTree,
    colTree,
    scene: _scene,
    ...rest
  } = p;
  const header = new TextEncoder().encode(
    JSON.stringify({
      ...rest,
      scene,
      cells: { base: base.header, drawn: drawn.header, original: original !== null },
      rowTree: rowTree !== null,
      colTree: colTree !== null,
      sections,
    }),
  );
  const start = align8(8 + header.length);
  const bytes = new Uint8Array(start + offset);
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, header.length, true);
  bytes.set(header, 8);
  arrays.forEach(([, a], k) => {
    const raw = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    bytes.set(shuffle(raw, a.BYTES_PER_ELEMENT), start + sections[k].offset);
  });
  return deflateSync(bytes, { level: 6 });
}

/** Reads bytes made by {@link encodePayload}. */
export function decodePayload(deflated: Uint8Array): ViewerPayload {
  const bytes = inflateSync(deflated);
  if (!MAGIC.every((m, i) => bytes[i] === m)) throw new Error("not a clusterheat viewer payload (bad magic)");
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  const start = align8(8 + length);
  const arrays: Record<string, Typed> = {};
  for (const s of header.sections as Section[]) {
    const width = WIDTH[s.kind];
    const raw = bytes.subarray(start + s.offset, start + s.offset + s.length * width);
    arrays[s.field] = construct(s.kind, unshuffle(raw, width).buffer as ArrayBuffer, s.length);
  }
  const tree = (prefix: string, present: boolean): PayloadTree | null =>
    present
      ? {
          merge: arrays[`${prefix}.merge`] as Int32Array,
          height: arrays[`${prefix}.height`] as Float64Array,
          order: arrays[`${prefix}.order`] as Int32Array,
        }
      : null;
  const { sections: _s, rowTree, colTree, cells, scene: packed, ...rest } = header;
  const { nrow, ncol } = rest as { nrow: number; ncol: number };
  const base = decodeBase(cells.base, arrays, nrow, ncol);
  const values = decodeDrawn(cells.drawn, arrays, base, nrow, ncol);
  let scene: Scene | null = null;
  if (packed) {
    const g = packed.geometry;
    scene = {
      ...packed,
      geometry: {
        cells: g.cells,
        rows: unpackAxis(g.rows, rest.rowNames, "geometry.rows", arrays),
        cols: unpackAxis(g.cols, rest.colNames, "geometry.cols", arrays),
        rowTree: unpackTree(g.rowTree, "geometry.rowTree", arrays),
        colTree: unpackTree(g.colTree, "geometry.colTree", arrays),
      },
    };
  }
  return {
    ...rest,
    scene,
    values,
    original: cells.original ? Float32Array.from(base) : null,
    originalRows: arrays.originalRows as Uint8Array,
    originalCols: arrays.originalCols as Uint8Array,
    rowClusters: (arrays.rowClusters as Int32Array | undefined) ?? null,
    colClusters: (arrays.colClusters as Int32Array | undefined) ?? null,
    rowTree: tree("rowTree", rowTree),
    colTree: tree("colTree", colTree),
  };
}

// ── base64, isomorphic ──────────────────────────────────────────────────────

const CHUNK = 0x8000;

/** Bytes → base64 (btoa exists in browsers and in Node ≥ 16). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(""));
}

/** base64 → bytes (white space ignored). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ""));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

// ── reading values for display ──────────────────────────────────────────────

/**
 * The shortest decimal text that reads back to the same float32 (the values
 * travel as float32, so `14.7634` shows as written, not as 14.763400077…).
 */
export function formatFloat32(v: number): string {
  if (Number.isNaN(v)) return "NA";
  if (!Number.isFinite(v)) return v > 0 ? "Inf" : "-Inf";
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const text = Number(f.toPrecision(p));
    if (Math.fround(text) === f) return String(text);
  }
  return String(f);
}

/**
 * A drawn value for the tooltip: 4 significant digits, never fewer than the
 * integer part and one decimal (-1.235, 0.01235, 123.5, 12345.7); the shortest
 * float32 text when that is shorter (2, 0.5). Drawn values are computed
 * (z-scores, logs): their 9th digit says nothing.
 */
export function formatDrawn(v: number): string {
  if (!Number.isFinite(v)) return formatFloat32(v);
  const short = formatFloat32(v);
  const a = Math.abs(v);
  const text =
    a >= 1
      ? String(Number(v.toFixed(Math.max(1, 4 - (Math.floor(Math.log10(a)) + 1)))))
      : String(Number(v.toPrecision(4)));
  return short.length <= text.length ? short : text;
}

/** Index of a value's color, or -1 for NA (values beyond the breaks take the end colors). */
export function colorIndex(v: number, breaks: readonly number[]): number {
  if (Number.isNaN(v)) return -1;
  const n = breaks.length - 1;
  if (v <= breaks[0]) return 0;
  if (v > breaks[n]) return n - 1;
  let lo = 0;
  let hi = n; // breaks[lo] < v ≤ breaks[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v <= breaks[mid]) hi = mid;
    else lo = mid;
  }
  return lo;
}
