/**
 * The outputs of `clusterheat cluster`: the trees as hclust-shaped JSON,
 * Newick, or a cluster table, chosen by `--format` or by the file's extension.
 */
import type { ClusterResult } from "../cluster/cluster-matrix.js";
import type { KmeansResult } from "../cluster/kmeans.js";
import type { Tree } from "../cluster/tree.js";
import { UsageError } from "../errors.js";
import { formatClusterTable } from "../io/cluster-table.js";
import { formatNewick } from "../io/newick.js";
import { treeToJson } from "../io/tree-json.js";
import type { Axis, TreeFormat } from "./cli-options.js";
import { splitGzExtension } from "./files.js";

const EXTENSIONS: Readonly<Record<string, TreeFormat>> = {
  ".json": "json",
  ".nwk": "newick",
  ".newick": "newick",
  ".tree": "newick",
  ".tsv": "tsv",
  ".txt": "tsv",
};

/** The extensions `cluster` writes (each maybe followed by `.gz`). */
export const TREE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** The format of one output: `--format` when given, else the file's extension (before `.gz`), else JSON. */
export function treeFormatFor(file: string, format: TreeFormat | undefined): TreeFormat {
  if (format !== undefined) return format;
  const { ext } = splitGzExtension(file);
  return EXTENSIONS[ext] ?? "json";
}

type AxisResult = ClusterResult["rows"];

const AXIS_WORD: Readonly<Record<Axis, string>> = { rows: "rows", cols: "columns" };

/**
 * JSON text with objects indented and arrays of numbers or strings on one
 * line, so that a tree reads as a few lines per axis.
 */
export function jsonText(value: unknown, indent = ""): string {
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    if (items.every((v) => v === null || typeof v !== "object")) return JSON.stringify(items);
    const inner = `${indent}  `;
    return `[\n${items.map((v) => inner + jsonText(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsonText(v, inner)}`);
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function axisJson(axis: AxisResult): unknown {
  return axis === null ? null : treeToJson(axis.tree, axis.clusters ?? undefined);
}

/** The trees of the chosen axes, one Newick line each. */
function newickText(result: ClusterResult, axis: Axis | null): string {
  const axes: Axis[] = axis === null ? ["rows", "cols"] : [axis];
  const trees: Tree[] = [];
  for (const a of axes) {
    const r = result[a];
    if (r !== null) trees.push(r.tree);
    else if (axis !== null) throw new UsageError(`--axis ${a}: the ${AXIS_WORD[a]} are not clustered`);
  }
  if (trees.length === 0) throw new UsageError("--format newick: neither rows nor columns are clustered");
  return trees.map((t) => `${formatNewick(t).trimEnd()}\n`).join("");
}

/** The cluster table of one axis (rows by default): name, cluster, position. */
function tableText(result: ClusterResult, axis: Axis | null): string {
  const a = axis ?? "rows";
  const r = result[a];
  const names = a === "rows" ? result.matrix.rowNames : result.matrix.colNames;
  return formatClusterTable(r?.tree ?? null, r?.tree.labels ?? names, r?.clusters ?? null);
}

/** The k-means part of the JSON: the cluster of each input row (named `rowNames`), without the centers. */
function kmeansJson(km: KmeansResult | undefined, rowNames: readonly string[]): unknown {
  if (km === undefined) return undefined;
  const { cluster, size, withinss, totWithinss, iterations, converged } = km;
  return { names: rowNames, cluster, size, withinss, totWithinss, iterations, converged };
}

/**
 * The text of one output of `cluster`. `rowNames` are the rows of the matrix
 * given to clusterMatrix (with k-means, the trees are over the centers).
 */
export function formatTrees(
  result: ClusterResult,
  format: TreeFormat,
  axis: Axis | null,
  rowNames: readonly string[] = result.matrix.rowNames,
): string {
  switch (format) {
    case "json": {
      const kmeans = kmeansJson(result.kmeans, rowNames);
      return `${jsonText({ rows: axisJson(result.rows), cols: axisJson(result.cols), kmeans })}\n`;
    }
    case "newick":
      return newickText(result, axis);
    case "tsv":
      return tableText(result, axis);
  }
}
