/**
 * The native helper's distance and linkage kernels (native/distances.c,
 * native/linkage.c; node/native.ts useNativeDistances, useNativeLinkage)
 * give the bits and the trees of the WebAssembly and JavaScript loops: the
 * euclidean distances and Pearson's fast path (with its flags of the pairs
 * to recompute exactly) at every vector width the CPU has (AVX-512, AVX2,
 * scalar), in each layout and over any range of rows; the packed layout's
 * updates for every method on heavily tied data, on one thread and split
 * with a worker thread.
 */
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import {
  type DistanceJob,
  fillDistanceRows,
  prepareDistanceJob,
  setNativeDistances,
} from "../../src/cluster/distance.js";
import { randomSource } from "../../src/cluster/random.js";
import { groupRows } from "../../src/cluster/wasm/kernels.js";
import {
  hasNativeLinkage,
  type NativePackedUpdate,
  setNativeLinkage,
} from "../../src/cluster/wasm/linkage.js";
import { createMatrix, type Matrix } from "../../src/matrix.js";
import { nativeHelper, useNativeDistances, useNativeLinkage } from "../../src/node/native.js";
import type { Method } from "../../src/options.js";
import { CLUSTER_SCRIPT_IMPORTS, built as distBuilt, runDistScript } from "../helpers/dist-script.js";

const built = existsSync(new URL("../../build/Release/clusterheat_native.node", import.meta.url));
const METHODS: Method[] = [
  "average",
  "ward.D2",
  "single",
  "complete",
  "centroid",
  "median",
  "mcquitty",
  "ward.D",
];

afterEach(() => {
  setNativeDistances(null);
  setNativeLinkage(null);
});

/** An n × p matrix of one kind: log expression, wide magnitudes, or small integers (ties everywhere). */
function matrix(n: number, p: number, kind: number, seed: number): Matrix {
  const rnd = randomSource(seed);
  const values = Float64Array.from({ length: n * p }, () => {
    if (kind === 0) return 2 + 12 * rnd();
    if (kind === 1) return (rnd() < 0.5 ? -1 : 1) * 10 ** (rnd() * 12 - 6);
    return Math.floor(rnd() * 6);
  });
  return createMatrix(
    values,
    Array.from({ length: n }, (_, i) => `g${i}`),
    Array.from({ length: p }, (_, j) => `s${j}`),
  );
}

/** The distances of `job` in a layout by the JavaScript and WebAssembly loops (no native kernel). */
function reference(job: DistanceJob, full: boolean): Float64Array {
  setNativeDistances(null);
  const out = new Float64Array(full ? job.n * job.n : (job.n * (job.n - 1)) / 2);
  fillDistanceRows(job, 0, job.n, out);
  return out;
}

/** Asserts equal bits, naming the first index that differs. */
function expectSameBits(got: Float64Array, want: Float64Array, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let q = 0; q < want.length; q++) {
    if (!Object.is(got[q], want[q]))
      expect(`${what}: [${q}] = ${got[q]}`).toBe(`${what}: [${q}] = ${want[q]}`);
  }
}

describe("the native euclidean distances", () => {
  it.runIf(built)("are in the helper, and useNativeDistances hands them over unless told not to", () => {
    expect(typeof nativeHelper()?.euclidRows).toBe("function");
    expect(useNativeDistances()).toBe(true);
    const before = process.env.CLUSTERHEAT_NATIVE_DISTANCES;
    process.env.CLUSTERHEAT_NATIVE_DISTANCES = "0";
    try {
      expect(useNativeDistances()).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CLUSTERHEAT_NATIVE_DISTANCES;
      else process.env.CLUSTERHEAT_NATIVE_DISTANCES = before;
    }
  });

  it.runIf(built)("give the other kernels' bits at every vector width, in each layout, over any rows", () => {
    const euclid = nativeHelper()!.euclidRows!;
    const widths: (string | undefined)[] = [undefined, "avx2", "scalar"];
    for (const [n, p] of [
      [2, 1],
      [3, 5],
      [8, 8],
      [9, 3],
      [17, 50],
      [64, 7],
      [131, 13],
    ]) {
      for (let kind = 0; kind < 3; kind++) {
        const job = prepareDistanceJob(matrix(n, p, kind, 100 * n + p + kind), "euclidean");
        const grouped = groupRows(job.data, n, p, new Float64Array(Math.ceil(n / 8) * 8 * p));
        const packed = reference(job, false);
        const full = reference(job, true);
        const cuts = [
          ...new Set([0, 1, Math.floor(n / 3), Math.floor(n / 3) + 4, n].map((c) => Math.min(n, c))),
        ].sort((a, b) => a - b);
        for (const simd of widths) {
          for (const layout of [0, 1, 2] as const) {
            const out = new Float64Array(layout === 0 ? packed.length : full.length).fill(Number.NaN);
            // the diagonal and, in layout 1, the lower half are left to the caller
            if (layout === 1) for (let q = 0; q < out.length; q++) out[q] = full[q];
            if (layout === 1) for (let i = 0; i < n; i++) out.fill(Number.NaN, i * n + i + 1, (i + 1) * n);
            for (let c = 0; c + 1 < cuts.length; c++) {
              const name = (euclid as (...a: unknown[]) => string)(
                grouped,
                n,
                p,
                cuts[c],
                cuts[c + 1],
                out,
                layout,
                simd,
              );
              expect(["avx512", "avx2", "scalar"]).toContain(name);
            }
            expectSameBits(
              out,
              layout === 0 ? packed : full,
              `n ${n} p ${p} kind ${kind} ${simd} layout ${layout}`,
            );
          }
        }
      }
    }
  });

  it.runIf(built)("give Pearson's fast distances and flag exactly the pairs below the threshold", () => {
    const dot = nativeHelper()!.dotRows! as (...a: unknown[]) => string;
    for (const [n, p] of [
      [2, 2],
      [9, 3],
      [33, 50],
      [131, 13],
    ]) {
      for (let kind = 0; kind < 3; kind++) {
        const m = matrix(n, p, kind, 7 * n + p + kind);
        // duplicated and opposite rows (distances 0 and 2, where the clamp and the flags matter)
        // and a constant one (its unit row is NaN, and so are its fast distances: flagged)
        for (let k = 0; k < p; k++) {
          m.values[1 * p + k] = m.values[k];
          if (n > 3) m.values[3 * p + k] = -m.values[k];
          if (n > 4) m.values[4 * p + k] = 5;
        }
        const job = prepareDistanceJob(m, "correlation", { exactBelow: 0.05 });
        const unit = job.pearson!.unit;
        const grouped = groupRows(unit, n, p, new Float64Array(Math.ceil(n / 8) * 8 * p));
        const groups = Math.ceil(n / 8);
        // the fast distances as the JavaScript loop computes them
        const want = new Float64Array((n * (n - 1)) / 2);
        for (let i = 0, q = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++, q++) {
            let r = 0;
            for (let k = 0; k < p; k++) r += unit[i * p + k] * unit[j * p + k];
            want[q] = 1 - (r >= 1 ? 1 : r <= -1 ? -1 : r);
          }
        }
        for (const simd of [undefined, "avx2", "scalar"]) {
          for (const layout of [0, 1] as const) {
            const out = new Float64Array(layout === 0 ? want.length : n * n).fill(Number.NaN);
            const flags = new Uint8Array(n * groups).fill(7);
            dot(grouped, n, p, 0, n, out, layout, 0.05, flags, simd);
            const got = new Float64Array(want.length);
            for (let i = 0, q = 0; i < n; i++) {
              for (let j = i + 1; j < n; j++, q++) got[q] = layout === 0 ? out[q] : out[i * n + j];
            }
            expectSameBits(got, want, `n ${n} p ${p} kind ${kind} ${simd} layout ${layout}`);
            for (let i = 0, q = 0; i < n; i++) {
              const below = new Uint8Array(groups);
              for (let j = i + 1; j < n; j++, q++) if (!(want[q] >= 0.05)) below[j >> 3] = 1;
              // the groups where row i has pairs (columns past i)
              for (let g = (i + 1) >> 3; g < groups && i + 1 < n; g++) {
                expect(flags[i * groups + g], `flag of row ${i}, group ${g}`).toBe(below[g]);
              }
            }
          }
        }
      }
    }
  });

  it.runIf(built)(
    "fill the matrix through fillDistanceRows in chunks, with NAs left to the other loops",
    () => {
      useNativeDistances();
      for (const [n, kind] of [
        [301, 0],
        [300, 2],
      ]) {
        const m = matrix(n, 11, kind, n);
        const withNA = matrix(n, 11, kind, n);
        withNA.values[5 * 11 + 3] = Number.NaN;
        // (correlation with a high threshold: many pairs recomputed exactly, in R's long double)
        for (const [mm, metric] of [
          [m, "euclidean"],
          [withNA, "euclidean"],
          [m, "correlation"],
          [withNA, "correlation"],
          [m, "spearman"],
        ] as const) {
          const job = prepareDistanceJob(mm, metric, { exactBelow: 0.2 });
          for (const full of [false, true]) {
            const want = reference(job, full);
            useNativeDistances();
            const got = new Float64Array(want.length);
            for (let i = 0; i < n; i += 37) fillDistanceRows(job, i, Math.min(n, i + 37), got);
            expectSameBits(got, want, `n ${n} ${metric} full ${full} NA ${mm === withNA}`);
          }
        }
      }
    },
  );
});

describe("the native packed linkage", () => {
  it.runIf(built)("is in the helper, and useNativeLinkage hands it over unless told not to", () => {
    expect(typeof nativeHelper()?.updatePacked).toBe("function");
    expect(useNativeLinkage()).toBe(true);
    expect(hasNativeLinkage()).toBe(true);
    const before = process.env.CLUSTERHEAT_NATIVE_LINKAGE;
    process.env.CLUSTERHEAT_NATIVE_LINKAGE = "0";
    try {
      expect(useNativeLinkage()).toBe(false);
      expect(hasNativeLinkage()).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CLUSTERHEAT_NATIVE_LINKAGE;
      else process.env.CLUSTERHEAT_NATIVE_LINKAGE = before;
    }
  });

  it.runIf(built)(
    "gives the JavaScript loops' trees for every method on tied data, and auto takes it",
    async () => {
      const update = nativeHelper()!.updatePacked!;
      let calls = 0;
      const counting: NativePackedUpdate = (memory, params) => {
        calls++;
        update(memory, params);
      };
      for (const [n, p, kind] of [
        [300, 4, 2],
        [420, 3, 2],
        [257, 6, 0],
      ]) {
        const m = matrix(n, p, kind, n + p);
        for (const method of METHODS) {
          const options = { clusteringMethod: method, clusterCols: false };
          setNativeLinkage(null);
          const js = await clusterMatrix(m, options, { linkage: "packed", linkageKernel: false });
          const wasm = await clusterMatrix(m, options, { linkage: "packed" });
          setNativeLinkage(counting);
          calls = 0;
          const layouts: string[] = [];
          const native = await clusterMatrix(m, options, { onLinkage: (info) => layouts.push(info.layout) });
          expect(layouts, "auto chooses the packed layout when its update is native").toEqual(["packed"]);
          expect(calls, `${method}: one native update per step`).toBe(n - 1);
          for (const other of [wasm, native]) {
            const what = `n ${n} ${method}`;
            expect(Array.from(other.rows!.tree.merge), what).toEqual(Array.from(js.rows!.tree.merge));
            expectSameBits(other.rows!.tree.height, js.rows!.tree.height, what);
            expect(other.rows!.tree.order, what).toEqual(js.rows!.tree.order);
          }
        }
      }
    },
  );

  it.runIf(built && distBuilt("node/hclust-worker.js"))(
    "gives the same trees with every step split with the worker thread, which runs it natively too",
    () => {
      const script = `${CLUSTER_SCRIPT_IMPORTS}
const { useNativeLinkage } = await import(D + "/node/native.js");
const out = [];
for (const method of ${JSON.stringify(METHODS)}) {
  const rnd = randomSource(7);
  const n = 500, p = 3;
  const m = createMatrix(
    Float64Array.from({ length: n * p }, () => Math.floor(rnd() * 6)),
    Array.from({ length: n }, (_, i) => "g" + i),
    Array.from({ length: p }, (_, j) => "s" + j),
  );
  const trees = [];
  for (const native of [false, true]) {
    const on = native ? useNativeLinkage() : (process.env.CLUSTERHEAT_NATIVE_LINKAGE = "0", useNativeLinkage());
    delete process.env.CLUSTERHEAT_NATIVE_LINKAGE;
    const ctx = native ? { ...nodeClusterContext(2), linkage: "packed" } : { linkage: "packed", linkageKernel: false };
    const r = await clusterMatrix(m, { clusteringMethod: method, clusterCols: false }, ctx);
    trees.push({ on, tree: JSON.stringify([Array.from(r.rows.tree.merge), Array.from(r.rows.tree.height), r.rows.tree.order]) });
  }
  out.push({ method, native: trees.map((t) => t.on), same: trees[0].tree === trees[1].tree });
}
console.log(JSON.stringify(out));
`;
      const run = runDistScript(script, [], { env: { ...process.env, CLUSTERHEAT_HCLUST_SPLIT_MIN: "2" } });
      expect(run.status, run.stderr).toBe(0);
      const results = JSON.parse(run.stdout) as { method: string; native: boolean[]; same: boolean }[];
      expect(results).toHaveLength(METHODS.length);
      for (const r of results) {
        expect(r.native, r.method).toEqual([false, true]);
        expect(r.same, r.method).toBe(true);
      }
    },
  );
});
