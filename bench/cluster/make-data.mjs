// Benchmark data for the clustering benchmark: N × 50 matrices of real
// expression values, seeded and reproducible.
//
// Source: the ALL leukemia microarray set (examples/all.tsv.gz,
// 12,625 probe sets × 128 patients, RMA log2), first 50 patients.
// - N ≤ 12,625: N distinct probe sets drawn without replacement.
// - N > 12,625: all probe sets, then extra rows that are copies of randomly
//   drawn probe sets plus Gaussian noise (sd 0.1, on a log2 scale of ~2–14).
// Values are written with 4 decimals, as in the source file, so that every
// tool parses the very same doubles. Rows with sd = 0 would make row scaling
// undefined; the source has none and the noise cannot create one, but the
// generator checks.
//
// Usage: node bench/cluster/make-data.mjs [--sizes 2000,5000] [--out bench/tmp]
//        [--source examples/all.tsv.gz]   (or env BENCH_ALL_TSV)
// Writes <out>/cluster-<N>.tsv; files that exist are kept (same seed, same bytes).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SOURCE =
  process.env.BENCH_ALL_TSV ?? resolve(here, "..", "..", "examples", "all.tsv.gz");
export const DEFAULT_OUT = resolve(here, "..", "tmp");
const COLUMNS = 50;
const NOISE_SD = 0.1;
const SEED = 20240607;

/** mulberry32: a small seeded 32-bit PRNG, uniform in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box–Muller. */
function gaussian(rand) {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function readSource(path) {
  const lines = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
  const header = lines[0].split("\t").slice(0, COLUMNS + 1);
  const names = [];
  const rows = [];
  for (const line of lines.slice(1)) {
    if (line === "") continue;
    const cells = line.split("\t");
    names.push(cells[0]);
    rows.push(cells.slice(1, COLUMNS + 1).map(Number));
  }
  return { header, names, rows };
}

function sdOf(row) {
  const mean = row.reduce((s, v) => s + v, 0) / row.length;
  return Math.sqrt(row.reduce((s, v) => s + (v - mean) ** 2, 0) / (row.length - 1));
}

/** The N × 50 benchmark matrix as TSV text. */
export function makeMatrix(source, n) {
  const rand = rng(SEED + n);
  const m = source.rows.length;
  // Fisher–Yates shuffle of the source rows; the first min(n, m) are used.
  const perm = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  const out = [source.header.join("\t")];
  for (let k = 0; k < n; k++) {
    let name;
    let values;
    if (k < m) {
      name = source.names[perm[k]];
      values = source.rows[perm[k]].map((v) => v.toFixed(4));
    } else {
      const src = Math.floor(rand() * m);
      name = `${source.names[src]}.copy${k - m + 1}`;
      values = source.rows[src].map((v) => (v + NOISE_SD * gaussian(rand)).toFixed(4));
    }
    if (!(sdOf(values.map(Number)) > 0)) throw new Error(`row ${name} is constant`);
    out.push(`${name}\t${values.join("\t")}`);
  }
  return `${out.join("\n")}\n`;
}

/** Path of the data file for size n; written unless it exists. */
export function ensureData(n, { out = DEFAULT_OUT, source = DEFAULT_SOURCE, log = () => {} } = {}) {
  const file = join(out, `cluster-${n}.tsv`);
  if (existsSync(file)) return file;
  if (!existsSync(source)) throw new Error(`source data not found: ${source}`);
  mkdirSync(out, { recursive: true });
  log(`writing ${file}`);
  writeFileSync(file, makeMatrix(readSource(source), n));
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const sizes = opt("--sizes", "2000,5000,10000,20000").split(",").map(Number);
  for (const n of sizes) {
    console.log(
      ensureData(n, { out: resolve(opt("--out", DEFAULT_OUT)), source: opt("--source", DEFAULT_SOURCE) }),
    );
  }
}
