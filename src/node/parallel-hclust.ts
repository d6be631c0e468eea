/**
 * Node-only: the parallel hclust driver (cluster/parallel/hclust-driver.ts)
 * with its second thread a Node worker thread (hclust-worker.ts).
 */
import { Worker } from "node:worker_threads";
import { hclustDriver, PARALLEL_MIN_ACTIVE, type ParallelHclust } from "../cluster/parallel/hclust-driver.js";
import type { Method } from "../options.js";

export type { ParallelHclust } from "../cluster/parallel/hclust-driver.js";

/**
 * Below this many active observations a step runs on one thread;
 * CLUSTERHEAT_HCLUST_SPLIT_MIN overrides it (the tests lower it to exercise
 * the split on small, heavily tied data).
 */
const MIN_ACTIVE = Number(process.env.CLUSTERHEAT_HCLUST_SPLIT_MIN) || PARALLEL_MIN_ACTIVE;

/** Options for `hclust` that split its work with a worker thread. */
export function parallelHclust(method: Method): ParallelHclust {
  return hclustDriver(
    method,
    (init) => {
      const worker = new Worker(new URL("./hclust-worker.js", import.meta.url), { workerData: init });
      worker.unref();
      return worker;
    },
    MIN_ACTIVE,
  );
}
