/**
 * clusterheat's optional native helper (native/addon.c), built by `npm
 * install` with node-gyp where it can be (scripts/build-native.mjs) into
 * build/Release/clusterheat_native.node. Two functions:
 * - adviseHugePages: the distance matrix in huge pages (huge-pages.ts);
 * - rowMoments: R's row means and variances in the CPU's long double, only
 *   where that is the x87 format R uses on x86-64 (native/long-double.c);
 *   useNativeLongDouble() hands it to the row statistics.
 * Where the helper is missing nothing changes but the speed.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RowMomentsKernel, setNativeRowMoments } from "../numeric/rstats.js";

/** What the helper exports (rowMoments only where long double is the x87 format). */
export interface NativeHelper {
  adviseHugePages?(view: ArrayBufferView): number;
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
