/**
 * WebAssembly SIMD versions of the two hot distance loops (kernels.wat):
 * euclidean distances without NAs, and the fast Pearson dot product. Each
 * computes 8 pairs (i, j … j+7) per step, one pair per f64x2 lane, and each
 * pair's sum runs over the columns in order with a separate multiply and
 * add, so every result is bit-identical to the scalar JavaScript loop (and
 * thus to R's `dist` for euclidean; see distance.ts).
 *
 * The module is instantiated synchronously from bytes embedded in
 * kernels-wasm.ts, so this works in Node and in browsers alike. Where
 * WebAssembly or its SIMD is missing, or memory cannot grow, the functions
 * return false and the caller runs its JavaScript loop instead.
 *
 * Memory: the module (one per thread) holds one matrix at a time, in the
 * groups-of-8-rows layout described in kernels.wat (8·⌈n/8⌉·p doubles: 8 MB
 * for 20,000 × 50) plus an output tile (≤ 128 KB) and its flags (≤ 2 KB).
 * Every call copies in the rows it reads (rows i0 … n−1), so a result can
 * never come from an earlier state of the array (an array edited in place
 * between two calls gives the new distances): O((n − i0) p) per call, about
 * 2.5 ms for 20,000 × 50, ≈ 2 % of the distances when they are filled in 50
 * chunks (measured in the report of issue 6). The memory is kept until
 * `releaseWasmKernels()`. The full condensed output never lives in
 * WebAssembly memory: each tile of 16 rows × up to 1024 columns is copied
 * out as soon as it is computed.
 *
 * The module is under 4 KB, so that browsers compile it synchronously even
 * on their main thread.
 */
import { condensedOrigin, type RowOrigin } from "../dist-matrix.js";
import { decodeBase64 } from "./base64.js";
import { KERNELS_WASM_BASE64 } from "./kernels-wasm.js";

/** The euclidean kernel (see kernels.wat). */
type EuclidKernel = (
  data: number,
  p: number,
  iLo: number,
  iHi: number,
  gLo: number,
  gHi: number,
  out: number,
  outRowBytes: number,
  outG0: number,
) => void;

/** The Pearson kernel: as the euclidean one, plus flags of groups holding a distance not ≥ below. */
type DotKernel = (
  ...args: [...Parameters<EuclidKernel>, below: number, flags: number, flagRowBytes: number]
) => void;

interface Kernels {
  readonly memory: WebAssembly.Memory;
  readonly euclid: EuclidKernel;
  readonly dot: DotKernel;
}

/** Called for each pair whose fast distance is not ≥ the threshold, after it was written to out[idx]. */
export type BelowCallback = (i: number, j: number, idx: number) => void;

/** Rows per group in the memory layout (kernels.wat). */
const GROUP = 8;
/** Rows of i per tile: each column chunk is reused this many times from cache. */
const TILE_ROWS = 16;
/** Bytes of matrix per column chunk (kept in the L2 cache while a tile of rows runs over it). */
const CHUNK_BYTES = 128 * 1024;
/** At most this many groups per chunk, which bounds the output tile (TILE_ROWS × 8·groups doubles). */
const CHUNK_MAX_GROUPS = 128;

/** undefined: not tried yet; null: unavailable. */
let kernels: Kernels | null | undefined;

function loadKernels(): Kernels | null {
  if (kernels !== undefined) return kernels;
  kernels = null;
  try {
    if (typeof WebAssembly !== "object") return null;
    const bytes = decodeBase64(KERNELS_WASM_BASE64);
    if (!WebAssembly.validate(bytes)) return null; // no SIMD
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const e = instance.exports as unknown as Kernels;
    kernels = { memory: e.memory, euclid: e.euclid, dot: e.dot };
  } catch {
    kernels = null;
  }
  return kernels;
}

/** Whether the WebAssembly SIMD kernels can run here (WebAssembly with fixed-width SIMD). */
export function wasmKernelsAvailable(): boolean {
  return loadKernels() !== null;
}

/** Drops the module and its memory (the next call instantiates it again). */
export function releaseWasmKernels(): void {
  kernels = undefined;
}

/** Groups per column chunk for p columns. */
function chunkGroups(p: number): number {
  return Math.max(1, Math.min(CHUNK_MAX_GROUPS, Math.floor(CHUNK_BYTES / (GROUP * 8 * p))));
}

/** Where things are in memory for an n × p matrix (bytes): matrix, output tile, flags tile. */
function memoryPlan(n: number, p: number) {
  const groups = Math.ceil(n / GROUP);
  const chunk = chunkGroups(p);
  const dataBytes = groups * GROUP * p * 8;
  const outRowBytes = chunk * GROUP * 8;
  const flags = dataBytes + TILE_ROWS * outRowBytes;
  return { groups, chunk, data: 0, out: dataBytes, outRowBytes, flags, total: flags + TILE_ROWS * chunk };
}

/**
 * Copies rows from the group of row `from` on of the row-major n × p matrix
 * src into `into` in groups of 8 rows (element (r, k) at double
 * 8p·⌊r/8⌋ + 8k + r mod 8), padding rows zero; `into` holds at least
 * 8·⌈n/8⌉·p doubles. The layout of these kernels and of the native helper's
 * (native/distances.c).
 */
export function groupRows(
  src: Float64Array,
  n: number,
  p: number,
  into: Float64Array,
  from = 0,
): Float64Array {
  const groups = Math.ceil(n / GROUP);
  for (let r = Math.floor(from / GROUP) * GROUP; r < n; r++) {
    const base = Math.floor(r / GROUP) * GROUP * p + (r % GROUP);
    const row = r * p;
    for (let c = 0; c < p; c++) into[base + GROUP * c] = src[row + c];
  }
  for (let r = n; r < groups * GROUP; r++) {
    const base = Math.floor(r / GROUP) * GROUP * p + (r % GROUP);
    for (let c = 0; c < p; c++) into[base + GROUP * c] = 0;
  }
  return into;
}

/**
 * Copies rows from the group of row `from` on into memory (groupRows). Done
 * on every call, never cached: the array may have been edited since the
 * last call. False when memory cannot grow.
 */
function layOut(k: Kernels, src: Float64Array, n: number, p: number, from: number): boolean {
  const plan = memoryPlan(n, p);
  const have = k.memory.buffer.byteLength;
  if (plan.total > have) {
    try {
      k.memory.grow(Math.ceil((plan.total - have) / 65536));
    } catch {
      return false;
    }
  }
  groupRows(src, n, p, new Float64Array(k.memory.buffer, plan.data, plan.groups * GROUP * p), from);
  return true;
}

/**
 * Runs a kernel over the pairs (i, j), i0 ≤ i < i1, i < j < n, of the matrix
 * src, tile by tile, and copies each result to out[pairIndex(n, i, j)]. With
 * onBelow (Pearson only), then calls it for each pair of the tile whose
 * distance is not ≥ below, found through the kernel's flags.
 */
function runKernel(
  src: Float64Array,
  n: number,
  p: number,
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin,
  dot: { below: number; onBelow: BelowCallback } | null,
): boolean {
  if (p < 1) return false;
  const k = loadKernels();
  if (!k || !layOut(k, src, n, p, i0)) return false;
  const plan = memoryPlan(n, p);
  const rowDoubles = plan.outRowBytes / 8;
  const mem = new Float64Array(k.memory.buffer);
  const flags = new Uint8Array(k.memory.buffer, plan.flags, TILE_ROWS * plan.chunk);
  const outBase = plan.out / 8;
  i1 = Math.min(i1, n - 1);
  for (let iLo = i0; iLo < i1; iLo += TILE_ROWS) {
    const iHi = Math.min(i1, iLo + TILE_ROWS);
    for (let gLo = (iLo + 1) >> 3; gLo < plan.groups; gLo += plan.chunk) {
      const gHi = Math.min(plan.groups, gLo + plan.chunk);
      const jLo = gLo * GROUP;
      const jHi = Math.min(n, gHi * GROUP);
      if (dot) {
        k.dot(
          plan.data,
          p,
          iLo,
          iHi,
          gLo,
          gHi,
          plan.out,
          plan.outRowBytes,
          gLo,
          dot.below,
          plan.flags,
          plan.chunk,
        );
      } else {
        k.euclid(plan.data, p, iLo, iHi, gLo, gHi, plan.out, plan.outRowBytes, gLo);
      }
      for (let i = iLo; i < iHi; i++) {
        const j = Math.max(i + 1, jLo);
        if (j >= jHi) continue;
        const from = outBase + (i - iLo) * rowDoubles + (j - jLo);
        out.set(mem.subarray(from, from + (jHi - j)), origin(i) + j);
      }
      if (!dot) continue;
      for (let i = iLo; i < iHi; i++) {
        for (let g = Math.max(gLo, (i + 1) >> 3); g < gHi; g++) {
          if (flags[(i - iLo) * plan.chunk + (g - gLo)] === 0) continue;
          const row = outBase + (i - iLo) * rowDoubles - jLo;
          for (let j = Math.max(i + 1, g * GROUP); j < Math.min(n, (g + 1) * GROUP); j++) {
            if (!(mem[row + j] >= dot.below)) dot.onBelow(i, j, origin(i) + j);
          }
        }
      }
    }
  }
  return true;
}

/**
 * Euclidean distances of rows without NAs, as distance.ts's JavaScript loop
 * (R's `dist(x)`): out[pairIndex(n, i, j)] = √(Σ_k (x_ik − x_jk)²), the sum
 * in column order, for i0 ≤ i < i1 and i < j < n; bit-identical to it.
 * `job.data` is the row-major n × p matrix and must hold no NaN.
 *
 * Pair (i, j) goes to out[origin(i) + j]: by default the condensed
 * triangle (pairIndex), or the rows of a full matrix (dist-matrix.ts,
 * RowOrigin). Returns false (writing nothing) when the kernels cannot run (no WebAssembly SIMD, memory exhausted, p = 0): then
 * use the JavaScript loop.
 * Each call copies rows i0 … n−1 into WebAssembly memory, O((n − i0) p).
 * O((i1 − i0) n p) time.
 */
export function euclideanRowsWasm(
  job: { readonly n: number; readonly p: number; readonly data: Float64Array },
  i0: number,
  i1: number,
  out: Float64Array,
  origin: RowOrigin = condensedOrigin(job.n),
): boolean {
  return runKernel(job.data, job.n, job.p, i0, i1, out, origin, null);
}

/**
 * The fast Pearson distances on unit vectors u (PearsonRows.unit), as
 * distance.ts's JavaScript loop: out[pairIndex(n, i, j)] = 1 − clamp(r, −1, 1)
 * with r = Σ_k u_ik u_jk in column order, for i0 ≤ i < i1 and i < j < n;
 * bit-identical to it. Every pair is written, including those of rows with
 * NAs (unit rows of zeros: 1) or zero sd (NaN).
 *
 * For each pair whose distance is not ≥ `below` (smaller, or NaN), calls
 * `onBelow(i, j, idx)` after writing out[idx], tile by tile (not in index
 * order), while the distances are still in cache: the caller recomputes
 * those pairs exactly. onBelow must not call these kernels. (The caller must
 * itself handle rows with NAs, whose distance 1 is not flagged unless
 * below > 1.)
 *
 * Returns false (writing nothing) when the kernels cannot run; then use the
 * JavaScript loop. Same costs as euclideanRowsWasm.
 */
export function pearsonDotRowsWasm(
  job: { readonly n: number; readonly p: number; readonly pearson: { readonly unit: Float64Array } | null },
  i0: number,
  i1: number,
  out: Float64Array,
  below: number,
  onBelow: BelowCallback,
  origin: RowOrigin = condensedOrigin(job.n),
): boolean {
  if (!job.pearson) return false;
  return runKernel(job.pearson.unit, job.n, job.p, i0, i1, out, origin, { below, onBelow });
}
