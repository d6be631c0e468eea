// Row clustering with clusterheat's library (the build in dist/), for the
// clustering benchmark: the same work as the CLI, with the in-process split.
//
// Usage: node ours-lib.mjs <matrix.tsv> <average|ward> <tree-out.tsv> [threads]
//   average: euclidean + average;  ward: scale rows, correlation, ward.D2
// Writes the merges in R's hclust conventions to <tree-out.tsv> and prints the
// in-process timings, in seconds, as one JSON line on stdout: read = parse the
// file; distance = prepare (scaling) + the distance matrix; linkage = the rest;
// and the layout the linkage chose (full n × n or packed triangle).

import { readFileSync, writeFileSync } from "node:fs";
import { clusterMatrix } from "../../dist/cluster/cluster-matrix.js";
import { readMatrix } from "../../dist/io/matrix-reader.js";
import { useNativeHelper } from "../../dist/node/native.js";
import { nodeClusterContext } from "../../dist/node/parallel.js";
import { prepare } from "../../dist/transform/prepare.js";

// as clusterheat/node does on import
useNativeHelper();

const [file, config, out, threads] = process.argv.slice(2);
const seconds = () => performance.now() / 1000;
const options = {
  average: { prep: {}, cluster: { clusteringMethod: "average" } },
  ward: {
    prep: { scale: "row" },
    cluster: { clusteringDistanceRows: "correlation", clusteringMethod: "ward.D2" },
  },
}[config];
if (!options) throw new Error(`unknown config: ${config}`);

const t0 = seconds();
const raw = readMatrix(readFileSync(file), { file });
const t1 = seconds();
let t2 = Number.NaN;
const logger = {
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  progress: (phase, done, total) => {
    if (phase.startsWith("distances") && done === total) t2 = seconds();
  },
};
const m = prepare(raw, options.prep, logger);
let layout = "";
const result = await clusterMatrix(
  m,
  { ...options.cluster, clusterCols: false },
  {
    logger,
    ...nodeClusterContext(threads === undefined ? undefined : Number(threads)),
    onLinkage: (info) => (layout = info.layout),
  },
);
const t3 = seconds();

const { merge, height } = result.rows.tree;
writeFileSync(out, Array.from(height, (h, s) => `${merge[2 * s]}\t${merge[2 * s + 1]}\t${h}\n`).join(""));
console.log(JSON.stringify({ read: t1 - t0, distance: t2 - t1, linkage: t3 - t2, layout }));
