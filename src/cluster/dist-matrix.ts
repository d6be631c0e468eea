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
  /**
   * "packed" (default): the condensed upper triangle above. "full": the
   * symmetric n × n matrix, row-major, d(i, j) = d(j, i) at i·n + j (the
   * diagonal is not read) — twice the memory, but every row and column of
   * the triangle can be read contiguously (hclust's fast layout).
   */
  readonly layout?: "packed" | "full";
}

/** Index of the pair (i, j), i < j, in a condensed matrix of n observations (0-based). */
export function pairIndex(n: number, i: number, j: number): number {
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Where a row's pairs go in a buffer: pair (i, j), j > i, at origin(i) + j.
 * The distance fills write through one, so that the same code fills the
 * condensed triangle (condensedOrigin) or the rows of the full matrix
 * (fullOrigin) without a copy in between.
 */
export type RowOrigin = (i: number) => number;

/** The condensed triangle (pairIndex). */
export function condensedOrigin(n: number): RowOrigin {
  return (i) => i * n - (i * (i + 1)) / 2 - i - 1;
}

/** The full n × n matrix, row-major. */
export function fullOrigin(n: number): RowOrigin {
  return (i) => i * n;
}

/** Number of pairs of n observations: n(n − 1)/2. */
export function pairCount(n: number): number {
  return (n * (n - 1)) / 2;
}

/** The distance between observations i and j (0-based, any order); 0 on the diagonal. */
export function distAt(d: DistMatrix, i: number, j: number): number {
  if (i === j) return 0;
  if (d.layout === "full") return d.values[i * d.n + j];
  return i < j ? d.values[pairIndex(d.n, i, j)] : d.values[pairIndex(d.n, j, i)];
}

/**
 * Turns condensed distances held in the first n(n−1)/2 entries of `values`
 * (length ≥ n²) into the full symmetric layout, in place: each row moves to
 * its place (last row first, so nothing is overwritten before it is read),
 * then the lower triangle is mirrored from the upper one in tiles, so that
 * both the reads and the writes stay within a few pages. Diagonal: 0.
 * O(n²) time, no extra memory.
 */
export function expandToFull(values: Float64Array, n: number): DistMatrix {
  if (values.length < n * n) throw new RangeError(`expandToFull: ${values.length} values for ${n} × ${n}`);
  for (let i = n - 1; i >= 0; i--) {
    const from = pairIndex(n, i, i + 1);
    values.copyWithin(i * n + i + 1, from, from + (n - 1 - i));
    values[i * n + i] = 0;
  }
  mirrorUpper(values, n, 0, n);
  return { n, values, layout: "full" };
}

/** Tile edge of the mirroring (64 × 64 doubles = 32 KB read, 32 KB written). */
const TILE = 64;

/**
 * Copies d(i, j), j > i, to d(j, i) for the rows i in [r0, r1) of a full
 * matrix (threads may mirror disjoint row ranges at once).
 */
export function mirrorUpper(values: Float64Array, n: number, r0: number, r1: number): void {
  for (let i0 = r0; i0 < r1; i0 += TILE) {
    const i1 = Math.min(r1, i0 + TILE);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = Math.min(n, j0 + TILE);
      for (let j = Math.max(j0, i0 + 1); j < j1; j++) {
        const row = j * n;
        for (let i = i0, end = Math.min(i1, j); i < end; i++) values[row + i] = values[i * n + j];
      }
    }
  }
}
