/**
 * R's `dist()` metrics between two rows of a row-major matrix, with R's NA
 * rule: columns where either value is NA are skipped, and euclidean,
 * manhattan, canberra and minkowski are scaled up by ncol / used; maximum
 * and binary are not scaled; no usable column gives NaN (NA).
 * Each sum runs sequentially over the columns in order, as R's does, so the
 * results are bit-identical to R's `dist` (minkowski up to the last bit of
 * `pow`, which JavaScript and C may round differently).
 *
 * A metric is a plain function (x, a, b, p, mp) → distance, where a and b are
 * the offsets of the two rows in x, p the number of columns, mp the
 * minkowski power. O(p) each.
 */
export type PairMetric = (x: Float64Array, a: number, b: number, p: number, mp: number) => number;

function scaled(sum: number, used: number, p: number): number {
  if (used === 0) return Number.NaN;
  return used === p ? sum : sum / (used / p);
}

/** sqrt(Σ (x − y)²), R's "euclidean". */
export const euclidean: PairMetric = (x, a, b, p) => {
  let sum = 0;
  let used = 0;
  for (let k = 0; k < p; k++) {
    const dev = x[a + k] - x[b + k];
    if (dev === dev) {
      sum += dev * dev;
      used++;
    }
  }
  return Math.sqrt(scaled(sum, used, p));
};

/** max |x − y|, R's "maximum" (not scaled for NAs). */
export const maximum: PairMetric = (x, a, b, p) => {
  let dist = -Number.MAX_VALUE;
  let used = 0;
  for (let k = 0; k < p; k++) {
    const dev = Math.abs(x[a + k] - x[b + k]);
    if (dev === dev) {
      if (dev > dist) dist = dev;
      used++;
    }
  }
  return used === 0 ? Number.NaN : dist;
};

/** Σ |x − y|, R's "manhattan". */
export const manhattan: PairMetric = (x, a, b, p) => {
  let sum = 0;
  let used = 0;
  for (let k = 0; k < p; k++) {
    const dev = Math.abs(x[a + k] - x[b + k]);
    if (dev === dev) {
      sum += dev;
      used++;
    }
  }
  return scaled(sum, used, p);
};

const DBL_MIN = 2.2250738585072014e-308;

/**
 * Σ |x − y| / (|x| + |y|), R's "canberra". A term whose numerator and
 * denominator are both 0 is skipped like an NA; an infinite pair counts 1.
 */
export const canberra: PairMetric = (x, a, b, p) => {
  let sum = 0;
  let used = 0;
  for (let k = 0; k < p; k++) {
    const u = x[a + k];
    const v = x[b + k];
    if (u !== u || v !== v) continue;
    const den = Math.abs(u) + Math.abs(v);
    const diff = Math.abs(u - v);
    if (den > DBL_MIN || diff > DBL_MIN) {
      let dev = diff / den;
      if (dev !== dev) {
        if (Number.isFinite(diff) || diff !== den) continue;
        dev = 1;
      }
      sum += dev;
      used++;
    }
  }
  return scaled(sum, used, p);
};

/**
 * R's "binary": non-zero = on; (columns where exactly one is on) /
 * (columns where at least one is on); 0 when none is on; non-finite values
 * are treated as NA.
 */
export const binary: PairMetric = (x, a, b, p) => {
  let total = 0;
  let count = 0;
  let dist = 0;
  for (let k = 0; k < p; k++) {
    const u = x[a + k];
    const v = x[b + k];
    if (!Number.isFinite(u) || !Number.isFinite(v)) continue;
    if (u !== 0 || v !== 0) {
      count++;
      if (!(u !== 0 && v !== 0)) dist++;
    }
    total++;
  }
  if (total === 0) return Number.NaN;
  return count === 0 ? 0 : dist / count;
};

/** R's pow as used by dist: x^2 as x*x, otherwise Math.pow. */
function rPow(x: number, y: number): number {
  return y === 2 ? x * x : x ** y;
}

/** (Σ |x − y|^p)^(1/p), R's "minkowski". */
export const minkowski: PairMetric = (x, a, b, p, mp) => {
  let sum = 0;
  let used = 0;
  for (let k = 0; k < p; k++) {
    const dev = x[a + k] - x[b + k];
    if (dev === dev) {
      sum += rPow(Math.abs(dev), mp);
      used++;
    }
  }
  return rPow(scaled(sum, used, p), 1 / mp);
};

/**
 * 1 − cosine similarity: 1 − Σxy / sqrt(Σx² Σy²) over the columns where
 * both are present (no R builtin; the usual definition, in double).
 */
export const cosine: PairMetric = (x, a, b, p) => {
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let k = 0; k < p; k++) {
    const u = x[a + k];
    const v = x[b + k];
    if (u !== u || v !== v) continue;
    xy += u * v;
    xx += u * u;
    yy += v * v;
  }
  const den = Math.sqrt(xx * yy);
  return den === 0 ? Number.NaN : 1 - xy / den;
};

/** The dist()-style metrics by name. */
export const PAIR_METRICS: Record<
  "euclidean" | "maximum" | "manhattan" | "canberra" | "binary" | "minkowski" | "cosine",
  PairMetric
> = { euclidean, maximum, manhattan, canberra, binary, minkowski, cosine };
