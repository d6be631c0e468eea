/**
 * hclust's update, rescan and mirror loops in WebAssembly (linkage.wat), for
 * both layouts, in Node and in browsers alike (Node with its native helper
 * runs the packed layout's update in C over the same memory instead:
 * setNativeLinkage).
 *
 * WebAssembly reads only its own memory, so the distance matrix must be
 * filled there from the start: `createLinkageArena` makes one memory per
 * clustering, the n × n matrix at its start and room after it for hclust's
 * state (size, active list, NN, DISNN, …), which hclust then allocates
 * there (`linkageArenaOf`). The memory is shared when the work is split
 * between threads, and each thread runs its own instance of the module on
 * it (`linkageKernel`). Nothing is copied: the arena replaces the plain
 * buffer of the matrix, so the peak memory is the same.
 *
 * A WebAssembly memory holds at most 4 GiB (65,536 pages), so the arena
 * serves up to about 23,000 rows in the full layout and 32,000 packed;
 * where WebAssembly is missing, the memory cannot be had, or the matrix
 * does not fit, `createLinkageArena` returns
 * null and hclust runs its JavaScript loops, which give the same tree.
 */
import type { Method } from "../../options.js";
import { pairCount } from "../dist-matrix.js";
import type { HclustState, StepMerge } from "../hclust.js";
import { decodeBase64 } from "./base64.js";
import { LINKAGE_MEMORY_FLAGS_OFFSET, LINKAGE_SHARED_WASM_BASE64 } from "./linkage-wasm.js";

/** The Lance–Williams formula of each method, as linkage.wat numbers them. */
const METHOD_IDS: Record<Method, number> = {
  "ward.D": 0,
  "ward.D2": 0,
  single: 1,
  complete: 2,
  average: 3,
  mcquitty: 4,
  median: 5,
  centroid: 6,
};

const PAGE = 65536;
const MAX_PAGES = 65536;

/** update and updatePacked (linkage.wat): one step's updates over the positions [a0, a1). */
type UpdateExport = (
  method: number,
  diss: number,
  rowBase: number,
  size: number,
  active: number,
  nn: number,
  disnn: number,
  settled: number,
  rescan: number,
  step: number,
  i2: number,
  j2: number,
  pi: number,
  pos: number,
  a0: number,
  a1: number,
  dij: number,
  mi: number,
  mj: number,
) => number;

interface LinkageExports {
  update: UpdateExport;
  updatePacked: UpdateExport;
  scan(diss: number, base: number, active: number, a0: number, a1: number): number;
  removeActive(active: number, pos: number, n: number): void;
  mirror(
    diss: number,
    rowBase: number,
    stamp: number,
    cols: number,
    m: number,
    active: number,
    a0: number,
    a1: number,
  ): void;
  readonly nearest: WebAssembly.Global;
  readonly rescanned: WebAssembly.Global;
  readonly settledCount: WebAssembly.Global;
  readonly at: WebAssembly.Global;
}

/** The compiled modules (memory shared, not shared); undefined: not tried, null: unavailable here. */
let modules: { shared: WebAssembly.Module | null; local: WebAssembly.Module } | null | undefined;

function loadModules(): typeof modules {
  if (modules !== undefined) return modules;
  modules = null;
  try {
    if (typeof WebAssembly !== "object") return null;
    const bytes = decodeBase64(LINKAGE_SHARED_WASM_BASE64);
    let shared: WebAssembly.Module | null = null;
    try {
      shared = new WebAssembly.Module(bytes);
    } catch {
      shared = null; // no threads in this engine: the local module still serves one thread
    }
    bytes[LINKAGE_MEMORY_FLAGS_OFFSET] = 0x01; // the same module, its memory not shared
    modules = { shared, local: new WebAssembly.Module(bytes) };
  } catch {
    modules = null;
  }
  return modules;
}

/** The memories made by createLinkageArena, by their buffer. */
const arenas = new WeakMap<ArrayBufferLike, LinkageArena>();

/** Doubles of the distance matrix of n observations in a layout. */
function matrixLength(n: number, layout: "full" | "packed"): number {
  return layout === "full" ? n * n : pairCount(n);
}

/**
 * One clustering's WebAssembly memory: the distance matrix at byte 0
 * (`values`, n × n or the condensed triangle), then hclust's state, handed
 * out by `alloc`.
 */
export class LinkageArena {
  readonly values: Float64Array;
  private next: number;

  constructor(
    readonly memory: WebAssembly.Memory,
    readonly n: number,
    readonly layout: "full" | "packed",
  ) {
    const length = matrixLength(n, layout);
    this.values = new Float64Array(memory.buffer, 0, length);
    this.next = Math.ceil(length / 8) * 64; // 64-byte aligned state
    arenas.set(memory.buffer, this);
  }

  /** Bytes in use: the matrix and the arrays allocated so far. */
  get used(): number {
    return this.next;
  }

  /** A new array of `length` elements after the matrix (zeroed, also in a reused memory; 8-byte aligned). */
  alloc<T extends Float64Array | Int32Array>(kind: "f64" | "i32", length: number): T {
    const bytes = length * (kind === "f64" ? 8 : 4);
    const start = this.next;
    if (start + bytes > this.memory.buffer.byteLength) throw new RangeError("the linkage memory is full");
    this.next = start + Math.ceil(bytes / 8) * 8;
    const array =
      kind === "f64"
        ? new Float64Array(this.memory.buffer, start, length)
        : new Int32Array(this.memory.buffer, start, length);
    return array.fill(0) as T;
  }
}

/**
 * One memory kept for the next clustering of this thread (`reuse`), by
 * whether it is shared. Only a memory whose clustering finished is kept:
 * nothing (no distance worker of a cancelled run) can still write to it.
 */
const kept: { shared?: WebAssembly.Memory; local?: WebAssembly.Memory } = {};

/** The slot of `kept` for a memory shared or not. */
const slotOf = (shared: boolean) => (shared ? "shared" : "local");

/** A memory of `pages` WebAssembly pages, shared or not, or null when it cannot be had now (RangeError). */
function newMemory(pages: number, shared: boolean): WebAssembly.Memory | null {
  try {
    return new WebAssembly.Memory({ initial: pages, maximum: pages, shared });
  } catch {
    return null;
  }
}

/**
 * Keeps the arena's memory for the next createLinkageArena with `reuse`
 * (the page's worker: each run after the first, for instance each change of
 * an option, then writes memory it has already touched instead of fresh
 * memory, which costs ~4 ms per MB on some machines: 0.4 s of 100 MB at
 * 5,000 rows). Replaces the memory kept before. Call only once hclust is
 * done with the arena and every thread has stopped writing to it.
 */
export function keepLinkageArena(arena: LinkageArena): void {
  const shared = typeof SharedArrayBuffer === "function" && arena.memory.buffer instanceof SharedArrayBuffer;
  kept[slotOf(shared)] = arena.memory;
}

/** Drops the memory kept by keepLinkageArena (for tests, and to give the memory back). */
export function dropKeptLinkageArenas(): void {
  kept.shared = undefined;
  kept.local = undefined;
}

/**
 * Reserves a memory of `bytes` (whole WebAssembly pages) for the next
 * createLinkageArena with `reuse` on this thread, unless one is kept
 * already, and returns `touch`, which writes a 0 to each 4 KB page of the
 * next `slice` bytes of it and says whether pages are left; null when
 * nothing was reserved. The page's worker calls `touch` while it is idle
 * (web/worker.ts), so that its first clustering writes memory that the
 * system has already backed, as every later one does. `touch` writes only
 * while the memory is still kept: once a clustering has taken it (or it has
 * been replaced), it returns false and never writes again. Fresh memory
 * reads 0, so the writes change no value.
 */
export function reserveLinkageMemory(bytes: number, shared: boolean): ((slice: number) => boolean) | null {
  const mods = loadModules();
  if (!mods || (shared && !mods.shared)) return null;
  const slot = slotOf(shared);
  if (kept[slot]) return null;
  const memory = newMemory(Math.min(MAX_PAGES, Math.ceil(bytes / PAGE)), shared);
  if (!memory) return null;
  kept[slot] = memory;
  let at = 0;
  return (slice) => {
    if (kept[slot] !== memory) return false;
    const view = new Uint8Array(memory.buffer);
    const end = Math.min(view.length, at + slice);
    for (; at < end; at += 4096) view[at] = 0;
    return at < view.length;
  };
}

/**
 * Bytes of hclust's state beside the matrix (hclust.ts hclustSteps: size,
 * active, nn, disnn, settled, rescan, stamp, the row offsets, the mirror's
 * batch), with room.
 */
function stateBytes(n: number): number {
  return n * (8 + 4 + 4 + 8 + 4 + 4 + 4 + 4) + 64 * 1024;
}

/**
 * A memory for the distance matrix of n observations in `layout` and
 * hclust's state, shared between threads when `shared`, or null when it
 * cannot be had here (no WebAssembly, no shared WebAssembly memory, more
 * than 4 GiB, or the allocation fails): the caller then allocates the
 * matrix as before.
 */
export function createLinkageArena(
  n: number,
  shared: boolean,
  layout: "full" | "packed" = "full",
  reuse = false,
): LinkageArena | null {
  const mods = loadModules();
  if (!mods || (shared && !mods.shared)) return null;
  const pages = Math.ceil((Math.ceil(matrixLength(n, layout) / 8) * 64 + stateBytes(n)) / PAGE);
  if (pages > MAX_PAGES) return null;
  const slot = slotOf(shared);
  const old = kept[slot];
  if (reuse && old) {
    kept[slot] = undefined; // in use until kept again
    if (old.buffer.byteLength >= pages * PAGE) return new LinkageArena(old, n, layout);
    // too small for this matrix: dropped, so that both are not held at once
  }
  const memory = newMemory(pages, shared);
  return memory && new LinkageArena(memory, n, layout);
}

/** The arena whose matrix `values` is, if it is one. */
export function linkageArenaOf(values: Float64Array): LinkageArena | undefined {
  const arena = arenas.get(values.buffer);
  return arena && values.byteOffset === 0 && values.length === arena.values.length ? arena : undefined;
}

/**
 * A native version of updatePacked (Node's helper, native/linkage.c;
 * node/native.ts hands it over): `memory` a Uint8Array over the whole
 * WebAssembly memory, `params` updatePacked's 19 arguments (pointers as
 * byte offsets) followed by room for its 4 results (the minimum, its k, the
 * rescan and settled counts).
 */
export type NativePackedUpdate = (memory: Uint8Array, params: Float64Array) => void;

let nativePacked: NativePackedUpdate | null = null;

/** Sets (or, with null, removes) the native packed update that linkageKernel uses for the packed layout. */
export function setNativeLinkage(update: NativePackedUpdate | null): void {
  nativePacked = update;
}

/** Whether linkageKernel runs the packed layout's update natively on this thread. */
export function hasNativeLinkage(): boolean {
  return nativePacked !== null;
}

/** hclust's loops on one thread's instance of the module. */
export interface LinkageKernel {
  /** The memory it runs on (a worker thread instantiates the module on it too). */
  readonly memory: WebAssembly.Memory;
  /** updateRange with `collect`: the same writes and the same out[0 … 3]. */
  update(m: StepMerge, a0: number, a1: number, out: Float64Array): void;
  /** The first strict minimum of row i (rowBase[i] = base) over active[a0 … a1): its distance; its index in `at`. */
  scan(base: number, a0: number, a1: number): number;
  /** The index found by the last scan (−1 when none). */
  at(): number;
  /** Removes position pos of the active list of n positions (active.copyWithin(pos, pos + 1, n), in one memory.copy). */
  removeActive(pos: number, n: number): void;
  /**
   * mirrorColumns (mirror.ts) of the columns cols[0 … m) into the rows
   * active[a0 … a1); false (nothing done) when cols is not in the memory.
   * Absent in the packed layout, or when the stamps are not in the memory.
   */
  mirror?: (cols: Int32Array, m: number, a0: number, a1: number) => boolean;
}

/**
 * This thread's kernel over `memory` for the state `st`, or undefined when
 * the state (its row offsets included) does not live in that memory.
 */
export function linkageKernel(
  memory: WebAssembly.Memory,
  st: HclustState,
  method: Method,
): LinkageKernel | undefined {
  const mods = loadModules();
  const buffer = memory.buffer;
  const shared = typeof SharedArrayBuffer === "function" && buffer instanceof SharedArrayBuffer;
  const module = shared ? mods?.shared : mods?.local;
  if (!module) return undefined;
  const arrays = [st.diss, st.size, st.active, st.nn, st.disnn, st.settled, st.rescan];
  if (!arrays.every((a) => a.buffer === buffer)) return undefined;
  if (!(st.rowBase instanceof Int32Array && st.rowBase.buffer === buffer)) return undefined;
  const e = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as LinkageExports;
  const methodId = METHOD_IDS[method];
  const diss = st.diss.byteOffset;
  const rowBase = st.rowBase.byteOffset;
  const size = st.size.byteOffset;
  const active = st.active.byteOffset;
  const nn = st.nn.byteOffset;
  const disnn = st.disnn.byteOffset;
  const settled = st.settled.byteOffset;
  const rescan = st.rescan.byteOffset;
  const run = st.full ? e.update : e.updatePacked;
  const { scan, mirror } = e;
  const mirrorHere = st.full && st.stamp.buffer === buffer;
  const stamp = st.stamp.byteOffset;
  const native = st.full ? null : nativePacked;
  const params = new Float64Array(23);
  const bytes = native ? new Uint8Array(buffer) : null;
  params.set([methodId, diss, rowBase, size, active, nn, disnn, settled, rescan]);
  const update = (m: StepMerge, a0: number, a1: number, out: Float64Array) => {
    if (native && bytes) {
      params[9] = m.step;
      params[10] = m.i2;
      params[11] = m.j2;
      params[12] = m.pi;
      params[13] = m.pos;
      params[14] = a0;
      params[15] = a1;
      params[16] = m.dij;
      params[17] = m.mi;
      params[18] = m.mj;
      native(bytes, params);
      out.set(params.subarray(19, 23));
      return;
    }
    out[0] = run(
      methodId,
      diss,
      rowBase,
      size,
      active,
      nn,
      disnn,
      settled,
      rescan,
      m.step,
      m.i2,
      m.j2,
      m.pi,
      m.pos,
      a0,
      a1,
      m.dij,
      m.mi,
      m.mj,
    );
    out[1] = e.nearest.value;
    out[2] = e.rescanned.value;
    out[3] = e.settledCount.value;
  };
  return {
    ...(mirrorHere
      ? {
          mirror: (cols: Int32Array, m: number, a0: number, a1: number) => {
            if (cols.buffer !== buffer) return false;
            mirror(diss, rowBase, stamp, cols.byteOffset, m, active, a0, a1);
            return true;
          },
        }
      : {}),
    memory,
    update,
    scan: (base, a0, a1) => scan(diss, base, active, a0, a1),
    at: () => e.at.value,
    removeActive: (pos, n) => e.removeActive(active, pos, n),
  };
}
