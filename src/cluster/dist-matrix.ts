/**
 * A condensed symmetric distance matrix: the upper triangle, row-major.
 * The pair (i, j), 0 ≤ i < j < n, is at `pairIndex(n, i, j)`.
 * (R's `dist` stores the lower triangle by columns, which is the same
 * sequence: d(2,1), d(3,1), …, d(n,1), d(3,2), … — so `values` is exactly
 * `as.vector(d)` of an R dist object.)
 */
export interface DistMatrix {
  readonly n: number;
  readonly values: Float64Array;
}

/** Index of the pair (i, j), i < j, in a condensed matrix of n observations (0-based). */
export function pairIndex(n: number, i: number, j: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Number of pairs of n observations: n(n − 1)/2. */
export function pairCount(n: number): number {
  return (n * (n - 1)) / 2;
}

/** The distance between observations i and j (0-based, any order); 0 on the diagonal. */
export function distAt(d: DistMatrix, i: number, j: number): number {
  if (i === j) return 0;
  return i < j ? d.values[pairIndex(d.n, i, j)] : d.values[pairIndex(d.n, j, i)];
}
