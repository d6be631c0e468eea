// What this machine's memory allows, for the linkage's bound (bench/README.md, "Where the linkage's time
// goes"): on a 20,000 × 20,000 matrix of doubles (3.2 GB, the full layout), sequential writes and reads on
// one and two threads, the mirror's pattern (64 values written into each row at scattered columns, rows in
// order), and a column read and written one value per row; and first, what the first touch of the fresh
// matrix costs (the page faults: on some virtual machines the host backs each new page then, which
// decides the layout, src/cluster/memory-cost.ts).
//
// Usage: node bench/cluster/bandwidth.mjs [n]   (20–35 s; needs n² × 8 bytes free)
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const n = isMainThread ? Number(process.argv[2] ?? 20000) : workerData.n;

function sequentialWrite(a, lo, hi, v) {
  for (let i = lo; i < hi; i++) a[i] = v;
}
function sequentialRead(a, lo, hi) {
  let s = 0;
  for (let i = lo; i < hi; i++) s += a[i];
  return s;
}
/** The mirror's pattern: each row of [r0, r1) gets one value in each of the (sorted) columns `cols`. */
function mirrorPattern(a, r0, r1, cols) {
  for (let k = r0; k < r1; k++) {
    const base = k * n;
    for (let q = 0; q < cols.length; q++) a[base + cols[q]] = k;
  }
}
function columnRead(a, c) {
  let s = 0;
  for (let k = 0, at = c; k < n; k++, at += n) s += a[at];
  return s;
}
function columnWrite(a, c, v) {
  for (let k = 0, at = c; k < n; k++, at += n) a[at] = v;
}

/** Part `part` of `parts` of one of the parallel kinds of work. */
function run(a, what, part, parts, batches) {
  const lo = Math.floor((a.length * part) / parts);
  const hi = Math.floor((a.length * (part + 1)) / parts);
  if (what === "write") sequentialWrite(a, lo, hi, part + 1);
  else if (what === "read") return sequentialRead(a, lo, hi);
  else {
    const r0 = Math.floor((n * part) / parts);
    const r1 = Math.floor((n * (part + 1)) / parts);
    for (const cols of batches) mirrorPattern(a, r0, r1, cols);
  }
  return 0;
}

if (!isMainThread) {
  const a = new Float64Array(workerData.buffer);
  parentPort.on("message", (m) => {
    run(a, m.what, 1, 2, m.batches);
    parentPort.postMessage("done");
  });
} else {
  const a = new Float64Array(new SharedArrayBuffer(n * n * 8));
  // touch every page first, so that the page faults are measured apart
  const touch = performance.now();
  a.fill(1);
  const touchMs = performance.now() - touch;
  const mb = (n * n * 8) / 2 ** 20;
  const random = (k) => Math.floor(((((Math.sin(k * 12.9898) * 43758.5453) % 1) + 1) % 1) * n);
  const batches = Array.from({ length: 8 }, (_, b) =>
    Int32Array.from({ length: 64 }, (_, q) => random(b * 64 + q + 1)).sort(),
  );
  const worker = new Worker(new URL(import.meta.url), { workerData: { buffer: a.buffer, n } });
  await new Promise((r) => setTimeout(r, 300));
  const lines = [
    `first touch (page faults), 1 thread: ${(touchMs / 1000).toFixed(2)} s, ${(touchMs / mb).toFixed(2)} ms per MB`,
  ];
  for (const what of ["write", "read", "mirror"]) {
    const best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    for (let rep = 0; rep < 2; rep++) {
      let t = performance.now();
      run(a, what, 0, 1, batches);
      best[0] = Math.min(best[0], performance.now() - t);
      t = performance.now();
      const other = new Promise((r) => worker.once("message", r));
      worker.postMessage({ what, batches });
      run(a, what, 0, 2, batches);
      await other;
      best[1] = Math.min(best[1], performance.now() - t);
    }
    if (what === "mirror") {
      const values = batches.length * 64 * n;
      const ns = best.map((ms) => ((ms * 1e6) / values).toFixed(1));
      lines.push(
        `mirror pattern (64 scattered values per row): ${ns[0]} ns/value on 1 thread, ${ns[1]} on 2`,
      );
    } else {
      const gbs = best.map((ms) => ((a.length * 8) / ms / 1e6).toFixed(1));
      lines.push(`sequential ${what}: ${gbs[0]} GB/s on 1 thread, ${gbs[1]} GB/s on 2`);
    }
  }
  const cols = Array.from({ length: 200 }, (_, k) => random(10_000 + k));
  let t = performance.now();
  let sink = 0;
  for (const c of cols) sink += columnRead(a, c);
  const read = ((performance.now() - t) * 1e6) / (cols.length * n);
  t = performance.now();
  for (const c of cols) columnWrite(a, c, sink);
  const write = ((performance.now() - t) * 1e6) / (cols.length * n);
  lines.push(
    `down a column, one value per row: read ${read.toFixed(1)} ns/value, write ${write.toFixed(1)} ns/value`,
  );
  console.log(`${n} × ${n} doubles (${((n * n * 8) / 1e9).toFixed(1)} GB)\n${lines.join("\n")}`);
  process.exit(0);
}
