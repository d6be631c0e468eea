/**
 * `clusterheat cluster`: read a matrix, apply the prep steps, cluster rows
 * and columns, write the trees (JSON, Newick, cluster table).
 */
import type { Command } from "commander";
import { UsageError } from "../errors.js";
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
import { checkOutputExtension, writeOutputs } from "./files.js";
import { addFlags } from "./flags.js";
import { type Compute, optionsOf, runOnFiles, withLogger } from "./run-command.js";
import { formatTrees, TREE_EXTENSIONS, treeFormatFor } from "./tree-output.js";

const EXAMPLES = `
Output formats:
  json    {"rows": {labels, merge, height, order, clusters?}, "cols": {...}} in R's hclust shape
          (merge: negative = observation, positive = earlier step); an axis not clustered is null;
          with --kmeans-rows the row tree is over the clusters and "kmeans": {names, cluster, size,
          withinss, ...} gives the cluster of each input row
  newick  one tree per line: the row tree, then the column tree (an axis not clustered is left
          out); --axis rows|cols writes only that tree
  tsv     name, cluster, position (1-based, in the drawn order) of the rows, or --axis cols
  Without --format, each -o file's extension decides (.json, .nwk/.newick/.tree, .tsv/.txt; .gz
  compresses); stdout is json.

Examples:
  clusterheat cluster dex30.tsv --scale row --clustering-distance-rows correlation \\
      --clustering-method ward.D2 --cutree-rows 2 -o trees.json -o rows.nwk -o clusters.tsv
  clusterheat cluster expr.tsv --no-cluster-cols --format newick --axis rows`;

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
  cmd.action((matrix: string) =>
    withLogger(cmd, io, general, async (logger) => {
      const out = given<{ output: string[]; format: TreeFormat; axis: Axis }>(cmd, output);
      const paths = outputPaths(out);
      if (out.format === undefined) {
        for (const path of paths) checkOutputExtension(path, TREE_EXTENSIONS, "cluster");
      }
      const options = optionsOf(cmd, flags, cluster);
      // refused up front, before any work
      if (out.axis === "cols" && options.clusterCols === false) {
        throw new UsageError("--axis cols: the columns are not clustered (--no-cluster-cols)");
      }
      if (out.axis === "rows" && options.clusterRows === false) {
        throw new UsageError("--axis rows: the rows are not clustered (--no-cluster-rows)");
      }
      const compute = given<Compute>(cmd, general);
      const result = await runOnFiles(matrix, cmd, flags, options, "cluster", logger, compute);
      const clustered = result.clustered!;
      const outputs = paths.map((path) => ({
        path,
        content: formatTrees(
          clustered,
          treeFormatFor(path === "-" ? "" : path, out.format),
          out.axis ?? null,
          result.prepared.rowNames,
        ),
      }));
      writeOutputs(outputs, io.stdout);
    }),
  );
  return cmd;
}
