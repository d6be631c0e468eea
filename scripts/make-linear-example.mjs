#!/usr/bin/env node
/**
 * Makes examples/all-subset-linear.tsv: the ALL subset's RMA log2 values
 * turned back into linear, RPKM-like values (2^x, 4 significant digits), for
 * the "log2 first, then average the replicates" workflow of the README.
 */
import { readFileSync, writeFileSync } from "node:fs";

const lines = readFileSync("examples/all-subset.tsv", "utf8").trimEnd().split("\n");
const out = [lines[0]];
for (const line of lines.slice(1)) {
  const [name, ...values] = line.split("\t");
  out.push(
    [name, ...values.map((v) => (v === "NA" ? "NA" : String(Number((2 ** Number(v)).toPrecision(4)))))].join(
      "\t",
    ),
  );
}
writeFileSync("examples/all-subset-linear.tsv", `${out.join("\n")}\n`);
