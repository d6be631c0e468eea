/**
 * The worker thread's side of the parallel hclust (hclust-driver.ts): waits
 * for a phase, runs its share of it on the shared state (step 0's rows, the
 * Lance–Williams updates of its positions, half of each rescan, chunks of a
 * mirror batch), reports, and waits again until told to stop. The same
 * loop runs in a Node worker thread and in a Web Worker.
 */

import type { Method } from "../../options.js";
import { type HclustState, initRows, rescanHalf, rowBases, updateRange } from "../hclust.js";
import { mirrorColumnChunks } from "../mirror.js";
import { UPDATES } from "../updates.js";
import { linkageKernel } from "../wasm/linkage.js";
import { C, MIRROR_CHUNK, spinWait } from "./control.js";

/**
 * What the worker thread is started with: the method, the shared state's
 * arrays (views over shared memory, which arrive as views of the same
 * memory), the driver's buffers, and the WebAssembly memory that holds the
 * state when hclust runs its kernels (wasm/linkage.ts).
 */
export interface HclustWorkerInit {
  method: Method;
  n: number;
  full: boolean;
  memory?: WebAssembly.Memory;
  /** Whether the driver's thread runs the packed update natively (wasm/linkage.ts), as the worker then should. */
  native?: boolean;
  arrays: Pick<
    HclustState,
    "diss" | "size" | "active" | "nn" | "disnn" | "settled" | "rescan" | "stamp" | "mirrorCols"
  > &
    Partial<Pick<HclustState, "rowBase">>;
  buffers: Record<"ctrl" | "args" | "farD" | "farJ", SharedArrayBuffer>;
}

/** Runs the worker's loop until the driver says stop. */
export function runHclustWorker(init: HclustWorkerInit): void {
  const { method, n, full, arrays, buffers } = init;
  const rowBase = arrays.rowBase ?? rowBases(n, full);
  const st: HclustState = { n, full, ...arrays, rowBase };
  if (init.memory) st.kernel = linkageKernel(init.memory, st, method);
  const ctrl = new Int32Array(buffers.ctrl);
  const args = new Float64Array(buffers.args);
  const farD = new Float64Array(buffers.farD);
  const farJ = new Int32Array(buffers.farJ);
  const update = UPDATES[method];
  const out = new Float64Array(4);
  let seen = 0;
  for (;;) {
    seen = spinWait(ctrl, C.SEQ, seen);
    if (ctrl[C.STOP]) break;
    if (ctrl[C.PHASE] === 3) {
      mirrorColumnChunks(
        st.diss,
        rowBase,
        st.stamp,
        st.mirrorCols,
        ctrl[C.M],
        st.active,
        ctrl[C.A1],
        ctrl,
        C.NEXT,
        MIRROR_CHUNK,
        st.kernel,
      );
      Atomics.store(ctrl, C.DONE, seen);
      Atomics.notify(ctrl, C.DONE);
      continue;
    }
    if (ctrl[C.PHASE] === 4) {
      const bad = new Float64Array(2).fill(-1);
      initRows(st, ctrl[C.SQUARED] === 1, ctrl[C.A0], ctrl[C.A1], bad);
      args[3] = bad[0];
      args[4] = bad[1];
      Atomics.store(ctrl, C.DONE, seen);
      Atomics.notify(ctrl, C.DONE);
      continue;
    }
    if (ctrl[C.PHASE] === 2) {
      rescanHalf(st, ctrl[C.NACTIVE], st.rescan, ctrl[C.A1], 1, farD, farJ);
      Atomics.store(ctrl, C.DONE, seen);
      Atomics.notify(ctrl, C.DONE);
      continue;
    }
    const m = {
      step: ctrl[C.STEP],
      i2: ctrl[C.I2],
      j2: ctrl[C.J2],
      pi: ctrl[C.PI],
      pos: ctrl[C.POS],
      nActive: ctrl[C.NACTIVE],
      dij: args[0],
      mi: args[1],
      mj: args[2],
    };
    updateRange(st, update, m, ctrl[C.A0], ctrl[C.A1], out, true);
    args[3] = out[0];
    args[4] = out[1];
    args[5] = out[2];
    args[6] = out[3];
    Atomics.store(ctrl, C.DONE, seen);
    Atomics.notify(ctrl, C.DONE);
  }
}
