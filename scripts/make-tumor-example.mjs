#!/usr/bin/env node
/**
 * Makes examples/tumor30x12.tsv and examples/tumor30x12.samples.tsv: the
 * seaborn tutorial's kind of simulated expression matrix, 30 genes × 12
 * samples (6 tumor, 6 normal), log2 scale. Each gene has a base level drawn
 * from N(8, 1.5²); 10 proliferation genes are up in tumor (+2.5 ± 0.5),
 * 8 stress/suppressor genes are down (−2 ± 0.5), 12 housekeeping genes do not
 * change; every value gets noise N(0, 0.5²). Seeded (mulberry32, seed 2024,
 * Box–Muller normals), so the files are the same on every run; values are
 * written with 2 decimals.
 */
import { writeFileSync } from "node:fs";
// the project's mulberry32, from the build (`npm run build` first)
import { randomSource } from "../dist/cluster/random.js";

const random = randomSource(2024);
/** A standard normal draw (Box–Muller). */
function normal() {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const UP = ["MKI67", "TOP2A", "CCNB1", "BIRC5", "CDK1", "AURKA", "MYC", "E2F1", "CCNE1", "PLK1"];
const DOWN = ["CDKN1A", "PTEN", "TP53I3", "GADD45A", "BAX", "FOS", "EGR1", "KLF4"];
const FLAT = [
  "ACTB",
  "GAPDH",
  "B2M",
  "RPLP0",
  "TBP",
  "HPRT1",
  "PPIA",
  "YWHAZ",
  "UBC",
  "SDHA",
  "GUSB",
  "HMBS",
];
const samples = [
  ...Array.from({ length: 6 }, (_, i) => `Tumor_${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `Normal_${i + 1}`),
];
// genes interleaved, so that the plain heatmap shows no structure until it is clustered
const genes = [];
for (let k = 0; k < 12; k++) {
  if (k < UP.length) genes.push([UP[k], 2.5]);
  if (k < DOWN.length) genes.push([DOWN[k], -2]);
  genes.push([FLAT[k], 0]);
}

const lines = [["gene", ...samples].join("\t")];
for (const [name, shift] of genes) {
  const base = 8 + 1.5 * normal();
  const effect = shift === 0 ? 0 : shift + 0.5 * normal();
  const values = samples.map((s) => {
    const tumor = s.startsWith("Tumor");
    return (base + (tumor ? effect : 0) + 0.5 * normal()).toFixed(2);
  });
  lines.push([name, ...values].join("\t"));
}
writeFileSync("examples/tumor30x12.tsv", `${lines.join("\n")}\n`);
const sheet = [
  "sample\tcondition",
  ...samples.map((s) => `${s}\t${s.startsWith("Tumor") ? "tumor" : "normal"}`),
];
writeFileSync("examples/tumor30x12.samples.tsv", `${sheet.join("\n")}\n`);
