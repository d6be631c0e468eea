/**
 * Gaps between blocks of rows (or columns), and where each drawn row then
 * lies. A gap goes after drawn position k (0-based) when the cutree clusters
 * of positions k and k + 1 differ (pheatmap's `cutree_rows`), and after each
 * position the user names in `gapsRow`/`gapsCol` (1-based "after row r", as
 * pheatmap's `gaps_row`; honoured also when the axis is clustered).
 */

/** pheatmap's gap between blocks, in points. */
export const GAP_SIZE = 4;

/**
 * The sorted, distinct 0-based drawn positions after which a gap goes.
 * `clustersDrawn` is the cluster of each drawn position (or null); `manual`
 * are 1-based positions (gapsRow); entries ≥ n (no row after them) are dropped.
 */
export function gapPositions(
  n: number,
  clustersDrawn: readonly number[] | null,
  manual: readonly number[] | null,
): number[] {
  const after = new Set<number>();
  if (clustersDrawn) {
    for (let k = 0; k + 1 < n; k++) if (clustersDrawn[k] !== clustersDrawn[k + 1]) after.add(k);
  }
  for (const r of manual ?? []) if (r >= 1 && r < n) after.add(r - 1);
  return [...after].sort((a, b) => a - b);
}

/**
 * The start (top or left edge) of each of n drawn positions of size `size`,
 * with a gap of `gap` after each position in `gaps` (sorted).
 */
export function axisStarts(n: number, size: number, gaps: readonly number[], gap = GAP_SIZE): number[] {
  const starts = new Array<number>(n);
  let g = 0;
  for (let k = 0; k < n; k++) {
    starts[k] = k * size + g * gap;
    if (g < gaps.length && gaps[g] === k) g++;
  }
  return starts;
}

/** The length of an axis of n positions of `size` with `gapCount` gaps. */
export function axisLength(n: number, size: number, gapCount: number, gap = GAP_SIZE): number {
  return n * size + gapCount * gap;
}
