/**
 * The cluster table: which cluster each row (or column) went to and where it
 * is drawn. Tab-separated, one line per item in drawn order:
 * ```
 * name	cluster	position
 * IL1B	1	1
 * CCL2	1	2
 * ```
 * `position` is the 1-based place in the drawn order (the tree's order, or
 * the input order without a tree); the `cluster` column is left out when there
 * are no clusters. A field holding a tab, a line break or a double quote is
 * written in double quotes with `"` doubled (what R's `read.delim` and
 * spreadsheet programs read back).
 */
import type { Tree } from "../cluster/tree.js";
import { UsageError } from "../errors.js";

/**
 * The table as text ending with a line break. `names` are in input order (the
 * tree's observations), `clusters` 1-based per input row; `header` names the
 * first column (default `name`).
 */
export function formatClusterTable(
  tree: Tree | null,
  names: readonly string[],
  clusters: Int32Array | null,
  header = "name",
): string {
  const n = names.length;
  if (tree && tree.order.length !== n) {
    throw new UsageError(`cluster table: ${n} names, but the tree has ${tree.order.length} leaves`);
  }
  if (clusters && clusters.length !== n) {
    throw new UsageError(`cluster table: ${n} names, but ${clusters.length} cluster numbers`);
  }
  const lines = [clusters ? [header, "cluster", "position"] : [header, "position"]];
  for (let p = 0; p < n; p++) {
    const i = tree ? tree.order[p] - 1 : p;
    lines.push(clusters ? [names[i], String(clusters[i]), String(p + 1)] : [names[i], String(p + 1)]);
  }
  return `${lines.map((fields) => fields.map(tsvField).join("\t")).join("\n")}\n`;
}

/** A field as written in TSV: quoted only when it holds a tab, a line break or a double quote. */
function tsvField(text: string): string {
  return /[\t\n\r"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
