/**
 * What it costs here to touch fresh memory for the first time, which decides
 * the linkage's layout at large n (cluster-matrix.ts).
 *
 * The full layout holds n² doubles, twice the packed triangle's n(n − 1)/2,
 * and every page of it is written once before the linkage starts. Where
 * that first touch is cheap the full layout's faster linkage wins by far: on
 * the VM of this project's earlier benchmark runs, the whole distance phase
 * of 20,000 rows, 3.2 GB touched included, took 3.1 s (so under 1 ms per
 * MB), and the full layout's linkage is 3.2–3.5 s against 6.7–12.2 s packed.
 * In some virtual machines each new page is backed by the host on first
 * touch, and that costs more:
 * on this project's benchmark machine (a Firecracker VM that returns freed
 * pages to its host), 3.4–4.1 ms per MB, measured on 2026-12-02: the 1.6 GB
 * more of the full layout then cost 6–7 s, more than its linkage saves, and
 * the packed layout was the faster one at every size measured (`cluster` on
 * two threads, alternating runs: 5,000 rows 1.32–1.37 s against 1.47–1.62 s,
 * 10,000 rows 3.25–3.34 s against 4.42–4.60 s, 20,000 rows 12.8–17.2 s
 * against 19.7–20.2 s), at half the memory.
 *
 * In huge pages (node/huge-pages.ts, Node on Linux) the same VM's first
 * touch is cheaper: 1.45–2.3 ms per MB on 1.6 GB started cold, 0.56–0.87 on
 * this probe's 16 MB; the full layout was then the faster one at 20,000 rows
 * (cluster-matrix.ts), so the probe is advised as the matrix will be,
 * measured apart, and held to its own threshold: it also read 1.7–2.7 in
 * some moments when the full layout still won.
 */

/**
 * Bytes of the probe, fresh from the system (a WebAssembly memory, never
 * recycled by malloc): 4 MB, 1,024 pages of 4 KB (16 ms where the first
 * touch is costly: the probe is paid by every process, and by the page's
 * first run); 16 MB in huge pages, so that 8 of them are timed.
 */
const PROBE_BYTES = 4 * 1024 * 1024;
const HUGE_PROBE_BYTES = 16 * 1024 * 1024;
const PAGE = 4096;

/**
 * The cost measured in plain pages, and in pages advised to be huge (with
 * whether the advice was taken: where it was not, the probe was in plain pages).
 */
const measured: { plain?: number; huge?: number; advised?: boolean } = {};

/** Whether the probe in huge pages was advised (false where the system refused, or before it ran). */
export function hugeProbeAdvised(): boolean {
  return measured.advised === true;
}

/**
 * Milliseconds to write the first byte of each page of 1 MB of memory fresh
 * from the system, measured once per thread on 4 MB (a few ms on most
 * machines, ~16 ms where it is costly). With `advise` (ClusterContext's
 * hugePages), the probe is advised as the matrix will be, and measured
 * apart. NaN where it cannot be measured.
 */
export function freshMemoryCost(advise?: (view: Float64Array) => boolean): number {
  const key = advise ? "huge" : "plain";
  const known = measured[key];
  if (known !== undefined) return known;
  measured[key] = Number.NaN;
  try {
    const size = advise ? HUGE_PROBE_BYTES : PROBE_BYTES;
    const buffer =
      typeof WebAssembly === "object"
        ? new WebAssembly.Memory({ initial: size / 65536, maximum: size / 65536 }).buffer
        : new ArrayBuffer(size);
    if (advise) measured.advised = advise(new Float64Array(buffer));
    const bytes = new Uint8Array(buffer);
    const start = performance.now();
    for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = 1;
    measured[key] = (performance.now() - start) / (size / (1024 * 1024));
  } catch {
    // no memory for the probe: leave the choice to the memory available
  }
  return measured[key];
}
