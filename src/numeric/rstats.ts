/**
 * Statistics that reproduce R's results bit for bit, by following R's
 * documented algorithms with its 80-bit long double accumulation
 * (see extended.ts). Inputs are NA-free (except for rowMeansR, which skips
 * NAs itself); callers remove NAs first, as
 * `na.rm = TRUE` does.
 */
import { LongDouble, ldSubFromDouble } from "./extended.js";

const acc = new LongDouble();
const t = new LongDouble();
const term = new LongDouble();
const pair = new Float64Array(2);

/**
 * R's `mean(x)`: s = Σ x in long double, s /= n; then a second pass
 * adds the mean of the residuals, s += Σ(x − s) / n; returns (double) s.
 * The same two-pass mean is used inside R's `var`, `cov` and `cor`.
 * NaN for an empty x. O(n).
 */
export function rMean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  acc.set(0);
  for (let k = 0; k < n; k++) acc.addDouble(x[k]);
  acc.divInt(n);
  if (!Number.isFinite(acc.hi)) return acc.hi;
  t.set(0);
  for (let k = 0; k < n; k++) {
    ldSubFromDouble(x[k], acc.hi, acc.lo, pair);
    t.add(term.set(pair[0], pair[1]));
  }
  t.divInt(n);
  acc.add(t);
  return acc.hi;
}

/**
 * The centered values x − m of R's `cov`/`cor`, each a long double
 * (hi, lo), where m = rMean(x) as a double. Written into out[2k], out[2k+1].
 */
export function centerLongDouble(x: ArrayLike<number>, m: number, out: Float64Array, offset = 0): void {
  for (let k = 0; k < x.length; k++) {
    ldSubFromDouble(x[k], m, 0, pair);
    out[offset + 2 * k] = pair[0];
    out[offset + 2 * k + 1] = pair[1];
  }
}

/**
 * Σ a_k × b_k of two centered long double vectors (as laid out by
 * centerLongDouble), accumulated in long double, divided by n1 in long
 * double and cast to double: one entry of R's `cov` matrix.
 */
export function crossProductLongDouble(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  n: number,
  n1: number,
): number {
  acc.set(0);
  for (let k = 0; k < n; k++) {
    const i = aOffset + 2 * k;
    const j = bOffset + 2 * k;
    acc.addProduct(a[i], a[i + 1], b[j], b[j + 1]);
  }
  return acc.divInt(n1).hi;
}

/**
 * R's `var(x)` (n − 1 denominator): the two-pass mean m, then
 * Σ (x − m)² in long double, / (n − 1), cast to double. NaN for n < 2.
 */
export function rVar(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const m = rMean(x);
  const centered = new Float64Array(2 * n);
  centerLongDouble(x, m, centered);
  return crossProductLongDouble(centered, 0, centered, 0, n, n - 1);
}

/** R's `sd(x)`: sqrt(var(x)) in double. */
export function rSd(x: ArrayLike<number>): number {
  return Math.sqrt(rVar(x));
}

/**
 * Computes, for each row of a row-major nrow × ncol matrix, over its values
 * that are not NaN (na.rm = TRUE), in column order: mean[i] = R's `mean`
 * (rMean; NaN for no values), variance[i] = R's `var` given that mean
 * (Σ (x − m)² in long double / (n − 1); NaN for fewer than 2 values), and,
 * when `centered` is given (2 · nrow · ncol doubles), each x − m as a long
 * double (hi, lo) at the value's place, (0, 0) where x is NaN.
 */
export type RowMomentsKernel = (
  x: Float64Array,
  nrow: number,
  ncol: number,
  mean: Float64Array,
  variance: Float64Array,
  centered: Float64Array | null,
) => void;

/** The kernel in the CPU's long double, where one was set (Node on x86-64: node/native.ts). */
let nativeRowMoments: RowMomentsKernel | null = null;

/**
 * Sets (or with null, removes) a rowMoments kernel in the CPU's own long
 * double: the same sums as the emulation, ~50× faster (node/native.ts sets
 * it where long double is the x87 format R uses on x86-64). Its results
 * differ from the emulation's only where the emulation's range is a double's
 * (sums beyond 1.8e308, subnormal results), and there they are R's.
 */
export function setNativeRowMoments(kernel: RowMomentsKernel | null): void {
  nativeRowMoments = kernel;
}

/** rowMoments in the emulated long double (numeric/extended.ts), row by row. */
export const emulatedRowMoments: RowMomentsKernel = (x, nrow, ncol, mean, variance, centered) => {
  const present = new Float64Array(ncol);
  const scratch = new Float64Array(2 * ncol);
  for (let i = 0; i < nrow; i++) {
    const base = i * ncol;
    let n = 0;
    for (let j = 0; j < ncol; j++) {
      const v = x[base + j];
      if (v === v) present[n++] = v;
    }
    const values = present.subarray(0, n);
    const m = rMean(values);
    mean[i] = m;
    if (n === 0) {
      variance[i] = Number.NaN;
      centered?.fill(0, 2 * base, 2 * (base + ncol));
      continue;
    }
    centerLongDouble(values, m, scratch);
    variance[i] = n < 2 ? Number.NaN : crossProductLongDouble(scratch, 0, scratch, 0, n, n - 1);
    if (!centered) continue;
    for (let j = 0, k = 0; j < ncol; j++) {
      const at = 2 * (base + j);
      if (x[base + j] === x[base + j]) {
        centered[at] = scratch[2 * k];
        centered[at + 1] = scratch[2 * k + 1];
        k++;
      } else {
        centered[at] = 0;
        centered[at + 1] = 0;
      }
    }
  }
};

/**
 * R's mean and var of each row, na.rm = TRUE (RowMomentsKernel), with the
 * centered values when `centered` is given: in the CPU's long double where
 * setNativeRowMoments set a kernel, else emulated. O(nrow × ncol).
 */
export function rowMoments(
  x: Float64Array,
  nrow: number,
  ncol: number,
  centered: Float64Array | null = null,
): { mean: Float64Array; variance: Float64Array } {
  const mean = new Float64Array(nrow);
  const variance = new Float64Array(nrow);
  (nativeRowMoments ?? emulatedRowMoments)(x, nrow, ncol, mean, variance, centered);
  return { mean, variance };
}

/**
 * R's `rowMeans(x, na.rm = TRUE)` of a row-major nrow × ncol matrix: for
 * each row, the sum of its non-missing values in column order in long double,
 * divided by their count in long double, cast to double (R's `do_colsum`; a
 * single pass, unlike `mean`). NaN for a row without values. This is the
 * `wts = rowMeans(x)` of `stats::heatmap` (`leafOrder: "mean"`).
 * O(nrow × ncol).
 */
export function rowMeansR(m: {
  readonly nrow: number;
  readonly ncol: number;
  readonly values: ArrayLike<number>;
}): Float64Array {
  const { nrow, ncol, values } = m;
  const out = new Float64Array(nrow);
  for (let i = 0; i < nrow; i++) {
    acc.set(0);
    let count = 0;
    const base = i * ncol;
    for (let j = 0; j < ncol; j++) {
      const v = values[base + j];
      if (v !== v) continue;
      acc.addDouble(v);
      count++;
    }
    out[i] = count === 0 ? Number.NaN : acc.divInt(count).hi;
  }
  return out;
}
