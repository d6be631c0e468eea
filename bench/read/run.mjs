#!/usr/bin/env node
/**
 * Reading speed: clusterheat's readMatrix against R's read.delim on the same
 * 20,000 × 50 TSV (and its gzip), a few repetitions each, every repetition a
 * fresh process. "In process" is the time measured inside (R: system.time of
 * read.delim; Node: readFileSync + readMatrix, decode included); "process
 * wall" is the whole process, start-up included. Prints a markdown table
 * (medians) for bench/read/RESULTS.md.
 *
 * Usage: node bench/read/run.mjs [repetitions=5]
 * Needs Rscript on the PATH. Writes only under bench/tmp/ (gitignored).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const tmp = join(root, "bench", "tmp");
const reps = Number(process.argv[2] ?? 5);
const NROW = 20_000;
const NCOL = 50;

/** A seeded generator (an LCG, Numerical Recipes constants) so every run reads the same file. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A log2-expression-like matrix: values in 2..14 with 4 decimals, as RMA output is written. */
function makeTsv() {
  const rand = lcg(42);
  const lines = [
    ["gene", ...Array.from({ length: NCOL }, (_, j) => `S${String(j + 1).padStart(3, "0")}`)].join("\t"),
  ];
  for (let i = 0; i < NROW; i++) {
    const cells = [`probe_${i + 1}_at`];
    for (let j = 0; j < NCOL; j++) cells.push((2 + 12 * rand()).toFixed(4));
    lines.push(cells.join("\t"));
  }
  return `${lines.join("\n")}\n`;
}

/** Compiles src/io (and what it imports) to plain JS under bench/tmp/build, independent of the rest of src. */
function build() {
  const out = join(tmp, "build");
  const r = spawnSync(
    "npx",
    [
      "tsc",
      "--outDir",
      out,
      "--rootDir",
      root,
      "--module",
      "NodeNext",
      "--moduleResolution",
      "NodeNext",
      "--target",
      "ES2022",
      "--skipLibCheck",
      "--types",
      "node",
      join(root, "src", "io", "matrix-reader.ts"),
    ],
    { cwd: root, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
  return join(out, "src", "io", "matrix-reader.js");
}

/** Runs a command, returning its stdout (a number: seconds measured inside) and the process's wall time. */
function timed(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", cwd: root });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} failed:\n${r.stderr}`);
  return { inside: Number(r.stdout.trim().split("\n").pop()), wall };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (s) => `${s.toFixed(3)} s`;

mkdirSync(tmp, { recursive: true });
const tsv = join(tmp, "read-20000x50.tsv");
const gz = `${tsv}.gz`;
const text = makeTsv();
writeFileSync(tsv, text);
writeFileSync(gz, gzipSync(text));
const reader = build();
const once = join(here, "read-once.mjs");
const rCode =
  "f <- commandArgs(TRUE)[1]; t <- system.time(x <- read.delim(f, row.names = 1, check.names = FALSE));" +
  " stopifnot(dim(x) == c(20000, 50)); cat(t[['elapsed']], '\\n')";

const cases = [
  ["R read.delim", tsv, () => timed("Rscript", ["-e", rCode, tsv])],
  ["readMatrix", tsv, () => timed("node", [once, reader, tsv])],
  ["readMatrix, 5th read in one process (warm JIT)", tsv, () => timed("node", [once, reader, tsv, "5"])],
  ["papaparse + Number (tokenizer alternative)", tsv, () => timed("node", [once, "papaparse", tsv])],
  ["R read.delim", gz, () => timed("Rscript", ["-e", rCode, gz])],
  ["readMatrix", gz, () => timed("node", [once, reader, gz])],
];
// Repetitions are interleaved (R, Node, R, Node, ...) so that a busy machine slows all readers alike.
const results = cases.map(() => []);
for (let k = 0; k < reps; k++) {
  cases.forEach(([, , run], c) => {
    results[c].push(run());
  });
}
const rows = [
  "| reader | file | in process (median) | process wall (median) | runs |",
  "| --- | --- | --- | --- | --- |",
];
cases.forEach(([name, file], c) => {
  const inside = median(results[c].map((r) => r.inside));
  const wall = median(results[c].map((r) => r.wall));
  const base = file.endsWith(".gz") ? "20000×50 .tsv.gz" : "20000×50 .tsv";
  rows.push(`| ${name} | ${base} | ${fmt(inside)} | ${fmt(wall)} | ${reps} |`);
  console.error(`${name} ${base}: ${results[c].map((r) => r.inside.toFixed(3)).join(" ")}`);
});
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(" ");
console.log(
  `${(text.length / 1e6).toFixed(1)} MB TSV, ${NROW} rows × ${NCOL} columns; load average ${load}\n`,
);
console.log(rows.join("\n"));
