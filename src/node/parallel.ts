/**
 * Node-only: the cluster context with worker threads: distances on several
 * threads (cluster/parallel/distances.ts), the linkage on two
 * (parallel-hclust.ts), in shared memory.
 */
import { availableParallelism, freemem, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import type { ClusterContext, DistanceBackend } from "../cluster/cluster-matrix.js";
import { workerDistanceBackend } from "../cluster/parallel/distances.js";
import { adviseHugePages, hugePagesAvailable } from "./huge-pages.js";
import { parallelHclust } from "./parallel-hclust.js";

/** How the Node context starts its threads. */
export interface NodeThreadOptions {
  /**
   * Start the distance workers now, so that they have loaded while the input
   * is read (the CLI; a worker takes ~80 ms before its first row). Idle ones
   * do not keep the process alive, and those not used by the first distance
   * matrix are stopped after it.
   */
  prestart?: boolean;
}

/** A distance backend on `threads` threads, this one and workers (default: the machine's cores). */
export function nodeDistanceBackend(
  threads = availableParallelism(),
  options: NodeThreadOptions = {},
): DistanceBackend {
  const url = new URL("./distance-worker.js", import.meta.url);
  const idle: { worker: Worker; dead: boolean }[] = [];
  if (options.prestart) {
    for (let t = 1; t < threads; t++) {
      const entry = { worker: new Worker(url), dead: false };
      entry.worker.unref();
      // one that failed to start is not used (its error would not be told again)
      entry.worker.once("error", () => (entry.dead = true));
      entry.worker.once("exit", () => (entry.dead = true));
      idle.push(entry);
    }
  }
  const backend = workerDistanceBackend((task, message, failed) => {
    let entry = idle.pop();
    while (entry?.dead) entry = idle.pop();
    let w: Worker;
    if (entry) {
      w = entry.worker;
      w.ref();
      w.postMessage(task);
    } else w = new Worker(url, { workerData: task });
    w.on("message", message);
    w.on("error", failed);
    w.on("exit", (code) => {
      if (code !== 0) failed(new Error(`distance worker stopped with code ${code}`));
    });
    return w;
  }, threads);
  return async (...args) => {
    try {
      return await backend(...args);
    } finally {
      for (const { worker } of idle.splice(0)) void worker.terminate();
    }
  };
}

/** Allocates a condensed buffer in shared memory, so that worker threads can fill it. */
export function sharedAllocate(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

/**
 * The cluster context for Node: worker-thread distances in shared memory,
 * a distance matrix allowed up to 75% of the machine's memory, and backed
 * by huge pages where the native helper is built (huge-pages.ts).
 */
export function nodeClusterContext(
  threads = availableParallelism(),
  options: NodeThreadOptions = {},
): Pick<
  ClusterContext,
  "distances" | "allocate" | "memoryLimit" | "memoryAvailable" | "hclust" | "hugePages"
> {
  return {
    distances: nodeDistanceBackend(threads, options),
    allocate: sharedAllocate,
    memoryLimit: 0.75 * totalmem(),
    memoryAvailable: freemem,
    ...(threads > 1 ? { hclust: parallelHclust } : {}),
    ...(hugePagesAvailable() ? { hugePages: (view: Float64Array) => adviseHugePages(view) > 0 } : {}),
  };
}
