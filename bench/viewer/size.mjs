// Size of the HTML export's data: a 20,000 × 50 matrix (4-decimal values), row-scaled and not, cut into 8
// clusters. Prints the payload's base64 size, the whole export's size, and the encode / decode times.
// Usage: node bench/viewer/size.mjs [--rows 20000] [--cols 50]
import { mkdirSync } from "node:fs";
import { bundleForNode, synthetic, tmp } from "./common.mjs";

const args = process.argv.slice(2);
const arg = (name, d) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const nrow = arg("--rows", 20_000);
const ncol = arg("--cols", 50);
mkdirSync(tmp, { recursive: true });
const { runPipeline, buildPayload, encodePayload, decodePayload, toBase64, fromBase64 } = await bundleForNode(
  "viewer-size-lib",
  `export { runPipeline } from "./src/pipeline.ts"; export * from "./src/viewer/payload.ts";`,
);

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
