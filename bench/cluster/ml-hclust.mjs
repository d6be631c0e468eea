// Row clustering with the npm package ml-hclust (agnes), for the clustering benchmark.
//
// Usage: node ml-hclust.mjs <matrix.tsv> <average|ward> <tree-out.tsv>
//   average: agnes(rows, { method: "average" })            (euclidean, its default)
//   ward:    agnes(D, { method: "ward2", isDistanceMatrix: true }) with
//            D = 1 − Pearson correlation of the scaled rows; "ward2" is R's ward.D2.
// Writes the merges in R's hclust conventions to <tree-out.tsv> and prints the
// in-process timings, in seconds, as one JSON line on stdout.

import { readFileSync, writeFileSync } from "node:fs";
import { agnes } from "ml-hclust";

const [file, config, out] = process.argv.slice(2);
const seconds = () => performance.now() / 1000;

const t0 = seconds();
const rows = readFileSync(file, "utf8")
  .split("\n")
  .slice(1)
  .filter((line) => line !== "")
  .map((line) => line.split("\t").slice(1).map(Number));
const t1 = seconds();

/** pheatmap's scale_rows: (x − mean) / sd, sd with n − 1. */
function scaleRow(row) {
  const mean = row.reduce((s, v) => s + v, 0) / row.length;
  const sd = Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / (row.length - 1));
  return row.map((v) => (v - mean) / sd);
}

/** 1 − Pearson correlation, for rows that are already centred. */
function correlationDistance(a, b) {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k] * b[k];
    aa += a[k] * a[k];
    bb += b[k] * b[k];
  }
  return 1 - ab / Math.sqrt(aa * bb);
}

let tree;
let t2;
if (config === "average") {
  t2 = seconds(); // agnes computes the euclidean distance matrix itself
  tree = agnes(rows, { method: "average" });
} else if (config === "ward") {
  const scaled = rows.map(scaleRow);
  const d = scaled.map((a) => scaled.map((b) => (a === b ? 0 : correlationDistance(a, b))));
  t2 = seconds();
  tree = agnes(d, { method: "ward2", isDistanceMatrix: true });
} else {
  throw new Error(`unknown config: ${config}`);
}
const t3 = seconds();

// ml-hclust returns a tree of Cluster objects; R's merge matrix lists the
// merges by increasing height (children before parents on ties).
const nodes = [];
(function visit(c) {
  if (c.isLeaf) return -(c.index + 1);
  const [a, b] = c.children.map(visit);
  nodes.push({ a, b, height: c.height, id: nodes.length });
  return nodes.length; // provisional id: position in post-order, 1-based
})(tree);
const sorted = [...nodes].sort((x, y) => x.height - y.height || x.id - y.id);
const step = new Map(sorted.map((node, s) => [node.id + 1, s + 1]));
const ref = (v) => (v < 0 ? v : step.get(v));
writeFileSync(out, sorted.map((node) => `${ref(node.a)}\t${ref(node.b)}\t${node.height}\n`).join(""));
console.log(JSON.stringify({ read: t1 - t0, distance: t2 - t1, linkage: t3 - t2 }));
