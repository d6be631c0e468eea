// Quick linkage benchmark (issue 10): distances and linkage timed apart, on
// bench/tmp/cluster-N.tsv, through a build of src/ (default bench/tmp/dist,
// made by `npx tsc -p tsconfig.build.json --outDir bench/tmp/dist`).
//
// Usage: node bench/cluster/linkage-bench.mjs <N> <average|ward> [threads] [layout]
//   layout: auto (default), packed, full, or page: what the viewer's page runs
//   (the library's default context: in-thread distances and linkage, no worker
//   threads, memory available unknown); page-packed, page-full force a layout
//   (Chromium reporting navigator.deviceMemory ≥ 8 chooses full up to 3.6 GB, i.e.
//   20,000 rows: page-full is what it runs there; Node has no deviceMemory)
// CLUSTERHEAT_LINKAGE_KERNEL=0 runs the full layout's loops in JavaScript instead of
// WebAssembly (wasm/linkage.ts), for comparing the two in one build; CLUSTERHEAT_HUGE_PAGES=0
// leaves the matrix in 4 KB pages (node/huge-pages.ts); CLUSTERHEAT_NATIVE_DISTANCES=0 computes euclidean
// distances in WebAssembly instead of the native helper (node/native.ts).
// Prints one JSON line: read, distance, linkage seconds, layout, peak RSS, tree hash.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.CLUSTERHEAT_DIST ?? join(here, "..", "tmp", "dist"));
const { clusterMatrix } = await import(join(dist, "cluster", "cluster-matrix.js"));
const { readMatrix } = await import(join(dist, "io", "matrix-reader.js"));
const { nodeClusterContext } = await import(join(dist, "node", "parallel.js"));
const { prepare } = await import(join(dist, "transform", "prepare.js"));
// as clusterheat/node and the CLI do (CLUSTERHEAT_NATIVE_DISTANCES=0, CLUSTERHEAT_LONG_DOUBLE=0 turn them off)
const native = await import(join(dist, "node", "native.js"));
native.useNativeHelper();

const [nArg, config = "average", threadsArg, layout = "auto"] = process.argv.slice(2);
const file = join(here, "..", "tmp", `cluster-${nArg}.tsv`);
const options = {
  average: { prep: {}, cluster: { clusteringMethod: "average" } },
  ward: {
    prep: { scale: "row" },
    cluster: { clusteringDistanceRows: "correlation", clusteringMethod: "ward.D2" },
  },
}[config];
const seconds = () => performance.now() / 1000;
const t0 = seconds();
const raw = readMatrix(readFileSync(file), { file });
const t1 = seconds();
let t2 = Number.NaN;
let chosen = "";
let huge = false;
const logger = {
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  progress: (phase, done, total) => {
    if (phase.startsWith("distances") && done === total) t2 = seconds();
  },
};
const m = prepare(raw, options.prep, logger);
const threads = threadsArg === undefined ? undefined : Number(threadsArg);
const kernel = process.env.CLUSTERHEAT_LINKAGE_KERNEL === "0" ? { linkageKernel: false } : {};
const ctx = layout.startsWith("page")
  ? { logger, ...kernel, linkage: layout.slice(5) || "auto", onLinkage: (i) => (chosen = i.layout) }
  : {
      logger,
      ...kernel,
      ...nodeClusterContext(threads),
      linkage: layout,
      onLinkage: (i) => {
        chosen = i.layout;
        huge = i.hugePages;
      },
    };
const result = await clusterMatrix(m, { ...options.cluster, clusterCols: false }, ctx);
const t3 = seconds();
const { merge, height, order } = result.rows.tree;
const hash = createHash("sha1")
  .update(new Uint8Array(merge.buffer, merge.byteOffset, merge.byteLength))
  .update(new Uint8Array(height.buffer, height.byteOffset, height.byteLength))
  .update(Int32Array.from(order))
  .digest("hex")
  .slice(0, 12);
const rssMB = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  JSON.stringify({
    n: Number(nArg),
    config,
    layout,
    chosen,
    hugePages: huge,
    read: +(t1 - t0).toFixed(3),
    distance: +(t2 - t1).toFixed(3),
    linkage: +(t3 - t2).toFixed(3),
    rssMB,
    hash,
  }),
);
