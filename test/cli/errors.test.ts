import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clusterheat, DEX30, tempDir } from "./run-cli.js";

/** stderr is a short message: no stack trace lines. */
function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr.trimEnd().split("\n").length).toBeLessThanOrEqual(2);
}

describe("clusterheat usage errors exit 2", () => {
  it("clusterheat prep --bogus names the option and the help to read", () => {
    const run = clusterheat(["prep", DEX30, "--bogus"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("clusterheat: unknown option '--bogus'\nsee clusterheat prep --help\n");
  });

  it("clusterheat prep --scal suggests the option meant", () => {
    const run = clusterheat(["prep", DEX30, "--scal", "row"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("(did you mean --scale?)");
  });

  it("clusterheat prep --scale sideways lists the valid choices", () => {
    const run = clusterheat(["prep", DEX30, "--scale", "sideways"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'clusterheat: invalid --scale: "sideways" (expected one of none, row, column)\nsee clusterheat prep --help\n',
    );
  });

  it("clusterheat cluster --clustering-method ward lists the linkage methods", () => {
    const run = clusterheat(["cluster", DEX30, "--clustering-method", "ward"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("ward.D, ward.D2, single, complete, average, mcquitty, median, centroid");
    expect(run.stderr).toContain("see clusterheat cluster --help");
  });

  it("clusterheat prep --top-variable rejects a number out of range or not a number", () => {
    for (const bad of ["0", "2.5", "many"]) {
      const run = clusterheat(["prep", DEX30, "--top-variable", bad]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`invalid --top-variable: "${bad}" (expected an integer ≥ 1)`);
    }
  });

  it("clusterheat prep without the matrix says the argument is missing", () => {
    const run = clusterheat(["prep", "--scale", "row"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("clusterheat: missing required argument 'matrix'\nsee clusterheat prep --help\n");
  });

  it("clusterheat prep -o without a file says the value is missing", () => {
    const run = clusterheat(["prep", DEX30, "-o"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clusterheat: option '-o, --output <file>' argument missing\n/);
  });

  it("clusterheat frobnicate is an unknown command", () => {
    const run = clusterheat(["frobnicate"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("clusterheat: unknown command 'frobnicate'\nsee clusterheat --help\n");
  });

  it("clusterheat prep with too many arguments exits 2", () => {
    const run = clusterheat(["prep", DEX30, DEX30]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("too many arguments");
  });

  it("clusterheat prep -o x -o x rejects an output given twice", () => {
    const dir = tempDir();
    const out = join(dir, "x.tsv");
    const run = clusterheat(["prep", DEX30, "-o", out, "-o", out]);
    expect(run.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("clusterheat cluster --axis cols --no-cluster-cols --format newick is a usage error and writes nothing", () => {
    const dir = tempDir();
    const run = clusterheat([
      "cluster",
      DEX30,
      "--no-cluster-cols",
      "--format",
      "newick",
      "--axis",
      "cols",
      "-o",
      join(dir, "t.nwk"),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^clusterheat: --axis cols: the columns are not clustered \(--no-cluster-cols\)\n/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("clusterheat usage errors found by the library exit 2", () => {
  it("clusterheat prep --aggregate-cols-by without a sample sheet names the flags", () => {
    const run = clusterheat(["prep", DEX30, "--aggregate-cols-by", "Group"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^clusterheat: --aggregate-cols-by "Group" .*--annotation-col/);
    expect(run.stderr).toMatch(/\nsee clusterheat prep --help\n$/);
  });

  it("clusterheat cluster --cutree-rows with --no-cluster-rows exits 2", () => {
    const run = clusterheat(["cluster", DEX30, "--cutree-rows", "2", "--no-cluster-rows"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("see clusterheat cluster --help");
  });
});

describe("clusterheat data and file errors exit 1", () => {
  it("clusterheat prep on duplicate row names fails unless --duplicate-rows says what to do", () => {
    const dir = tempDir();
    const dup = join(dir, "dup.tsv");
    writeFileSync(dup, "gene\ta\tb\nG1\t1\t2\nG1\t3\t4\nG2\t5\t6\n");
    const fails = clusterheat(["prep", dup]);
    expect(fails.status).toBe(1);
    expect(fails.stderr).toContain(`clusterheat: ${dup}:3:`);
    expectNoStack(fails.stderr);
    const mean = clusterheat(["prep", dup, "--duplicate-rows", "mean", "-q"]);
    expect(mean.status).toBe(0);
    expect(mean.stdout).toBe("gene\ta\tb\nG1\t2\t3\nG2\t5\t6\n");
  });

  it("clusterheat prep --annotation-col with a sheet of other samples names the sheet", () => {
    const run = clusterheat(["prep", DEX30, "--annotation-col", DEX30]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^clusterheat: examples\/dex30\.tsv: .*not in the sheet/);
    expectNoStack(run.stderr);
  });

  it("clusterheat prep on a folder says it is a folder", () => {
    const run = clusterheat(["prep", "examples"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("clusterheat: examples: cannot read: is a folder\n");
  });

  it("clusterheat prep on a bad cell reports file:line:column, without a stack trace, and writes nothing", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.tsv");
    writeFileSync(bad, "gene\ta\tb\nG1\t1\t2\nG2\t3\tabc\n");
    const out = join(dir, "out");
    mkdirSync(out);
    const run = clusterheat(["prep", bad, "-o", join(out, "prepared.tsv")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^clusterheat: ${bad.replace(/[.\\]/g, "\\$&")}:3:3: .*"abc"`));
    expectNoStack(run.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it("clusterheat prep on a missing file names the file", () => {
    const run = clusterheat(["prep", "no-such-matrix.tsv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("clusterheat: no-such-matrix.tsv: cannot read: no such file\n");
  });

  it("clusterheat prep --annotation-col on a missing file names the file", () => {
    const run = clusterheat(["prep", DEX30, "--annotation-col", "no-such-sheet.tsv"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("clusterheat: no-such-sheet.tsv: cannot read: no such file\n");
  });

  it("clusterheat prep -o into a missing folder names the file and leaves nothing", () => {
    const dir = tempDir();
    const run = clusterheat(["prep", DEX30, "-o", join(dir, "missing", "x.tsv")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`clusterheat: ${join(dir, "missing", "x.tsv")}: cannot write: no such folder\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("clusterheat prep -o onto a folder fails and leaves no temporary file", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "taken"));
    const run = clusterheat(["prep", DEX30, "-o", join(dir, "taken")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot write/);
    expect(readdirSync(dir)).toEqual(["taken"]);
    expect(readdirSync(join(dir, "taken"))).toEqual([]);
  });

  it("clusterheat cluster with one bad output of several writes none of them", () => {
    const dir = tempDir();
    const run = clusterheat([
      "cluster",
      DEX30,
      "-o",
      join(dir, "ok.json"),
      "-o",
      join(dir, "missing", "x.nwk"),
    ]);
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});
