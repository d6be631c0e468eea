/**
 * The full symmetric layout of the linkage (issue 10): the distances filled
 * straight into it are those of the condensed triangle, bit for bit, on every
 * metric and every split of the rows between threads; expandToFull agrees;
 * clusterMatrix gives the same tree on both layouts, on tied data, with the
 * full layout's loops in WebAssembly (its memory) and in JavaScript.
 */
import { describe, expect, it, vi } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import { expandToFull, pairCount, pairIndex } from "../../src/cluster/dist-matrix.js";
import { fillDistanceRows, prepareDistanceJob } from "../../src/cluster/distance.js";
import { freshMemoryCost, hugeProbeAdvised } from "../../src/cluster/memory-cost.js";
import { randomSource } from "../../src/cluster/random.js";
import { CancelledError } from "../../src/errors.js";
import { createMatrix, selectRows } from "../../src/matrix.js";
import { DISTANCES, METHODS } from "../../src/options.js";

function matrix(n: number, p: number, levels: number, withNA: boolean, seed = 5) {
  const rnd = randomSource(seed);
  const v = Float64Array.from(
    { length: n * p },
    () => Math.floor(rnd() * levels) + rnd() * 0.001 * (levels > 3 ? 1 : 0),
  );
  for (let k = 0; k < p; k++) v[2 * p + k] = v[0 * p + k] + 0.5; // a shifted copy
  if (withNA) {
    v[4 * p + 1] = Number.NaN;
    v[7 * p + 0] = Number.NaN;
  }
  return createMatrix(
    v,
    Array.from({ length: n }, (_, i) => `g${i}`),
    Array.from({ length: p }, (_, j) => `s${j}`),
  );
}

describe("full layout", () => {
  it.each(DISTANCES.map((d) => [d]))(
    "fillDistanceRows(%s) into n × n equals the condensed fill",
    (metric) => {
      for (const [n, p, withNA] of [
        [37, 6, false],
        [70, 9, true],
      ] as const) {
        const m = matrix(n, p, 7, withNA);
        for (const exactBelow of [Number.POSITIVE_INFINITY, 1e-3]) {
          const job = prepareDistanceJob(m, metric, { exactBelow });
          const condensed = new Float64Array(pairCount(n));
          fillDistanceRows(job, 0, n, condensed);
          for (const cuts of [
            [0, n],
            [0, 5, 21, n],
            [0, 1, 17, 18, 40, n],
          ]) {
            const full = new Float64Array(n * n).fill(-1);
            for (let c = 0; c + 1 < cuts.length; c++)
              fillDistanceRows(job, cuts[c], Math.min(n, cuts[c + 1]), full);
            for (let i = 0; i < n; i++) {
              expect(full[i * n + i]).toBe(0);
              for (let j = i + 1; j < n; j++) {
                const want = condensed[pairIndex(n, i, j)];
                expect(Object.is(full[i * n + j], want)).toBe(true);
                expect(Object.is(full[j * n + i], want)).toBe(true);
              }
            }
            const expanded = new Float64Array(n * n);
            expanded.set(condensed);
            expect(Array.from(expandToFull(expanded, n).values)).toEqual(Array.from(full));
          }
        }
      }
    },
  );

  it.each([["euclidean"], ["correlation"]] as const)(
    "fillDistanceRows(%s) into n × n equals the condensed fill across several blocks and tiles",
    (metric) => {
      const n = 600;
      const m = matrix(n, 5, 7, false);
      const job = prepareDistanceJob(m, metric, { exactBelow: 1e-3 });
      const condensed = new Float64Array(pairCount(n));
      fillDistanceRows(job, 0, n, condensed);
      for (const cuts of [
        [0, n],
        [0, 3, 259, 300, 577, n],
      ]) {
        const full = new Float64Array(n * n).fill(-1);
        for (let c = 0; c + 1 < cuts.length; c++) fillDistanceRows(job, cuts[c], cuts[c + 1], full);
        let wrong = 0;
        for (let i = 0; i < n; i++) {
          if (full[i * n + i] !== 0) wrong++;
          for (let j = i + 1; j < n; j++) {
            const want = condensed[pairIndex(n, i, j)];
            if (!Object.is(full[i * n + j], want) || !Object.is(full[j * n + i], want)) wrong++;
          }
        }
        expect(wrong).toBe(0);
      }
    },
  );

  it.each(METHODS.map((m) => [m]))(
    "clusterMatrix(%s) gives the same tree on the full and packed layouts, ties included",
    async (method) => {
      for (const seed of [1, 2, 3]) {
        const m = matrix(120, 4, 3, false, seed);
        const packed = await clusterMatrix(m, { clusteringMethod: method }, { linkage: "packed" });
        const full = await clusterMatrix(m, { clusteringMethod: method }, { linkage: "full" });
        for (const axis of ["rows", "cols"] as const) {
          expect(Array.from(full[axis]!.tree.merge)).toEqual(Array.from(packed[axis]!.tree.merge));
          expect(Array.from(full[axis]!.tree.height)).toEqual(Array.from(packed[axis]!.tree.height));
          expect(Array.from(full[axis]!.tree.order)).toEqual(Array.from(packed[axis]!.tree.order));
        }
      }
    },
  );

  it("falls back to the packed layout when the full matrix cannot be allocated (auto)", async () => {
    const m = matrix(60, 4, 3, false, 4);
    const layouts: string[] = [];
    const refusing = (length: number) => {
      if (length === 60 * 60) throw new RangeError("Array buffer allocation failed");
      return new Float64Array(length);
    };
    const want = await clusterMatrix(m, { clusterCols: false }, { linkage: "packed" });
    // neither the WebAssembly memory of the kernels nor a plain buffer can be had
    const memory = vi.spyOn(WebAssembly, "Memory").mockImplementation(() => {
      throw new RangeError("WebAssembly.Memory(): could not allocate memory");
    });
    try {
      const got = await clusterMatrix(
        m,
        { clusterCols: false },
        { allocate: refusing, onLinkage: (i) => layouts.push(i.layout) },
      );
      expect(memory).toHaveBeenCalled();
      expect(Array.from(got.rows!.tree.merge)).toEqual(Array.from(want.rows!.tree.merge));
      expect(Array.from(got.rows!.tree.height)).toEqual(Array.from(want.rows!.tree.height));
    } finally {
      memory.mockRestore();
    }
    expect(layouts).toEqual(["packed"]);
    // without the kernels, the plain buffer alone
    await clusterMatrix(
      m,
      { clusterCols: false },
      { allocate: refusing, linkageKernel: false, onLinkage: (i) => layouts.push(i.layout) },
    );
    expect(layouts).toEqual(["packed", "packed"]);
    // a forced layout does not fall back
    await expect(
      clusterMatrix(m, { clusterCols: false }, { allocate: refusing, linkage: "full", linkageKernel: false }),
    ).rejects.toThrow(RangeError);
  });

  it("chooses the packed layout from 4,000 rows where fresh memory is costly", async () => {
    const m = matrix(4000, 2, 7, false, 6);
    /** The layout "auto" (or `linkage`) chooses for the rows, stopping the run there. */
    const layoutFor = async (
      rows: number,
      memoryCost: () => number,
      linkage?: "full" | "packed",
      hugePages?: (view: Float64Array) => boolean,
    ) => {
      const stop = new AbortController();
      let layout = "";
      const run = clusterMatrix(
        selectRows(
          m,
          Array.from({ length: rows }, (_, i) => i),
        ),
        { clusterCols: false },
        {
          memoryCost,
          signal: stop.signal,
          ...(linkage ? { linkage } : {}),
          ...(hugePages ? { hugePages } : {}),
          onLinkage: (i) => {
            layout = i.layout;
            stop.abort();
          },
        },
      );
      await expect(run).rejects.toThrow(CancelledError);
      return layout;
    };
    const costly = vi.fn(() => 3.8);
    expect(await layoutFor(4000, costly)).toBe("packed");
    expect(await layoutFor(4000, () => 0.3)).toBe("full");
    expect(await layoutFor(4000, () => Number.NaN)).toBe("full");
    costly.mockClear();
    // asked for, or below 4,000 rows, the cost is not measured
    expect(await layoutFor(4000, costly, "full")).toBe("full");
    expect(await layoutFor(3999, costly)).toBe("full");
    expect(costly).not.toHaveBeenCalled();
    // in huge pages the full layout still wins at 2.7–3.8 ms per MB; it is costly from 4.5
    const huge = () => true;
    expect(await layoutFor(4000, () => 3.8, undefined, huge)).toBe("full");
    expect(await layoutFor(4000, () => 2.7, undefined, huge)).toBe("full");
    expect(await layoutFor(4000, () => 4.6, undefined, huge)).toBe("packed");
  });

  it("measures the first touch of fresh memory once", () => {
    const cost = freshMemoryCost();
    expect(cost).toBeGreaterThanOrEqual(0);
    expect(freshMemoryCost()).toBe(cost);
  });

  it("measures huge pages apart, advising the probe as the matrix will be", () => {
    const views: number[] = [];
    const advise = vi.fn((view: Float64Array) => {
      views.push(view.byteLength);
      return true;
    });
    const cost = freshMemoryCost(advise);
    expect(cost).toBeGreaterThanOrEqual(0);
    expect(views).toEqual([16 * 1024 * 1024]);
    expect(freshMemoryCost(advise)).toBe(cost);
    expect(advise).toHaveBeenCalledTimes(1);
    expect(hugeProbeAdvised()).toBe(true);
  });

  it("asks for huge pages for the matrix before it is filled, and the trees do not change", async () => {
    const m = matrix(60, 3, 3, true, 4);
    for (const [linkage, linkageKernel] of [
      ["full", true],
      ["packed", true],
      ["packed", false],
    ] as const) {
      const advised: { length: number; blank: boolean }[] = [];
      const told: boolean[] = [];
      const hugePages = (view: Float64Array) => {
        advised.push({ length: view.length, blank: view.every((v) => v === 0) });
        return true;
      };
      const onLinkage = (i: { hugePages: boolean }) => told.push(i.hugePages);
      const plain = await clusterMatrix(m, {}, { linkage, linkageKernel });
      const huge = await clusterMatrix(m, {}, { linkage, linkageKernel, hugePages, onLinkage });
      const length = (n: number) => (linkage === "full" ? n * n : pairCount(n));
      expect(advised).toEqual([
        { length: length(60), blank: true },
        { length: length(3), blank: true },
      ]);
      expect(told).toEqual([true, true]);
      for (const axis of ["rows", "cols"] as const) {
        expect(Array.from(huge[axis]!.tree.merge)).toEqual(Array.from(plain[axis]!.tree.merge));
        expect(Array.from(huge[axis]!.tree.height)).toEqual(Array.from(plain[axis]!.tree.height));
      }
    }
  });

  it("fills the matrix in WebAssembly memory, where the linkage's loops run, with the same trees", async () => {
    for (const method of METHODS) {
      const m = matrix(150, 4, 3, false, 9);
      const seen: boolean[] = [];
      const onLinkage = (i: { wasm: boolean }) => seen.push(i.wasm);
      const run = (linkage: "full" | "packed", linkageKernel: boolean) =>
        clusterMatrix(m, { clusteringMethod: method }, { linkage, linkageKernel, onLinkage });
      const want = await run("packed", false);
      const got = [await run("full", true), await run("full", false), await run("packed", true)];
      expect(seen).toEqual([false, false, true, true, false, false, true, true]);
      for (const r of got) {
        for (const axis of ["rows", "cols"] as const) {
          expect(Array.from(r[axis]!.tree.merge)).toEqual(Array.from(want[axis]!.tree.merge));
          expect(Array.from(r[axis]!.tree.height)).toEqual(Array.from(want[axis]!.tree.height));
          expect(Array.from(r[axis]!.tree.order)).toEqual(Array.from(want[axis]!.tree.order));
        }
      }
    }
  });
});
