/**
 * The data the interactive viewer draws, built from a PipelineResult, and its
 * compact encoding for the single-file HTML export.
 *
 * What travels: the drawn values (Float32: the picture needs no more), the
 * original input value of each drawn cell when there is one (the tooltip), the
 * names, cutree clusters and annotations in drawn order, the color scale
 * (colors, breaks, NA color), the trees (hclust's merge and height), and the
 * Scene without its per-cell primitives (the viewer draws the cells from the
 * values on a canvas; every other group from the Scene).
 *
 * Encoding: `CHV1` + a JSON header + 8-byte aligned binary sections (typed
 * arrays, byte-shuffled as blosc does so that deflate finds the repeated
 * exponent bytes), deflated with fflate and written as base64. A 20,000 × 50
 * matrix of 4-decimal values takes about 3 MB of base64. Isomorphic: no
 * `node:` imports; the decoder runs in the browser.
 */
import { deflateSync, inflateSync } from "fflate";
import { defaultBreaks } from "../color/breaks.js";
import { resolvePalette } from "../color/palettes.js";
import type { Scene } from "../layout/scene.js";
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
    rowClusters: drawnClusters(result.rows, result.rowOrder),
    colClusters: drawnClusters(result.cols, result.colOrder),
    rowTracks: tracksOf(drawn.rowAnnotation),
    colTracks: tracksOf(drawn.colAnnotation),
    rowTree: treeOf(result.rows),
    colTree: treeOf(result.cols),
    scale: colorScaleOf(result),
    cellBorder: cellBorderOf(result.scene),
    scene: sceneWithoutCells(result.scene),
    valueLabel: o.legendTitle ?? (o.scale !== "none" ? "z-score" : "value"),
    options: result.scene?.provenance.options ?? {},
    warnings: [...result.warnings],
    title: o.main ?? "clusterheat",
  };
}

// ── encoding ────────────────────────────────────────────────────────────────

type ArrayKind = "f32" | "f64" | "i32" | "u8";
type Typed = Float32Array | Float64Array | Int32Array | Uint8Array;

const BINARY_FIELDS = [
  "values",
  "original",
  "originalRows",
  "originalCols",
  "rowClusters",
  "colClusters",
] as const;
const MAGIC = [0x43, 0x48, 0x56, 0x31]; // "CHV1"

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

/** Trees are split into their typed arrays, so that the JSON header holds no numbers lists. */
function treeSections(tree: PayloadTree | null, prefix: string): [string, Typed][] {
  if (!tree) return [];
  return [
    [`${prefix}.merge`, tree.merge],
    [`${prefix}.height`, tree.height],
    [`${prefix}.order`, tree.order],
  ];
}

const align8 = (n: number) => (n + 7) & ~7;

/** The payload as bytes (deflated). */
export function encodePayload(p: ViewerPayload): Uint8Array {
  const arrays: [string, Typed][] = [];
  for (const f of BINARY_FIELDS) {
    const a = p[f];
    if (a) arrays.push([f, a]);
  }
  arrays.push(...treeSections(p.rowTree, "rowTree"), ...treeSections(p.colTree, "colTree"));
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
    ...rest
  } = p;
  const header = new TextEncoder().encode(
    JSON.stringify({ ...rest, rowTree: rowTree !== null, colTree: colTree !== null, sections }),
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
    const probe = construct(s.kind, new ArrayBuffer(0), 0);
    const width = probe.BYTES_PER_ELEMENT;
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
  const { sections: _s, rowTree, colTree, ...rest } = header;
  return {
    ...rest,
    values: arrays.values as Float32Array,
    original: (arrays.original as Float32Array | undefined) ?? null,
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
