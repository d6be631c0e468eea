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
export { type HclustOptions, hclust, hclustAsync } from "./cluster/hclust.js";
export { type KmeansOptions, type KmeansResult, kmeans } from "./cluster/kmeans.js";
export { optimalLeafOrder, reorderByWeights } from "./cluster/leaf-order.js";
export { hclustOrder, type Tree } from "./cluster/tree.js";
export { reserveLinkageMemory } from "./cluster/wasm/linkage.js";
// Colors, exact to R and pheatmap
export { annotationColors } from "./color/annotation-colors.js";
export { defaultBreaks } from "./color/breaks.js";
export { type ColorScale, colorScale } from "./color/color-scale.js";
export { textColorOn } from "./color/contrast.js";
export { COLORBLIND_SAFE_PALETTES, PALETTE_NAMES, resolvePalette } from "./color/palettes.js";
export { parseColor } from "./color/parse.js";
export { prettyTicks } from "./color/pretty.js";
export { colorRampPalette } from "./color/ramp.js";
// Core types, options and errors
export {
  CancelledError,
  ClusterheatError,
  DataError,
  Message,
  type MessageText,
  msg,
  OptionError,
  type OptionWording,
  opt,
  type Place,
  UsageError,
} from "./errors.js";
// The pipeline and the figure
export { type HeatmapResult, heatmap } from "./heatmap.js";
// Reading and writing
export { readAnnotation } from "./io/annotation.js";
export { formatClusterTable } from "./io/cluster-table.js";
export { formatFigureClusters } from "./io/figure-clusters.js";
export { type ReadOptions, readMatrix } from "./io/matrix-reader.js";
export { parseNameList } from "./io/names.js";
export { formatNewick } from "./io/newick.js";
export { type TreeJson, treeToJson } from "./io/tree-json.js";
export { formatMatrixTsv } from "./io/write-tsv.js";
export { type LayoutInput, layoutHeatmap } from "./layout/heatmap.js";
export type { Scene } from "./layout/scene.js";
export { measureText } from "./layout/text.js";
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
export { rMean, rowMeansR, rSd, rVar } from "./numeric/rstats.js";
export {
  AGGREGATES,
  ANGLES,
  type ClusterOptions,
  checkCombinations,
  DISTANCES,
  type Distance,
  DUPLICATE_ROWS,
  type FigureOptions,
  LEAF_ORDERS,
  METHODS,
  type Method,
  normalizeClusterOptions,
  normalizeFigureOptions,
  normalizeOptions,
  normalizePrepOptions,
  OPTION_SPECS,
  OPTIONS,
  type OptionName,
  type OptionSpec,
  type Options,
  type PrepOptions,
  parseKind,
  SCALES,
  STYLES,
} from "./options.js";
export {
  type InputFile,
  type PipelineContext,
  type PipelineInput,
  type PipelineResult,
  type PipelineStop,
  runPipeline,
} from "./pipeline.js";
export { renderCanvas } from "./render/canvas.js";
export { renderSvg } from "./render/svg.js";
// Preparing
export { aggregateCols } from "./transform/aggregate.js";
export { selectRowsByName, topVariableRows } from "./transform/filter.js";
export { log2Transform } from "./transform/log.js";
export { prepare } from "./transform/prepare.js";
export { scaleMatrix } from "./transform/scale.js";
