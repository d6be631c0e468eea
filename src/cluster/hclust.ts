/**
 * Agglomerative hierarchical clustering that gives the very same tree as
 * R's `hclust` (stats, Fortran routine by F. Murtagh), ties included.
 *
 * Procedure (R's, which decides ties; 0-based here):
 * - every row i keeps NN(i): the first j > i with the smallest distance
 *   (strict <, so the smallest such j), and DISNN(i);
 * - each step picks the smallest i whose DISNN is strictly least, merges i
 *   with NN(i); the smaller index survives and carries the merged cluster;
 * - distances from the survivor to every other active k are updated by the
 *   method's Lance–Williams formula (updates.ts); for k < survivor, NN(k)
 *   becomes the survivor only when the new distance is strictly smaller;
 *   the survivor's NN is the first strict minimum over active k > it;
 * - rows whose NN was either merged index recompute NN.
 * `ward.D2` squares the input distances first and reports sqrt heights.
 *
 * This is not the nearest-neighbour-chain algorithm (fastcluster, scipy):
 * that one gives the same trees only when there are no ties.
 *
 * Complexity: O(n²) typical, O(n³) worst case time; the distance matrix is
 * updated in place (a copy unless `inPlace`). Two layouts (dist-matrix.ts):
 * the condensed triangle (n(n−1)/2 doubles), where each merge reads and
 * writes a column of the triangle, one cache line and one memory page per
 * value; or the full symmetric matrix (n² doubles), where each merge reads
 * the two merged rows and writes the survivor's row contiguously, and the
 * mirrored column writes are batched (mirror.ts). Same merges either way:
 * the layout changes where a value is read, never its bits or the order of
 * the scans. When the distances were filled in a WebAssembly memory
 * (wasm/linkage.ts, as cluster-matrix.ts does), the state goes there too and
 * the loops run in WebAssembly (in Node with its native helper, the packed
 * layout's update in C, native/linkage.c): the same operations in the same
 * order. Reference: Murtagh, F. (1985) "Multidimensional Clustering Algorithms",
 * COMPSTAT Lectures 4; R's `?hclust`.
 */
import { CancelledError, DataError, UsageError } from "../errors.js";
import type { Distance, Method } from "../options.js";
import { condensedOrigin, type DistMatrix, fullOrigin } from "./dist-matrix.js";
import { DeferredMirror, MIRROR_BATCH, mirrorColumns } from "./mirror.js";
import { Tournament } from "./tournament.js";
import { hclustOrder, type Tree } from "./tree.js";
import { UPDATES, type Update } from "./updates.js";
import { type LinkageKernel, linkageArenaOf, linkageKernel } from "./wasm/linkage.js";

/** A distance that is NaN or infinite; `i`, `j` are the 0-based observations. */
export class NonFiniteDistanceError extends DataError {
  readonly i: number;
  readonly j: number;
  constructor(labels: readonly string[], i: number, j: number, value: number) {
    super(
      `the distance between ${JSON.stringify(labels[i])} and ${JSON.stringify(labels[j])} is ${value} ` +
        "(expected a finite number): hclust cannot use it",
    );
    this.i = i;
    this.j = j;
  }
}

export interface HclustOptions {
  /** Overwrite the distances instead of copying them (saves n(n−1)/2 doubles). */
  inPlace?: boolean;
  /** Called now and then with (merges done, merges in all). */
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /**
   * Runs a step's Lance–Williams updates (default: updateRange over every
   * active position on this thread). A parallel driver splits the positions
   * between threads that share the state's memory (parallel/hclust-driver.ts).
   * `out` has 4 entries: out[0], out[1] as updateRange's; out[2] is −1 on
   * entry, and an updateAll that finds step 3's lists in its pass (updateRange
   * with `collect` over positions [0, nActive)) leaves their lengths in out[2]
   * and out[3]; otherwise hclust finds them in a second pass.
   */
  updateAll?: (state: HclustState, m: StepMerge, out: Float64Array) => void;
  /** Runs step 3's rescans of rows list[0 … count) (default: rescanRows on this thread). */
  rescanAll?: (state: HclustState, nActive: number, list: Int32Array, count: number) => void;
  /** Full layout: survivors' columns mirrored per batch of this many (default 64; tests use small ones). */
  mirrorBatch?: number;
  /** Full layout: mirrors a batch of columns into the active rows (default: mirrorColumns on this thread). */
  mirrorAll?: (state: HclustState, cols: Int32Array, m: number, nActive: number) => void;
  /**
   * Runs step 0 (initRows) over the rows [r0, r1) (default: initRows on this
   * thread; a parallel driver splits the rows). Sets bad[0], bad[1] to the
   * first non-finite pair in row order, if any.
   */
  initAll?: (state: HclustState, squared: boolean, r0: number, r1: number, bad: Float64Array) => void;
  /**
   * Step 0's results, found while the distances were filled (used when its
   * flag says done and the method is not ward.D2, which squares first).
   */
  first?: FirstNeighbours;
  /** Allocates the state's arrays (a parallel driver puts them in shared memory). */
  allocate?: <T extends Float64Array | Int32Array>(kind: "f64" | "i32", length: number) => T;
}

/**
 * The working state of R's procedure, as plain typed arrays so that it can
 * live in shared memory. The pair (i, j), i < j, is at `rowBase[i] + j`.
 */
export interface HclustState {
  readonly n: number;
  /** The layout of diss: the condensed triangle, or the full symmetric matrix (dist-matrix.ts). */
  readonly full: boolean;
  readonly diss: Float64Array;
  /** d(i, j) is at rowBase[i] + j (i < j; in the full layout, any i ≠ j). */
  readonly rowBase: Float64Array | Int32Array;
  /** Cluster sizes, by the index of the observation that carries the cluster. */
  readonly size: Float64Array;
  /** Active observations in increasing order (scans must run in index order); nActive in meta[0]. */
  readonly active: Int32Array;
  readonly nn: Int32Array;
  readonly disnn: Float64Array;
  /** Step (1-based) at which row k's NN became the survivor by strict improvement. */
  readonly settled: Int32Array;
  /** Scratch: the rows to rescan in step 3. */
  readonly rescan: Int32Array;
  /** Full layout: the step at which each row was last written whole, and a batch of columns to mirror (mirror.ts). */
  readonly stamp: Int32Array;
  readonly mirrorCols: Int32Array;
  /**
   * When diss and the state live in a WebAssembly memory (wasm/linkage.ts):
   * this thread's WebAssembly loops, which updateRange (with `collect`), the
   * scans and the full layout's mirror run instead of their own (same bits).
   */
  kernel?: LinkageKernel;
}

/** What one step merges, and where i2 and j2 sat in the active list. */
export interface StepMerge {
  step: number;
  i2: number;
  j2: number;
  dij: number;
  mi: number;
  mj: number;
  /** position of i2 in the active list (after j2's removal) */
  pi: number;
  /** position where j2 was (the first k > j2 is there now) */
  pos: number;
  nActive: number;
}

/**
 * Step 2 for the active positions [a0, a1): d(i2, k) ← Lance–Williams
 * update, NN(k) ← i2 for k < i2 on strict improvement, and the first strict
 * minimum over k > i2 in out[0] (distance) and out[1] (k, −1 if none).
 * With `collect`, also step 3's lists, found in the same pass: the rows
 * whose NN is i2 or j2 and did not improve (to rescan) at st.rescan[a0 …
 * a0 + out[2]), in increasing order, and the rows whose DISNN was lowered
 * (settled) at st.rescan[a1 − out[3] … a1) (each position gives at most one
 * row, so the two never meet).
 * The active list is sorted: k < i2 at [0, pi), i2 < k < j2 at (pi, pos),
 * k > j2 at [pos, nActive); three loops, so that each knows where its two
 * distances lie (a row or a column of the triangle).
 */
export function updateRange(
  st: HclustState,
  update: Update,
  m: StepMerge,
  a0: number,
  a1: number,
  out: Float64Array,
  collect = false,
): void {
  const { diss, rowBase, size, active, nn, disnn, settled, rescan } = st;
  const { step, i2, j2, dij, mi, mj, pi, pos } = m;
  const rowI = rowBase[i2];
  const rowJ = rowBase[j2];
  let smin = Number.POSITIVE_INFINITY;
  let sjj = -1;
  let nRescan = a0;
  let nSettled = a1;
  if (collect && st.kernel) {
    st.kernel.update(m, a0, a1, out);
    return;
  }
  if (st.full) {
    // Both distances in rows i2 and j2 (contiguous, made exact by
    // DeferredMirror.patch); the new one is written to row i2 only (the
    // mirror writes column i2 later, in a batch).
    for (let a = a0, end = Math.min(a1, pi); a < end; a++) {
      const k = active[a];
      const dnew = update(diss[rowI + k], diss[rowJ + k], dij, mi, mj, size[k]);
      diss[rowI + k] = dnew;
      if (dnew < disnn[k]) {
        disnn[k] = dnew;
        nn[k] = i2;
        settled[k] = step + 1;
        if (collect) rescan[--nSettled] = k;
      } else if (collect && (nn[k] === i2 || nn[k] === j2)) rescan[nRescan++] = k;
    }
    for (let a = Math.max(a0, pi + 1); a < a1; a++) {
      const k = active[a];
      const dnew = update(diss[rowI + k], diss[rowJ + k], dij, mi, mj, size[k]);
      diss[rowI + k] = dnew;
      if (dnew < smin) {
        smin = dnew;
        sjj = k;
      }
      // k > i2, so NN(k) > i2: only j2 (when k < j2) sends k to step 3
      if (collect && nn[k] === j2) rescan[nRescan++] = k;
    }
    out[0] = smin;
    out[1] = sjj;
    if (collect) {
      out[2] = nRescan - a0;
      out[3] = a1 - nSettled;
    }
    return;
  }
  for (let a = a0, end = Math.min(a1, pi); a < end; a++) {
    // k < i2 < j2: both distances in row k
    const k = active[a];
    const ik = rowBase[k] + i2;
    const dnew = update(diss[ik], diss[rowBase[k] + j2], dij, mi, mj, size[k]);
    diss[ik] = dnew;
    if (dnew < disnn[k]) {
      // d(k, i2) is now the unique least of row k (DISNN is always the row's
      // least value), so a rescan would find i2: mark k as settled.
      disnn[k] = dnew;
      nn[k] = i2;
      settled[k] = step + 1;
      if (collect) rescan[--nSettled] = k;
    } else if (collect && (nn[k] === i2 || nn[k] === j2)) rescan[nRescan++] = k;
  }
  for (let a = Math.max(a0, pi + 1), end = Math.min(a1, pos); a < end; a++) {
    // i2 < k < j2: d(i2, k) in row i2, d(k, j2) in row k
    const k = active[a];
    const dnew = update(diss[rowI + k], diss[rowBase[k] + j2], dij, mi, mj, size[k]);
    diss[rowI + k] = dnew;
    if (dnew < smin) {
      smin = dnew;
      sjj = k;
    }
    if (collect && nn[k] === j2) rescan[nRescan++] = k;
  }
  for (let a = Math.max(a0, pos); a < a1; a++) {
    // k > j2: both in rows i2 and j2
    const k = active[a];
    const dnew = update(diss[rowI + k], diss[rowJ + k], dij, mi, mj, size[k]);
    diss[rowI + k] = dnew;
    if (dnew < smin) {
      smin = dnew;
      sjj = k;
    }
  }
  // (k > j2: NN(k) > j2, nothing for step 3)
  out[0] = smin;
  out[1] = sjj;
  if (collect) {
    out[2] = nRescan - a0;
    out[3] = a1 - nSettled;
  }
}

/**
 * NN(i) := the first strict minimum over active j > i (scans the active list
 * after i, which is in increasing order), DISNN(i) := its distance.
 */
export function rescanRow(st: HclustState, nActive: number, i: number): void {
  const lo = lowerBound(st.active, 0, nActive, i + 1);
  st.disnn[i] = scanRow(st, i, lo, nActive, st.nn, i);
}

/**
 * The first strict minimum of row i over the active positions [a0, a1):
 * returns its distance (+Infinity when none) and leaves its index in
 * at[where] (−1 when none).
 */
function scanRow(st: HclustState, i: number, a0: number, a1: number, at: Int32Array, where: number): number {
  const { diss, rowBase, active, kernel } = st;
  if (kernel) {
    const d = kernel.scan(rowBase[i], a0, a1);
    at[where] = kernel.at();
    return d;
  }
  let dmin = Number.POSITIVE_INFINITY;
  let jm = -1;
  const base = rowBase[i];
  for (let a = a0; a < a1; a++) {
    const j = active[a];
    const v = diss[base + j];
    if (v < dmin) {
      dmin = v;
      jm = j;
    }
  }
  at[where] = jm;
  return dmin;
}

/**
 * One half of step 3's rescans of the rows list[0 … count), for two threads
 * that share every row: side 0 scans the first half of each row's positions
 * after it, side 1 the second; each leaves row list[r]'s first strict
 * minimum in d[r], j[r]. The row's nearest neighbour is side 0's unless
 * side 1's distance is strictly less (joinRescanHalves).
 */
export function rescanHalf(
  st: HclustState,
  nActive: number,
  list: Int32Array,
  count: number,
  side: 0 | 1,
  d: Float64Array,
  j: Int32Array,
): void {
  for (let r = 0; r < count; r++) {
    const i = list[r];
    const lo = lowerBound(st.active, 0, nActive, i + 1);
    const mid = lo + ((nActive - lo) >> 1);
    d[r] = side === 0 ? scanRow(st, i, lo, mid, j, r) : scanRow(st, i, mid, nActive, j, r);
  }
}

/** NN and DISNN of the rows list[0 … count) from the two sides of rescanHalf. */
export function joinRescanHalves(
  st: HclustState,
  list: Int32Array,
  count: number,
  d0: Float64Array,
  j0: Int32Array,
  d1: Float64Array,
  j1: Int32Array,
): void {
  for (let r = 0; r < count; r++) {
    const i = list[r];
    const second = d1[r] < d0[r];
    st.nn[i] = second ? j1[r] : j0[r];
    st.disnn[i] = second ? d1[r] : d0[r];
  }
}

/**
 * Step 0 for the rows [r0, r1): NN(i) and DISNN(i) from the distances as
 * filled; with `squared` (ward.D2) each distance is squared first (in the
 * full layout both halves of the row). Stops at the first distance that is
 * NaN or infinite (in row order) and leaves its pair in bad[0], bad[1];
 * rows of different ranges are independent, so threads can split them.
 */
export function initRows(
  st: Pick<HclustState, "n" | "full" | "diss" | "rowBase" | "nn" | "disnn">,
  squared: boolean,
  r0: number,
  r1: number,
  bad: Float64Array,
): void {
  const { n, full, diss, rowBase, nn, disnn } = st;
  for (let i = r0; i < r1; i++) {
    const base = rowBase[i];
    if (full && squared) for (let j = 0; j < i; j++) diss[base + j] *= diss[base + j];
    let dmin = Number.POSITIVE_INFINITY;
    let jm = -1;
    for (let j = i + 1; j < n; j++) {
      let v = diss[base + j];
      if (v - v !== 0) {
        bad[0] = i;
        bad[1] = j;
        return;
      }
      if (squared) {
        v *= v;
        diss[base + j] = v;
      }
      if (v < dmin) {
        dmin = v;
        jm = j;
      }
    }
    nn[i] = jm;
    disnn[i] = dmin;
  }
}

/** Where row i starts, so that d(i, j) is at rowBases[i] + j: i·n in the full layout, else in the condensed triangle. */
export function rowBases(n: number, full: boolean): Float64Array | Int32Array {
  // 32-bit offsets while every index fits (n ≤ 46,340 in the full layout): the hot
  // loops then index with integer arithmetic instead of converting doubles
  const rowBase = (full ? n * n : (n * (n - 1)) / 2) < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
  const origin = full ? fullOrigin(n) : condensedOrigin(n);
  for (let i = 0; i < n; i++) rowBase[i] = origin(i);
  return rowBase;
}

/**
 * Step 0 found while the distances are filled (FirstNeighbours): each row's
 * first nearest neighbour among the rows after it, and the first
 * non-finite pair in row order. One Float64Array (so that a distance
 * backend can allocate it in shared memory): DISNN at [0, n), NN as 32-bit
 * integers in the bytes after, then the pair (i, j) that is not finite (−1
 * when none) and a flag that is 1 once every row is done.
 */
export interface FirstNeighbours {
  readonly disnn: Float64Array;
  readonly nn: Int32Array;
  /** [bad i, bad j, done] */
  readonly meta: Float64Array;
}

/** Doubles of the buffer of FirstNeighbours for n observations. */
export function firstNeighboursLength(n: number): number {
  return n + Math.ceil(n / 2) + 3;
}

/** The views of FirstNeighbours over `buffer` (firstNeighboursLength(n) doubles). */
export function firstNeighboursOf(buffer: Float64Array, n: number): FirstNeighbours {
  const half = Math.ceil(n / 2);
  return {
    disnn: buffer.subarray(0, n),
    nn: new Int32Array(buffer.buffer, buffer.byteOffset + 8 * n, n),
    meta: buffer.subarray(n + half, n + half + 3),
  };
}

/**
 * Step 0 (not squared: every method but ward.D2) found while a distance
 * matrix is filled: `rows(r0, r1)` once those rows are written, into the
 * FirstNeighbours in `buffer`; `bad` holds the first non-finite pair of the
 * rows seen (−1 when none; the later rows are then skipped). The layout is
 * told by the length of `out`, as fillDistanceRows tells it.
 */
export function firstNeighbourFinder(
  out: Float64Array,
  n: number,
  buffer: Float64Array,
): { rows(r0: number, r1: number): void; readonly bad: Float64Array } {
  const full = out.length >= n * n && n > 1;
  const { nn, disnn } = firstNeighboursOf(buffer, n);
  const view = { n, full, diss: out, rowBase: rowBases(n, full), nn, disnn };
  const bad = new Float64Array(2).fill(-1);
  return {
    bad,
    rows(r0, r1) {
      if (bad[0] < 0) initRows(view, false, r0, r1, bad);
    },
  };
}

/** Step 3 for the rows list[r0 … r1): each looks for its nearest neighbour again. */
export function rescanRows(st: HclustState, nActive: number, list: Int32Array, r0: number, r1: number): void {
  for (let r = r0; r < r1; r++) rescanRow(st, nActive, list[r]);
}

/** The default: every active position on this thread, step 3's lists found in the same pass. */
const updateAllHere = (update: Update) => (st: HclustState, m: StepMerge, out: Float64Array) =>
  updateRange(st, update, m, 0, m.nActive, out, true);

/** The first position in active[lo … hi) holding a value ≥ x (the list is increasing). */
function lowerBound(active: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (active[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Milliseconds of work between two chances for the caller to yield (cancellation, progress). */
const SLICE_MS = 40;

/**
 * Clusters n observations from their condensed distances with one of R's
 * eight methods and returns the tree in R's `hclust` shape. Synchronous: an
 * `AbortSignal` is only seen if it was aborted from this thread's own code
 * (a callback); use `hclustAsync` to let timers and messages cancel it.
 */
export function hclust(
  d: DistMatrix,
  method: Method,
  labels: readonly string[],
  distance: Distance = "euclidean",
  options: HclustOptions = {},
): Tree {
  const steps = hclustSteps(d, method, labels, distance, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Lets the event loop run (timers, messages, an abort from a button) before
 * going on. Not `setTimeout(0)` where avoidable: browsers wait at least 4 ms
 * for a nested one (Node 1 ms), ~10 % of a 40 ms slice. Node has
 * `setImmediate`; browsers and their workers a message to oneself.
 */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => yieldTo(resolve));
}

type Scheduler = (run: () => void) => void;

const yieldTo: Scheduler = (() => {
  const g = globalThis as { setImmediate?: Scheduler; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === "function") return (run) => g.setImmediate?.(run);
  if (typeof g.MessageChannel === "function") {
    const waiting: (() => void)[] = [];
    const channel = new g.MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    return (run) => {
      waiting.push(run);
      channel.port2.postMessage(null);
    };
  }
  return (run) => setTimeout(run, 0);
})();

/**
 * `hclust` that gives the event loop a turn every ~40 ms of work, so that an
 * AbortSignal aborted by a timer, a message or a button stops it within
 * about 100 ms (CancelledError) and progress can be drawn. Same tree.
 */
export async function hclustAsync(
  d: DistMatrix,
  method: Method,
  labels: readonly string[],
  distance: Distance = "euclidean",
  options: HclustOptions = {},
): Promise<Tree> {
  const steps = hclustSteps(d, method, labels, distance, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextMacrotask();
    if (options.signal?.aborted) throw new CancelledError();
  }
}

/**
 * The procedure as a generator: it yields (between two merges, when the
 * state is whole) each time about SLICE_MS of work has been done, and
 * returns the tree.
 */
function* hclustSteps(
  d: DistMatrix,
  method: Method,
  labels: readonly string[],
  distance: Distance,
  options: HclustOptions,
): Generator<void, Tree> {
  const n = d.n;
  if (labels.length !== n) throw new UsageError(`hclust: ${labels.length} labels for ${n} observations`);
  if (n < 2) throw new UsageError(`hclust: must have n >= 2 objects to cluster (found ${n})`);
  const update = UPDATES[method];
  if (!update) throw new UsageError(`invalid clusteringMethod: ${method}`);
  const squared = method === "ward.D2";
  const full = d.layout === "full";
  // distances filled in a WebAssembly memory (cluster-matrix.ts): the state goes there too, for the kernels
  const arena = options.inPlace ? linkageArenaOf(d.values) : undefined;
  const alloc =
    (arena &&
      (<T extends Float64Array | Int32Array>(kind: "f64" | "i32", length: number) =>
        arena.alloc<T>(kind, length))) ??
    options.allocate ??
    (<T extends Float64Array | Int32Array>(kind: "f64" | "i32", length: number) =>
      (kind === "f64" ? new Float64Array(length) : new Int32Array(length)) as T);
  // (in the kernels' memory, where their mirror reads them)
  const rowBase = arena ? alloc<Int32Array>("i32", n) : rowBases(n, full);
  if (arena) rowBase.set(rowBases(n, full));
  const st: HclustState = {
    n,
    full,
    diss: options.inPlace ? d.values : d.values.slice(),
    rowBase,
    size: alloc<Float64Array>("f64", n).fill(1),
    active: alloc<Int32Array>("i32", n),
    nn: alloc<Int32Array>("i32", n),
    disnn: alloc<Float64Array>("f64", n).fill(Number.POSITIVE_INFINITY),
    settled: alloc<Int32Array>("i32", n),
    rescan: alloc<Int32Array>("i32", n),
    stamp: alloc<Int32Array>("i32", full ? n : 0),
    mirrorCols: alloc<Int32Array>("i32", full ? Math.max(1, options.mirrorBatch ?? MIRROR_BATCH) : 0),
  };
  if (arena) st.kernel = linkageKernel(arena.memory, st, method);
  const { diss, active, nn, disnn, settled, size, rescan } = st;
  for (let i = 0; i < n; i++) active[i] = i;
  let nActive = n;

  // One pass over the matrix: check that every distance is finite, square
  // them for ward.D2, and find each row's first nearest neighbour (unless
  // the distance backend found them as it filled the rows).
  const bad = new Float64Array(2).fill(-1);
  const first = options.first && !squared && options.first.meta[2] === 1 ? options.first : null;
  if (first) {
    bad.set(first.meta.subarray(0, 2));
    nn.set(first.nn);
    disnn.set(first.disnn);
  } else (options.initAll ?? initRows)(st, squared, 0, n, bad);
  if (bad[0] >= 0) {
    const [i, j] = [bad[0], bad[1]];
    throw new NonFiniteDistanceError(labels, i, j, diss[rowBase[i] + j]);
  }

  const pick = new Tournament(disnn);
  const ia = new Int32Array(n - 1);
  const ib = new Int32Array(n - 1);
  const crit = new Float64Array(n - 1);
  const every = Math.max(1, Math.floor(n / 100));
  const updateAll = options.updateAll ?? updateAllHere(update);
  const rescanAll =
    options.rescanAll ??
    ((st: HclustState, nActive: number, list: Int32Array, count: number) =>
      rescanRows(st, nActive, list, 0, count));
  const result = new Float64Array(4);
  const mirrorAll = options.mirrorAll;
  const mirror = full
    ? new DeferredMirror(
        diss,
        rowBase,
        st.stamp,
        st.mirrorCols,
        mirrorAll
          ? (cols, m, count) => mirrorAll(st, cols, m, count)
          : (cols, m, count) => mirrorColumns(diss, rowBase, st.stamp, cols, m, active, 0, count, st.kernel),
      )
    : null;
  let sliceStart = performance.now();

  for (let step = 0; step < n - 1; step++) {
    if (step % every === 0) {
      if (options.signal?.aborted) throw new CancelledError();
      options.progress?.(step, n - 1);
    }
    if ((step & 7) === 0 && performance.now() - sliceStart > SLICE_MS) {
      yield;
      sliceStart = performance.now();
    }
    // 1. The pair: smallest i with the strictly least DISNN (a tournament tree over DISNN).
    const im = pick.min;
    const dmin = disnn[im];
    if (!(dmin < Number.POSITIVE_INFINITY)) throw new UsageError("hclust: no finite distance left to merge");
    const i2 = im; // NN(i) > i, so i is the survivor
    const j2 = nn[im];
    ia[step] = i2;
    ib[step] = j2;
    crit[step] = dmin;
    disnn[j2] = Number.POSITIVE_INFINITY; // retired: never picked again
    pick.update(j2);
    // remove j2 from the active list (keeps increasing order)
    const pos = lowerBound(active, 0, nActive, j2);
    // (in the kernels' memory, copyWithin over a shared buffer would copy element by element)
    if (st.kernel) st.kernel.removeActive(pos, nActive);
    else active.copyWithin(pos, pos + 1, nActive);
    nActive--;
    const pi = lowerBound(active, 0, pos, i2);

    // 2. Lance–Williams update of d(i2, k); NN bookkeeping.
    const mi = size[i2];
    const mj = size[j2];
    if (mirror) {
      mirror.patch(i2);
      mirror.patch(j2);
    }
    result[2] = -1; // an updateAll that finds step 3's lists sets their lengths in result[2], result[3]
    updateAll(st, { step, i2, j2, dij: dmin, mi, mj, pi, pos, nActive }, result);
    mirror?.merged(i2, j2, step, nActive);
    size[i2] = mi + mj;
    nn[i2] = result[1];
    disnn[i2] = result[0];
    pick.update(i2);

    // 3. Rows that pointed at a merged index look again.
    let count = 0;
    if (result[2] >= 0) {
      count = result[2];
      for (let s = nActive - result[3]; s < nActive; s++) pick.update(rescan[s]); // DISNN lowered in step 2
    } else {
      for (let a = 0; a < nActive; a++) {
        const i = active[a];
        if (settled[i] === step + 1)
          pick.update(i); // DISNN lowered in step 2
        else if (i !== i2 && (nn[i] === i2 || nn[i] === j2)) rescan[count++] = i;
      }
    }
    if (mirror) for (let r = 0; r < count; r++) mirror.patch(rescan[r]);
    if (count > 0) rescanAll(st, nActive, rescan, count);
    for (let r = 0; r < count; r++) pick.update(rescan[r]);
  }
  options.progress?.(n - 1, n - 1);

  const height = squared ? crit.map(Math.sqrt) : crit;
  const merge = toMerge(ia, ib, n);
  return { labels: [...labels], merge, height, order: hclustOrder(merge, n), method, distance };
}

/**
 * Converts survivor-index pairs to R's merge matrix: −j for observation j
 * (1-based), +s for the cluster formed at step s; within a row a singleton
 * before a cluster, two clusters smaller step first, two singletons smaller
 * observation first.
 */
function toMerge(ia: Int32Array, ib: Int32Array, n: number): Int32Array {
  const lastStep = new Int32Array(n); // 1-based step that last formed the cluster led by obs, 0 = singleton
  const merge = new Int32Array(2 * (n - 1));
  for (let s = 0; s < n - 1; s++) {
    let a = lastStep[ia[s]] > 0 ? lastStep[ia[s]] : -(ia[s] + 1);
    let b = lastStep[ib[s]] > 0 ? lastStep[ib[s]] : -(ib[s] + 1);
    const swap = a < 0 && b < 0 ? -a > -b : a > 0 && b > 0 ? a > b : a > 0;
    if (swap) [a, b] = [b, a];
    merge[2 * s] = a;
    merge[2 * s + 1] = b;
    lastStep[ia[s]] = s + 1;
  }
  return merge;
}
