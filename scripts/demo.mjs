#!/usr/bin/env node
/**
 * The demo: runs the built command-line program on the bundled examples as a
 * user would, and writes into out/ (or the folder given: `node
 * scripts/demo.mjs docs --png-only`) the example figures (scripts/figures.mjs)
 * as PNG, SVG, PDF and interactive HTML, with the numbers behind the stage-3
 * figure (clusters, drawn matrix, trees). `npm run demo` builds first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { FIGURES } from "./figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "main.js");
const outName = process.argv[2] ?? "out";
const pngOnly = process.argv.includes("--png-only");
const out = join(root, outName);

/** Runs `clusterheat args…` in the project folder; stops the demo if it fails. */
function clusterheat(args) {
  console.log(`$ clusterheat ${args.join(" ")}`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`demo: clusterheat exited with status ${run.status}`);
    process.exit(1);
  }
}

if (!existsSync(cli)) {
  console.error("demo: dist/cli/main.js is missing; run `npm run build` first (or `npm run demo`)");
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const written = [];
for (const figure of FIGURES) {
  const formats = pngOnly ? ["png"] : ["png", "svg", "pdf", "html"];
  const outputs = formats.flatMap((ext) => {
    const path = join(outName, `${figure.name}.${ext}`);
    written.push({ path, what: figure.what });
    return ["-o", path];
  });
  const numbers =
    figure.name === "dex30-stage3" && !pngOnly
      ? [
          ["--write-clusters", "clusters.tsv"],
          ["--write-matrix", "matrix.tsv"],
          ["--write-newick", "trees.nwk"],
          ["--write-tree", "trees.json"],
        ].flatMap(([flag, suffix]) => {
          const path = join(outName, `${figure.name}.${suffix}`);
          written.push({ path, what: `${figure.name}: ${flag.slice(8)}` });
          return [flag, path];
        })
      : [];
  clusterheat(["plot", ...figure.args, ...outputs, ...numbers]);
}

console.log("\nWrote:");
for (const { path, what } of written) {
  const size = statSync(join(root, path)).size;
  console.log(`  ${path.padEnd(36)} ${String(size).padStart(9)} bytes  ${what}`);
}
console.log(`\nThe files are in ${relative(process.cwd(), out) || "."}/`);
