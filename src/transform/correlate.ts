/**
 * The correlation matrix step (`correlation`): the gene–gene (`rows`) or
 * sample–sample (`cols`) correlation matrix of the prepared matrix is what
 * the figure then shows — seaborn's `heatmap(df.corr())`, R's `cor(t(x))`
 * or `cor(x)`.
 */
import type { DistMatrix } from "../cluster/dist-matrix.js";
import { distAt, pairCount } from "../cluster/dist-matrix.js";
import { fillDistanceRows, prepareDistanceJob } from "../cluster/distance.js";
import { type Matrix, transpose } from "../matrix.js";
import type { OPTIONS } from "../options/schema.js";
import type { Distance } from "../options.js";

export type CorrelationAxis = (typeof OPTIONS)["correlation"]["kind"]["choices"][number];
export type CorrelationMethod = (typeof OPTIONS)["correlationMethod"]["kind"]["choices"][number];

/** The correlation matrix and the distances 1 − r it came from. */
export interface CorrelationResult {
  axis: CorrelationAxis;
  method: CorrelationMethod;
  /** n × n, the same names (and sheet) on both axes; r on the diagonal is 1 (NaN for an undefined one). */
  matrix: Matrix;
  /** `as.dist(1 − r)`, condensed: what a clustered correlation figure clusters (NaN where r is undefined). */
  dist: DistMatrix;
}

/** The distance kernel of each method: 1 − r, exactly as the clustering distances compute it. */
const KERNEL: Readonly<Record<CorrelationMethod, Distance>> = {
  pearson: "correlation",
  spearman: "spearman",
  kendall: "kendall",
};

/** The legend title of each method ("Pearson r", …). */
export const CORRELATION_TITLE: Readonly<Record<CorrelationMethod, string>> = {
  pearson: "Pearson r",
  spearman: "Spearman ρ",
  kendall: "Kendall τ",
};

/**
 * R's `cor(t(x), use = "pairwise.complete.obs", method)` (rows) or
 * `cor(x, …)` (cols): computed by the clustering's correlation kernels
 * (cluster/correlation.ts: R's long double accumulation, pairwise-complete
 * values where a row has NAs, Kendall's τ_b, Spearman on average ranks), as
 * d = 1 − r, then r = 1 − d (within 1e-16 of R's r; d itself is R's
 * `1 − cor` bit for bit). A pair with fewer than 2 shared values or a
 * constant part has r = NaN (drawn as missing); the diagonal is 1, or NaN
 * for a row that is constant or has fewer than 2 values. O(n² p) time
 * (O(n² p²) for kendall), O(n²) memory.
 */
export function correlate(m: Matrix, axis: CorrelationAxis, method: CorrelationMethod): CorrelationResult {
  const x = axis === "rows" ? m : transpose(m);
  const job = prepareDistanceJob(x, KERNEL[method]);
  const n = x.nrow;
  const dist: DistMatrix = { n, values: new Float64Array(pairCount(n)) };
  fillDistanceRows(job, 0, n, dist.values);
  const defined = new Uint8Array(n);
  for (let i = 0; i < n; i++) defined[i] = selfDefined(x, i) ? 1 : 0;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      values[i * n + j] = i === j ? (defined[i] ? 1 : Number.NaN) : 1 - distAt(dist, i, j);
    }
  }
  const sheet = x.rowAnnotation;
  const matrix: Matrix = {
    nrow: n,
    ncol: n,
    values,
    rowNames: x.rowNames,
    colNames: x.rowNames,
    ...(sheet ? { rowAnnotation: sheet, colAnnotation: sheet } : {}),
  };
  return { axis, method, matrix, dist };
}

/** cor(x, x) is 1 when x has at least 2 values and is not constant. */
function selfDefined(x: Matrix, i: number): boolean {
  let first = Number.NaN;
  let count = 0;
  let varies = false;
  for (let j = 0; j < x.ncol; j++) {
    const v = x.values[i * x.ncol + j];
    if (Number.isNaN(v)) continue;
    if (count === 0) first = v;
    else if (v !== first) varies = true;
    count++;
  }
  return count >= 2 && varies;
}
