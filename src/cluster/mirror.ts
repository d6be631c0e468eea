/**
 * The lower half of hclust's full symmetric matrix, kept up to date lazily.
 *
 * In the full layout (dist-matrix.ts) each merge rewrites the survivor's row
 * i2, which is contiguous; writing the same values into column i2 as well
 * (d(k, i2) in every row k) touches one cache line and one memory page per
 * value — at 20,000 rows that costs several times the update itself. So the
 * survivors' columns are mirrored in batches:
 *
 * - `stamp[x]` is the (1-based) step at which row x was last written whole
 *   (0: not since the matrix was filled, when every row was exact);
 * - the survivors since the last batch are pending; for a pending c, the
 *   entry d(r, c) of row r is stale exactly when stamp[c] > stamp[r] (row c
 *   was written after row r), and then row c holds the exact value at r.
 *   Every other entry is exact: a row written whole is exact then, and a
 *   batch brings every row up to date for the columns it mirrors.
 * - Before a row is read (the merged rows i2 and j2, a rescanned row),
 *   `patch` copies its stale entries from the pending rows, O(batch);
 * - when `batch` survivors are pending, their columns are mirrored into
 *   every active row at once (`mirrorColumns`, which threads can split by
 *   rows): each row gets the batch's entries in increasing column order,
 *   and each pending row is read sequentially.
 *
 * Measured at 20,000 rows (euclidean + average, one thread): mirroring at
 * every step 18 s of CPU, batches of 64 9.5 s (128: 9.2 s, 256: 9.6 s),
 * patching rows only when they are read (no batches) 19 s. Pulling only the
 * stale entries of a row when it is read (the rows written since, most
 * recent first, from a list) copies a third fewer values (1.28·10⁸ against
 * 1.98·10⁸), but each is a read down a column, one page apart: 18.9 s. The
 * batches' writes land one cache line per value; giving a batch's survivors
 * adjacent columns would share lines, but at 20,000 rows 85 % of the
 * survivors of a window of 1,024 merges are still live at its end and
 * would have to move back (a simulation of the same merges), so that was
 * not built.
 *
 * Retired observations are never read again, so their entries are skipped.
 */
import type { LinkageKernel } from "./wasm/linkage.js";

/** Default number of survivors per batch. */
export const MIRROR_BATCH = 64;

/**
 * Copies d(c, k) from row c into row k for the columns c = cols[0 … m) (in
 * increasing order, all live) and the rows k = active[a0 … a1), where row c
 * was written after row k (stamp[c] > stamp[k]).
 */
export function mirrorColumns(
  diss: Float64Array,
  rowBase: Float64Array | Int32Array,
  stamp: Int32Array,
  cols: Int32Array,
  m: number,
  active: Int32Array,
  a0: number,
  a1: number,
  kernel?: LinkageKernel,
): void {
  // the same copies in WebAssembly, when the state lives in its memory
  if (kernel?.mirror?.(cols, m, a0, a1)) return;
  const colBase = rowBase instanceof Int32Array ? new Int32Array(m) : new Float64Array(m);
  const colStamp = new Int32Array(m);
  for (let q = 0; q < m; q++) {
    colBase[q] = rowBase[cols[q]];
    colStamp[q] = stamp[cols[q]];
  }
  for (let a = a0; a < a1; a++) {
    const k = active[a];
    const base = rowBase[k];
    const sk = stamp[k];
    for (let q = 0; q < m; q++) if (colStamp[q] > sk) diss[base + cols[q]] = diss[colBase[q] + k];
  }
}

/**
 * mirrorColumns over the active positions [0, nActive) in chunks of `chunk`
 * positions, taken from a counter shared by the threads that run it at once
 * (Atomics.add on counter[at], which starts at 0): a thread that is done
 * first takes more, whatever each row costs (a row receives only the
 * columns written after it).
 */
export function mirrorColumnChunks(
  diss: Float64Array,
  rowBase: Float64Array | Int32Array,
  stamp: Int32Array,
  cols: Int32Array,
  m: number,
  active: Int32Array,
  nActive: number,
  counter: Int32Array,
  at: number,
  chunk: number,
  kernel?: LinkageKernel,
): void {
  for (;;) {
    const a0 = Atomics.add(counter, at, chunk);
    if (a0 >= nActive) return;
    mirrorColumns(diss, rowBase, stamp, cols, m, active, a0, Math.min(nActive, a0 + chunk), kernel);
  }
}

/** Runs mirrorColumns over the active positions [0, nActive) (a parallel driver splits them). */
export type MirrorAll = (cols: Int32Array, m: number, nActive: number) => void;

export class DeferredMirror {
  private readonly pending: Int32Array;
  private count = 0;
  private readonly inPending: Uint8Array;
  private readonly retired: Uint8Array;

  /**
   * `stamp` (n) and `cols` (batch) may be shared with the threads that run
   * mirrorAll (mirrorColumns over every active row, split or not).
   */
  constructor(
    private readonly diss: Float64Array,
    private readonly rowBase: Float64Array | Int32Array,
    private readonly stamp: Int32Array,
    private readonly cols: Int32Array,
    private readonly mirrorAll: MirrorAll,
  ) {
    const n = stamp.length;
    this.pending = new Int32Array(cols.length);
    this.inPending = new Uint8Array(n);
    this.retired = new Uint8Array(n);
  }

  /** Makes row r exact for every pending column (before it is read). */
  patch(r: number): void {
    const { diss, rowBase, stamp, pending, retired } = this;
    const sr = stamp[r];
    const base = rowBase[r];
    for (let q = 0; q < this.count; q++) {
      const c = pending[q];
      if (stamp[c] > sr && !retired[c]) diss[base + c] = diss[rowBase[c] + r];
    }
  }

  /** Row i2 was written whole at (0-based) `step`; j2 is retired. Mirrors the batch when it is full. */
  merged(i2: number, j2: number, step: number, nActive: number): void {
    this.retired[j2] = 1;
    this.stamp[i2] = step + 1;
    if (this.inPending[i2]) return;
    this.inPending[i2] = 1;
    this.pending[this.count++] = i2;
    if (this.count < this.pending.length) return;
    // the live pending columns in increasing order
    const live = Array.from(this.pending.subarray(0, this.count))
      .filter((c) => !this.retired[c])
      .sort((x, y) => x - y);
    this.cols.set(live);
    this.mirrorAll(this.cols, live.length, nActive);
    for (let q = 0; q < this.count; q++) this.inPending[this.pending[q]] = 0;
    this.count = 0;
  }
}
