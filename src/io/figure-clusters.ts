/**
 * The cluster membership behind a figure, both axes in one table:
 * ```
 * axis	name	cluster	position
 * row	IL1B	1	1
 * col	Dex_2	NA	1
 * ```
 * `position` is the 1-based drawn position; `cluster` is R's cutree number
 * (NA when the axis is not cut). With k-means (pheatmap's `kmeans_k`) every
 * input row is listed with its k-means cluster (`kmeans`) and the drawn
 * position of that cluster's row. With a split axis (ComplexHeatmap's
 * row_split, row_km, column_split) a last column `split` gives each row's
 * (column's) block: the field's level, or the k-means group 1 … k.
 */
import type { AxisResult } from "../cluster/cluster-matrix.js";
import type { KmeansResult } from "../cluster/kmeans.js";
import type { SplitResult } from "../cluster/split-cluster.js";

/** What the table is made from: the pipeline's result has these fields. */
export interface FigureClusters {
  prepared: { rowNames: readonly string[] };
  drawn: { rowNames: readonly string[]; colNames: readonly string[] };
  rowOrder: readonly number[];
  colOrder: readonly number[];
  rows: AxisResult | null;
  cols: AxisResult | null;
  kmeans: KmeansResult | null;
  rowSplit?: SplitResult | null;
  colSplit?: SplitResult | null;
}

function field(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function axisLines(
  axis: "row" | "col",
  names: readonly string[],
  order: readonly number[],
  clusters: Int32Array | null,
  split?: SplitResult | null | false,
): string[] {
  return names.map((name, p) => {
    const cluster = clusters ? String(clusters[order[p]]) : "NA";
    const line = [axis, field(name), cluster, String(p + 1)];
    if (split !== undefined) line.push(split ? field(split.levels[split.membership[order[p]] - 1]) : "NA");
    return line.join("\t");
  });
}

/** The table as TSV text ending with a line break. */
export function formatFigureClusters(r: FigureClusters): string {
  if (r.kmeans) {
    const positionOfCluster = new Map<number, number>();
    r.rowOrder.forEach((c, p) => {
      positionOfCluster.set(c, p + 1);
    });
    const lines = ["axis\tname\tkmeans\tcluster\tposition"];
    r.prepared.rowNames.forEach((name, i) => {
      const k = r.kmeans!.cluster[i];
      const cut = r.rows?.clusters ? String(r.rows.clusters[k - 1]) : "NA";
      lines.push(["row", field(name), String(k), cut, String(positionOfCluster.get(k - 1))].join("\t"));
    });
    const cols = axisLines("col", r.drawn.colNames, r.colOrder, r.cols?.clusters ?? null);
    return `${[...lines, ...cols.map((l) => l.replace(/^col\t([^\t]*)\t/, "col\t$1\tNA\t"))].join("\n")}\n`;
  }
  // a `split` column only when an axis is split (the table stays pheatmap-shaped otherwise)
  const split =
    r.rowSplit || r.colSplit
      ? { row: r.rowSplit ?? (false as const), col: r.colSplit ?? (false as const) }
      : undefined;
  const lines = [
    `axis\tname\tcluster\tposition${split ? "\tsplit" : ""}`,
    ...axisLines("row", r.drawn.rowNames, r.rowOrder, r.rows?.clusters ?? null, split?.row),
    ...axisLines("col", r.drawn.colNames, r.colOrder, r.cols?.clusters ?? null, split?.col),
  ];
  return `${lines.join("\n")}\n`;
}
