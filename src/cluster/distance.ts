/**
 * Distances between the rows of a matrix (for columns, pass the transposed
 * matrix), as a condensed DistMatrix in R's `dist` order.
 *
 * The work is described by a DistanceJob of plain typed arrays so that
 * row ranges can be filled in parallel by workers (src/node/parallel.ts) into
 * one shared buffer; `distanceMatrix` fills every row on the calling thread.
 * Interleaving pairs is free, but each pair's sum runs over the columns in
 * order, so results are bit-identical whichever thread computes them.
 */
import { DataError } from "../errors.js";
import type { Matrix } from "../matrix.js";
import type { Distance } from "../options.js";
import {
  kendallDistance,
  type PearsonRows,
  pearsonDistanceExact,
  pearsonPairwiseExact,
  preparePearson,
  rankRows,
  spearmanPairwise,
} from "./correlation.js";
import {
  condensedOrigin,
  type DistMatrix,
  fullOrigin,
  mirrorUpper,
  pairCount,
  pairIndex,
  type RowOrigin,
} from "./dist-matrix.js";
import { PAIR_METRICS } from "./metrics.js";
import { type BelowCallback, euclideanRowsWasm, groupRows, pearsonDotRowsWasm } from "./wasm/kernels.js";

/** Everything needed to compute any range of rows of a distance matrix. */
export interface DistanceJob {
  readonly metric: Distance;
  readonly n: number;
  readonly p: number;
  readonly minkowskiP: number;
  /** Row-major values the metric reads (ranks of complete rows for spearman). */
  readonly data: Float64Array;
  readonly anyNA: boolean;
  /** Pearson-family rows (correlation, spearman). */
  readonly pearson: PearsonRows | null;
  /** Recompute a correlation pair exactly (R's long double bits) when its fast distance is below this. */
  readonly exactBelow: number;
}

export interface DistanceOptions {
  /** The power of the minkowski distance (default 2). */
  minkowskiP?: number;
  /**
   * Pearson pairs whose double-precision distance is below this are
   * recomputed with R's exact long double arithmetic (ties at 0, and 1e-12
   * relative accuracy for small distances). Default 1e-3; Infinity = all
   * pairs exact (the default for small matrices).
   */
  exactBelow?: number;
}

/** Up to this many pair × column operations, every correlation pair is computed exactly. */
const EXACT_ALL_BUDGET = 4e6;

/** Builds the job for a metric: validates values, precomputes per-row data. O(np). */
export function prepareDistanceJob(m: Matrix, metric: Distance, options: DistanceOptions = {}): DistanceJob {
  const { nrow: n, ncol: p, values } = m;
  let anyNA = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v !== v) anyNA = true;
    else if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      const i = Math.floor(k / p);
      throw new DataError(
        `row ${JSON.stringify(m.rowNames[i])}, column ${JSON.stringify(m.colNames[k % p])}: ` +
          `infinite value cannot be clustered (expected a finite number; try --log2 with a pseudocount)`,
      );
    }
  }
  const small = pairCount(n) * p <= EXACT_ALL_BUDGET;
  const exactBelow = options.exactBelow ?? (small ? Number.POSITIVE_INFINITY : 1e-3);
  let data = values;
  let pearson: PearsonRows | null = null;
  if (metric === "spearman") data = rankRows(values, n, p);
  if (metric === "correlation" || metric === "spearman") pearson = preparePearson(data, n, p);
  return { metric, n, p, minkowskiP: options.minkowskiP ?? 2, data, anyNA, pearson, exactBelow };
}

/**
 * Native distance kernels (Node's helper, native/distances.c; node/native.ts
 * hands them over), over the rows [i0, i1) of an n × p matrix in groups of 8
 * rows (groupRows), into out in layout 0 (the condensed triangle) or 1 (the
 * full matrix's upper half, i·n + j for j > i): the same bits as the other
 * kernels, in wider vectors.
 * - euclidRows: euclidean distances of rows without NAs;
 * - dotRows: Pearson's fast distances of unit rows, 1 − clamp(Σ u_ik u_jk),
 *   with flags[(i − i0)·⌈n/8⌉ + g] = 1 where one of row i's distances to
 *   the group g of 8 columns is not ≥ `below` (recomputed exactly after).
 */
export interface NativeDistances {
  euclidRows: NativeRowsKernel;
  dotRows: (...args: [...Parameters<NativeRowsKernel>, below: number, flags: Uint8Array]) => unknown;
}

/** The arguments both native kernels take (NativeDistances). */
type NativeRowsKernel = (
  grouped: Float64Array,
  n: number,
  p: number,
  i0: number,
  i1: number,
  out: Float64Array,
  layout: 0 | 1,
) => unknown;

let native: NativeDistances | null = null;

/** Sets (or, with null, removes) the native kernels that fillDistanceRows uses where they apply. */
export function setNativeDistances(kernels: NativeDistances | null): void {
  native = kernels;
}

/** Whether fillDistanceRows has native kernels on this thread. */
export function hasNativeDistances(): boolean {
  return native !== null;
}

/** Each job's rows in groups of 8 for the native kernels, made once per job and thread. */
const groupedRows = new WeakMap<DistanceJob, Float64Array>();

/** The rows the job's kernel reads (its unit rows for the Pearson family, else its data) in groups of 8. */
function groupedOf(job: DistanceJob): Float64Array {
  let grouped = groupedRows.get(job);
  if (!grouped) {
    const rows = job.pearson ? job.pearson.unit : job.data;
    grouped = groupRows(rows, job.n, job.p, new Float64Array(Math.ceil(job.n / 8) * 8 * job.p));
    groupedRows.set(job, grouped);
  }
  return grouped;
}

/**
 * The native kernels' layout number for a row origin: 1 for fullOrigin
 * (row 1 starts at n), 0 for condensedOrigin (row 1 starts at n − 3).
 */
function layoutOf(job: DistanceJob, origin: RowOrigin): 0 | 1 {
  return job.n > 1 && origin(1) === job.n ? 1 : 0;
}

/** euclideanRowsWasm's work by the native kernel; false (nothing written) when there is none. */
function euclideanRowsNative(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
): boolean {
  if (!native || job.p < 1) return false;
  native.euclidRows(groupedOf(job), job.n, job.p, i0, i1, out, layoutOf(job, origin));
  return true;
}

/**
 * pearsonDotRowsWasm's work by the native kernel: the fast distances, then
 * `onBelow` for each pair not ≥ below, found through the kernel's flags;
 * false (nothing written) when there is no native kernel.
 */
function pearsonDotRowsNative(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  below: number,
  onBelow: BelowCallback,
  origin: RowOrigin,
): boolean {
  if (!native || job.p < 1) return false;
  const { n, p } = job;
  const groups = Math.ceil(n / 8);
  const flags = new Uint8Array((i1 - i0) * groups);
  native.dotRows(groupedOf(job), n, p, i0, i1, out, layoutOf(job, origin), below, flags);
  for (let i = i0; i < i1; i++) {
    const at = origin(i);
    for (let g = (i + 1) >> 3; g < groups; g++) {
      if (flags[(i - i0) * groups + g] === 0) continue;
      for (let j = Math.max(i + 1, 8 * g); j < Math.min(n, 8 * g + 8); j++) {
        if (!(out[at + j] >= below)) onBelow(i, j, at + j);
      }
    }
  }
  return true;
}

/**
 * Fills the pairs (i, j), i0 ≤ i < i1, j > i, into out: either the condensed
 * triangle (n(n−1)/2 values, pair (i, j) at pairIndex) or the full symmetric
 * matrix (n² values, the full layout of dist-matrix.ts): then each row's
 * upper part is written at i·n + j and mirrored into column i of the rows
 * below (threads filling disjoint row ranges write disjoint entries).
 */
export function fillDistanceRows(job: DistanceJob, i0: number, i1: number, out: Float64Array): void {
  if (job.n > 1 && out.length >= job.n * job.n) fillFullRows(job, i0, i1, out);
  else fillCondensedRows(job, i0, i1, out, condensedOrigin(job.n));
}

/**
 * Rows per block of the full-layout fill: the block's upper halves are
 * filled, then mirrored into the lower half while they are recent.
 */
const FULL_BLOCK = 256;

/**
 * fillDistanceRows into the full layout: blocks of rows are filled straight
 * into their rows (i·n + j, j > i), then mirrored into the lower half in
 * tiles (mirrorUpper: the block's rows are read 64 columns at a time and
 * written down those columns' rows, whose lines and pages stay resident
 * across the tile). No scratch: a condensed scratch of 256 rows had cost
 * 41 MB per thread at 20,000 rows, a third of the memory the process needs
 * beyond the matrix.
 */
function fillFullRows(job: DistanceJob, i0: number, i1: number, out: Float64Array): void {
  const n = job.n;
  const origin = fullOrigin(n);
  for (let b0 = i0; b0 < i1; b0 += FULL_BLOCK) {
    const b1 = Math.min(i1, b0 + FULL_BLOCK);
    fillCondensedRows(job, b0, b1, out, origin);
    for (let i = b0; i < b1; i++) out[i * n + i] = 0;
    mirrorUpper(out, n, b0, b1);
  }
}

/** The upper-triangle fill, pair (i, j) at out[origin(i) + j]. */
function fillCondensedRows(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
): void {
  switch (job.metric) {
    case "correlation":
    case "spearman":
      fillPearsonRows(job, i0, i1, out, origin);
      return;
    case "kendall":
      fillPairRows(job, i0, i1, out, origin, (x, a, b, p) => kendallDistance(x, a, b, p));
      return;
    case "euclidean":
      if (!job.anyNA) {
        // the native kernel where Node has it, else WebAssembly's, else JavaScript's: the same bits
        if (!euclideanRowsNative(job, i0, i1, out, origin) && !euclideanRowsWasm(job, i0, i1, out, origin))
          fillEuclideanRows(job, i0, i1, out, origin);
        return;
      }
      fillPairRows(job, i0, i1, out, origin, PAIR_METRICS.euclidean);
      return;
    default:
      fillPairRows(job, i0, i1, out, origin, PAIR_METRICS[job.metric]);
  }
}

function fillPairRows(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
  metric: (x: Float64Array, a: number, b: number, p: number, mp: number) => number,
): void {
  const { n, p, data, minkowskiP } = job;
  for (let i = i0; i < i1; i++) {
    let idx = origin(i) + i + 1;
    for (let j = i + 1; j < n; j++) out[idx++] = metric(data, i * p, j * p, p, minkowskiP);
  }
}

/** Euclidean without NAs: four pairs at a time (each pair's sum still in column order). */
function fillEuclideanRows(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
): void {
  const { n, p, data: x } = job;
  for (let i = i0; i < i1; i++) {
    const a = i * p;
    let idx = origin(i) + i + 1;
    let j = i + 1;
    for (; j + 3 < n; j += 4) {
      const b0 = j * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < p; k++) {
        const v = x[a + k];
        const d0 = v - x[b0 + k];
        const d1 = v - x[b1 + k];
        const d2 = v - x[b2 + k];
        const d3 = v - x[b3 + k];
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      out[idx++] = Math.sqrt(s0);
      out[idx++] = Math.sqrt(s1);
      out[idx++] = Math.sqrt(s2);
      out[idx++] = Math.sqrt(s3);
    }
    for (; j < n; j++) {
      const b = j * p;
      let s = 0;
      for (let k = 0; k < p; k++) {
        const d = x[a + k] - x[b + k];
        s += d * d;
      }
      out[idx++] = Math.sqrt(s);
    }
  }
}

/**
 * Pearson (and Spearman on ranks): complete pairs by the fast unit-vector dot
 * product, recomputed exactly below `exactBelow`; pairs with NAs pairwise.
 */
function fillPearsonRows(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
): void {
  if (job.exactBelow !== Number.POSITIVE_INFINITY && fillPearsonRowsSimd(job, i0, i1, out, origin)) return;
  const { n, p, data, exactBelow } = job;
  const rows = job.pearson!;
  const { unit, hasNA } = rows;
  const pairwise = job.metric === "spearman" ? spearmanPairwise : pearsonPairwiseExact;
  for (let i = i0; i < i1; i++) {
    let idx = origin(i) + i + 1;
    const a = i * p;
    for (let j = i + 1; j < n; j++, idx++) {
      if (hasNA[i] || hasNA[j]) {
        out[idx] = pairwise(data, a, j * p, p);
        continue;
      }
      if (exactBelow === Number.POSITIVE_INFINITY) {
        out[idx] = pearsonDistanceExact(rows, i, j);
        continue;
      }
      const b = j * p;
      let r = 0;
      for (let k = 0; k < p; k++) r += unit[a + k] * unit[b + k];
      let d = 1 - (r >= 1 ? 1 : r <= -1 ? -1 : r);
      if (d < exactBelow || rows.sd[i] === 0 || rows.sd[j] === 0) d = pearsonDistanceExact(rows, i, j);
      out[idx] = d;
    }
  }
}

/**
 * fillPearsonRows with the fast pairs by the native kernel where Node has
 * it, else WebAssembly's; false when neither can run.
 */
function fillPearsonRowsSimd(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
): boolean {
  return fillPearsonRowsFast(
    job,
    i0,
    i1,
    out,
    origin,
    (onBelow) =>
      pearsonDotRowsNative(job, i0, i1, out, job.exactBelow, onBelow, origin) ||
      pearsonDotRowsWasm(job, i0, i1, out, job.exactBelow, onBelow, origin),
  );
}

/**
 * fillPearsonRows with the fast pairs by a kernel (`dot`: WebAssembly's or
 * the native one), which calls `onBelow` for each pair whose fast distance is
 * not ≥ exactBelow; false when it cannot run. As in fillPearsonRows' loop,
 * those pairs are recomputed exactly, pairs of constant rows too (their
 * fast distance is NaN), and pairs of rows with NAs pairwise.
 */
function fillPearsonRowsFast(
  job: DistanceJob,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
  dot: (onBelow: BelowCallback) => boolean,
): boolean {
  const { n, p, data } = job;
  const rows = job.pearson!;
  const { hasNA, sd } = rows;
  const pairwise = job.metric === "spearman" ? spearmanPairwise : pearsonPairwiseExact;
  const special = (i: number) => hasNA[i] === 1 || sd[i] === 0;
  const exact = (i: number, j: number) =>
    hasNA[i] || hasNA[j] ? pairwise(data, i * p, j * p, p) : pearsonDistanceExact(rows, i, j);
  const ok = dot((i, j, idx) => {
    if (!special(i) && !special(j)) out[idx] = exact(i, j);
  });
  if (!ok) return false;
  const specials: number[] = [];
  for (let j = 0; j < n; j++) if (special(j)) specials.push(j);
  if (specials.length === 0) return true;
  for (let i = i0; i < i1; i++) {
    const at = origin(i);
    if (special(i)) {
      for (let j = i + 1; j < n; j++) out[at + j] = exact(i, j);
    } else {
      for (const j of specials) if (j > i) out[at + j] = exact(i, j);
    }
  }
  return true;
}

/**
 * Splits rows 0 … n−1 into `parts` contiguous ranges holding about equal
 * numbers of pairs (row i holds n − 1 − i pairs). Returns the boundaries.
 */
export function splitRows(n: number, parts: number): number[] {
  const total = pairCount(n);
  const bounds = [0];
  let acc = 0;
  let next = total / parts;
  for (let i = 0; i < n && bounds.length < parts; i++) {
    acc += n - 1 - i;
    if (acc >= next) {
      bounds.push(i + 1);
      next += total / parts;
    }
  }
  while (bounds.length <= parts) bounds.push(n);
  return bounds;
}

/**
 * The distances between the rows of m, as R's `dist(m, method)` or
 * pheatmap's `1 − cor(t(m))`. O(n² p) time (O(n² p²) for kendall), n(n−1)/2
 * doubles of memory. Throws DataError when a distance is undefined (a
 * constant row under a correlation, rows without common columns) or
 * overflows (values so large that the distance is beyond a double).
 */
export function distanceMatrix(m: Matrix, metric: Distance, options: DistanceOptions = {}): DistMatrix {
  const job = prepareDistanceJob(m, metric, options);
  const values = new Float64Array(pairCount(job.n));
  fillDistanceRows(job, 0, job.n, values);
  const d = { n: job.n, values };
  checkDistances(d, m.rowNames, metric, { values: m.values, ncol: m.ncol, minkowskiP: job.minkowskiP });
  return d;
}

/**
 * Throws a DataError naming the first pair whose distance is not finite (NaN:
 * undefined; ±Infinity: overflow). With `rows` (the clustered matrix), the
 * message says which (see {@link undefinedDistanceError}).
 */
export function checkDistances(
  d: DistMatrix,
  names: readonly string[],
  metric: Distance,
  rows?: DistanceRows,
): void {
  const { n, values } = d;
  for (let idx = 0; idx < values.length; idx++) {
    if (values[idx] - values[idx] === 0) continue;
    let i = 0;
    while (pairIndex(n, i, n - 1) < idx) i++;
    throw undefinedDistanceError(names, i, idx - pairIndex(n, i, i + 1) + i + 1, metric, rows);
  }
}

/** The clustered rows, for saying why a distance is not finite: row-major values, ncol, the minkowski power. */
export interface DistanceRows {
  readonly values: Float64Array;
  readonly ncol: number;
  readonly minkowskiP?: number;
}

const OVERFLOW_HINT = "log-transform the values (log2) or divide them by a constant";

/**
 * Why the distance between rows i and j is not finite, from the rows
 * themselves: no (or fewer than 2) shared non-missing columns, a constant or
 * all-zero row, or else an overflow (the inputs are finite, so a non-finite
 * result with usable columns comes from a square, power, sum or product
 * beyond the largest double).
 */
function nonFiniteReason(
  metric: Distance,
  rows: DistanceRows,
  i: number,
  j: number,
  names: readonly string[],
): string {
  const { values, ncol: p } = rows;
  let shared = 0;
  let aConst = true;
  let bConst = true;
  let aZero = true;
  let bZero = true;
  let a0 = Number.NaN;
  let b0 = Number.NaN;
  for (let k = 0; k < p; k++) {
    const u = values[i * p + k];
    const v = values[j * p + k];
    if (u !== u || v !== v) continue;
    if (shared === 0) {
      a0 = u;
      b0 = v;
    }
    if (u !== a0) aConst = false;
    if (v !== b0) bConst = false;
    if (u !== 0) aZero = false;
    if (v !== 0) bZero = false;
    shared++;
  }
  const correlation = metric === "correlation" || metric === "spearman" || metric === "kendall";
  const overflow =
    "overflows: it is larger than the largest double" +
    (metric === "minkowski" && rows.minkowskiP !== undefined && rows.minkowskiP < 1
      ? ` (with minkowskiP ${rows.minkowskiP}, the sum is raised to the power ${1 / rows.minkowskiP}); ` +
        "use a minkowski power of at least 1"
      : `; the values are too large for the ${metric} distance: ${OVERFLOW_HINT}`);
  if (correlation) {
    if (shared < 2) return "is undefined: they share fewer than 2 non-missing columns; use another distance";
    const flat = aConst ? names[i] : bConst ? names[j] : null;
    if (flat !== undefined && flat !== null) {
      return (
        `is undefined: ${JSON.stringify(flat)} is constant over the columns they share; ` +
        "drop constant rows (scaling drops them) or use another distance"
      );
    }
    return metric === "correlation" ? overflow : "is undefined";
  }
  if (shared === 0) return "is undefined: they share no non-missing column";
  if (metric === "cosine" && (aZero || bZero)) {
    return `is undefined: ${JSON.stringify(aZero ? names[i] : names[j])} is 0 in every column they share`;
  }
  return overflow;
}

/**
 * The error for a non-finite distance between rows i and j. With `rows` (the
 * matrix whose rows were clustered, e.g. the Matrix itself), it says why:
 * undefined (no shared non-missing column, a constant row under a
 * correlation, an all-zero row under cosine) or an overflow (the distance is
 * larger than the largest double). Without `rows` it lists the possible
 * reasons.
 */
export function undefinedDistanceError(
  names: readonly string[],
  i: number,
  j: number,
  metric: Distance,
  rows?: DistanceRows,
): DataError {
  const pair = `the ${metric} distance between ${JSON.stringify(names[i])} and ${JSON.stringify(names[j])}`;
  if (rows) return new DataError(`${pair} ${nonFiniteReason(metric, rows, i, j, names)}`);
  const correlation = metric === "correlation" || metric === "spearman" || metric === "kendall";
  const why = correlation
    ? "one of them is constant or they share fewer than 2 non-missing columns; drop constant rows (scaling drops them) or use another distance"
    : "they share no non-missing column";
  return new DataError(
    `${pair} is not a finite number: ${why}, or the values are so large that it overflows (${OVERFLOW_HINT})`,
  );
}
