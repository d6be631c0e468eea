/**
 * Correlation distances, 1 − r, as pheatmap computes them:
 * `as.dist(1 − cor(t(x)))` for "correlation" (Pearson), and the same with
 * `method = "spearman"` / `"kendall"`. Rows with NAs use the
 * pairwise-complete values (R's `use = "pairwise.complete.obs"`), where
 * pheatmap fails.
 *
 * Bits: R accumulates in 80-bit long double; the functions marked "exact"
 * reproduce its results bit for bit (see numeric/extended.ts). The fast path
 * works in double and is within a few ulp of R's r; pairs whose fast
 * distance is below `exactBelow` are recomputed exactly, because there the
 * last bits decide ties (distance exactly 0) and relative accuracy.
 */
import { LongDouble, ldDiv, ldMul, ldSqrt, ldSubFromDouble } from "../numeric/extended.js";
import { centerLongDouble, crossProductLongDouble, rMean, rowMoments } from "../numeric/rstats.js";

/** Per-row data for Pearson correlation: R's means, centered long doubles, sds, and unit vectors. */
export interface PearsonRows {
  n: number;
  p: number;
  /** 1 when the row has an NA (pairwise path). */
  hasNA: Uint8Array;
  /** Centered values as long doubles (hi, lo), 2p per row; zeros for NA rows. */
  centered: Float64Array;
  /** R's sd of each complete row: sqrt((double)(Σ(x − m)² / (p − 1))). */
  sd: Float64Array;
  /** Fast path: (x − m) / (sd √(p − 1)) in double, so that r ≈ Σ u_i u_j. */
  unit: Float64Array;
}

/** Prepares rows of a row-major n × p matrix for Pearson correlation (R's `cor`, matrix path). O(np). */
export function preparePearson(x: Float64Array, n: number, p: number): PearsonRows {
  const hasNA = new Uint8Array(n);
  const centered = new Float64Array(2 * n * p);
  const sd = new Float64Array(n);
  const unit = new Float64Array(n * p);
  const scale = Math.sqrt(p - 1);
  const moments = rowMoments(x, n, p, centered);
  for (let i = 0; i < n; i++) {
    let complete = true;
    for (let k = i * p; k < (i + 1) * p; k++) if (x[k] !== x[k]) complete = false;
    if (!complete) {
      hasNA[i] = 1;
      sd[i] = Number.NaN;
      centered.fill(0, 2 * i * p, 2 * (i + 1) * p);
      continue;
    }
    const m = moments.mean[i];
    const s = Math.sqrt(moments.variance[i]);
    sd[i] = s;
    const f = s * scale;
    for (let k = i * p; k < (i + 1) * p; k++) unit[k] = (x[k] - m) / f;
  }
  return { n, p, hasNA, centered, sd, unit };
}

function clamp(r: number): number {
  return r >= 1 ? 1 : r <= -1 ? -1 : r;
}

/** Exact R `1 − cor(t(x))[i, j]` for two complete rows (cov_na_1 path): bit-identical to R. */
export function pearsonDistanceExact(rows: PearsonRows, i: number, j: number): number {
  const { p, centered, sd } = rows;
  if (sd[i] === 0 || sd[j] === 0) return Number.NaN;
  const cov = crossProductLongDouble(centered, 2 * i * p, centered, 2 * j * p, p, p - 1);
  return 1 - clamp(cov / (sd[i] * sd[j]));
}

const pair = new Float64Array(2);
const dx = new Float64Array(2);
const dy = new Float64Array(2);
const sum = new LongDouble();
const mx = new LongDouble();
const my = new LongDouble();
const sxy = new LongDouble();
const sxx = new LongDouble();
const syy = new LongDouble();

/**
 * Exact R pairwise-complete Pearson for two rows with NAs (the
 * `use = "pairwise.complete.obs"` body): one-pass long double means over the
 * complete columns, then Σxy, Σx², Σy² in long double, r = sxy / (√sxx √syy)
 * in long double, clamped, cast to double. NaN with fewer than 2 columns or
 * a constant part.
 */
export function pearsonPairwiseExact(x: Float64Array, a: number, b: number, p: number): number {
  let nobs = 0;
  mx.set(0);
  my.set(0);
  for (let k = 0; k < p; k++) {
    const u = x[a + k];
    const v = x[b + k];
    if (u !== u || v !== v) continue;
    nobs++;
    mx.addDouble(u);
    my.addDouble(v);
  }
  if (nobs < 2) return Number.NaN;
  mx.divInt(nobs);
  my.divInt(nobs);
  sxy.set(0);
  sxx.set(0);
  syy.set(0);
  for (let k = 0; k < p; k++) {
    const u = x[a + k];
    const v = x[b + k];
    if (u !== u || v !== v) continue;
    ldSubFromDouble(u, mx.hi, mx.lo, dx);
    ldSubFromDouble(v, my.hi, my.lo, dy);
    sxy.addProduct(dx[0], dx[1], dy[0], dy[1]);
    sxx.addProduct(dx[0], dx[1], dx[0], dx[1]);
    syy.addProduct(dy[0], dy[1], dy[0], dy[1]);
  }
  if (sxx.hi === 0 || syy.hi === 0) return Number.NaN;
  const n1 = nobs - 1;
  sxy.divInt(n1);
  sxx.divInt(n1);
  syy.divInt(n1);
  ldSqrt(sxx.hi, sxx.lo, dx);
  ldSqrt(syy.hi, syy.lo, dy);
  ldMul(dx[0], dx[1], dy[0], dy[1], pair);
  ldDiv(sxy.hi, sxy.lo, pair[0], pair[1], pair);
  return 1 - clamp(pair[0]);
}

/**
 * R's `rank(x, na.last = "keep")` with ties averaged, written into out.
 * O(p log p).
 */
export function rankAverage(x: ArrayLike<number>, out: Float64Array): void {
  const p = x.length;
  const idx: number[] = [];
  for (let k = 0; k < p; k++) {
    if (x[k] === x[k]) idx.push(k);
    else out[k] = Number.NaN;
  }
  idx.sort((u, v) => x[u] - x[v] || u - v);
  for (let s = 0; s < idx.length; ) {
    let e = s + 1;
    while (e < idx.length && x[idx[e]] === x[idx[s]]) e++;
    const r = (s + 1 + e) / 2; // average of ranks s+1 … e
    for (let t = s; t < e; t++) out[idx[t]] = r;
    s = e;
  }
}

/**
 * Rank-transforms each complete row (Spearman = Pearson on ranks, as R's
 * `cor(method = "spearman")`); rows with NAs are left as they are and are
 * handled pairwise by spearmanPairwise.
 */
export function rankRows(x: Float64Array, n: number, p: number): Float64Array {
  const out = new Float64Array(n * p);
  const row = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const src = x.subarray(i * p, (i + 1) * p);
    if (src.some((v) => v !== v)) {
      out.set(src, i * p);
      continue;
    }
    rankAverage(src, row);
    out.set(row, i * p);
  }
  return out;
}

/** Complete values of two rows (both present), in column order. */
function completePairs(x: Float64Array, a: number, b: number, p: number): [Float64Array, Float64Array] {
  const u: number[] = [];
  const v: number[] = [];
  for (let k = 0; k < p; k++) {
    if (x[a + k] === x[a + k] && x[b + k] === x[b + k]) {
      u.push(x[a + k]);
      v.push(x[b + k]);
    }
  }
  return [Float64Array.from(u), Float64Array.from(v)];
}

/**
 * Pearson r of two complete vectors as R's `cor(x, y)` computes it
 * (cov_complete2: two-pass means, long double sums, sds by sqrtl).
 */
function pearsonTwoVectors(u: Float64Array, v: Float64Array): number {
  const q = u.length;
  if (q < 2) return Number.NaN;
  const cu = new Float64Array(2 * q);
  const cv = new Float64Array(2 * q);
  centerLongDouble(u, rMean(u), cu);
  centerLongDouble(v, rMean(v), cv);
  const cov = crossProductLongDouble(cu, 0, cv, 0, q, q - 1);
  const su = sdLongDouble(cu, q);
  const sv = sdLongDouble(cv, q);
  if (su === 0 || sv === 0) return Number.NaN;
  return clamp(cov / (su * sv));
}

function sdLongDouble(c: Float64Array, q: number): number {
  sum.set(0);
  for (let k = 0; k < q; k++) sum.addProduct(c[2 * k], c[2 * k + 1], c[2 * k], c[2 * k + 1]);
  sum.divInt(q - 1);
  ldSqrt(sum.hi, sum.lo, pair);
  return pair[0];
}

/**
 * Spearman distance of two rows when either has NAs: R ranks the complete
 * pairs of each pair of rows and correlates the ranks.
 */
export function spearmanPairwise(x: Float64Array, a: number, b: number, p: number): number {
  const [u, v] = completePairs(x, a, b, p);
  const ru = new Float64Array(u.length);
  const rv = new Float64Array(v.length);
  rankAverage(u, ru);
  rankAverage(v, rv);
  return 1 - pearsonTwoVectors(ru, rv);
}

/**
 * Kendall distance 1 − τ_b of two rows over their complete columns, as R's
 * `cor(method = "kendall")`: Σ sign(x_k − x_l) sign(y_k − y_l) over ordered
 * pairs, divided by √(pairs untied in x) √(pairs untied in y). O(p²).
 */
export function kendallDistance(x: Float64Array, a: number, b: number, p: number): number {
  const [u, v] = completePairs(x, a, b, p);
  const q = u.length;
  if (q < 2) return Number.NaN;
  let s = 0;
  let tu = 0;
  let tv = 0;
  for (let k = 0; k < q; k++) {
    for (let l = 0; l < q; l++) {
      const su = Math.sign(u[k] - u[l]);
      const sv = Math.sign(v[k] - v[l]);
      s += su * sv;
      if (su !== 0) tu++;
      if (sv !== 0) tv++;
    }
  }
  if (tu === 0 || tv === 0) return Number.NaN;
  return 1 - clamp(s / (Math.sqrt(tu) * Math.sqrt(tv)));
}
