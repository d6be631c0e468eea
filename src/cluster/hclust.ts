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
 * Complexity: O(n²) typical, O(n³) worst case time; the condensed distance
 * matrix (n(n−1)/2 doubles) is updated in place (a copy unless `inPlace`).
 * Reference: Murtagh, F. (1985) "Multidimensional Clustering Algorithms",
 * COMPSTAT Lectures 4; R's `?hclust`.
 */
import { CancelledError, DataError, UsageError } from "../errors.js";
import type { Distance, Method } from "../options.js";
import type { DistMatrix } from "./dist-matrix.js";
import { hclustOrder, type Tree } from "./tree.js";
import { UPDATES } from "./updates.js";

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
}

/**
 * Clusters n observations from their condensed distances with one of R's
 * eight methods and returns the tree in R's `hclust` shape.
 */
export function hclust(
  d: DistMatrix,
  method: Method,
  labels: readonly string[],
  distance: Distance = "euclidean",
  options: HclustOptions = {},
): Tree {
  const n = d.n;
  if (labels.length !== n) throw new UsageError(`hclust: ${labels.length} labels for ${n} observations`);
  if (n < 2) throw new UsageError(`hclust: must have n >= 2 objects to cluster (found ${n})`);
  const update = UPDATES[method];
  if (!update) throw new UsageError(`invalid clusteringMethod: ${method}`);
  const diss = options.inPlace ? d.values : d.values.slice();
  const squared = method === "ward.D2";

  // rowBase[i] + j is the index of the pair (i, j), i < j.
  const rowBase = new Float64Array(n);
  for (let i = 0; i < n; i++) rowBase[i] = i * n - (i * (i + 1)) / 2 - i - 1;

  const size = new Float64Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  // Active observations in increasing order (scans must run in index order).
  // (alive[] mirrors membership for O(1) tests.)
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  let nActive = n;
  const nn = new Int32Array(n);
  const disnn = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const settled = new Int32Array(n); // step (1-based) at which row k's NN became the survivor by strict improvement

  /** NN(i) := the first strict minimum over active j > i (scans the active list after i). */
  const findNN = (i: number): void => {
    let lo = 0;
    let hi = nActive;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (active[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    let dmin = Number.POSITIVE_INFINITY;
    let jm = -1;
    const base = rowBase[i];
    for (let a = lo; a < nActive; a++) {
      const j = active[a];
      const v = diss[base + j];
      if (v < dmin) {
        dmin = v;
        jm = j;
      }
    }
    nn[i] = jm;
    disnn[i] = dmin;
  };
  // One pass over the matrix: check that every distance is finite, square
  // them for ward.D2, and find each row's first nearest neighbour.
  for (let i = 0; i < n - 1; i++) {
    const base = rowBase[i];
    let dmin = Number.POSITIVE_INFINITY;
    let jm = -1;
    for (let j = i + 1; j < n; j++) {
      let v = diss[base + j];
      if (v - v !== 0) throw new NonFiniteDistanceError(labels, i, j, v);
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

  const ia = new Int32Array(n - 1);
  const ib = new Int32Array(n - 1);
  const crit = new Float64Array(n - 1);
  const every = Math.max(1, Math.floor(n / 100));

  for (let step = 0; step < n - 1; step++) {
    if (step % every === 0) {
      if (options.signal?.aborted) throw new CancelledError();
      options.progress?.(step, n - 1);
    }
    // 1. The pair: smallest i with the strictly least DISNN.
    let dmin = Number.POSITIVE_INFINITY;
    let im = -1;
    for (let a = 0; a < nActive; a++) {
      const i = active[a];
      if (disnn[i] < dmin) {
        dmin = disnn[i];
        im = i;
      }
    }
    if (im < 0) throw new UsageError("hclust: no finite distance left to merge");
    const i2 = im; // NN(i) > i, so i is the survivor
    const j2 = nn[im];
    ia[step] = i2;
    ib[step] = j2;
    crit[step] = dmin;
    alive[j2] = 0;
    // remove j2 from the active list (keeps increasing order)
    let pos = 0;
    while (active[pos] !== j2) pos++;
    active.copyWithin(pos, pos + 1, nActive);
    nActive--;

    // 2. Lance–Williams update of d(i2, k); NN bookkeeping.
    const dij = dmin;
    const mi = size[i2];
    const mj = size[j2];
    let smin = Number.POSITIVE_INFINITY;
    let sjj = -1;
    // The active list is sorted: k < i2 at [0, pi), i2 < k < j2 at (pi, pos),
    // k > j2 at [pos, nActive) (pos = where j2 was). Three loops, so that
    // each knows where its two distances lie (column or row of the triangle).
    let pi = pos - 1;
    while (active[pi] !== i2) pi--;
    const rowI = rowBase[i2];
    const rowJ = rowBase[j2];
    for (let a = 0; a < pi; a++) {
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
      }
    }
    for (let a = pi + 1; a < pos; a++) {
      // i2 < k < j2: d(i2, k) in row i2, d(k, j2) in row k
      const k = active[a];
      const dnew = update(diss[rowI + k], diss[rowBase[k] + j2], dij, mi, mj, size[k]);
      diss[rowI + k] = dnew;
      if (dnew < smin) {
        smin = dnew;
        sjj = k;
      }
    }
    for (let a = pos; a < nActive; a++) {
      // k > j2: both in rows i2 and j2
      const k = active[a];
      const dnew = update(diss[rowI + k], diss[rowJ + k], dij, mi, mj, size[k]);
      diss[rowI + k] = dnew;
      if (dnew < smin) {
        smin = dnew;
        sjj = k;
      }
    }
    size[i2] = mi + mj;
    nn[i2] = sjj;
    disnn[i2] = smin;

    // 3. Rows that pointed at a merged index look again.
    for (let a = 0; a < nActive; a++) {
      const i = active[a];
      if (i !== i2 && (nn[i] === i2 || nn[i] === j2) && settled[i] !== step + 1) findNN(i);
    }
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
