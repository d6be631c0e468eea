/**
 * The command line as a new user and as an adversary would try it: outputs
 * that never destroy anything, and options refused up front with a clear
 * message, the right exit code and no file written.
 */
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { clusterheat, DEX30, DEX30_SAMPLES, tempDir } from "./run-cli.js";

describe("clusterheat outputs never destroy a file", () => {
  it("clusterheat prep -o /dev/null writes into the device and leaves it a character device", () => {
    const run = clusterheat(["prep", DEX30, "-o", "/dev/null"]);
    expect(run.status).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("clusterheat prep -o a symbolic link writes the file it points to and keeps the link", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "target.tsv"), "old\n");
    symlinkSync("target.tsv", join(dir, "link.tsv"));
    const run = clusterheat(["prep", DEX30, "-o", join(dir, "link.tsv")]);
    expect(run.status).toBe(0);
    expect(lstatSync(join(dir, "link.tsv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.tsv"))).toBe("target.tsv");
    expect(readFileSync(join(dir, "target.tsv"), "utf8")).toMatch(/^gene\tCtrl_1/);
  });

  it("clusterheat prep -o a read-only file exits 1 with 'permission denied' and leaves it as it was", () => {
    const dir = tempDir();
    const path = join(dir, "ro.tsv");
    writeFileSync(path, "keep me\n");
    chmodSync(path, 0o444);
    const run = clusterheat(["prep", DEX30, "-o", path]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("permission denied");
    expect(readFileSync(path, "utf8")).toBe("keep me\n");
    expect(readdirSync(dir)).toEqual(["ro.tsv"]);
  });

  it("clusterheat prep -o x.tsv.gz writes gzip; an overwritten file keeps its permission bits", () => {
    const dir = tempDir();
    const path = join(dir, "x.tsv.gz");
    writeFileSync(path, "old");
    chmodSync(path, 0o600);
    expect(clusterheat(["prep", DEX30, "-o", path]).status).toBe(0);
    expect(gunzipSync(readFileSync(path)).toString("utf8")).toMatch(/^gene\tCtrl_1/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("an output extension the command cannot write is a usage error listing what it can write", () => {
    const dir = tempDir();
    const cluster = clusterheat(["cluster", DEX30, "-o", join(dir, "clusters.csv")]);
    expect(cluster.status).toBe(2);
    expect(cluster.stderr).toContain("clusterheat cluster writes .json, .nwk, .newick, .tree, .tsv, .txt");
    const plot = clusterheat(["plot", DEX30, "-o", join(dir, "x.xlsx")]);
    expect(plot.status).toBe(2);
    expect(plot.stderr).toContain("clusterheat plot writes .svg, .png, .pdf, .html");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("clusterheat refuses what makes no sense, before any work", () => {
  it("--cutree-rows with --cutree-rows-height is a usage error naming both flags", () => {
    const run = clusterheat(["cluster", DEX30, "--cutree-rows", "2", "--cutree-rows-height", "1"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--cutree-rows and --cutree-rows-height cannot be used together");
  });

  it("a k larger than the rows after filtering is a usage error and nothing is written", () => {
    const dir = tempDir();
    const run = clusterheat([
      "plot",
      DEX30,
      "--top-variable",
      "10",
      "--cutree-rows",
      "11",
      "-o",
      join(dir, "f.svg"),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--cutree-rows 11 is more than the 10 rows left after the prep steps");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("hexadecimal and exponent spellings of integers are not integers", () => {
    for (const bad of ["0x3", "1e1"]) {
      const run = clusterheat(["cluster", DEX30, "--cutree-rows", bad]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`invalid --cutree-rows: "${bad}" (expected an integer ≥ 1)`);
    }
  });

  it("--log2 with an invalid value names --log2, not 'too many arguments'", () => {
    const run = clusterheat(["prep", "--log2", "abc", DEX30]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid --log2: "abc"');
  });

  it("standard input given as the matrix and as the sample sheet is a usage error", () => {
    const run = clusterheat(["prep", "-", "--annotation-col", "-"], { input: readFileSync(DEX30, "utf8") });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('standard input ("-") can be read only once');
  });

  it("--threads above the machine's cores is capped with a warning", () => {
    const run = clusterheat(["cluster", DEX30, "--threads", "1000", "-o", "/dev/null"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`--threads 1000 is more than the ${availableParallelism()} CPU cores`);
  });

  it("--minkowski-p without minkowski and --keep-order without --rows are warnings", () => {
    const run = clusterheat(["cluster", DEX30, "--minkowski-p", "3", "--keep-order", "-o", "/dev/null"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("--minkowski-p is ignored: no axis uses the minkowski distance");
    expect(run.stderr).toContain("--keep-order is ignored without --rows");
  });

  it("numeric group codes aggregate and annotate as categories with --annotation-categorical", () => {
    const dir = tempDir();
    const sheet = join(dir, "dose.tsv");
    writeFileSync(sheet, "sample\tdose\nCtrl_1\t0\nCtrl_2\t0\nCtrl_3\t0\nDex_1\t10\nDex_2\t10\nDex_3\t10\n");
    const run = clusterheat(["prep", DEX30, "--annotation-col", sheet, "--aggregate-cols-by", "dose"]);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("gene\t0\t10");
    const plot = clusterheat([
      "plot",
      DEX30,
      "--annotation-col",
      sheet,
      "--annotation-categorical",
      "dose",
      "-o",
      join(dir, "f.svg"),
    ]);
    expect(plot.status).toBe(0);
    const svg = readFileSync(join(dir, "f.svg"), "utf8");
    expect(svg).toContain(">dose</text>");
    expect(svg).toContain(">10</text>");
    expect(DEX30_SAMPLES).toBeTruthy();
  });
});
