/**
 * The prepare stage: the matrix as pheatmap users expect it before clustering.
 */
import type { Logger } from "../log.js";
import type { Matrix } from "../matrix.js";
import { normalizePrepOptions, type PrepOptions } from "../options.js";
import { aggregateCols } from "./aggregate.js";
import { dropMissingRows, selectRowsByName, topVariableRows } from "./filter.js";
import { log2Transform } from "./log.js";
import { scaleMatrix } from "./scale.js";
import { standardScaleMatrix } from "./standard-scale.js";

/**
 * Prepares a matrix for clustering, in this order:
 * 1. `log2`: log2(x + pseudocount);
 * 2. `rows`: keep the named rows (`keepOrder`: in the list's order);
 * 3. `topVariable`: keep the N most variable rows (variance before scaling);
 * 4. `aggregateColsBy`: one column per sample group (`aggregate`: mean or median);
 * 5. rows with only missing values are dropped (they cannot be clustered);
 * 6. `scale`: z-scores of rows or columns (`keepConstant` for constant ones), or
 *    `standardScale`: min–max to 0…1 (seaborn's standard_scale; never both).
 * (`correlation` is the pipeline's next step, correlate.ts.)
 * Options are validated first (UsageError on an invalid value); warnings go to `logger`.
 */
export function prepare(m: Matrix, options: Partial<PrepOptions>, logger?: Logger): Matrix {
  const o = normalizePrepOptions(options);
  if (o.log2 !== null) m = log2Transform(m, o.log2, logger);
  if (o.rows !== null) m = selectRowsByName(m, o.rows, o.keepOrder, logger);
  if (o.topVariable !== null) m = topVariableRows(m, o.topVariable);
  if (o.aggregateColsBy !== null) m = aggregateCols(m, o.aggregateColsBy, o.aggregate, logger);
  m = dropMissingRows(m, logger);
  m = scaleMatrix(m, o.scale, { keepConstant: o.keepConstant }, logger);
  return standardScaleMatrix(m, o.standardScale);
}
