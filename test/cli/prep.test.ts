import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_FIXTURE, clusterheat, DEX30, DEX30_SAMPLES, ROOT, tempDir, tsvCells } from "./run-cli.js";

/** The numbers of a TSV row (all cells after the name). */
const numbers = (row: string[]) => row.slice(1).map(Number);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("clusterheat prep", () => {
  it("clusterheat prep writes the matrix as TSV on stdout", () => {
    const run = clusterheat(["prep", DEX30]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells).toHaveLength(31);
    expect(cells[0].slice(1)).toEqual(["Ctrl_1", "Ctrl_2", "Ctrl_3", "Dex_1", "Dex_2", "Dex_3"]);
    expect(cells[1][0]).toBe("DUSP1");
    expect(numbers(cells[1])).toEqual([14.76, 14.83, 14.64, 17.22, 17.28, 17.33]);
  });

  it("clusterheat prep --scale row gives rows of mean 0 and sd 1", () => {
    const run = clusterheat(["prep", DEX30, "--scale", "row"]);
    expect(run.status).toBe(0);
    for (const row of tsvCells(run.stdout).slice(1)) {
      const x = numbers(row);
      const m = mean(x);
      const sd = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (x.length - 1));
      expect(Math.abs(m)).toBeLessThan(1e-9);
      expect(sd).toBeCloseTo(1, 9);
    }
  });

  it("clusterheat prep -o writes the file and nothing on stdout; -o - writes stdout", () => {
    const dir = tempDir();
    const file = join(dir, "scaled.tsv");
    const toFile = clusterheat(["prep", DEX30, "--scale", "row", "-o", file]);
    expect(toFile.status).toBe(0);
    expect(toFile.stdout).toBe("");
    const toStdout = clusterheat(["prep", DEX30, "--scale", "row", "-o", "-"]);
    expect(readFileSync(file, "utf8")).toBe(toStdout.stdout);
  });

  it("clusterheat prep reads the matrix from stdin with -", () => {
    const run = clusterheat(["prep", "-"], { input: readFileSync(join(ROOT, DEX30), "utf8") });
    expect(run.status).toBe(0);
    expect(tsvCells(run.stdout)).toHaveLength(31);
  });

  it("clusterheat prep --log2 alone before the input means pseudocount 1", () => {
    const plain = tsvCells(clusterheat(["prep", DEX30]).stdout);
    const run = clusterheat(["prep", "--log2", DEX30]);
    expect(run.status).toBe(0);
    const logged = tsvCells(run.stdout);
    expect(numbers(logged[1])[0]).toBeCloseTo(Math.log2(numbers(plain[1])[0] + 1), 12);
    const half = tsvCells(clusterheat(["prep", "--log2", "0.5", DEX30]).stdout);
    expect(numbers(half[1])[0]).toBeCloseTo(Math.log2(numbers(plain[1])[0] + 0.5), 12);
  });

  it("clusterheat prep --rows takes a comma-separated list, or a file of names", () => {
    const list = clusterheat(["prep", DEX30, "--rows", "FKBP5,DUSP1", "--keep-order"]);
    expect(list.status).toBe(0);
    expect(
      tsvCells(list.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["FKBP5", "DUSP1"]);
    const dir = tempDir();
    const names = join(dir, "genes.txt");
    writeFileSync(names, "PER1\nDUSP1\n");
    const file = clusterheat(["prep", DEX30, "--rows", names]);
    expect(file.status).toBe(0);
    expect(
      tsvCells(file.stdout)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["DUSP1", "PER1"]);
  });

  it("clusterheat prep warns about names not found, and -q silences the warning", () => {
    const loud = clusterheat(["prep", DEX30, "--rows", "DUSP1,NOPE"]);
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/^clusterheat: warning: .*NOPE/m);
    const quiet = clusterheat(["prep", DEX30, "--rows", "DUSP1,NOPE", "-q"]);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe("");
  });

  it("clusterheat prep --annotation-col --aggregate-cols-by gives one column per group", () => {
    const run = clusterheat([
      "prep",
      DEX30,
      "--annotation-col",
      DEX30_SAMPLES,
      "--aggregate-cols-by",
      "Group",
    ]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells[0].slice(1)).toEqual(["Ctrl", "Dex"]);
    expect(numbers(cells[1])[0]).toBeCloseTo((14.76 + 14.83 + 14.64) / 3, 12);
  });

  it("clusterheat prep --top-variable 100 --scale row keeps 100 rows and the sample ids as written", () => {
    const run = clusterheat(["prep", ALL_FIXTURE, "--top-variable", "100", "--scale", "row"]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells).toHaveLength(101);
    const header = readFileSync(join(ROOT, ALL_FIXTURE), "utf8").split("\n")[0].split("\t");
    expect(cells[0].slice(1)).toEqual(header.slice(1));
    expect(cells[0][1]).toBe("01005");
  });

  it.skipIf(!existsSync(join(ROOT, "examples/all-subset.tsv")))(
    "clusterheat prep examples/all-subset.tsv --top-variable 100 --scale row keeps 100 rows",
    () => {
      const run = clusterheat(["prep", "examples/all-subset.tsv", "--top-variable", "100", "--scale", "row"]);
      expect(run.status).toBe(0);
      const cells = tsvCells(run.stdout);
      expect(cells).toHaveLength(101);
      expect(cells[0]).toContain("01005");
    },
  );
});
