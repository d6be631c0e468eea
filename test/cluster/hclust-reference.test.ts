/**
 * The fast hclust against a slow, obviously-correct transcription of the
 * procedure of R's hclust described in src/cluster/hclust.ts (full n × n matrix, plain loops, no active list,
 * no shortcuts), on seeded random data with many ties: both layouts, mirror batches of every size, and
 * the full layout's WebAssembly loops (wasm/linkage.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DistMatrix, expandToFull, pairIndex } from "../../src/cluster/dist-matrix.js";
import { hclust } from "../../src/cluster/hclust.js";
import { UPDATES } from "../../src/cluster/updates.js";
import { createLinkageArena } from "../../src/cluster/wasm/linkage.js";
import { METHODS, type Method } from "../../src/options.js";

/** Survivor pairs and heights by the textbook procedure. */
function referenceLinkage(d: DistMatrix, method: Method): { pairs: [number, number][]; height: number[] } {
  const n = d.n;
  const D: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = d.values[pairIndex(n, i, j)];
      D[i][j] = D[j][i] = method === "ward.D2" ? v * v : v;
    }
  }
  const alive = new Array<boolean>(n).fill(true);
  const size = new Array<number>(n).fill(1);
  const NN = new Array<number>(n).fill(-1);
  const DISNN = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const recompute = (i: number) => {
    NN[i] = -1;
    DISNN[i] = Number.POSITIVE_INFINITY;
    for (let j = i + 1; j < n; j++) {
      if (alive[j] && D[i][j] < DISNN[i]) {
        DISNN[i] = D[i][j];
        NN[i] = j;
      }
    }
  };
  for (let i = 0; i < n - 1; i++) recompute(i);
  const pairs: [number, number][] = [];
  const height: number[] = [];
  for (let step = 0; step < n - 1; step++) {
    let best = -1;
    for (let i = 0; i < n - 1; i++) if (alive[i] && (best < 0 || DISNN[i] < DISNN[best])) best = i;
    const i2 = best;
    const j2 = NN[best];
    const dij = DISNN[best];
    pairs.push([i2, j2]);
    height.push(method === "ward.D2" ? Math.sqrt(dij) : dij);
    alive[j2] = false;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === i2) continue;
      D[i2][k] = D[k][i2] = UPDATES[method](D[i2][k], D[j2][k], dij, size[i2], size[j2], size[k]);
      if (k < i2 && D[k][i2] < DISNN[k]) {
        DISNN[k] = D[k][i2];
        NN[k] = i2;
      }
    }
    size[i2] += size[j2];
    recompute(i2);
    for (let i = 0; i < n - 1; i++) if (alive[i] && i !== i2 && (NN[i] === i2 || NN[i] === j2)) recompute(i);
  }
  return { pairs, height };
}

/** The survivor pair of each merge, read back from an R-style merge matrix. */
function survivorPairs(merge: Int32Array, n: number): [number, number][] {
  const lead = new Array<number>(n - 1);
  const pairs: [number, number][] = [];
  for (let s = 0; s < n - 1; s++) {
    const rep = (e: number) => (e < 0 ? -e - 1 : lead[e - 1]);
    const a = rep(merge[2 * s]);
    const b = rep(merge[2 * s + 1]);
    lead[s] = Math.min(a, b);
    pairs.push([Math.min(a, b), Math.max(a, b)]);
  }
  return pairs;
}

/** The same distances in the full symmetric layout (hclust's fast path). */
function full(d: DistMatrix): DistMatrix {
  const values = new Float64Array(d.n * d.n);
  values.set(d.values);
  return expandToFull(values, d.n);
}

/**
 * hclust on the distances in a WebAssembly memory (either layout), where its
 * loops run in WebAssembly; checks that its state was allocated there (so
 * the kernels were bound).
 */
function hclustWasm(
  d: DistMatrix,
  method: Method,
  labels: string[],
  layout: "full" | "packed",
  mirrorBatch?: number,
) {
  const arena = createLinkageArena(d.n, false, layout);
  if (!arena) throw new Error("no WebAssembly linkage memory here");
  arena.values.set(layout === "full" ? full(d).values : d.values);
  const dist: DistMatrix =
    layout === "full" ? { n: d.n, values: arena.values, layout } : { n: d.n, values: arena.values };
  const tree = hclust(dist, method, labels, "euclidean", { inPlace: true, mirrorBatch });
  expect(arena.used).toBeGreaterThan(arena.values.length * 8);
  return tree;
}

/** Random condensed distances drawn from a few values, so that ties are everywhere. */
const tiedDistances = fc
  .record({ n: fc.integer({ min: 2, max: 24 }), levels: fc.integer({ min: 1, max: 6 }), seed: fc.integer() })
  .chain(({ n, levels }) =>
    fc
      .array(fc.integer({ min: 1, max: levels }), {
        minLength: (n * (n - 1)) / 2,
        maxLength: (n * (n - 1)) / 2,
      })
      .map((v) => ({ n, values: Float64Array.from(v, (x) => x / 2) })),
  );

describe("hclust against the reference procedure", () => {
  it.each(METHODS.map((m) => [m]))(
    "hclust(%s) merges the same pairs at the same heights on tied data",
    (method) => {
      fc.assert(
        fc.property(tiedDistances, (d) => {
          const labels = Array.from({ length: d.n }, (_, i) => `r${i}`);
          const ref = referenceLinkage(d, method);
          for (const [layout, mirrorBatch] of [
            [d, undefined],
            [full(d), undefined],
            [full(d), 1],
            [full(d), 3],
          ] as const) {
            const tree = hclust(layout, method, labels, "euclidean", { mirrorBatch });
            expect(survivorPairs(tree.merge, d.n)).toEqual(ref.pairs);
            expect(Array.from(tree.height)).toEqual(ref.height);
          }
          for (const [layout, mirrorBatch] of [
            ["packed", undefined],
            ["full", undefined],
            ["full", 1],
            ["full", 3],
          ] as const) {
            const tree = hclustWasm(d, method, labels, layout, mirrorBatch);
            expect(survivorPairs(tree.merge, d.n)).toEqual(ref.pairs);
            expect(Array.from(tree.height)).toEqual(ref.height);
          }
        }),
        { numRuns: 150, seed: 20261121 },
      );
    },
  );

  it("hclust(average) agrees with the reference on continuous random data", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }).chain((n) =>
          fc
            .array(fc.double({ min: 0, max: 10, noNaN: true }), {
              minLength: (n * (n - 1)) / 2,
              maxLength: (n * (n - 1)) / 2,
            })
            .map((v) => ({ n, values: Float64Array.from(v) })),
        ),
        (d) => {
          const labels = Array.from({ length: d.n }, (_, i) => `r${i}`);
          const ref = referenceLinkage(d, "average").pairs;
          expect(survivorPairs(hclust(d, "average", labels).merge, d.n)).toEqual(ref);
          expect(survivorPairs(hclust(full(d), "average", labels).merge, d.n)).toEqual(ref);
          for (const mirrorBatch of [1, 2]) {
            const tree = hclust(full(d), "average", labels, "euclidean", { mirrorBatch });
            expect(survivorPairs(tree.merge, d.n)).toEqual(ref);
          }
          for (const layout of ["full", "packed"] as const)
            expect(survivorPairs(hclustWasm(d, "average", labels, layout).merge, d.n)).toEqual(ref);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it("hclust leaves the input distances untouched unless inPlace", () => {
    const d = { n: 3, values: Float64Array.from([1, 2, 3]) };
    hclust(d, "ward.D2", ["a", "b", "c"]);
    expect(Array.from(d.values)).toEqual([1, 2, 3]);
  });

  it("expandToFull mirrors the condensed triangle into the n × n matrix", () => {
    for (const n of [2, 3, 7, 65, 130]) {
      const m = (n * (n - 1)) / 2;
      const d = { n, values: Float64Array.from({ length: m }, (_, k) => k + 1) };
      const f = full(d);
      for (let i = 0; i < n; i++) {
        expect(f.values[i * n + i]).toBe(0);
        for (let j = i + 1; j < n; j++) {
          expect(f.values[i * n + j]).toBe(d.values[pairIndex(n, i, j)]);
          expect(f.values[j * n + i]).toBe(d.values[pairIndex(n, i, j)]);
        }
      }
    }
  });
});
