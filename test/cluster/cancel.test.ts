import { describe, expect, it } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import { hclustAsync } from "../../src/cluster/hclust.js";
import { CancelledError } from "../../src/errors.js";
import { createMatrix } from "../../src/matrix.js";
import { runPipeline } from "../../src/pipeline.js";

/** A seeded random matrix large enough that clustering takes seconds. */
function randomMatrix(nrow: number, ncol: number, seed = 7) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const values = Float64Array.from({ length: nrow * ncol }, rand);
  return createMatrix(
    values,
    Array.from({ length: nrow }, (_, i) => `g${i}`),
    Array.from({ length: ncol }, (_, j) => `s${j}`),
  );
}

/** Aborts after `ms` from a timer, and measures how long the work goes on after the abort. */
async function abortAfter(ms: number, work: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController();
  let abortedAt = 0;
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, ms);
  const error = await work(controller.signal).then(
    () => null,
    (e: unknown) => e,
  );
  return { error, lag: performance.now() - abortedAt, abortedAt };
}

describe("cancellation", () => {
  it("clusterMatrix(…, {signal}) stops within about 100 ms of an abort from a timer (in the linkage)", async () => {
    // large enough that the linkage outlasts the timer (4,000 rows now cluster in about 0.6 s)
    const m = randomMatrix(8000, 10);
    const { error, lag, abortedAt } = await abortAfter(600, (signal) =>
      clusterMatrix(m, { clusterCols: false }, { signal }),
    );
    expect(abortedAt).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(CancelledError);
    expect(lag).toBeLessThan(150);
  });

  it("clusterMatrix stops within about 100 ms of an abort during the distances", async () => {
    const m = randomMatrix(6000, 200);
    const { error, lag } = await abortAfter(50, (signal) =>
      clusterMatrix(m, { clusterCols: false }, { signal }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(lag).toBeLessThan(150);
  });

  it("runPipeline(…, {signal}) rejects with CancelledError and produces nothing", async () => {
    const m = randomMatrix(4000, 10);
    const { error } = await abortAfter(300, (signal) =>
      runPipeline({ matrix: m }, {}, { signal, stop: "cluster" }),
    );
    expect(error).toBeInstanceOf(CancelledError);
  });

  it("hclustAsync gives the same tree as hclust when not aborted", async () => {
    const { hclust } = await import("../../src/cluster/hclust.js");
    const { distanceMatrix } = await import("../../src/cluster/distance.js");
    const m = randomMatrix(300, 5);
    const d = distanceMatrix(m, "euclidean");
    const a = hclust(d, "average", m.rowNames);
    const b = await hclustAsync(d, "average", m.rowNames);
    expect(Array.from(b.merge)).toEqual(Array.from(a.merge));
    expect(Array.from(b.height)).toEqual(Array.from(a.height));
  });
});
