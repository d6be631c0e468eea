/**
 * A tree as JSON in R's `hclust` conventions, so that a user can rebuild the
 * object in R:
 * ```r
 * j <- jsonlite::fromJSON("rows.tree.json")
 * hc <- structure(list(merge = j$merge, height = j$height, order = j$order,
 *   labels = j$labels, method = j$method, dist.method = j$dist_method), class = "hclust")
 * ```
 * `merge` rows are [a, b] with −j for observation j and +s for the cluster of
 * step s (1-based), `order` is 1-based; `merge` and `order` agree as R's
 * `as.dendrogram` expects (`order` is the depth-first order, first entry left).
 */
import { orientMerge } from "../cluster/leaf-order.js";
import type { Tree } from "../cluster/tree.js";
import { UsageError } from "../errors.js";

export interface TreeJson {
  labels: string[];
  merge: [number, number][];
  height: number[];
  order: number[];
  method: string;
  dist_method: string;
  /** The cut, 1-based group per observation in input order (R's `cutree`), when one was made. */
  clusters?: number[];
}

/** The tree (and optionally a cut of it) as a plain object ready for `JSON.stringify`. */
export function treeToJson(tree: Tree, clusters?: Int32Array): TreeJson {
  const n = tree.labels.length;
  if (clusters && clusters.length !== n) {
    throw new UsageError(`clusters has ${clusters.length} entries, the tree has ${n} leaves`);
  }
  const oriented = orientMerge(tree); // the same as tree.merge unless its rows disagree with tree.order
  const merge: [number, number][] = [];
  for (let s = 0; s + 1 < n; s++) merge.push([oriented[2 * s], oriented[2 * s + 1]]);
  const json: TreeJson = {
    labels: [...tree.labels],
    merge,
    height: Array.from(tree.height),
    order: Array.from(tree.order),
    method: tree.method,
    dist_method: tree.distance,
  };
  if (clusters) json.clusters = Array.from(clusters);
  return json;
}
