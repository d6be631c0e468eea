/**
 * Combinations of options that make no sense: refused (UsageError) or warned
 * about, before any work. A rule table (vega-lite's `scaleRules`), not `if`
 * chains spread through the stages.
 */
import { msg, opt, UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Options } from "./types.js";

interface Rule {
  /** True when the rule applies. */
  when(o: Options): boolean;
  /** An error refuses the options; a warning lets them through. */
  level: "error" | "warning";
  message(o: Options): ReturnType<typeof msg>;
}

const RULES: readonly Rule[] = [
  {
    when: (o) => o.cutreeRows !== null && o.cutreeRowsHeight !== null,
    level: "error",
    message: () =>
      msg`${opt("cutreeRows")} and ${opt("cutreeRowsHeight")} cannot be used together: choose one`,
  },
  {
    when: (o) => o.cutreeCols !== null && o.cutreeColsHeight !== null,
    level: "error",
    message: () =>
      msg`${opt("cutreeCols")} and ${opt("cutreeColsHeight")} cannot be used together: choose one`,
  },
  {
    when: (o) => !o.clusterRows && (o.cutreeRows !== null || o.cutreeRowsHeight !== null),
    level: "error",
    message: (o) =>
      msg`${opt(o.cutreeRows !== null ? "cutreeRows" : "cutreeRowsHeight")} needs clustered rows (drop ${opt("clusterRows")}: false)`,
  },
  {
    when: (o) => !o.clusterCols && (o.cutreeCols !== null || o.cutreeColsHeight !== null),
    level: "error",
    message: (o) =>
      msg`${opt(o.cutreeCols !== null ? "cutreeCols" : "cutreeColsHeight")} needs clustered columns (drop ${opt("clusterCols")}: false)`,
  },
  {
    when: (o) =>
      o.legendLabels !== null && (o.legendBreaks === null || o.legendBreaks.length !== o.legendLabels.length),
    level: "error",
    message: () => msg`${opt("legendLabels")} needs ${opt("legendBreaks")}, one label for each break`,
  },
  {
    when: (o) => o.breaks !== null && !isIncreasing(o.breaks),
    level: "error",
    message: () => msg`${opt("breaks")} must be at least two increasing numbers`,
  },
  {
    when: (o) =>
      o.minkowskiP !== 2 &&
      o.clusteringDistanceRows !== "minkowski" &&
      o.clusteringDistanceCols !== "minkowski",
    level: "warning",
    message: () => msg`${opt("minkowskiP")} is ignored: no axis uses the minkowski distance`,
  },
  {
    when: (o) => o.keepOrder && o.rows === null,
    level: "warning",
    message: () => msg`${opt("keepOrder")} is ignored without ${opt("rows")}`,
  },
  {
    when: (o) => o.standardScale !== "none" && o.scale !== "none",
    level: "error",
    message: () =>
      msg`${opt("standardScale")} and ${opt("scale")} cannot be used together: choose min–max or z-scores`,
  },
  {
    when: (o) => o.mask !== "none" && o.correlation === null,
    level: "error",
    message: () => msg`${opt("mask")} needs ${opt("correlation")} rows or cols (a square, symmetric matrix)`,
  },
  {
    when: (o) => o.correlation !== null && splitOption(o) !== null,
    level: "error",
    message: (o) => msg`${opt(splitOption(o)!)} cannot be used with ${opt("correlation")}`,
  },
  {
    when: (o) => o.correlation !== null && o.clusterRows !== o.clusterCols,
    level: "error",
    message: () =>
      msg`${opt("correlation")} clusters both axes with one tree, or neither: give both ${opt("clusterRows")} and ${opt("clusterCols")} the same value`,
  },
  {
    when: (o) => o.correlation !== null && (o.cutreeCols !== null || o.cutreeColsHeight !== null),
    level: "error",
    message: () =>
      msg`${opt("correlation")} has one tree for both axes: cut it with ${opt("cutreeRows")} (its gaps go on both axes)`,
  },
  {
    when: (o) => o.splitRowsBy !== null && o.kmeansSplitRows !== null,
    level: "error",
    message: () =>
      msg`${opt("splitRowsBy")} and ${opt("kmeansSplitRows")} cannot be used together: choose one`,
  },
  {
    when: (o) => o.kmeansRows !== null && (o.splitRowsBy !== null || o.kmeansSplitRows !== null),
    level: "error",
    message: (o) =>
      msg`${opt("kmeansRows")} draws cluster centers, which cannot be split: drop ${opt("kmeansRows")} or ${opt(o.splitRowsBy !== null ? "splitRowsBy" : "kmeansSplitRows")}`,
  },
  {
    when: (o) =>
      (o.splitRowsBy !== null || o.kmeansSplitRows !== null) &&
      (o.cutreeRows !== null || o.cutreeRowsHeight !== null),
    level: "error",
    message: (o) =>
      msg`${opt(o.cutreeRows !== null ? "cutreeRows" : "cutreeRowsHeight")} cannot be used with a split of the rows: the blocks already divide them (cut within blocks is not defined)`,
  },
  {
    when: (o) => o.splitColsBy !== null && (o.cutreeCols !== null || o.cutreeColsHeight !== null),
    level: "error",
    message: (o) =>
      msg`${opt(o.cutreeCols !== null ? "cutreeCols" : "cutreeColsHeight")} cannot be used with ${opt("splitColsBy")}: the blocks already divide the columns`,
  },
  {
    when: (o) =>
      o.clusterSplits && o.splitRowsBy === null && o.splitColsBy === null && o.kmeansSplitRows === null,
    level: "warning",
    message: () =>
      msg`${opt("clusterSplits")} is ignored without ${opt("splitRowsBy")}, ${opt("splitColsBy")} or ${opt("kmeansSplitRows")}`,
  },
  {
    when: (o) =>
      o.correlation !== null &&
      (o.clusteringDistanceRows !== "euclidean" || o.clusteringDistanceCols !== "euclidean"),
    level: "warning",
    message: () =>
      msg`with ${opt("correlation")} the tree is made from 1 - r: ${opt("clusteringDistanceRows")} and ${opt("clusteringDistanceCols")} are not used`,
  },
  {
    when: (o) => o.kmeansRows !== null && o.labelsRow !== null,
    level: "warning",
    message: () =>
      msg`${opt("labelsRow")} is ignored with ${opt("kmeansRows")}: the rows are k-means clusters`,
  },
];

/** The option that splits an axis, if any. */
function splitOption(o: Options): "splitRowsBy" | "splitColsBy" | "kmeansSplitRows" | null {
  if (o.splitRowsBy !== null) return "splitRowsBy";
  if (o.splitColsBy !== null) return "splitColsBy";
  if (o.kmeansSplitRows !== null) return "kmeansSplitRows";
  return null;
}

function isIncreasing(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  for (let i = 1; i < values.length; i++) if (!(values[i] > values[i - 1])) return false;
  return true;
}

/**
 * Refuses combinations that make no sense (UsageError naming the options)
 * and warns about options that will be ignored.
 */
export function checkCombinations(o: Options, logger?: Logger): void {
  for (const rule of RULES) {
    if (!rule.when(o)) continue;
    if (rule.level === "error") throw new UsageError(rule.message(o));
    logger?.warn(rule.message(o));
  }
}

/**
 * Checks what can only be checked once the matrix is prepared: a k larger
 * than the rows (or columns) there are. Runs before the clustering starts.
 */
export function checkAgainstMatrix(o: Options, nrow: number, ncol: number): void {
  const kRows = o.kmeansRows ?? nrow;
  const check = (
    name: "cutreeRows" | "cutreeCols" | "kmeansRows" | "kmeansSplitRows",
    k: number | null,
    n: number,
    what: string,
  ) => {
    if (k !== null && k > n) {
      throw new UsageError(
        msg`${opt(name)} ${k} is more than the ${n} ${what} left after the prep steps`,
        undefined,
        {
          option: name,
          found: k,
          expected: `at most ${n}`,
        },
      );
    }
  };
  check("kmeansRows", o.kmeansRows, nrow, "rows");
  check("kmeansSplitRows", o.kmeansSplitRows, nrow, "rows");
  check(
    "cutreeRows",
    o.clusterRows ? o.cutreeRows : null,
    kRows,
    o.kmeansRows !== null ? "k-means clusters" : "rows",
  );
  check("cutreeCols", o.clusterCols ? o.cutreeCols : null, ncol, "columns");
}
