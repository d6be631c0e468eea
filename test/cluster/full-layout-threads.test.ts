/**
 * Both layouts on two threads (split step 0, updates with step 3's lists,
 * rescans and batched mirror writes; node/parallel-hclust.ts) against one
 * thread, on small data with ties everywhere, every step split
 * (CLUSTERHEAT_HCLUST_SPLIT_MIN=2); and a distance that cannot be computed,
 * found by either thread in step 0, reported as on one thread.
 * Runs the build in dist/ (worker threads load its .js files) in a child
 * process: build first (`npm run build`).
 */
import { describe, expect, it } from "vitest";
import { built, CLUSTER_SCRIPT_IMPORTS, runDistScript } from "../helpers/dist-script.js";

const SCRIPT = `${CLUSTER_SCRIPT_IMPORTS}const out = [];
for (const [n, p] of [[300, 4], [700, 3]]) {
  for (const method of ["average", "ward.D2", "single", "complete", "centroid", "median", "mcquitty", "ward.D"]) {
    const rnd = randomSource(n + p);
    const m = createMatrix(
      Float64Array.from({ length: n * p }, () => Math.floor(rnd() * 6)),
      Array.from({ length: n }, (_, i) => "g" + i),
      Array.from({ length: p }, (_, j) => "s" + j),
    );
    const trees = [];
    // one thread in JavaScript (the reference), then both layouts on two
    // threads with their loops in WebAssembly (in both threads) and in JavaScript
    const wasm = [];
    for (const ctx of [
      { linkage: "packed", linkageKernel: false },
      { ...nodeClusterContext(2), linkage: "packed" },
      { ...nodeClusterContext(2), linkage: "packed", linkageKernel: false },
      { ...nodeClusterContext(2), linkage: "full" },
      { ...nodeClusterContext(2), linkage: "full", linkageKernel: false },
    ]) {
      ctx.onLinkage = (info) => wasm.push(info.wasm);
      const r = await clusterMatrix(m, { clusteringMethod: method, clusterCols: false }, ctx);
      trees.push(JSON.stringify([Array.from(r.rows.tree.merge), Array.from(r.rows.tree.height), r.rows.tree.order]));
    }
    out.push({ n, method, wasm, same: trees.every((t) => t === trees[0]) });
  }
}
// A distance that cannot be computed (two rows with no column in common)
// among the upper rows, which the worker checks in step 0: the same error as
// on one thread. Then one among the lower rows as well: the first in row order.
const errors = [];
// (row 100 shares no column with rows 600 and 650: (100, 600) comes first)
for (const holes of [[[500, [0, 1]], [600, [2]]], [[500, [0, 1]], [600, [2]], [100, [0, 1]], [650, [2]]]]) {
  const n = 700;
  const p = 3;
  const values = Float64Array.from({ length: n * p }, (_, k) => (k * 7919) % 13);
  for (const [row, cols] of holes) for (const c of cols) values[row * p + c] = Number.NaN;
  const m = createMatrix(
    values,
    Array.from({ length: n }, (_, i) => "g" + i),
    Array.from({ length: p }, (_, j) => "s" + j),
  );
  const messages = [];
  for (const ctx of [{ linkage: "full" }, { ...nodeClusterContext(2), linkage: "full" }, { ...nodeClusterContext(2), linkage: "packed" }]) {
    try {
      await clusterMatrix(m, { clusteringMethod: "average", clusterCols: false }, ctx);
      messages.push("no error");
    } catch (e) {
      messages.push(String(e.message));
    }
  }
  errors.push(messages);
}
console.log(JSON.stringify({ out, errors }));
`;

describe("full layout on two threads", () => {
  it.skipIf(!built("node/hclust-worker.js"))(
    "gives the packed layout's trees for every method on tied data",
    () => {
      const run = runDistScript(SCRIPT, [], { env: { ...process.env, CLUSTERHEAT_HCLUST_SPLIT_MIN: "2" } });
      expect(run.status, run.stderr).toBe(0);
      const { out: results, errors } = JSON.parse(run.stdout) as {
        out: { n: number; method: string; same: boolean; wasm: boolean[] }[];
        errors: string[][];
      };
      expect(results).toHaveLength(16);
      for (const r of results)
        expect(r, `${r.method} at ${r.n}`).toMatchObject({
          same: true,
          wasm: [false, true, false, true, false],
        });
      // the pair found by the worker's rows, then the first pair in row order
      expect(errors[0][0]).toMatch(/"g500".*"g600"/);
      expect(errors[1][0]).toMatch(/"g100".*"g600"/);
      for (const messages of errors) expect(new Set(messages).size, messages.join("\n")).toBe(1);
    },
    120_000,
  );
});
