/**
 * Checks on a matrix before a numerical stage that cannot handle some values.
 */
import { DataError } from "../errors.js";
import type { Matrix } from "../matrix.js";

/**
 * Throws a DataError at the first infinite value (row-major scan), naming its
 * row and column and what to do about it. NaN (missing) is allowed: the
 * stages ignore it. `what` names the stage, e.g. `"scaling"` or `"clustering"`.
 */
export function assertFinite(m: Matrix, what: string): void {
  const v = m.values;
  for (let k = 0; k < v.length; k++) {
    const x = v[k];
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      const i = Math.floor(k / m.ncol);
      const j = k - i * m.ncol;
      throw new DataError(infiniteMessage(m, i, j, x, countInfinite(v), what));
    }
  }
}

function countInfinite(v: Float64Array): number {
  let n = 0;
  for (let k = 0; k < v.length; k++) if (v[k] === Infinity || v[k] === -Infinity) n++;
  return n;
}

function infiniteMessage(m: Matrix, i: number, j: number, x: number, count: number, what: string): string {
  const where = `row ${JSON.stringify(m.rowNames[i])}, column ${JSON.stringify(m.colNames[j])}`;
  const value = x > 0 ? "Inf" : "-Inf";
  const others = count > 1 ? ` (and ${count - 1} more infinite value${count > 2 ? "s" : ""})` : "";
  const hint =
    x < 0
      ? "log2 of 0 gives -Inf: add a pseudocount (--log2 1, option log2: 1), or remove the row"
      : "remove the row or replace the value";
  return `${where}: value is ${value}${others}; infinite values cannot be used for ${what}: ${hint}`;
}
