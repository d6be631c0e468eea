/**
 * Row filters of the prepare stage: a list of names, the most variable rows,
 * and rows that are entirely missing.
 */
import { DataError, listSome } from "../errors.js";
import type { Logger } from "../log.js";
import { type Matrix, selectRows } from "../matrix.js";
import { rowMoments } from "../numeric/rstats.js";

/**
 * Keeps the rows named in `names`: in the matrix's order, or with `keepOrder`
 * in the list's order (a name listed twice is kept once, at its first place).
 * Names not in the matrix are reported through `logger` (how many, the first
 * few). When the matrix has several rows of one name, all are kept.
 * Throws a DataError when none of the names is found.
 */
export function selectRowsByName(
  m: Matrix,
  names: readonly string[],
  keepOrder: boolean,
  logger?: Logger,
): Matrix {
  const wanted = new Set(names);
  const found = new Set<string>();
  const index: number[] = [];
  m.rowNames.forEach((name, i) => {
    if (wanted.has(name)) {
      found.add(name);
      index.push(i);
    }
  });
  const missing = [...wanted].filter((name) => !found.has(name));
  if (index.length === 0) {
    throw new DataError(`none of the ${wanted.size} rows asked for is in the matrix: ${listSome(missing)}`);
  }
  if (missing.length > 0) {
    logger?.warn(`rows: ${missing.length} of ${wanted.size} names not found: ${listSome(missing)}`);
  }
  if (!keepOrder) return selectRows(m, index);
  const rank = new Map<string, number>();
  names.forEach((name, k) => {
    if (!rank.has(name)) rank.set(name, k);
  });
  // Array.prototype.sort is stable: rows sharing a name keep the matrix's order.
  index.sort((a, b) => rank.get(m.rowNames[a])! - rank.get(m.rowNames[b])!);
  return selectRows(m, index);
}

/**
 * The variance of each row, R's `apply(x, 1, var, na.rm = TRUE)`: n − 1
 * denominator, missing values ignored; NaN for rows with fewer than 2 values.
 */
export function rowVariances(m: Matrix): Float64Array {
  return rowMoments(m.values, m.nrow, m.ncol).variance;
}

/**
 * Keeps the `n` rows of highest variance ({@link rowVariances}), in their
 * original order. Ties are broken by the original order (the earlier row
 * wins), as R's stable `order(v, decreasing = TRUE)`; rows with fewer than 2
 * values (variance NaN) rank lowest. With `n` ≥ the number of rows, all rows
 * are kept. Complexity O(nrow × ncol + nrow log nrow).
 */
export function topVariableRows(m: Matrix, n: number): Matrix {
  if (n >= m.nrow) return m;
  const v = rowVariances(m);
  const rank = Array.from({ length: m.nrow }, (_, i) => i);
  rank.sort((a, b) => compareDecreasing(v[a], v[b]) || a - b);
  const keep = rank.slice(0, n).sort((a, b) => a - b);
  return selectRows(m, keep);
}

/** Decreasing order with NaN last. */
function compareDecreasing(a: number, b: number): number {
  const na = Number.isNaN(a);
  const nb = Number.isNaN(b);
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  return a > b ? -1 : a < b ? 1 : 0;
}

/**
 * Drops the rows whose values are all missing (they cannot be scaled or
 * clustered), reporting how many and the first few through `logger`.
 */
export function dropMissingRows(m: Matrix, logger?: Logger): Matrix {
  const keep: number[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < m.nrow; i++) {
    let any = false;
    for (let j = 0; j < m.ncol && !any; j++) any = !Number.isNaN(m.values[i * m.ncol + j]);
    if (any) keep.push(i);
    else dropped.push(m.rowNames[i]);
  }
  if (dropped.length === 0) return m;
  if (keep.length === 0) throw new DataError(`all ${m.nrow} rows have only missing values`);
  logger?.warn(
    `${dropped.length} row${dropped.length === 1 ? "" : "s"} with only missing values dropped: ${listSome(dropped)}`,
  );
  return selectRows(m, keep);
}
