/**
 * The full layout on two threads (split updates, rescans and batched mirror
 * writes; node/parallel-hclust.ts) against the packed layout, on small data
 * with ties everywhere, every step split (CLUSTERHEAT_HCLUST_SPLIT_MIN=2).
 * Runs the build in dist/ (worker threads load its .js files) in a child
 * process: build first (`npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = join(ROOT, "dist");

const SCRIPT = `
const D = process.argv[2];
const { clusterMatrix } = await import(D + "/cluster/cluster-matrix.js");
const { nodeClusterContext } = await import(D + "/node/parallel.js");
const { createMatrix } = await import(D + "/matrix.js");
const { randomSource } = await import(D + "/cluster/random.js");
const out = [];
for (const [n, p] of [[300, 4], [700, 3]]) {
  for (const method of ["average", "ward.D2", "single", "complete", "centroid", "median", "mcquitty", "ward.D"]) {
    const rnd = randomSource(n + p);
    const m = createMatrix(
      Float64Array.from({ length: n * p }, () => Math.floor(rnd() * 6)),
      Array.from({ length: n }, (_, i) => "g" + i),
      Array.from({ length: p }, (_, j) => "s" + j),
    );
    const trees = [];
    for (const linkage of ["packed", "full"]) {
      const r = await clusterMatrix(m, { clusteringMethod: method, clusterCols: false }, { ...nodeClusterContext(2), linkage });
      trees.push(JSON.stringify([Array.from(r.rows.tree.merge), Array.from(r.rows.tree.height), r.rows.tree.order]));
    }
    out.push({ n, method, same: trees[0] === trees[1] });
  }
}
console.log(JSON.stringify(out));
`;

describe("full layout on two threads", () => {
  it.skipIf(!existsSync(join(DIST, "node", "hclust-worker.js")))(
    "gives the packed layout's trees for every method on tied data",
    () => {
      // a script file, not "node -e": worker threads inherit the parent's execArgv
      const dir = mkdtempSync(join(tmpdir(), "clusterheat-full-"));
      const script = join(dir, "run.mjs");
      writeFileSync(script, SCRIPT);
      const run = spawnSync(process.execPath, [script, DIST], {
        encoding: "utf8",
        env: { ...process.env, CLUSTERHEAT_HCLUST_SPLIT_MIN: "2" },
        timeout: 120_000,
      });
      rmSync(dir, { recursive: true, force: true });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as { n: number; method: string; same: boolean }[];
      expect(results).toHaveLength(16);
      for (const r of results) expect(r, `${r.method} at ${r.n}`).toMatchObject({ same: true });
    },
    120_000,
  );
});
