/**
 * `--low-memory` clusters on the packed triangle (half the memory) instead
 * of the full matrix the library picks when memory allows: the same trees,
 * on one thread and on two, ties included.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stderrLogger } from "../../src/cli/progress.js";
import { computeContext } from "../../src/cli/run-command.js";
import { clusterheat, tempDir, tiedMatrix } from "./run-cli.js";

describe("clusterheat --low-memory", () => {
  it("asks the library for the packed layout, and only then", () => {
    const logger = stderrLogger({ write: () => true }, { quiet: true });
    expect(computeContext({ threads: 1, lowMemory: true }, logger).linkage).toBe("packed");
    expect(computeContext({ threads: 1 }, logger).linkage).toBeUndefined();
  });

  it("gives the same trees as the default layout, on one thread and on two", () => {
    const dir = tempDir();
    const file = join(dir, "tied.tsv");
    // large enough for the worker threads (distances and the split linkage)
    writeFileSync(file, tiedMatrix(3300, 8, 11, 5));
    for (const threads of ["1", "2"]) {
      const args = ["cluster", file, "--clustering-method", "average", "-q", "--threads", threads];
      const full = clusterheat(args);
      const packed = clusterheat([...args, "--low-memory"]);
      expect(full.status, full.stderr).toBe(0);
      expect(packed.status, packed.stderr).toBe(0);
      expect(JSON.parse(packed.stdout)).toEqual(JSON.parse(full.stdout));
    }
  });

  it("is listed in the help of cluster and plot", () => {
    for (const command of ["cluster", "plot"]) {
      expect(clusterheat([command, "--help"]).stdout).toContain("--low-memory");
    }
  });
});
