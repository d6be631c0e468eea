/**
 * The library's high-level call: a matrix (or its file) and pheatmap-named
 * options in, the figure's Scene and every number behind it out.
 */

import type { Scene } from "./layout/scene.js";
import type { Matrix } from "./matrix.js";
import type { Options } from "./options.js";
import { type PipelineContext, type PipelineInput, type PipelineResult, runPipeline } from "./pipeline.js";

/** What `heatmap()` returns: the pipeline's result, with the Scene. */
export type HeatmapResult = PipelineResult & { scene: Scene };

/**
 * Prepares, clusters and lays out a clustered heatmap as pheatmap does.
 *
 * @param input a Matrix (from `readMatrix`, annotations attached with
 *   `readAnnotation`), or `{ matrix: {bytes, file}, annotationCol?: {bytes, file} }`.
 * @param options pheatmap's arguments in camelCase (`scale`, `clusteringDistanceRows`,
 *   `cutreeRows`, `color`, …; see `OPTIONS`), validated (UsageError) and defaulted.
 * @param ctx `logger` for warnings and progress, `signal` to cancel (CancelledError
 *   within about 100 ms); in Node, spread `nodeClusterContext()` from `clusterheat/node`
 *   in to cluster on worker threads.
 * @returns the Scene (draw it with `renderSvg`, or `renderPng`/`renderPdf` from
 *   `clusterheat/node`) with the prepared and drawn matrices, trees, cutree clusters,
 *   k-means membership and warnings.
 * @example
 * const { scene, rows } = await heatmap(m, { scale: "row", clusteringMethod: "ward.D2", cutreeRows: 2 });
 * writeFileSync("fig.svg", renderSvg(scene));
 */
export async function heatmap(
  input: Matrix | PipelineInput,
  options: Partial<Options> = {},
  ctx: PipelineContext = {},
): Promise<HeatmapResult> {
  const pipelineInput: PipelineInput = "values" in input ? { matrix: input } : input;
  const result = await runPipeline(pipelineInput, options, { ...ctx, stop: "figure" });
  return result as HeatmapResult;
}
