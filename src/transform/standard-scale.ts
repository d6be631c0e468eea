/**
 * Min–max scaling of rows or columns to 0…1, seaborn's `standard_scale`
 * (`clustermap(standard_scale=0)` scales each row, `1` each column).
 */
import { type Matrix, transpose } from "../matrix.js";
import type { OPTIONS } from "../options/schema.js";
import { assertFinite } from "./check.js";

/** `none`, `row` or `column`. */
export type StandardScale = (typeof OPTIONS)["standardScale"]["kind"]["choices"][number];

/**
 * Each row (or column) becomes `(x − min) / (max − min)` in double, as
 * seaborn's `ClusterGrid.standard_scale` computes it with pandas (NaN
 * skipped: missing values stay missing). A constant row (max = min) becomes
 * 0 where seaborn gives NaN (0 / 0); a row with no value stays missing.
 * Throws a DataError on an infinite value. O(nrow × ncol).
 */
export function standardScaleMatrix(m: Matrix, axis: StandardScale): Matrix {
  if (axis === "none") return m;
  assertFinite(m, "standard scaling");
  if (axis === "column") return transpose(standardScaleRows(transpose(m)));
  return standardScaleRows(m);
}

function standardScaleRows(m: Matrix): Matrix {
  const values = new Float64Array(m.values.length);
  for (let i = 0; i < m.nrow; i++) {
    const base = i * m.ncol;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < m.ncol; j++) {
      const v = m.values[base + j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    for (let j = 0; j < m.ncol; j++) {
      const v = m.values[base + j];
      values[base + j] = Number.isNaN(v) ? Number.NaN : range > 0 ? (v - lo) / range : 0;
    }
  }
  return { ...m, values };
}
