/**
 * hclust with its work split between this thread and a worker thread over
 * shared memory (Node's worker threads, node/parallel-hclust.ts, or a Web
 * Worker in a cross-origin isolated page, web/parallel.ts): step 0 (the
 * first nearest neighbours), the Lance–Williams updates with step 3's
 * lists, the rescans, and the full layout's mirror batches. At large n each step is bound by memory latency,
 * and two threads keep twice as many reads and writes in flight. The merge
 * order, and so the tree, is exactly the single-threaded one: each thread
 * updates its own positions, and the survivor's nearest neighbour is the
 * first strict minimum of this thread's (lower) positions, else the worker's.
 */

import type { Method } from "../../options.js";
import {
  type HclustOptions,
  type HclustState,
  initRows,
  joinRescanHalves,
  rescanHalf,
  rescanRows,
  type StepMerge,
  updateRange,
} from "../hclust.js";
import { mirrorColumnChunks, mirrorColumns } from "../mirror.js";
import { UPDATES } from "../updates.js";
import { hasNativeLinkage } from "../wasm/linkage.js";
import { C, MIRROR_CHUNK, spinWait } from "./control.js";
import type { HclustWorkerInit } from "./hclust-worker-loop.js";

/**
 * Below this many active observations a step is done on one thread (the
 * hand-off costs more); the tests lower it to exercise the split on small,
 * heavily tied data.
 */
export const PARALLEL_MIN_ACTIVE = 3000;
/** Relative cost of a position whose distances lie in a column (k < j2) against one in rows. */
const COLUMN_COST = 8;

export interface ParallelHclust
  extends Pick<HclustOptions, "initAll" | "updateAll" | "rescanAll" | "mirrorAll" | "allocate"> {
  /** Stops the worker; call when hclust returned or threw. */
  close(): void;
  /** 2 once the work was split with the worker thread, else 1. */
  readonly threads: number;
}

/** A started worker thread that runs runHclustWorker(init). */
export interface WorkerHandle {
  terminate(): unknown;
}

/**
 * Starts the worker thread on its task (hclust-worker-loop.ts), or returns
 * null when no thread can be had now: the driver then stays on one thread.
 */
export type SpawnHclustWorker = (init: HclustWorkerInit) => WorkerHandle | null;

/**
 * This thread's share of a step's updates in the full layout. Measured with
 * the split moved (euclidean + average, two threads, alternating runs):
 * 20,000 rows 0.5 → 5.34–5.86 s of linkage, 0.4 → 4.97–5.38 s; 10,000 rows
 * 0.5 → 1.90–2.13 s, 0.4 → 1.85–1.99 s, 0.3 → 2.04–2.08 s. (A profile
 * had shown this thread's halves of the updates taking longer than the
 * worker's, and the worker waiting for it.)
 */
const FULL_SHARE_HERE = 0.4;

/**
 * Options for `hclust` that run the work on two threads. The distances
 * must be in shared memory and hclust run `inPlace`; otherwise, or when
 * `spawn` gives no thread, the work stays on this thread.
 */
export function hclustDriver(
  method: Method,
  spawn: SpawnHclustWorker,
  minActive = PARALLEL_MIN_ACTIVE,
): ParallelHclust {
  const update = UPDATES[method];
  const ctrl = new Int32Array(new SharedArrayBuffer(C.LENGTH * 4));
  // dij, mi, mj; the worker's minimum (distance, k), and its rescan and settled counts (or step 0's pair)
  const args = new Float64Array(new SharedArrayBuffer(7 * 8));
  const here = new Float64Array(4);
  let settledHere = new Int32Array(0);
  // step 3: each side's minimum of every listed row (the worker's shared)
  let nearD = new Float64Array(0);
  let nearJ = new Int32Array(0);
  let farD: Float64Array<ArrayBufferLike> = new Float64Array(0);
  let farJ: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let worker: WorkerHandle | null = null;
  let usable: boolean | null = null;
  let seq = 0;

  const start = (st: HclustState): boolean => {
    const shared = [
      st.diss,
      st.size,
      st.active,
      st.nn,
      st.disnn,
      st.settled,
      st.rescan,
      st.stamp,
      st.mirrorCols,
    ].every((a) => a.buffer instanceof SharedArrayBuffer);
    if (!shared) return false;
    nearD = new Float64Array(st.n);
    nearJ = new Int32Array(st.n);
    farD = new Float64Array(new SharedArrayBuffer(st.n * 8));
    farJ = new Int32Array(new SharedArrayBuffer(st.n * 4));
    // (all shared, checked above; views keep their place in a buffer that
    // holds several, as the WebAssembly memory of wasm/linkage.ts does)
    worker = spawn({
      method,
      n: st.n,
      full: st.full,
      ...(st.kernel ? { memory: st.kernel.memory } : {}),
      native: hasNativeLinkage(),
      arrays: {
        // the row offsets where the kernels read them (their memory)
        ...(st.kernel ? { rowBase: st.rowBase } : {}),
        diss: st.diss,
        size: st.size,
        active: st.active,
        nn: st.nn,
        disnn: st.disnn,
        settled: st.settled,
        rescan: st.rescan,
        stamp: st.stamp,
        mirrorCols: st.mirrorCols,
      },
      buffers: {
        ctrl: ctrl.buffer as SharedArrayBuffer,
        args: args.buffer as SharedArrayBuffer,
        farD: farD.buffer as SharedArrayBuffer,
        farJ: farJ.buffer as SharedArrayBuffer,
      },
    });
    return worker !== null;
  };

  const updateAll = (st: HclustState, m: StepMerge, out: Float64Array): void => {
    if (m.nActive >= minActive && usable === null) usable = start(st);
    if (m.nActive < minActive || !usable) {
      updateRange(st, update, m, 0, m.nActive, out, true);
      return;
    }
    // Split the positions so that both threads get about the same cost (in
    // the full layout every position costs the same, but this thread's
    // share ran slower than the worker's: see FULL_SHARE_HERE).
    const total = COLUMN_COST * m.pos + (m.nActive - m.pos);
    const half = total / 2;
    const mid = st.full
      ? Math.floor(m.nActive * FULL_SHARE_HERE)
      : COLUMN_COST * m.pos >= half
        ? Math.floor(half / COLUMN_COST)
        : Math.floor(m.pos + (half - COLUMN_COST * m.pos));
    ctrl[C.STEP] = m.step;
    ctrl[C.I2] = m.i2;
    ctrl[C.J2] = m.j2;
    ctrl[C.PI] = m.pi;
    ctrl[C.POS] = m.pos;
    ctrl[C.NACTIVE] = m.nActive;
    args[0] = m.dij;
    args[1] = m.mi;
    args[2] = m.mj;
    startWorker(1, mid, m.nActive);
    updateRange(st, update, m, 0, mid, here, true);
    waitForWorker();
    joinLists(st.rescan, mid, m.nActive, here[2], here[3], args[5], args[6]);
    out[2] = here[2] + args[5];
    out[3] = here[3] + args[6];
    // first strict minimum in index order: ours (lower positions) unless the worker's is smaller
    if (args[3] < here[0]) {
      out[0] = args[3];
      out[1] = args[4];
    } else {
      out[0] = here[0];
      out[1] = here[1];
    }
  };

  /**
   * Step 0: the worker takes the upper rows. Row i scans its n − 1 − i
   * distances to later rows, so the first 29 % of the rows hold half of the
   * work (n²/4 = n·mid − mid²/2 at mid = (1 − 1/√2)·n), unless the full
   * layout is squared (ward.D2: each row squares all its n distances).
   */
  const initAll = (st: HclustState, squared: boolean, r0: number, r1: number, bad: Float64Array): void => {
    if (st.n >= minActive && usable === null) usable = start(st);
    if (st.n < minActive || !usable) {
      initRows(st, squared, r0, r1, bad);
      return;
    }
    const mid = Math.min(r1, r0 + Math.round((r1 - r0) * (st.full && squared ? 0.5 : 1 - Math.SQRT1_2)));
    ctrl[C.SQUARED] = squared ? 1 : 0;
    startWorker(4, mid, r1);
    initRows(st, squared, r0, mid, bad);
    waitForWorker();
    // the first non-finite pair in row order: ours (lower rows) unless we found none
    if (bad[0] < 0 && args[3] >= 0) {
      bad[0] = args[3];
      bad[1] = args[4];
    }
  };

  /**
   * Both threads found step 3's lists in their own positions (updateRange
   * with collect): ours at list[0 … r1) (rescans) and list[mid − s1 … mid)
   * (settled), the worker's at list[mid … mid + r2) and list[end − s2 …
   * end). Makes them one list of each, as one thread leaves them: rescans at
   * list[0 … r1 + r2), settled at list[end − s1 − s2 … end). Each position
   * gives at most one row, so r1 + s1 ≤ mid and r1 + r2 + s1 + s2 ≤ end:
   * nothing is overwritten before it moved.
   */
  const joinLists = (
    list: Int32Array,
    mid: number,
    end: number,
    r1: number,
    s1: number,
    r2: number,
    s2: number,
  ) => {
    if (settledHere.length < s1) settledHere = new Int32Array(list.length);
    settledHere.set(list.subarray(mid - s1, mid));
    list.copyWithin(r1, mid, mid + r2);
    list.set(settledHere.subarray(0, s1), end - s2 - s1);
  };

  /** Publishes a new sequence number: the worker wakes and reads its orders. */
  const wakeWorker = (): void => {
    seq++;
    Atomics.store(ctrl, C.SEQ, seq);
    Atomics.notify(ctrl, C.SEQ);
  };

  /** Hands the worker a phase (1 update, 2 rescan, 3 mirror, 4 step 0) over positions [a0, a1). */
  const startWorker = (phase: number, a0: number, a1: number): void => {
    ctrl[C.PHASE] = phase;
    ctrl[C.A0] = a0;
    ctrl[C.A1] = a1;
    wakeWorker();
  };

  /** Waits for the worker's share of a step (microseconds to milliseconds; a minute means it died). */
  const waitForWorker = (): void => {
    const start = Date.now();
    let done = Atomics.load(ctrl, C.DONE);
    while (done !== seq) {
      done = spinWait(ctrl, C.DONE, done, 1000);
      if (done !== seq && Date.now() - start > 60_000)
        throw new Error("the hclust worker thread stopped responding");
    }
  };

  /**
   * Step 3: both threads scan every listed row, this one the first half of
   * its positions after it, the worker the second (a row's scan costs up to
   * n reads, and a step often rescans a single row).
   */
  const rescanAll = (st: HclustState, nActive: number, list: Int32Array, count: number): void => {
    if (nActive < minActive || !usable) {
      rescanRows(st, nActive, list, 0, count);
      return;
    }
    ctrl[C.NACTIVE] = nActive;
    startWorker(2, 0, count);
    rescanHalf(st, nActive, list, count, 0, nearD, nearJ);
    waitForWorker();
    joinRescanHalves(st, list, count, nearD, nearJ, farD, farJ);
  };

  /** Full layout: both threads mirror the batch, taking chunks of rows until none is left. */
  const mirrorAll = (st: HclustState, cols: Int32Array, m: number, nActive: number): void => {
    if (nActive < minActive || !usable) {
      mirrorColumns(st.diss, st.rowBase, st.stamp, cols, m, st.active, 0, nActive, st.kernel);
      return;
    }
    ctrl[C.M] = m;
    Atomics.store(ctrl, C.NEXT, 0);
    startWorker(3, 0, nActive);
    mirrorColumnChunks(
      st.diss,
      st.rowBase,
      st.stamp,
      cols,
      m,
      st.active,
      nActive,
      ctrl,
      C.NEXT,
      MIRROR_CHUNK,
      st.kernel,
    );
    waitForWorker();
  };

  return {
    initAll,
    updateAll,
    rescanAll,
    mirrorAll,
    allocate: <T extends Float64Array | Int32Array>(kind: "f64" | "i32", length: number) =>
      (kind === "f64"
        ? new Float64Array(new SharedArrayBuffer(length * 8))
        : new Int32Array(new SharedArrayBuffer(length * 4))) as T,
    get threads() {
      return usable ? 2 : 1;
    },
    close() {
      if (!worker) return;
      Atomics.store(ctrl, C.STOP, 1);
      wakeWorker();
      void worker.terminate();
      worker = null;
    },
  };
}
