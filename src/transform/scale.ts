/**
 * Z-scores of rows or columns, as pheatmap's `scale = "row"` / `"column"`.
 */
import { DataError, listSome } from "../errors.js";
import type { Logger } from "../log.js";
import { type Matrix, selectRows, transpose } from "../matrix.js";
import { rowMoments } from "../numeric/rstats.js";
import type { Scale } from "../options.js";
import { assertFinite } from "./check.js";

/**
 * Scales rows (or columns) to z-scores, as pheatmap's `scale_rows`:
 * `(x - apply(x, 1, mean, na.rm = TRUE)) / apply(x, 1, sd, na.rm = TRUE)`,
 * with R's mean and var (long double accumulation, n − 1 denominator:
 * rowMoments, in the CPU's long double where Node has it) and the
 * elementwise `(x - m) / s` in double, so the values equal R's bit for bit.
 * `"column"` does the same on the transposed matrix (pheatmap's
 * `t(scale_rows(t(x)))`); `"none"` returns `m` unchanged.
 *
 * A constant row (sd 0, or sd NaN when it has fewer than 2 values) cannot be
 * scaled — pheatmap makes it NaN and then fails. Here it is dropped with a
 * warning (how many, the first few; a DataError when all are constant), or
 * with `keepConstant` kept at 0 (missing values stay missing).
 * Throws a DataError on an infinite value ({@link assertFinite}), and on
 * rows whose mean or sd overflows (finite values near ±1.8e308, whose
 * squares are beyond a double): they are not constant, but cannot be
 * scaled (R's sd is Inf there and pheatmap makes them 0).
 * Complexity O(nrow × ncol).
 */
export function scaleMatrix(
  m: Matrix,
  scale: Scale,
  options: { keepConstant: boolean },
  logger?: Logger,
): Matrix {
  if (scale === "none") return m;
  assertFinite(m, "scaling");
  if (scale === "row") return scaleRows(m, options.keepConstant, "row", logger);
  return transpose(scaleRows(transpose(m), options.keepConstant, "column", logger));
}

/** Scales the rows of `m`; `axis` names what the rows are in messages. */
function scaleRows(m: Matrix, keepConstant: boolean, axis: string, logger?: Logger): Matrix {
  const values = new Float64Array(m.values.length);
  const moments = rowMoments(m.values, m.nrow, m.ncol);
  const constant: number[] = [];
  const overflow: number[] = [];
  for (let i = 0; i < m.nrow; i++) {
    let n = 0;
    for (let j = i * m.ncol; j < (i + 1) * m.ncol; j++) if (!Number.isNaN(m.values[j])) n++;
    const mean = moments.mean[i];
    const sd = Math.sqrt(moments.variance[i]); // R's sd(): sqrt(var(x))
    const base = i * m.ncol;
    if (n > 0 && !Number.isFinite(mean)) overflow.push(i);
    else if (n >= 2 && !(sd < Number.POSITIVE_INFINITY)) overflow.push(i);
    if (overflow[overflow.length - 1] === i) continue;
    if (!(sd > 0)) {
      constant.push(i);
      for (let j = 0; j < m.ncol; j++) values[base + j] = Number.isNaN(m.values[base + j]) ? Number.NaN : 0;
      continue;
    }
    for (let j = 0; j < m.ncol; j++) values[base + j] = (m.values[base + j] - mean) / sd;
  }
  if (overflow.length > 0) {
    const names = listSome(overflow.map((i) => m.rowNames[i]));
    const which =
      overflow.length === 1
        ? `the standard deviation of ${axis} ${names} overflows`
        : `the standard deviations of ${overflow.length} ${axis}s overflow (${names})`;
    throw new DataError(
      `scale ${axis}: ${which}: the sum of the values or of their squares is larger than the largest ` +
        "double, so they are not constant but cannot be scaled; log-transform the values (log2) or divide them by a constant",
    );
  }
  const scaled = { ...m, values };
  if (constant.length === 0 || keepConstant) return scaled;
  const names = constant.map((i) => m.rowNames[i]);
  const one = constant.length === 1;
  const these = `${constant.length} constant ${axis}${one ? "" : "s"}`;
  if (constant.length === m.nrow) {
    throw new DataError(
      `scale ${axis}: every ${axis} is constant (sd 0 or fewer than 2 values), nothing can be scaled: ` +
        `${listSome(names)} (keepConstant keeps them at 0)`,
    );
  }
  logger?.warn(
    `scale ${axis}: ${these} (sd 0 or fewer than 2 values) cannot be scaled and ` +
      `${one ? "was" : "were"} dropped: ${listSome(names)} (keepConstant keeps them at 0)`,
  );
  const isConstant = new Set(constant);
  const keep = Array.from({ length: m.nrow }, (_, i) => i).filter((i) => !isConstant.has(i));
  return selectRows(scaled, keep);
}
