/**
 * Loads the tree fixtures made by R (test/golden/trees/make-trees.R): R's
 * hclust trees with R's cutree, reorder and seriation-OLO results.
 */
import { readFileSync } from "node:fs";
import type { DistMatrix } from "../../../src/cluster/dist-matrix.js";
import type { Tree } from "../../../src/cluster/tree.js";
import type { Distance, Method } from "../../../src/options.js";

export interface TreeCase {
  name: string;
  n: number;
  labels: string[];
  method: Method;
  dist_method: Distance;
  /** as.vector(d): the condensed distances */
  dist: number[];
  merge: number[];
  height: number[];
  order: number[];
  /** cutree(hc, k) for k = 1 … n */
  cutree_k: number[][];
  /** whether the heights are sorted (else R refuses to cut at a height) */
  sorted: boolean;
  cut_h: number[];
  cutree_h: number[][];
  h_error: string;
  weights: number[];
  /** order.dendrogram(reorder(as.dendrogram(hc), weights)) */
  reorder_order: number[];
  hclust_path_length: number;
  /** seriation::seriate(d, "OLO", control = list(hclust = hc)) */
  olo_order: number[];
  olo_path_length: number;
}

let cache: TreeCase[] | null = null;

/** All fixture cases. */
export function treeCases(): TreeCase[] {
  cache ??= JSON.parse(readFileSync(new URL("./trees.json", import.meta.url), "utf8")).cases as TreeCase[];
  return cache;
}

/** The case's tree as R's hclust made it. */
export function caseTree(c: TreeCase): Tree {
  return {
    labels: c.labels,
    merge: Int32Array.from(c.merge),
    height: Float64Array.from(c.height),
    order: Int32Array.from(c.order),
    method: c.method,
    distance: c.dist_method,
  };
}

/** The case's distances. */
export function caseDist(c: TreeCase): DistMatrix {
  return { n: c.n, values: Float64Array.from(c.dist) };
}
