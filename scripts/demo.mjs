#!/usr/bin/env node
/**
 * The demo: runs the built command-line program on the bundled examples and
 * writes into out/ — prepared (scaled) matrices, and for dex30 the trees of
 * pheatmap's reference call as JSON, Newick and a cluster table.
 * Run with `npm run demo` (which builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "main.js");
const out = join(root, "out");

/** pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation", clustering_method = "ward.D2", cutree_rows = 2) */
const DEX30_CALL = [
  "--scale",
  "row",
  "--clustering-distance-rows",
  "correlation",
  "--clustering-method",
  "ward.D2",
  "--cutree-rows",
  "2",
];

/** Runs `clusterheat args…` in the project folder; stops the demo if it fails. */
function clusterheat(args) {
  console.log(`$ clusterheat ${args.join(" ")}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`demo: clusterheat exited with status ${run.status}`);
    process.exit(1);
  }
}

const written = [];
/** The output path, relative to the project folder, remembered for the summary. */
function output(name, what) {
  written.push({ path: join("out", name), what });
  return join("out", name);
}

if (!existsSync(cli)) {
  console.error("demo: dist/cli/main.js is missing; run `npm run build` first (or `npm run demo`)");
  process.exit(1);
}
mkdirSync(out, { recursive: true });

// 1. dex30: row-scaled matrix, and the sample groups averaged
clusterheat([
  "prep",
  "examples/dex30.tsv",
  "--scale",
  "row",
  "-o",
  output("dex30.scaled.tsv", "dex30, rows scaled"),
]);
clusterheat([
  "prep",
  "examples/dex30.tsv",
  "--annotation-col",
  "examples/dex30.samples.tsv",
  "--aggregate-cols-by",
  "Group",
  "--scale",
  "row",
  "-o",
  output("dex30.by-group.tsv", "dex30, mean of each sample group (Ctrl, Dex), rows scaled"),
]);

// 2. dex30: the trees of pheatmap's reference call, in the three formats
clusterheat([
  "cluster",
  "examples/dex30.tsv",
  ...DEX30_CALL,
  "-o",
  output("dex30.trees.json", "dex30 row and column trees, hclust-shaped JSON, with the 2 row clusters"),
  "-o",
  output("dex30.trees.nwk", "dex30 trees as Newick: rows on line 1, columns on line 2"),
  "-o",
  output("dex30.row-clusters.tsv", "dex30 rows: name, cluster, position in the drawn order"),
]);

// 3. ALL subset, when bundled: the 100 most variable probe sets, rows scaled; and per molecular class
if (existsSync(join(root, "examples", "all-subset.tsv"))) {
  clusterheat([
    "prep",
    "examples/all-subset.tsv",
    "--top-variable",
    "100",
    "--scale",
    "row",
    "-o",
    output("all-subset.top100.scaled.tsv", "ALL subset, the 100 most variable probe sets, rows scaled"),
  ]);
  if (existsSync(join(root, "examples", "all-subset.samples.tsv"))) {
    clusterheat([
      "prep",
      "examples/all-subset.tsv",
      "--annotation-col",
      "examples/all-subset.samples.tsv",
      "--top-variable",
      "100",
      "--aggregate-cols-by",
      "mol.biol",
      "--scale",
      "row",
      "-o",
      output(
        "all-subset.top100.by-class.tsv",
        "ALL subset, top 100, mean of each molecular class, rows scaled",
      ),
    ]);
  }
}

console.log("\nWrote:");
for (const { path, what } of written) {
  const size = statSync(join(root, path)).size;
  console.log(`  ${path.padEnd(38)} ${String(size).padStart(7)} bytes  ${what}`);
}
const trees = JSON.parse(readFileSync(join(out, "dex30.trees.json"), "utf8"));
const rowOrder = trees.rows.order.map((i) => trees.rows.labels[i - 1]);
const colOrder = trees.cols.order.map((i) => trees.cols.labels[i - 1]);
console.log(`\ndex30 row order:    ${rowOrder.join(" ")}`);
console.log(`dex30 column order: ${colOrder.join(" ")}`);
console.log(`\nThe files are in ${relative(process.cwd(), out) || "."}/`);
