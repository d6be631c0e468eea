import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { readAnnotation } from "../../src/io/annotation.js";
import { readMatrix } from "../../src/io/matrix-reader.js";

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url));

test("readMatrix reads examples/all-subset.tsv with sample ids as text", () => {
  const m = readMatrix(example("all-subset.tsv"), { file: "all-subset.tsv" });
  expect([m.nrow, m.ncol]).toEqual([200, 128]);
  expect(m.colNames.slice(0, 3)).toEqual(["01005", "01010", "03002"]);
  expect(m.rowNames[0]).toBe("1052_s_at");
  expect(m.values[0]).toBe(5.845);
  expect(m.values.every(Number.isFinite)).toBe(true);
});

test("readAnnotation aligns examples/all-subset.samples.tsv, age numeric with gaps", () => {
  const m = readMatrix(example("all-subset.tsv"));
  const a = readAnnotation(example("all-subset.samples.tsv"), m.colNames, { file: "all-subset.samples.tsv" });
  expect(a.tracks.map((t) => `${t.name}:${t.kind}`)).toEqual([
    "BT:categorical",
    "sex:categorical",
    "age:continuous",
    "mol.biol:categorical",
  ]);
  const age = a.tracks[2].values as Float64Array;
  expect(age[0]).toBe(53);
  expect(age.some(Number.isNaN)).toBe(true);
  const sex = a.tracks[1];
  expect(sex.kind === "categorical" && sex.levels).toEqual(["M", "F"]);
});
