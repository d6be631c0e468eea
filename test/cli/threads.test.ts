/**
 * The worker-thread paths (distances, hclust's split updates) must give the
 * very same trees as one thread. Large enough to switch them on (> 3,000
 * rows), small enough to run in a few seconds; small integer values so that
 * ties are everywhere.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, clusterheat, ROOT, tempDir, tiedMatrix } from "./run-cli.js";

describe("clusterheat cluster --threads", () => {
  it.each([
    ["average", "euclidean"],
    ["ward.D2", "correlation"],
    ["single", "manhattan"],
  ])("cluster --clustering-method %s on %s gives the same tree on 1 and 2 threads", (method, distance) => {
    const dir = tempDir();
    const file = join(dir, "tied.tsv");
    writeFileSync(file, tiedMatrix(3600, 8));
    const args = [
      "cluster",
      file,
      "--no-cluster-cols",
      "--scale",
      distance === "correlation" ? "row" : "none",
      "--clustering-distance-rows",
      distance,
      "--clustering-method",
      method,
      "-q",
    ];
    const one = clusterheat([...args, "--threads", "1"]);
    const two = clusterheat([...args, "--threads", "2"]);
    // every step split between the threads, on small data with many more ties
    const small = join(dir, "small.tsv");
    writeFileSync(small, tiedMatrix(300, 4));
    const smallArgs = [...args.slice(0, 1), small, ...args.slice(2)];
    const oneSmall = clusterheat([...smallArgs, "--threads", "1"]);
    const twoSmall = clusterheat([...smallArgs, "--threads", "2"], {
      env: { CLUSTERHEAT_HCLUST_SPLIT_MIN: "2" },
    });
    expect(twoSmall.status, twoSmall.stderr).toBe(0);
    expect(JSON.parse(twoSmall.stdout)).toEqual(JSON.parse(oneSmall.stdout));
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it("a distance that cannot be computed is named as on one thread, whichever worker finds it", () => {
    // rows that share no column give an undefined distance; the first pair in row order is named
    const dir = tempDir();
    const lines = tiedMatrix(3600, 16).trimEnd().split("\n");
    const holes = (row: number, cols: number[]) => {
      const cells = lines[row + 1].split("\t");
      for (const c of cols) cells[c + 1] = "NA";
      lines[row + 1] = cells.join("\t");
    };
    const all = Array.from({ length: 16 }, (_, j) => j);
    // in the second worker's rows only, then also in the first's
    holes(3000, all.slice(0, 8));
    holes(3300, all.slice(8));
    const upper = join(dir, "upper.tsv");
    writeFileSync(upper, `${lines.join("\n")}\n`);
    holes(100, all.slice(0, 8));
    const both = join(dir, "both.tsv");
    writeFileSync(both, `${lines.join("\n")}\n`);
    for (const [file, pair] of [
      [upper, /"g3000" and "g3300"/],
      [both, /"g100" and "g3300"/],
    ] as const) {
      const args = ["cluster", file, "--no-cluster-cols", "-q"];
      const one = clusterheat([...args, "--threads", "1"]);
      const two = clusterheat([...args, "--threads", "2"]);
      expect(one.status).toBe(1);
      expect(two.status).toBe(1);
      expect(one.stderr).toMatch(pair);
      expect(two.stderr).toBe(one.stderr);
    }
  });

  it("cluster stops at once on Ctrl-C, also in the linkage, and writes nothing", async () => {
    const dir = tempDir();
    const file = join(dir, "big.tsv");
    // tied values, many rows: a linkage of a few seconds, long past its first progress line
    writeFileSync(file, tiedMatrix(16000, 8));
    const out = join(dir, "trees.json");
    const child = spawn(process.execPath, [CLI, "cluster", file, "--no-cluster-cols", "-o", out], {
      cwd: ROOT,
    });
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.on("exit", (c, s) => resolve([c, s])),
    );
    // Ctrl-C once the linkage shows progress (after its first second)
    let stderr = "";
    const inLinkage = await new Promise<boolean>((resolve) => {
      child.stderr.on("data", (chunk) => {
        stderr += String(chunk);
        if (/clustering rows: \d+%/.test(stderr)) resolve(true);
      });
      void exited.then(() => resolve(false));
    });
    expect(inLinkage, `the linkage ended before it was interrupted: ${stderr}`).toBe(true);
    const started = Date.now();
    child.kill("SIGINT");
    const [code, signal] = await exited;
    expect(signal ?? code).toBe("SIGINT");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["big.tsv"]);
  });
});
