/**
 * R's `seq(from, to, length.out = n)` for doubles (`seq.default` and the primitive `seq.int` of
 * R 4.2 give the same numbers): the first value is `from`, the last is `to` exactly, and value `i`
 * in between is `from + i * ((to - from) / (n - 1))`. `n = 1` gives `[from]`, `n = 0` `[]`.
 *
 * Bit-identical to R 4.2.2 (tested through pheatmap's breaks and colorRampPalette). O(n).
 */
export function rSeq(from: number, to: number, n: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [from];
  const out = new Array<number>(n);
  const by = (to - from) / (n - 1);
  out[0] = from;
  for (let i = 1; i < n - 1; i++) out[i] = from + i * by;
  out[n - 1] = to;
  return out;
}
