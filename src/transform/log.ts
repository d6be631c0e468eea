/**
 * The log transform of expression values: log2(x + pseudocount), as R's
 * `log2(x + pc)`.
 */
import type { Logger } from "../log.js";
import type { Matrix } from "../matrix.js";

/**
 * log2(x + pseudocount) of every value, as R computes `log2(x + pc)`: the sum
 * in double, then the base-2 logarithm. Like R, x + pc = 0 gives -Inf and
 * x + pc < 0 gives NaN (missing); NaN stays NaN. Values at or below zero after
 * adding the pseudocount are reported through `logger` (how many, which
 * pseudocount to use), never silently: -Inf is refused later by scaling and
 * clustering, and negatives mean the data were probably logged already.
 *
 * Complexity O(nrow × ncol).
 */
export function log2Transform(m: Matrix, pseudocount: number, logger?: Logger): Matrix {
  const values = new Float64Array(m.values.length);
  let zeros = 0;
  let negatives = 0;
  for (let k = 0; k < values.length; k++) {
    const y = m.values[k] + pseudocount;
    if (y === 0) zeros++;
    else if (y < 0) negatives++;
    values[k] = y < 0 ? Number.NaN : Math.log2(y);
  }
  if (logger && negatives > 0) {
    logger.warn(
      `log2: ${negatives} value${plural(negatives)} below ${-pseudocount} (x + ${pseudocount} < 0) ` +
        "became missing; negative values suggest the data are already on a log scale",
    );
  }
  if (logger && zeros > 0) {
    logger.warn(
      `log2: ${zeros} value${plural(zeros)} equal to ${-pseudocount} (x + ${pseudocount} = 0) became -Inf, ` +
        "which cannot be scaled or clustered; use a larger pseudocount (e.g. 1)",
    );
  }
  return { ...m, values };
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}
