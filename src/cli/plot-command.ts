/**
 * `clusterheat plot`: read, prepare, cluster and draw the heatmap; write the
 * figure as SVG, PNG, PDF or an interactive HTML page (one per `-o`, by
 * extension), and the numbers behind it from the same run.
 */
import type { Command } from "commander";
import type { SplitResult } from "../cluster/split-cluster.js";
import type { Tree } from "../cluster/tree.js";
import { formatFigureClusters } from "../io/figure-clusters.js";
import { formatNewick } from "../io/newick.js";
import { treeToJson } from "../io/tree-json.js";
import { formatMatrixTsv } from "../io/write-tsv.js";
import type { PipelineResult } from "../pipeline.js";
import { renderSvg } from "../render/svg.js";
import { COMPUTE_OPTIONS, NUMBERS_OUTPUT_OPTIONS } from "./cli-options.js";
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
import { checkOutputExtension, type OutputFile, splitGzExtension, writeOutputs } from "./files.js";
import { addFlags } from "./flags.js";
import { type Compute, optionsOf, runOnFiles, withLogger } from "./run-command.js";
import { formatTrees, jsonText } from "./tree-output.js";

const EXAMPLES = `
Each -o writes one format, by its extension: .svg (vector, editable text), .png (--dpi), .pdf
(vector, font embedded), .html (interactive viewer in one file, works offline). Every figure
records the clusterheat version and the options that made it.

Examples:
  clusterheat plot dex30.tsv --scale row --clustering-distance-rows correlation \\
      --clustering-method ward.D2 --cutree-rows 2 --annotation-col samples.tsv -o fig.svg -o fig.png
  clusterheat plot expr.tsv --log2 --top-variable 1000 --scale row --cutree-rows 4 \\
      --write-clusters clusters.tsv -o fig.pdf -o fig.html
  clusterheat plot dex30.tsv --config figure.json --main "Dexamethasone" -o fig.png`;

/** What `plot` can write with -o. */
export const FIGURE_EXTENSIONS = [".svg", ".png", ".pdf", ".html"] as const;

/** One figure in the format of its extension; the PNG, PDF and HTML writers load only when asked for. */
async function renderFigure(result: PipelineResult, path: string, dpi: number): Promise<string | Uint8Array> {
  const scene = result.scene!;
  const ext = path === "-" ? ".svg" : splitGzExtension(path).ext.toLowerCase();
  switch (ext) {
    case ".png":
      return (await import("../node/png.js")).renderPng(scene, { dpi });
    case ".pdf":
      return (await import("../node/pdf.js")).renderPdf(scene);
    case ".html":
      return (await import("../node/html-export.js")).exportHtml(result);
    default:
      return renderSvg(scene);
  }
}

/** The `--write-*` outputs: the numbers behind the figure. */
function numberOutputs(result: PipelineResult, paths: Record<string, string | undefined>): OutputFile[] {
  const out: OutputFile[] = [];
  if (paths.writeClusters) out.push({ path: paths.writeClusters, content: formatFigureClusters(result) });
  if (paths.writeMatrix) out.push({ path: paths.writeMatrix, content: formatMatrixTsv(result.drawn) });
  // a split axis without --cluster-splits has one tree per block: one Newick line each, in drawn order
  const axisTrees = (tree: Tree | undefined, split: SplitResult | null) =>
    tree ? [tree] : (split?.groups.flatMap((g) => (g.tree ? [g.tree] : [])) ?? []);
  const trees = [
    ...axisTrees(result.rows?.tree, result.rowSplit),
    ...axisTrees(result.cols?.tree, result.colSplit),
  ];
  if (paths.writeNewick) {
    out.push({
      path: paths.writeNewick,
      content: trees.map((t) => `${formatNewick(t).trimEnd()}\n`).join(""),
    });
  }
  if (paths.writeTree && result.clustered) {
    out.push({
      path: paths.writeTree,
      content: withSplits(formatTrees(result.clustered, "json", null, result.prepared.rowNames), result),
    });
  }
  return out;
}

/**
 * The tree JSON with the split axes added: `rowSplit`/`colSplit` = {by, levels, blocks: [{level,
 * names, tree}] in drawn order, splitTree} (each block's own hclust-shaped tree, null for one member).
 */
function withSplits(json: string, result: PipelineResult): string {
  if (!result.rowSplit && !result.colSplit) return json;
  const split = (s: SplitResult | null, names: readonly string[]) =>
    s && {
      by: s.by,
      levels: s.levels,
      blocks: s.groups.map((g) => ({
        level: g.level,
        names: g.index.map((i) => names[i]),
        tree: g.tree && treeToJson(g.tree),
      })),
      splitTree: s.splitTree && treeToJson(s.splitTree),
    };
  const m = result.clustered!.matrix;
  return `${jsonText({ ...JSON.parse(json), rowSplit: split(result.rowSplit, m.rowNames), colSplit: split(result.colSplit, m.colNames) })}\n`;
}

/** The `plot` command. */
export function plotCommand(io: CliIo): Command {
  const cmd = newCommand("plot")
    .summary("draw the clustered heatmap (SVG, PNG, PDF, interactive HTML) and write the numbers behind it")
    .description(
      "Read an expression matrix, apply the prep options, cluster as pheatmap does and draw the " +
        "heatmap with its dendrograms, annotations and legends.",
    );
  const flags = addInputFlags(cmd);
  const cluster = addFlags(cmd, specsOf("cluster"), HEADING.cluster);
  const figure = addFlags(cmd, specsOf("figure"), HEADING.figure);
  const output = [...addOutputFlags(cmd), ...addFlags(cmd, NUMBERS_OUTPUT_OPTIONS, HEADING.output)];
  const general = [...addGeneralFlags(cmd), ...addFlags(cmd, COMPUTE_OPTIONS, HEADING.other)];
  cmd.addHelpText("after", EXAMPLES);
  cmd.action((matrix: string) =>
    withLogger(cmd, io, general, async (logger) => {
      const out = given<{ output: string[] } & Record<string, string>>(cmd, output);
      const paths = outputPaths(out);
      for (const path of paths) checkOutputExtension(path, FIGURE_EXTENSIONS, "plot");
      const options = optionsOf(cmd, flags, [...cluster, ...figure]);
      const compute = given<Compute>(cmd, general);
      const result = await runOnFiles(matrix, cmd, flags, options, "figure", logger, compute);
      const figures: OutputFile[] = [];
      for (const path of paths) {
        figures.push({ path, content: await renderFigure(result, path, result.options.dpi) });
      }
      writeOutputs([...figures, ...numberOutputs(result, out)], io.stdout);
    }),
  );
  return cmd;
}
