/**
 * clusterheat's optional native helper (native/addon.c), built by `npm
 * install` with node-gyp where it can be (scripts/build-native.mjs) into
 * build/Release/clusterheat_native.node. Five functions:
 * - adviseHugePages: the distance matrix in huge pages (huge-pages.ts);
 * - euclidRows, dotRows: euclidean and Pearson distances in AVX-512 or AVX2
 *   (native/distances.c), which useNativeDistances() hands to the distance
 *   fills;
 * - updatePacked: hclust's step in the packed layout (native/linkage.c),
 *   which useNativeLinkage() hands to the linkage's kernels;
 * - rowMoments: R's row means and variances in the CPU's long double, only
 *   where that is the x87 format R uses on x86-64 (native/long-double.c);
 *   useNativeLongDouble() hands it to the row statistics.
 * Where the helper is missing nothing changes but the speed.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type NativeDistances, setNativeDistances } from "../cluster/distance.js";
import { type NativePackedUpdate, setNativeLinkage } from "../cluster/wasm/linkage.js";
import { type RowMomentsKernel, setNativeRowMoments } from "../numeric/rstats.js";

/** What the helper exports (rowMoments only where long double is the x87 format). */
export interface NativeHelper {
  adviseHugePages?(view: ArrayBufferView): number;
  /** native/distances.c; each returns the kernel's name ("avx512", "avx2", "scalar"). */
  euclidRows?: NativeDistances["euclidRows"];
  dotRows?: NativeDistances["dotRows"];
  /** native/linkage.c: one step's updates in the packed layout. */
  updatePacked?: NativePackedUpdate;
  rowMoments?: RowMomentsKernel;
}

/** undefined: not looked for yet; null: not here. */
let helper: NativeHelper | null | undefined;

/** The helper, in build/Release of the package (dist/node is two levels down), or null. */
export function nativeHelper(): NativeHelper | null {
  if (helper !== undefined) return helper;
  helper = null;
  let dir = dirname(fileURLToPath(import.meta.url));
  // a build of src elsewhere (bench/tmp/dist-X/node) finds the package's helper a few levels further up
  for (let up = 0; up < 5; up++, dir = dirname(dir)) {
    const file = join(dir, "build", "Release", "clusterheat_native.node");
    if (!existsSync(file)) continue;
    try {
      helper = createRequire(import.meta.url)(file) as NativeHelper;
    } catch {
      // built for another Node, or not loadable here: run without it
    }
    break;
  }
  return helper;
}

/**
 * Computes R's row means and variances (scaling, --top-variable, the
 * correlation distances' preparation) in the CPU's long double instead of
 * the emulation, where the helper has it and CLUSTERHEAT_LONG_DOUBLE is not
 * 0: the same bits (test/node/long-double.test.ts), at 20,000 × 50 in ~10 ms
 * instead of ~0.35 s for each pass. Says whether it did. The CLI and
 * clusterheat/node call it.
 */
export function useNativeLongDouble(): boolean {
  const kernel = process.env.CLUSTERHEAT_LONG_DOUBLE === "0" ? undefined : nativeHelper()?.rowMoments;
  setNativeRowMoments(kernel ?? null);
  return kernel !== undefined;
}

/**
 * Computes euclidean distances between rows without NAs, and the fast path
 * of the correlation distances, with the helper's kernels (AVX-512 or AVX2,
 * native/distances.c) instead of WebAssembly's two-lane SIMD, where the
 * helper has them and CLUSTERHEAT_NATIVE_DISTANCES is not 0: the same bits
 * (test/node/native-kernels.test.ts), at 20,000 × 50 about twice as fast. Says whether it did. The CLI,
 * clusterheat/node and the distance workers of a thread that did call it.
 */
export function useNativeDistances(): boolean {
  const h = process.env.CLUSTERHEAT_NATIVE_DISTANCES === "0" ? null : nativeHelper();
  const kernels = h?.euclidRows && h.dotRows ? { euclidRows: h.euclidRows, dotRows: h.dotRows } : null;
  setNativeDistances(kernels);
  return kernels !== null;
}

/**
 * Runs the packed layout's Lance–Williams updates with the helper's loops
 * (native/linkage.c) instead of WebAssembly's, where the helper has them and
 * CLUSTERHEAT_NATIVE_LINKAGE is not 0: the same tree
 * (test/node/native-kernels.test.ts), with about twice as many reads down
 * the triangle's columns in flight. Says whether it did. The CLI,
 * clusterheat/node and the linkage worker of a thread that did call it.
 */
export function useNativeLinkage(): boolean {
  const update = process.env.CLUSTERHEAT_NATIVE_LINKAGE === "0" ? undefined : nativeHelper()?.updatePacked;
  setNativeLinkage(update ?? null);
  return update !== undefined;
}

/**
 * Hands every kernel of the helper to the code that uses them, as each
 * use…() above does (the CLI and clusterheat/node call it): the same results,
 * faster.
 */
export function useNativeHelper(): void {
  useNativeLongDouble();
  useNativeDistances();
  useNativeLinkage();
}
