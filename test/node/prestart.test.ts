/**
 * nodeClusterContext's `prestart` (the CLI's): distance workers started
 * ahead give the same distances as one thread, and idle ones never keep
 * the process alive. Runs the build in dist/ (worker threads load its .js
 * files) in a child process: build first (`npm run build`).
 */
import { describe, expect, it } from "vitest";
import { built, runDistScript } from "../helpers/dist-script.js";

const SCRIPT = `
const D = process.argv[2];
const { nodeClusterContext } = await import(D + "/node/parallel.js");
const { inThreadDistances } = await import(D + "/cluster/cluster-matrix.js");
const { prepareDistanceJob } = await import(D + "/cluster/distance.js");
const { createMatrix } = await import(D + "/matrix.js");
const mode = process.argv[3];
// started, never used: the process must still end
const unused = nodeClusterContext(2, { prestart: true });
if (mode === "idle") process.exitCode = 0;
else {
  const n = 3200, p = 12; // 6·10⁷ pair × column operations: above the size where a worker takes a share
  const values = Float64Array.from({ length: n * p }, (_, k) => (k * 7919) % 13);
  const m = createMatrix(values, Array.from({ length: n }, (_, i) => "g" + i), Array.from({ length: p }, (_, j) => "s" + j));
  const job = prepareDistanceJob(m, "euclidean");
  const ctx = nodeClusterContext(2, { prestart: true });
  const shared = ctx.allocate(n * n);
  await ctx.distances(job, shared, () => {});
  const one = new Float64Array(n * n);
  await inThreadDistances(job, one, () => {});
  console.log(JSON.stringify({ same: shared.every((v, k) => Object.is(v, one[k])) }));
}
`;

describe("nodeClusterContext({ prestart })", () => {
  it.skipIf(!built("node/distance-worker.js"))(
    "gives one thread's distances, and idle workers do not keep the process alive",
    () => {
      const idle = runDistScript(SCRIPT, ["idle"], { timeout: 20_000 });
      expect(idle.signal).toBeNull(); // not killed by the timeout
      expect(idle.status, idle.stderr).toBe(0);
      const used = runDistScript(SCRIPT, ["used"], { timeout: 60_000 });
      expect(used.status, used.stderr).toBe(0);
      expect(JSON.parse(used.stdout)).toEqual({ same: true });
    },
    90_000,
  );
});
