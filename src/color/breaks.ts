import { rSeq } from "./seq.js";

/** Smallest and largest finite value (NaN and ±Infinity skipped), or undefined when there is none. */
function finiteRange(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * pheatmap 1.0.12's breaks (`generate_breaks(x, n, center)`): n + 1 values for n colors,
 * `seq(min(x), max(x), length.out = n + 1)`, or when `centered` (pheatmap with `scale` set)
 * `seq(−m, m, length.out = n + 1)` with `m = max(|min(x)|, |max(x)|)`. Bit-identical to R
 * (fixture test/golden/color/breaks.json). O(length + n).
 *
 * Differences from pheatmap, all where pheatmap fails:
 * - NaN is ignored (as `na.rm = TRUE`), and so are ±Infinity (R stops: "'from' must be finite");
 * - all values equal to a (pheatmap makes n + 1 equal breaks and `cut` then stops with "'breaks'
 *   are not unique"): the range is widened to `a ± |a|/1000` (`±1` when a = 0), as R's
 *   `cut(x, breaks = n)` widens a constant range, so the values take the middle color;
 * - no finite value at all: breaks over [−1, 1].
 */
export function defaultBreaks(values: ArrayLike<number>, n: number, centered: boolean): number[] {
  const range = finiteRange(values) ?? [-1, 1];
  let [lo, hi] = range;
  if (centered) {
    hi = Math.max(Math.abs(lo), Math.abs(hi));
    lo = -hi;
  }
  if (lo === hi) return widened(lo, n);
  return rSeq(lo, hi, n + 1);
}

/** n + 1 breaks around a constant a: `seq(a − d, a + d)`, d = |a|/1000, or 1 when a = 0. */
function widened(a: number, n: number): number[] {
  const d = a === 0 ? 1 : Math.abs(a) / 1000;
  return rSeq(a - d, a + d, n + 1);
}

/**
 * Breaks symmetric around `center`, as seaborn's `heatmap(center=…)` maps colors: n + 1 values
 * `seq(center − r, center + r, length.out = n + 1)` with `r = max(max(x) − center, center − min(x))`
 * over the finite values, so `center` takes the middle of the palette and the data use the part of
 * it their range reaches. `r = 0` (all values at the center, or none finite) widens as
 * {@link defaultBreaks} does. O(length + n).
 */
export function centeredBreaks(values: ArrayLike<number>, n: number, center: number): number[] {
  const range = finiteRange(values);
  const r = range ? Math.max(range[1] - center, center - range[0]) : 0;
  if (r === 0) return widened(center, n);
  return rSeq(center - r, center + r, n + 1);
}

/**
 * seaborn's `robust=True` range: the 2nd and 98th percentiles of the finite values, with numpy's
 * default (`linear`) percentile: on the sorted values a[0 … N−1], position p = (N − 1)·q with
 * q = 0.02 or 0.98, i = ⌊p⌋, g = p − i, value `a[i] + (a[i+1] − a[i])·g`, computed as numpy's
 * `_lerp` does (from the upper end, `a[i+1] − (a[i+1] − a[i])·(1 − g)`, when g ≥ 0.5).
 * Returns undefined when no value is finite. O(N log N).
 */
export function robustRange(values: ArrayLike<number>): [number, number] | undefined {
  const sorted = Float64Array.from(Array.prototype.filter.call(values, Number.isFinite) as number[]).sort();
  if (sorted.length === 0) return undefined;
  return [percentile(sorted, 2), percentile(sorted, 98)];
}

function percentile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * (q / 100);
  const i = Math.min(Math.floor(position), sorted.length - 1);
  const j = Math.min(i + 1, sorted.length - 1);
  const g = position - i;
  const a = sorted[i]!;
  const b = sorted[j]!;
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}
