// Size of the HTML export's data: a 20,000 × 50 matrix (4-decimal values), row-scaled and not, cut into 8
// clusters. Prints the payload's base64 size, the whole export's size, and the encode / decode times.
// Usage: node bench/viewer/size.mjs [--rows 20000] [--cols 50]
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const tmp = resolve(root, "bench", "tmp");
const args = process.argv.slice(2);
const arg = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const nrow = arg("--rows", 20_000);
const ncol = arg("--cols", 50);
mkdirSync(tmp, { recursive: true });
const lib = join(tmp, "viewer-size-lib.mjs");
await build({
  stdin: {
    contents: `export { runPipeline } from "./src/pipeline.ts"; export * from "./src/viewer/payload.ts";`,
    resolveDir: root,
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  outfile: lib,
  logLevel: "warning",
});
const { runPipeline, buildPayload, encodePayload, decodePayload, toBase64, fromBase64 } = await import(
  pathToFileURL(lib).href
);

/** mulberry32 */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The benchmark's matrix: 8 gene programs × 4 sample groups plus noise, 4 decimals. */
export function synthetic(nr, nc) {
  const rand = rng(42);
  const effect = Array.from({ length: 32 }, () => (rand() - 0.5) * 4);
  const lines = [`gene\t${Array.from({ length: nc }, (_, j) => `S${j + 1}`).join("\t")}`];
  for (let i = 0; i < nr; i++) {
    const program = i % 8;
    const base = 4 + rand() * 8;
    const cells = [];
    for (let j = 0; j < nc; j++)
      cells.push((base + effect[program * 4 + (j % 4)] + (rand() - 0.5)).toFixed(4));
    lines.push(`G${i + 1}\t${cells.join("\t")}`);
  }
  return `${lines.join("\n")}\n`;
}

const text = synthetic(nrow, ncol);
for (const scale of ["row", "none"]) {
  const result = await runPipeline(
    { matrix: { bytes: text, file: "synthetic.tsv" } },
    { scale, cutreeRows: 8 },
  );
  const payload = buildPayload(result);
  const sceneBytes = JSON.stringify(payload.scene).length;
  let t0 = performance.now();
  const base64 = toBase64(encodePayload(payload));
  const encodeMs = performance.now() - t0;
  t0 = performance.now();
  decodePayload(fromBase64(base64));
  const decodeMs = performance.now() - t0;
  console.log(
    `${nrow} × ${ncol}, scale ${scale}: payload ${(base64.length / 1e6).toFixed(2)} MB base64, encode ${encodeMs.toFixed(0)} ms, decode ${decodeMs.toFixed(0)} ms (Scene JSON ${(sceneBytes / 1e6).toFixed(2)} MB before deflate)`,
  );
}
