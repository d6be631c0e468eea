import { describe, expect, it } from "vitest";
import { rowMeansR } from "../../src/numeric/rstats.js";

/** The plain double loop rowMeansR replaces (sum in double, NAs skipped). */
function plainRowMeans(m: { nrow: number; ncol: number; values: Float64Array }): Float64Array {
  const out = new Float64Array(m.nrow);
  for (let i = 0; i < m.nrow; i++) {
    let s = 0;
    let c = 0;
    for (let j = 0; j < m.ncol; j++) {
      const v = m.values[i * m.ncol + j];
      if (v === v) {
        s += v;
        c++;
      }
    }
    out[i] = c > 0 ? s / c : Number.NaN;
  }
  return out;
}

describe("rowMeansR", () => {
  it("is R's rowMeans(x, na.rm = TRUE): long double sums, where double sums differ", () => {
    const p = 1001;
    const rows = [
      [1, ...Array(1000).fill(2 ** -53)],
      [Number.NaN, 0.1, 0.2, 0.3, Number.NaN, 0.4, ...Array(p - 6).fill(Number.NaN)],
      [1e16, 1, 1, 1, 1, -1e16, ...Array(p - 6).fill(Number.NaN)],
      Array(p).fill(Number.NaN),
    ];
    const m = { nrow: rows.length, ncol: p, values: Float64Array.from(rows.flat()) };
    // Rscript -e 'p <- 1001; a <- c(1, rep(2^-53, 1000)); b <- c(NA, 0.1, 0.2, 0.3, NA, 0.4, rep(NA, p-6));
    //   c3 <- c(1e16, 1, 1, 1, 1, -1e16, rep(NA, p-6)); x <- rbind(a, b, c3, rep(NA_real_, p));
    //   sprintf("%.17g", rowMeans(x, na.rm = TRUE))'   (R 4.x, x86-64)
    const r = [0.00099900099900110981, 0.25, 0.66666666666666663, Number.NaN];
    expect(Array.from(rowMeansR(m))).toEqual(r);
    const plain = plainRowMeans(m);
    expect(plain[0]).not.toBe(r[0]);
    expect(plain[2]).not.toBe(r[2]);
  });

  it("gives NaN for a row without values and handles no columns", () => {
    expect(Array.from(rowMeansR({ nrow: 2, ncol: 0, values: new Float64Array(0) }))).toEqual([
      Number.NaN,
      Number.NaN,
    ]);
  });
});
