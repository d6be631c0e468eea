/**
 * `clusterheat cluster`: read a matrix, apply the prep steps, cluster rows
 * and columns, write the trees (JSON, Newick, cluster table).
 */
import type { Command } from "commander";
import { type ClusterResult, clusterMatrix } from "../cluster/cluster-matrix.js";
import type { Logger } from "../log.js";
import type { Matrix } from "../matrix.js";
import { nodeClusterContext } from "../node/parallel.js";
import type { ClusterOptions, PrepOptions } from "../options.js";
import { type Axis, COMPUTE_OPTIONS, TREE_OUTPUT_OPTIONS, type TreeFormat } from "./cli-options.js";
import {
  addGeneralFlags,
  addInputFlags,
  addOutputFlags,
  type CliIo,
  given,
  HEADING,
  newCommand,
  outputPaths,
  specsOf,
} from "./command-parts.js";
import { writeOutputs } from "./files.js";
import { addFlags } from "./flags.js";
import { type InputFiles, loadPrepared } from "./load-matrix.js";
import { stderrLogger } from "./progress.js";
import { formatTrees, treeFormatFor } from "./tree-output.js";

const EXAMPLES = `
Output formats:
  json    {"rows": {labels, merge, height, order, clusters?}, "cols": {...}} in R's hclust shape
          (merge: negative = observation, positive = earlier step); an axis not clustered is null;
          with --kmeans-rows the row tree is over the clusters and "kmeans": {names, cluster, size,
          withinss, ...} gives the cluster of each input row
  newick  one tree per line: the row tree, then the column tree (an axis not clustered is left
          out); --axis rows|cols writes only that tree
  tsv     name, cluster, position (1-based, in the drawn order) of the rows, or --axis cols
  Without --format, each -o file's extension decides (.json, .nwk/.newick/.tree, .tsv/.txt); stdout is json.

Examples:
  clusterheat cluster dex30.tsv --scale row --clustering-distance-rows correlation \\
      --clustering-method ward.D2 --cutree-rows 2 -o trees.json -o rows.nwk -o clusters.tsv
  clusterheat cluster expr.tsv --no-cluster-cols --format newick --axis rows`;

/**
 * Clusters with the distances and hclust's updates on worker threads (shared
 * memory). Ctrl-C is left to Node's default, which stops the process at once
 * (the shell reports 130): a JavaScript SIGINT handler would only run after
 * the synchronous linkage had finished. Nothing is written before the
 * clustering is done, so an interrupted run leaves no output.
 */
function clusterOnThreads(
  m: Matrix,
  options: Partial<ClusterOptions>,
  threads: number | undefined,
  logger: Logger,
): Promise<ClusterResult> {
  return clusterMatrix(m, options, { logger, ...nodeClusterContext(threads) });
}

/** The `cluster` command. */
export function clusterCommand(io: CliIo): Command {
  const cmd = newCommand("cluster")
    .summary("cluster rows and columns as pheatmap does and write the trees (JSON, Newick, TSV)")
    .description(
      "Read an expression matrix, apply the prep options, cluster the rows and the columns as pheatmap " +
        "does (R's dist, cor, hclust and cutree, with the same results) and write the trees.",
    );
  const flags = addInputFlags(cmd);
  const cluster = addFlags(cmd, specsOf("cluster"), HEADING.cluster);
  const output = [...addOutputFlags(cmd), ...addFlags(cmd, TREE_OUTPUT_OPTIONS, HEADING.output)];
  const general = [...addGeneralFlags(cmd), ...addFlags(cmd, COMPUTE_OPTIONS, HEADING.other)];
  cmd.addHelpText("after", EXAMPLES);
  cmd.action(async (matrix: string) => {
    const { quiet, threads } = given<{ quiet: boolean; threads: number }>(cmd, general);
    const logger = stderrLogger(io.stderr, { quiet });
    try {
      const out = given<{ output: string[]; format: TreeFormat; axis: Axis }>(cmd, output);
      const paths = outputPaths(out);
      const files: InputFiles = { matrix, ...given<InputFiles>(cmd, flags.input) };
      const prep = given<Omit<PrepOptions, "rows"> & { rows: string }>(cmd, flags.prep);
      const m = loadPrepared(files, prep, logger);
      const result = await clusterOnThreads(m, given<ClusterOptions>(cmd, cluster), threads, logger);
      const outputs = paths.map((path) => ({
        path,
        content: formatTrees(
          result,
          treeFormatFor(path === "-" ? "" : path, out.format),
          out.axis ?? null,
          m.rowNames,
        ),
      }));
      writeOutputs(outputs, io.stdout);
    } finally {
      logger.finish();
    }
  });
  return cmd;
}
