#!/usr/bin/env node
/**
 * Makes examples/all-subset.tsv and examples/all-subset.samples.tsv from the
 * Bioconductor ALL data set (examples/all.tsv.gz, 12,625 probe sets × 128
 * patients, and its sample sheet):
 * - the 200 probe sets of highest variance (R's var(): sum((x - mean)^2) / (n - 1),
 *   two passes, NA ignored), ties broken by file order, kept in file order;
 * - every line copied as written in the source (no reformatting of numbers;
 *   sample ids such as 01005 stay as they are);
 * - the sample sheet's rows for the matrix's columns, in column order.
 *
 * Usage: node scripts/make-all-subset.mjs [data dir = examples] [n = 200]
 * (the data dir holds all.tsv.gz and all.samples.tsv, or all-subset.samples.tsv)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = process.argv[2] ?? join(root, "examples");
const keep = Number(process.argv[3] ?? 200);

/** Sample variance as R's var(): two passes, n − 1 denominator, missing values left out. */
function variance(values) {
  const x = values.filter((v) => !Number.isNaN(v));
  const mean = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
}

const lines = gunzipSync(readFileSync(join(dataDir, "all.tsv.gz")))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.length > 0);
const [header, ...rows] = lines;
const scored = rows.map((line, index) => ({
  index,
  line,
  variance: variance(line.split("\t").slice(1).map(Number)),
}));
const top = [...scored]
  .sort((a, b) => b.variance - a.variance || a.index - b.index)
  .slice(0, keep)
  .sort((a, b) => a.index - b.index);
writeFileSync(
  join(root, "examples", "all-subset.tsv"),
  `${[header, ...top.map((r) => r.line)].join("\n")}\n`,
);

const sheet = readFileSync(
  existsSync(join(dataDir, "all.samples.tsv"))
    ? join(dataDir, "all.samples.tsv")
    : join(dataDir, "all-subset.samples.tsv"),
  "utf8",
)
  .split("\n")
  .filter((l) => l.length > 0);
const byId = new Map(sheet.slice(1).map((l) => [l.split("\t")[0], l]));
const samples = header.split("\t").slice(1);
const missing = samples.filter((s) => !byId.has(s));
if (missing.length > 0) throw new Error(`samples missing from all.samples.tsv: ${missing.join(", ")}`);
writeFileSync(
  join(root, "examples", "all-subset.samples.tsv"),
  `${[sheet[0], ...samples.map((s) => byId.get(s))].join("\n")}\n`,
);
console.log(
  `examples/all-subset.tsv: ${top.length} × ${samples.length}; variance ${top
    .map((r) => r.variance)
    .reduce((a, b) => Math.min(a, b))
    .toFixed(3)}–${Math.max(...top.map((r) => r.variance)).toFixed(3)}`,
);
