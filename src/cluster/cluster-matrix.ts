/**
 * pheatmap's clustering pipeline, in its order:
 * 1. optionally aggregate rows into k-means centers (pheatmap's kmeans_k);
 * 2. cluster the rows;
 * 3. reorder the matrix by the row tree — pheatmap clusters the columns on
 *    the reordered matrix, so column distances are summed over genes in
 *    dendrogram order (this decides the last bits of the column heights);
 * 4. cluster the columns;
 * 5. leaf order (hclust's, optimal, or by means) and cutree on each axis.
 */
import { CancelledError, DataError, msg, opt, UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import { type Matrix, selectRows, transpose } from "../matrix.js";
import { rowMeansR } from "../numeric/rstats.js";
import { type ClusterOptions, type Distance, type Method, normalizeClusterOptions } from "../options.js";
import { cutree } from "./cutree.js";
import { type DistMatrix, pairCount } from "./dist-matrix.js";
import {
  type DistanceJob,
  fillDistanceRows,
  prepareDistanceJob,
  undefinedDistanceError,
} from "./distance.js";
import {
  firstNeighbourFinder,
  firstNeighboursLength,
  firstNeighboursOf,
  type HclustOptions,
  hclustAsync,
  NonFiniteDistanceError,
  nextMacrotask,
} from "./hclust.js";
import { type KmeansResult, kmeans } from "./kmeans.js";
import { optimalLeafOrder, reorderByWeights } from "./leaf-order.js";
import { freshMemoryCost, hugeProbeAdvised } from "./memory-cost.js";
import type { Tree } from "./tree.js";
import { createLinkageArena, hasNativeLinkage, keepLinkageArena } from "./wasm/linkage.js";

/** One clustered axis: its tree (leaf order applied) and, when cut, the cluster of each leaf (input order). */
export interface AxisResult {
  tree: Tree;
  clusters: Int32Array | null;
}

export interface ClusterResult {
  /** The matrix that was clustered, in input order (the k-means centers when kmeansRows is set). */
  matrix: Matrix;
  rows: AxisResult | null;
  cols: AxisResult | null;
  kmeans?: KmeansResult;
}

/**
 * Computes a job's distances into `out`: the condensed triangle, or the full
 * n × n matrix when the linkage uses that layout (fillDistanceRows writes
 * either, by the buffer's length). The default runs on the calling thread;
 * parallel backends (worker threads, web workers) fill row ranges of the
 * same buffer.
 */
export type DistanceBackend = (
  job: DistanceJob,
  out: Float64Array,
  report: (done: number, total: number) => void,
  signal?: AbortSignal,
  /**
   * When given (firstNeighboursLength(n) doubles, allocated like `out`):
   * find hclust's step 0 as the rows are filled (firstNeighbourFinder), store
   * the first non-finite pair and set the done flag (FirstNeighbours).
   * A backend may ignore it; hclust then does step 0 itself.
   */
  first?: Float64Array,
) => Promise<void>;

export interface ClusterContext {
  logger?: Logger;
  signal?: AbortSignal;
  distances?: DistanceBackend;
  /**
   * Allocates the distance matrix in shared memory, for threads (the node
   * backend, a cross-origin isolated page); when given, the WebAssembly
   * memory that holds the matrix for hclust's kernels is shared too.
   */
  allocate?: (length: number) => Float64Array;
  /**
   * false: the distance matrix in a plain buffer, and hclust's loops in
   * JavaScript (same trees; for measuring the WebAssembly kernels, wasm/linkage.ts).
   */
  linkageKernel?: boolean;
  /** Largest distance matrix allowed, in bytes (default 16 GB). */
  memoryLimit?: number;
  /** Bytes of memory free now (Node: os.freemem()); the linkage's layout is chosen from it. */
  memoryAvailable?: () => number;
  /**
   * The linkage's layout: "full" (the symmetric n × n matrix, n² doubles),
   * "packed" (the triangle, half the memory) or "auto" (default): packed where
   * its update runs natively (Node's helper, wasm/linkage.ts setNativeLinkage),
   * else full when it fits in the memory available (chooseFullLayout).
   */
  linkage?: "auto" | "full" | "packed";
  /**
   * Milliseconds to first touch 1 MB of fresh memory (default: measured once,
   * memory-cost.ts), in huge pages when `hugePages` is given; where it is
   * costly, "auto" chooses the packed layout.
   */
  memoryCost?: () => number;
  /**
   * Asks the system to back a buffer with huge pages from its first write on
   * (Node on Linux: node/huge-pages.ts), and says whether it did. Called with
   * the distance matrix before it is filled, and with the probe of
   * `memoryCost`'s default, so that the layout is chosen from what the matrix
   * will cost. Never changes a value.
   */
  hugePages?: (view: Float64Array) => boolean;
  /**
   * Keep the linkage's WebAssembly memory once an axis is clustered and use
   * it again for the next matrix that fits (wasm/linkage.ts keepLinkageArena):
   * the page's worker, where each change of an option clusters again. Holds
   * that memory (up to the largest matrix clustered) until then.
   */
  reuseMemory?: boolean;
  /** Told which layout the linkage of an axis uses. */
  onLinkage?: (info: {
    axis: "rows" | "columns";
    n: number;
    layout: "full" | "packed";
    /** Whether hclust's loops run in WebAssembly (wasm/linkage.ts). */
    wasm: boolean;
    /** Whether the matrix was advised into huge pages (`hugePages`). */
    hugePages: boolean;
  }) => void;
  /** Options for hclust that spread its work over threads (parallel/hclust-driver.ts); close() after. */
  hclust?: (method: Method) => Pick<
    HclustOptions,
    "initAll" | "updateAll" | "rescanAll" | "mirrorAll" | "allocate"
  > & {
    close(): void;
  };
}

/**
 * The in-thread backend: fills rows in small chunks, reporting progress, and
 * gives the event loop a turn every ~40 ms so that an abort is seen promptly.
 */
export const inThreadDistances: DistanceBackend = async (job, out, report, signal, firstBuffer) => {
  const total = pairCount(job.n);
  let done = 0;
  const first = firstBuffer ? firstNeighbourFinder(out, job.n, firstBuffer) : null;
  await fillRowsInThread(
    job,
    out,
    0,
    job.n,
    (pairs) => {
      done += pairs;
      report(done, total);
    },
    signal,
    first,
  );
  if (firstBuffer && first) firstNeighboursOf(firstBuffer, job.n).meta.set([first.bad[0], first.bad[1], 1]);
};

/**
 * Fills rows [r0, r1) on this thread (fillDistanceRows), finding step 0 for
 * them with `first` when given; tells `pairs` the pairs of each chunk and
 * gives the event loop a turn every ~40 ms, so that other threads' messages
 * (progress) and an abort are seen while it runs.
 */
export async function fillRowsInThread(
  job: DistanceJob,
  out: Float64Array,
  r0: number,
  r1: number,
  pairs: (count: number) => void,
  signal: AbortSignal | undefined,
  first: ReturnType<typeof firstNeighbourFinder> | null,
): Promise<void> {
  // Rows per call, sized to about CHUNK_MS of work: each call has a fixed
  // cost in the rows after it (the SIMD kernels copy them in), so calls of
  // a few rows would spend more there than in the distances (at 5,000 × 50,
  // 400 calls of 12 rows took 0.56–0.66 s, calls of ~30 ms 0.34–0.49 s).
  let chunk = 16;
  let sliceStart = performance.now();
  for (let i0 = r0; i0 < r1; ) {
    if (signal?.aborted) throw new CancelledError();
    const i1 = Math.min(r1, i0 + chunk);
    const t = performance.now();
    fillDistanceRows(job, i0, i1, out);
    first?.rows(i0, i1);
    const ms = performance.now() - t;
    let count = 0;
    for (let i = i0; i < i1; i++) count += job.n - 1 - i;
    pairs(count);
    i0 = i1;
    chunk = Math.max(
      1,
      Math.min(CHUNK_ROWS_MAX, Math.round(chunk * Math.min(4, CHUNK_MS / Math.max(ms, 0.1)))),
    );
    if (i0 < r1 && performance.now() - sliceStart > 40) {
      await nextMacrotask();
      sliceStart = performance.now();
    }
  }
  if (signal?.aborted) throw new CancelledError();
}

/** Milliseconds of distances per call of inThreadDistances (between two chances to cancel). */
const CHUNK_MS = 30;
/** The most rows per call (the full layout mirrors blocks of 256 rows). */
const CHUNK_ROWS_MAX = 256;

/** Bytes of the condensed distance matrix of n observations. */
function distanceBytes(n: number): number {
  return pairCount(n) * 8;
}

function formatBytes(b: number): string {
  return b >= 1e9 ? `${(b / 1e9).toFixed(1)} GB` : `${Math.ceil(b / 1e6)} MB`;
}

/** Largest full matrix when the memory available is unknown (bytes). */
const UNKNOWN_MEMORY_FULL_MAX = 2 ** 31;
/**
 * Largest full matrix in a browser that reports at least 8 GB of device
 * memory (`navigator.deviceMemory`, Chromium; 8 is its highest bucket):
 * 20,000 rows (3.2 GB) fit. Chromium 156 allocates a single 8 GB
 * ArrayBuffer in a worker, so the bound is the machine's memory, not V8's.
 */
const LARGE_DEVICE_FULL_MAX = 3.6e9;

/** The browser's `navigator.deviceMemory` in GB (undefined elsewhere). */
function deviceMemoryGB(): number | undefined {
  const nav = (globalThis as { navigator?: { deviceMemory?: unknown } }).navigator;
  const gb = nav?.deviceMemory;
  return typeof gb === "number" && gb > 0 ? gb : undefined;
}

/**
 * From this many observations, "auto" asks what fresh memory costs here
 * (memory-cost.ts) before it chooses the full layout; below, both layouts
 * take well under a second.
 */
const COST_CHECK_MIN = 4000;
/**
 * First touch of fresh memory in 4 KB pages, in ms per MB (memory-cost.ts),
 * above which the full layout's second half costs more than its faster
 * linkage saves (under 1 on the earlier benchmark VM; 3.1–4.3 on the later
 * one, where packed won at every size).
 */
const COSTLY_MEMORY_MS_PER_MB = 1.5;
/**
 * The same for a probe in huge pages (ClusterContext's hugePages). On the
 * benchmark VM their 16 MB probe reads 0.5–0.9 ms per MB, and 1.7–2.7 in
 * some moments (just after another process has freed gigabytes), while the
 * full layout won at 20,000 rows in huge pages every time it was measured:
 * euclidean + average, two threads, each run started cold, distances +
 * linkage 5.0–5.9 + 2.6–3.8 s against packed 3.9–4.1 + 6.9–10.6 s; the
 * figure's correlation + average 5.0–6.2 + 2.9–3.4 s against 3.1–3.7 +
 * 7.7–9.6 s, with the probe at 2.7. Only a probe far above what 4 KB pages
 * cost there means that huge pages are not helping.
 */
const COSTLY_HUGE_MEMORY_MS_PER_MB = 4.5;

/**
 * Whether the linkage uses the full symmetric matrix (n² doubles, rows and
 * columns contiguous) rather than the packed triangle (half of it): when the
 * context asks for it, or on "auto" when it fits in the limit and in the
 * memory available now with a margin of 10 % (2 GB when that is unknown),
 * from COST_CHECK_MIN observations fresh memory is not costly here, and the
 * packed layout's update does not run natively.
 *
 * Native (Node with its helper, native/linkage.c), the packed layout won
 * at every size measured (2026-12-02, two threads, alternating runs,
 * distances + linkage): 20,000 rows euclidean + average 1.1–1.6 + 2.9–3.3 s
 * against full 2.3–3.1 + 4.5–4.6 s, correlation + ward.D2 2.4–2.5 + 4.9–5.1 s
 * against 3.1–3.6 + 5.4–5.8 s; 10,000 rows 0.40–0.47 + 0.85–1.04 s against
 * 0.62–0.72 + 1.39–1.42 s. The full layout's second half costs its first
 * writes, a mirror of the distances and the linkage's batched mirror, which
 * the native loops' reads down the triangle's columns now cost less than.
 */
function chooseFullLayout(n: number, limit: number, ctx: ClusterContext): boolean {
  const want = ctx.linkage ?? "auto";
  if (want !== "auto") return want === "full";
  // (not when the loops are asked to run in JavaScript: there the full layout is the faster)
  if (hasNativeLinkage() && ctx.linkageKernel !== false) return false;
  const bytes = n * n * 8;
  if (bytes > limit) return false;
  if (n >= COST_CHECK_MIN) {
    const cost = ctx.memoryCost ? ctx.memoryCost() : freshMemoryCost(ctx.hugePages);
    // in huge pages when they are asked for (and, for the probe, the system took the advice)
    const huge = ctx.hugePages !== undefined && (ctx.memoryCost !== undefined || hugeProbeAdvised());
    if (cost > (huge ? COSTLY_HUGE_MEMORY_MS_PER_MB : COSTLY_MEMORY_MS_PER_MB)) return false;
  }
  const available = ctx.memoryAvailable?.();
  if (available !== undefined) return bytes * 1.1 <= available;
  // unknown (a browser): up to 3.6 GB when the device reports ≥ 8 GB (20,000 rows,
  // 3× faster than packed), else 2 GB; an allocation that fails falls back to packed
  return bytes <= ((deviceMemoryGB() ?? 0) >= 8 ? LARGE_DEVICE_FULL_MAX : UNKNOWN_MEMORY_FULL_MAX);
}

/** A buffer of `length` doubles from the context's allocator (shared memory for threads), else a plain one. */
function allocate(ctx: ClusterContext, length: number): Float64Array {
  return ctx.allocate ? ctx.allocate(length) : new Float64Array(length);
}

/** A buffer of `length` doubles, or null when it cannot be allocated (RangeError). */
function tryAllocate(ctx: ClusterContext, length: number): Float64Array | null {
  try {
    return allocate(ctx, length);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

async function clusterAxis(
  m: Matrix,
  axis: "rows" | "columns",
  distance: Distance,
  method: Method,
  options: ClusterOptions,
  cut: { k: number | null; h: number | null },
  ctx: ClusterContext,
): Promise<{ result: AxisResult; dist: DistMatrix | null }> {
  const n = m.nrow;
  const limit = ctx.memoryLimit ?? 16e9;
  // optimal leaf ordering keeps the distances (not updated in place) and an n × n table of scores
  const keep = options.leafOrder === "optimal";
  const bytes = distanceBytes(n) * (keep ? 2 : 1) + (keep ? n * n * 8 : 0);
  if (bytes > limit) {
    const what = keep ? "the distance matrix and the optimal leaf ordering" : "the distance matrix";
    const need = formatBytes(bytes);
    const most = formatBytes(limit);
    throw new DataError(
      msg`clustering ${n.toLocaleString("en-US")} ${axis} needs ${need} for ${what} but at most ${most} can be used: keep fewer ${axis}, e.g. with ${opt("topVariable")} 5000`,
    );
  }
  const job = prepareDistanceJob(m, distance, { minkowskiP: options.minkowskiP });
  let full = !keep && chooseFullLayout(n, limit, ctx);
  // the matrix in a WebAssembly memory, where hclust's loops run
  // (wasm/linkage.ts; shared when the context shares memory with threads),
  // else a plain buffer; on "auto", a full matrix that cannot be allocated
  // falls back to the packed triangle
  const kernel = !keep && ctx.linkageKernel !== false;
  const shared = ctx.allocate !== undefined;
  const reuse = ctx.reuseMemory === true;
  let arena = full && kernel ? createLinkageArena(n, shared, "full", reuse) : null;
  const fullValues =
    arena?.values ?? (full && (ctx.linkage ?? "auto") === "auto" ? tryAllocate(ctx, n * n) : null);
  if (full && fullValues === null && (ctx.linkage ?? "auto") === "auto") full = false;
  if (!full && kernel) arena = createLinkageArena(n, shared, "packed", reuse);
  const length = full ? n * n : pairCount(n);
  const values = fullValues ?? arena?.values ?? allocate(ctx, length);
  const huge = ctx.hugePages?.(values) ?? false;
  ctx.onLinkage?.({ axis, n, layout: full ? "full" : "packed", wasm: arena !== null, hugePages: huge });
  const backend = ctx.distances ?? inThreadDistances;
  const progress = ctx.logger?.progress;
  // step 0 found as the rows are filled, while they are still in the cache (ward.D2 squares first)
  const firstBuffer = method === "ward.D2" ? undefined : allocate(ctx, firstNeighboursLength(n));
  await backend(
    job,
    values,
    (done, total) => progress?.(`distances between ${axis}`, done, total),
    ctx.signal,
    firstBuffer,
  );
  // in the full layout the backends fill both halves (fillDistanceRows)
  const dist: DistMatrix = full ? { n, values, layout: "full" } : { n, values };
  let tree: Tree;
  const threads = keep ? undefined : ctx.hclust?.(method);
  try {
    tree = await hclustAsync(dist, method, m.rowNames, distance, {
      inPlace: !keep,
      ...(firstBuffer ? { first: firstNeighboursOf(firstBuffer, n) } : {}),
      signal: ctx.signal,
      progress: (done, total) => progress?.(`clustering ${axis}`, done, total),
      ...(threads
        ? {
            initAll: threads.initAll,
            updateAll: threads.updateAll,
            rescanAll: threads.rescanAll,
            mirrorAll: threads.mirrorAll,
            allocate: threads.allocate,
          }
        : {}),
    });
  } catch (e) {
    // say why the distance is undefined (constant row, no common columns)
    if (e instanceof NonFiniteDistanceError) {
      throw undefinedDistanceError(m.rowNames, e.i, e.j, distance, {
        values: m.values,
        ncol: m.ncol,
        minkowskiP: options.minkowskiP,
      });
    }
    throw e;
  } finally {
    threads?.close();
  }
  // the tree is built and every thread is done with the memory (never after a failure or a cancel)
  if (arena && reuse) keepLinkageArena(arena);
  if (options.leafOrder === "optimal") tree = optimalLeafOrder(tree, dist);
  if (options.leafOrder === "mean") tree = reorderByWeights(tree, rowMeansR(m));
  let clusters: Int32Array | null = null;
  if (cut.k !== null) {
    if (cut.k > n) {
      const option = axis === "rows" ? "cutreeRows" : "cutreeCols";
      throw new UsageError(msg`cannot cut ${n} ${axis} into ${opt(option)} ${cut.k} clusters`, undefined, {
        option,
        found: cut.k,
        expected: `at most ${n}`,
      });
    }
    clusters = cutree(tree, { k: cut.k });
  } else if (cut.h !== null) {
    clusters = cutree(tree, { h: cut.h });
  }
  return { result: { tree, clusters }, dist: keep ? dist : null };
}

/**
 * Clusters the rows and columns of a (prepared) matrix as pheatmap does.
 * Options are named as pheatmap's arguments (ClusterOptions); long phases
 * report through ctx.logger.progress and stop on ctx.signal.
 */
export async function clusterMatrix(
  m: Matrix,
  given: Partial<ClusterOptions> = {},
  ctx: ClusterContext = {},
): Promise<ClusterResult> {
  const options = normalizeClusterOptions(given);
  let matrix = m;
  let km: KmeansResult | undefined;
  if (options.kmeansRows !== null) {
    km = kmeans(m, options.kmeansRows, {
      seed: options.kmeansSeed,
      starts: options.kmeansStarts,
      logger: ctx.logger,
    });
    matrix = km.centers;
  }
  const wantsRowCut = options.cutreeRows !== null || options.cutreeRowsHeight !== null;
  const wantsColCut = options.cutreeCols !== null || options.cutreeColsHeight !== null;
  if (wantsRowCut && !options.clusterRows)
    throw new UsageError(msg`${opt("cutreeRows")} needs clustered rows`);
  if (wantsColCut && !options.clusterCols)
    throw new UsageError(msg`${opt("cutreeCols")} needs clustered columns`);

  let rows: AxisResult | null = null;
  if (options.clusterRows) {
    if (matrix.nrow < 2) ctx.logger?.warn(`only ${matrix.nrow} row: rows are not clustered`);
    else {
      rows = (
        await clusterAxis(
          matrix,
          "rows",
          options.clusteringDistanceRows,
          options.clusteringMethodRows,
          options,
          { k: options.cutreeRows, h: options.cutreeRowsHeight },
          ctx,
        )
      ).result;
    }
  }
  let cols: AxisResult | null = null;
  if (options.clusterCols) {
    if (matrix.ncol < 2) ctx.logger?.warn(`only ${matrix.ncol} column: columns are not clustered`);
    else {
      // pheatmap clusters the columns of the matrix reordered by the row tree.
      const reordered = rows
        ? selectRows(
            matrix,
            Array.from(rows.tree.order, (o) => o - 1),
          )
        : matrix;
      cols = (
        await clusterAxis(
          transpose(reordered),
          "columns",
          options.clusteringDistanceCols,
          options.clusteringMethodCols,
          options,
          { k: options.cutreeCols, h: options.cutreeColsHeight },
          ctx,
        )
      ).result;
    }
  }
  return { matrix, rows, cols, ...(km ? { kmeans: km } : {}) };
}
