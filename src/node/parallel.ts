/**
 * Node-only: the cluster context with worker threads: distances on several
 * threads (cluster/parallel/distances.ts), the linkage on two
 * (parallel-hclust.ts), in shared memory.
 */
import { availableParallelism, freemem, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import type { ClusterContext, DistanceBackend } from "../cluster/cluster-matrix.js";
import { workerDistanceBackend } from "../cluster/parallel/distances.js";
import { parallelHclust } from "./parallel-hclust.js";

/** A distance backend on `threads` worker threads (default: the machine's cores). */
export function nodeDistanceBackend(threads = availableParallelism()): DistanceBackend {
  const url = new URL("./distance-worker.js", import.meta.url);
  return workerDistanceBackend((task, message, failed) => {
    const w = new Worker(url, { workerData: task });
    w.on("message", message);
    w.on("error", failed);
    w.on("exit", (code) => {
      if (code !== 0) failed(new Error(`distance worker stopped with code ${code}`));
    });
    return w;
  }, threads);
}

/** Allocates a condensed buffer in shared memory, so that worker threads can fill it. */
export function sharedAllocate(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/**
 * The cluster context for Node: worker-thread distances in shared memory,
 * and a distance matrix allowed up to 75% of the machine's memory.
 */
export function nodeClusterContext(
  threads = availableParallelism(),
): Pick<ClusterContext, "distances" | "allocate" | "memoryLimit" | "memoryAvailable" | "hclust"> {
  return {
    distances: nodeDistanceBackend(threads),
    allocate: sharedAllocate,
    memoryLimit: 0.75 * totalmem(),
    memoryAvailable: freemem,
    ...(threads > 1 ? { hclust: parallelHclust } : {}),
  };
}
