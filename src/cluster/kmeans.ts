/**
 * k-means on the rows of a matrix, as pheatmap's `kmeans_k` (and
 * ComplexHeatmap's `row_km`) use it: the rows are replaced by k cluster centers.
 *
 * Definition: find groups minimising the total within-cluster sum of squares
 * Σ_c Σ_{x ∈ c} ‖x − mean(c)‖² (Euclidean, over the columns).
 *
 * Algorithm, per start:
 * 1. k-means++ seeding (Arthur & Vassilvitskii, 2007): the first center is a
 *    random row, each next one a row drawn with probability ∝ its squared
 *    distance to the nearest center chosen so far;
 * 2. every row goes to its nearest center (ties: the lower cluster);
 * 3. Hartigan's single-row moves (J. A. Hartigan, Clustering Algorithms, 1975;
 *    the criterion of R's default Hartigan–Wong algorithm, AS 136): a row x
 *    leaves its cluster a (of size nₐ > 1) for cluster b when
 *    n_b/(n_b+1)·‖x − c_b‖² < nₐ/(nₐ−1)·‖x − cₐ‖², which lowers the total exactly
 *    by the difference; sweeps over the rows repeat until no row moves (or
 *    `maxIter` sweeps). The result is also a fixed point of Lloyd's algorithm.
 * R reaches the same kind of local optimum by a different path and draws its
 * starts with its own generator, so groups can differ from R's on hard data;
 * well-separated groups come out the same.
 *
 * Several starts are drawn from one seeded generator; the start with the least
 * total within-cluster sum of squares is kept (the first on a tie). Clusters
 * are numbered by first appearance scanning the rows in input order.
 * Cost: O(n·k·p) per sweep and start; memory O((n + k)·p).
 */
import { DataError, listSome, UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import { createMatrix, type Matrix } from "../matrix.js";
import { type RandomSource, randomSource } from "./random.js";

export interface KmeansOptions {
  /** Seed of the generator that draws the starts. */
  seed: number;
  /** Number of starts (R's `nstart`); the best is kept. */
  starts: number;
  /** Most sweeps of single-row moves per start (R's `iter.max`, which pheatmap sets to 100). Default 100. */
  maxIter?: number;
  /** Receives a warning when the kept start stopped at `maxIter` before it converged. */
  logger?: Logger;
}

export interface KmeansResult {
  /** The cluster of each row, 1-based, in input order. */
  cluster: Int32Array;
  /** k × ncol: the mean of each cluster, rows named like pheatmap's (`Cluster: 1 Size: 23`). */
  centers: Matrix;
  /** Number of rows in each cluster. */
  size: Int32Array;
  /** Within-cluster sum of squares of each cluster. */
  withinss: Float64Array;
  /** Σ withinss. */
  totWithinss: number;
  /** Sweeps made by the kept start (the last one moved no row when it converged). */
  iterations: number;
  /** Whether the kept start stopped because no row could move. */
  converged: boolean;
}

/** One start's outcome: 0-based clusters in the order the start made them. */
export interface KmeansStart {
  cluster: Int32Array;
  totWithinss: number;
  iterations: number;
  converged: boolean;
}

/** k-means with several seeded starts; see the file comment for the algorithm. */
export function kmeans(m: Matrix, k: number, options: KmeansOptions): KmeansResult {
  checkKmeans(m, k, options);
  const maxIter = options.maxIter ?? 100;
  const random = randomSource(options.seed);
  let best: KmeansStart | null = null;
  for (let s = 0; s < options.starts; s++) {
    const start = kmeansStart(m, k, random, maxIter);
    if (best === null || start.totWithinss < best.totWithinss) best = start;
  }
  if (!best!.converged) {
    options.logger?.warn(`k-means did not converge in ${maxIter} iterations`);
  }
  return summarize(m, k, best!);
}

function checkKmeans(m: Matrix, k: number, options: KmeansOptions): void {
  if (!Number.isInteger(k) || k < 1 || k > m.nrow) {
    throw new UsageError(
      `invalid k-means k: ${k} (expected an integer between 1 and ${m.nrow}, the number of rows)`,
    );
  }
  if (!Number.isInteger(options.starts) || options.starts < 1) {
    throw new UsageError(`invalid k-means starts: ${options.starts} (expected an integer ≥ 1)`);
  }
  const maxIter = options.maxIter ?? 100;
  if (!Number.isInteger(maxIter) || maxIter < 1) {
    throw new UsageError(`invalid k-means maxIter: ${maxIter} (expected an integer ≥ 1)`);
  }
  const incomplete: string[] = [];
  for (let i = 0; i < m.nrow; i++) {
    for (let j = 0; j < m.ncol; j++) {
      if (!Number.isFinite(m.values[i * m.ncol + j])) {
        incomplete.push(m.rowNames[i]);
        break;
      }
    }
  }
  if (incomplete.length > 0) {
    throw new DataError(
      `k-means needs finite values; ${incomplete.length} row(s) have missing or infinite values: ${listSome(incomplete)}`,
    );
  }
}

/** Squared Euclidean distance between row i of `x` and row c of `centers` (both p wide). */
function squaredDistance(x: Float64Array, i: number, centers: Float64Array, c: number, p: number): number {
  let sum = 0;
  for (let j = 0; j < p; j++) {
    const d = x[i * p + j] - centers[c * p + j];
    sum += d * d;
  }
  return sum;
}

/** One start: k-means++ seeding, nearest-center assignment, then Hartigan sweeps. */
export function kmeansStart(m: Matrix, k: number, random: RandomSource, maxIter: number): KmeansStart {
  const cluster = nearestCenters(m, seedCenters(m, k, random), k);
  const p = m.ncol;
  const centers = new Float64Array(k * p);
  const size = new Int32Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter && !converged) {
    iterations++;
    clusterMeans(m, cluster, k, centers, size);
    converged = !hartiganSweep(m, cluster, k, centers, size);
  }
  return {
    cluster,
    totWithinss: withinSums(m, cluster, k).reduce((a, b) => a + b, 0),
    iterations,
    converged,
  };
}

/** k-means++: k distinct rows as starting centers (k × p, row-major). */
function seedCenters(m: Matrix, k: number, random: RandomSource): Float64Array {
  const { nrow: n, ncol: p, values: x } = m;
  const centers = new Float64Array(k * p);
  const first = Math.min(n - 1, Math.floor(random() * n));
  centers.set(x.subarray(first * p, (first + 1) * p), 0);
  const nearest = new Float64Array(n);
  for (let i = 0; i < n; i++) nearest[i] = squaredDistance(x, i, centers, 0, p);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i];
    if (!(total > 0)) {
      throw new UsageError(`k-means: more clusters (${k}) than distinct rows (${c})`);
    }
    // the first row whose cumulative weight passes the draw, skipping rows of weight 0
    const target = random() * total;
    let pick = -1;
    let cumulative = 0;
    for (let i = 0; i < n; i++) {
      if (nearest[i] === 0) continue;
      pick = i;
      cumulative += nearest[i];
      if (cumulative > target) break;
    }
    centers.set(x.subarray(pick * p, (pick + 1) * p), c * p);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], squaredDistance(x, i, centers, c, p));
  }
  return centers;
}

/** The nearest center of each row (0-based; ties go to the lower center). */
function nearestCenters(m: Matrix, centers: Float64Array, k: number): Int32Array {
  const cluster = new Int32Array(m.nrow);
  for (let i = 0; i < m.nrow; i++) {
    let best = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const d = squaredDistance(m.values, i, centers, c, m.ncol);
      if (d < best) {
        best = d;
        cluster[i] = c;
      }
    }
  }
  return cluster;
}

/** Fills `centers` with the mean of each cluster and `size` with its number of rows. */
function clusterMeans(m: Matrix, cluster: Int32Array, k: number, centers: Float64Array, size: Int32Array) {
  const p = m.ncol;
  centers.fill(0);
  size.fill(0);
  for (let i = 0; i < m.nrow; i++) {
    const c = cluster[i];
    size[c]++;
    for (let j = 0; j < p; j++) centers[c * p + j] += m.values[i * p + j];
  }
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < p; j++) centers[c * p + j] /= size[c];
  }
}

/**
 * One pass of Hartigan's moves over the rows in order, updating the centers
 * and sizes as rows move. Returns whether any row moved. Clusters never empty:
 * a row alone in its cluster stays.
 */
function hartiganSweep(m: Matrix, cluster: Int32Array, k: number, centers: Float64Array, size: Int32Array) {
  const { nrow: n, ncol: p, values: x } = m;
  let moved = false;
  for (let i = 0; i < n; i++) {
    const a = cluster[i];
    if (size[a] === 1) continue;
    const leave = (size[a] / (size[a] - 1)) * squaredDistance(x, i, centers, a, p);
    let to = -1;
    let join = leave;
    for (let b = 0; b < k; b++) {
      if (b === a) continue;
      const cost = (size[b] / (size[b] + 1)) * squaredDistance(x, i, centers, b, p);
      if (cost < join) {
        join = cost;
        to = b;
      }
    }
    if (to < 0) continue;
    // move row i from a to `to`, updating both means
    for (let j = 0; j < p; j++) {
      const v = x[i * p + j];
      centers[a * p + j] = (centers[a * p + j] * size[a] - v) / (size[a] - 1);
      centers[to * p + j] = (centers[to * p + j] * size[to] + v) / (size[to] + 1);
    }
    size[a]--;
    size[to]++;
    cluster[i] = to;
    moved = true;
  }
  return moved;
}

/** Within-cluster sums of squares around the exact cluster means. */
function withinSums(m: Matrix, cluster: Int32Array, k: number): Float64Array {
  const p = m.ncol;
  const centers = new Float64Array(k * p);
  const size = new Int32Array(k);
  clusterMeans(m, cluster, k, centers, size);
  const withinss = new Float64Array(k);
  for (let i = 0; i < m.nrow; i++)
    withinss[cluster[i]] += squaredDistance(m.values, i, centers, cluster[i], p);
  return withinss;
}

/** Renumbers the clusters by first appearance and computes the reported figures. */
function summarize(m: Matrix, k: number, start: KmeansStart): KmeansResult {
  const rename = new Int32Array(k).fill(-1);
  let next = 0;
  const cluster = new Int32Array(m.nrow);
  for (let i = 0; i < m.nrow; i++) {
    const c = start.cluster[i];
    if (rename[c] < 0) rename[c] = next++;
    cluster[i] = rename[c];
  }
  const p = m.ncol;
  const centerValues = new Float64Array(k * p);
  const size = new Int32Array(k);
  clusterMeans(m, cluster, k, centerValues, size);
  const withinss = withinSums(m, cluster, k);
  for (let i = 0; i < m.nrow; i++) cluster[i]++;
  const names = kmeansLabels({ size });
  return {
    cluster,
    centers: createMatrix(centerValues, names, m.colNames),
    size,
    withinss,
    totWithinss: withinss.reduce((a, b) => a + b, 0),
    iterations: start.iterations,
    converged: start.converged,
  };
}

/** pheatmap's label of each k-means center, in cluster order: `Cluster: 1 Size: 23`. */
export function kmeansLabels(km: Pick<KmeansResult, "size">): string[] {
  return Array.from(km.size, (size, i) => `Cluster: ${i + 1} Size: ${size}`);
}
