/**
 * Node on Linux: the distance matrix backed by transparent huge pages.
 *
 * The matrix is one buffer of n(n − 1)/2 doubles (1.6 GB at 20,000 rows),
 * written once by the distances and then read by the linkage. Where the
 * kernel gives huge pages only to memory that asks for them (THP "madvise",
 * Debian's default), V8 maps it in 4 KB pages, and:
 * - each 4 KB page is faulted in on its first write: in a VM that backs each
 *   new page from its host (this project's benchmark machine), 2.8–5.1 ms per
 *   MB, against 1.45–2.3 ms per MB in 2 MB pages (measured 2026-12-02 on a
 *   1.6 GB shared WebAssembly memory, alternating runs 8 s apart);
 * - the packed linkage reads a column of the triangle, one value per row
 *   and so one page, and a TLB miss, per value.
 * At 20,000 × 50, euclidean + average, two threads (linkage-bench,
 * alternating runs): distances 4.0–5.5 s in 4 KB pages against 2.9–4.3 s in
 * huge pages on the packed triangle, 16.1 s against 4.6–5.1 s on the full
 * matrix (bench/README.md, "Huge pages and cold starts").
 *
 * Node cannot ask for huge pages, so the small native helper does it
 * (native/huge-pages.c: madvise(MADV_HUGEPAGE) on a typed array's pages,
 * built by `npm install` with node-gyp where it can be, scripts/build-native.mjs;
 * loaded by native.ts).
 * Optional: where it is missing, or CLUSTERHEAT_HUGE_PAGES=0, nothing changes
 * but the speed. The advice changes how memory is mapped, never a value.
 */
import { nativeHelper } from "./native.js";

/** The helper, unless CLUSTERHEAT_HUGE_PAGES=0 or not on Linux. */
function loadAddon(): ((view: ArrayBufferView) => number) | null {
  if (process.platform !== "linux" || process.env.CLUSTERHEAT_HUGE_PAGES === "0") return null;
  return nativeHelper()?.adviseHugePages ?? null;
}

/** Whether the huge-pages helper is loaded here. */
export function hugePagesAvailable(): boolean {
  return loadAddon() !== null;
}

/**
 * Asks for `view`'s whole pages to be backed by huge pages from their first
 * write on (call it before filling the buffer). Returns the bytes advised:
 * 0 when the helper is missing or the view spans no whole page, negative
 * (−errno) when the system refused.
 */
export function adviseHugePages(view: ArrayBufferView): number {
  const advise = loadAddon();
  return advise ? advise(view) : 0;
}
