/**
 * Node-only: computes distance matrices on several worker threads that fill
 * row ranges of one SharedArrayBuffer. Each pair is computed exactly as on
 * the main thread, so the result does not depend on the number of threads.
 */
import { availableParallelism, freemem, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import type { ClusterContext, DistanceBackend } from "../cluster/cluster-matrix.js";
import { inThreadDistances } from "../cluster/cluster-matrix.js";
import { pairCount } from "../cluster/dist-matrix.js";
import { splitRows } from "../cluster/distance.js";
import { CancelledError } from "../errors.js";
import { parallelHclust } from "./parallel-hclust.js";

/** Below this many pair × column operations, threads cost more than they save. */
const PARALLEL_MIN_WORK = 2e6;

/** A distance backend on `threads` worker threads (default: the machine's cores). */
export function nodeDistanceBackend(threads = availableParallelism()): DistanceBackend {
  return async (job, out, report, signal) => {
    if (
      threads < 2 ||
      pairCount(job.n) * job.p < PARALLEL_MIN_WORK ||
      !(out.buffer instanceof SharedArrayBuffer)
    ) {
      return inThreadDistances(job, out, report, signal);
    }
    const bounds = splitRows(job.n, threads);
    const total = pairCount(job.n);
    let done = 0;
    const workers: Worker[] = [];
    const url = new URL("./distance-worker.js", import.meta.url);
    try {
      await Promise.all(
        bounds.slice(0, -1).map(
          (i0, t) =>
            new Promise<void>((resolve, reject) => {
              const w = new Worker(url, {
                workerData: { job, buffer: out.buffer, i0, i1: bounds[t + 1] },
              });
              workers.push(w);
              const abort = () => reject(new CancelledError());
              signal?.addEventListener("abort", abort, { once: true });
              w.on("message", (msg: { pairs?: number; done?: boolean }) => {
                if (msg.pairs) {
                  done += msg.pairs;
                  report(done, total);
                }
                if (msg.done) resolve();
              });
              w.on("error", reject);
              w.on("exit", (code) => {
                if (code !== 0) reject(new Error(`distance worker stopped with code ${code}`));
              });
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
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
