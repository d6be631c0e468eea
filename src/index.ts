/**
 * clusterheat — the public API. This file only re-exports.
 */

// Clustering
export {
  type AxisResult,
  type ClusterContext,
  type ClusterResult,
  clusterMatrix,
  type DistanceBackend,
} from "./cluster/cluster-matrix.js";
export { cutree } from "./cluster/cutree.js";
export { type DistMatrix, distAt, pairIndex } from "./cluster/dist-matrix.js";
export { type DistanceOptions, distanceMatrix } from "./cluster/distance.js";
export { type HclustOptions, hclust } from "./cluster/hclust.js";
export { type KmeansOptions, type KmeansResult, kmeans } from "./cluster/kmeans.js";
export { optimalLeafOrder, reorderByWeights } from "./cluster/leaf-order.js";
export { hclustOrder, type Tree } from "./cluster/tree.js";
// Core types, options and errors
export { CancelledError, ClusterheatError, DataError, type Place, UsageError } from "./errors.js";
// Reading and writing
export { readAnnotation } from "./io/annotation.js";
export { formatClusterTable } from "./io/cluster-table.js";
export { type ReadOptions, readMatrix } from "./io/matrix-reader.js";
export { parseNameList } from "./io/names.js";
export { formatNewick } from "./io/newick.js";
export { type TreeJson, treeToJson } from "./io/tree-json.js";
export { formatMatrixTsv } from "./io/write-tsv.js";
export { collectingLogger, type Logger, silentLogger } from "./log.js";
export {
  type Annotation,
  type AnnotationTrack,
  createMatrix,
  type Matrix,
  selectCols,
  selectRows,
  transpose,
} from "./matrix.js";
// R-exact statistics (80-bit long double accumulation, as R)
export { rMean, rSd, rVar } from "./numeric/rstats.js";
export {
  AGGREGATES,
  type ClusterOptions,
  DISTANCES,
  type Distance,
  DUPLICATE_ROWS,
  LEAF_ORDERS,
  METHODS,
  type Method,
  normalizeClusterOptions,
  normalizePrepOptions,
  OPTION_SPECS,
  type OptionSpec,
  type PrepOptions,
  SCALES,
} from "./options.js";
// Preparing
export { aggregateCols } from "./transform/aggregate.js";
export { selectRowsByName, topVariableRows } from "./transform/filter.js";
export { log2Transform } from "./transform/log.js";
export { prepare } from "./transform/prepare.js";
export { scaleMatrix } from "./transform/scale.js";
