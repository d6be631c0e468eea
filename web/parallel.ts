/**
 * Threads for the page's clustering, where the page is cross-origin
 * isolated (`clusterheat serve` sends the headers): the distances on several
 * Web Workers and the linkage on two, over SharedArrayBuffer, with the same
 * code as Node's worker threads (src/cluster/parallel/). Elsewhere (a host
 * without the headers, a browser without SharedArrayBuffer) the page runs
 * everything in its one worker, as before.
 */
import type { ClusterContext } from "../src/cluster/cluster-matrix.js";
import { type DistanceMessage, workerDistanceBackend } from "../src/cluster/parallel/distances.js";
import { hclustDriver } from "../src/cluster/parallel/hclust-driver.js";

export interface PageThreads {
  /** The cluster context's threads (empty without cross-origin isolation). */
  readonly context: Pick<ClusterContext, "distances" | "allocate" | "hclust">;
  /** How many threads compute the distances (1: no workers). */
  readonly threads: number;
  /** How many threads the linkage used (2 once an axis split its work, else 1). */
  linkageThreads(): number;
  /** Stops the workers still waiting; call when the run is over. */
  close(): void;
}

/**
 * Thresholds of the page's threads, higher than Node's: in Chromium on two
 * cores (bench/viewer/isolation.mjs, three runs each) the threads did not
 * pay below 10,000 rows — at 5,000 × 50 the distances took 392–429 ms on two
 * threads against 350–386 ms on one, the linkage 434–724 ms against
 * 416–582 ms — and did at 10,000 (3.3–3.7 s against 4.0–5.3 s in all).
 * Distances on workers from 10⁹ pair × column operations (6,300 rows of
 * 50); the linkage split while more than 5,000 clusters are active.
 */
const PAGE_MIN_WORK = 1e9;
const PAGE_MIN_ACTIVE = 5000;

/** Whether SharedArrayBuffer can be shared with workers here. */
export function isolated(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return g.crossOriginIsolated === true && typeof SharedArrayBuffer === "function";
}

/**
 * The threads of one run of the pipeline (the worker that runs it calls
 * this); with `always`, at any size (the page's `?threads=always`).
 */
export function pageThreads(always = false): PageThreads {
  if (!isolated()) return { context: {}, threads: 1, linkageThreads: () => 1, close() {} };
  const threads = Math.max(2, Math.min(8, navigator.hardwareConcurrency || 2));
  // The linkage's worker must be running before the driver blocks this
  // thread in Atomics.wait, so it is started now and used once it said so.
  let spare: { worker: Worker; ready: boolean } | null = null;
  const prepare = () => {
    const worker = new Worker("hclust-worker.js");
    const entry = { worker, ready: false };
    worker.onmessage = () => {
      entry.ready = true;
    };
    spare = entry;
  };
  prepare();
  const drivers: { readonly threads: number }[] = [];
  return {
    threads,
    linkageThreads: () => Math.max(1, ...drivers.map((d) => d.threads)),
    context: {
      allocate: (length) => new Float64Array(new SharedArrayBuffer(length * 8)),
      distances: workerDistanceBackend(
        (task, message, failed) => {
          const w = new Worker("distance-worker.js");
          w.onmessage = (e: MessageEvent<DistanceMessage>) => message(e.data);
          w.onerror = (e) => failed(new Error(e.message || "a distance worker failed"));
          w.postMessage(task);
          return w;
        },
        threads,
        PAGE_MIN_WORK,
      ),
      hclust: (method) => {
        const driver = hclustDriver(
          method,
          (init) => {
            const entry = spare;
            if (!entry?.ready) return null; // not started yet: this axis stays on one thread
            spare = null;
            entry.worker.postMessage(init);
            prepare(); // for the other axis
            return entry.worker;
          },
          always ? 2 : PAGE_MIN_ACTIVE,
        );
        drivers.push(driver);
        return driver;
      },
    },
    close() {
      spare?.worker.terminate();
      spare = null;
    },
  };
}
