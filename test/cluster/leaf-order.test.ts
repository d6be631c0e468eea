import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutree } from "../../src/cluster/cutree.js";
import { type DistMatrix, distAt } from "../../src/cluster/dist-matrix.js";
import { optimalLeafOrder, orientMerge, reorderByWeights } from "../../src/cluster/leaf-order.js";
import { hclustOrder, type Tree } from "../../src/cluster/tree.js";
import { UsageError } from "../../src/errors.js";
import { caseDist, caseTree, treeCases } from "../golden/trees/trees.js";

/** Sum of the distances between neighbours in a leaf order (1-based observations). */
function pathLength(d: DistMatrix, order: Int32Array | number[]): number {
  let sum = 0;
  for (let p = 1; p < order.length; p++) sum += distAt(d, order[p - 1] - 1, order[p] - 1);
  return sum;
}

function makeTree(merge: Int32Array, n: number): Tree {
  return {
    labels: Array.from({ length: n }, (_, i) => `o${i + 1}`),
    merge,
    height: Float64Array.from({ length: n - 1 }, (_, s) => s + 1),
    order: hclustOrder(merge, n),
    method: "average",
    distance: "euclidean",
  };
}

/** A random binary tree on n leaves from a list of pair choices (R's merge conventions not needed). */
function randomMerge(n: number, picks: number[]): Int32Array {
  const nodes = Array.from({ length: n }, (_, i) => -(i + 1));
  const merge = new Int32Array(2 * (n - 1));
  for (let s = 0; s < n - 1; s++) {
    const a = nodes.splice(picks[2 * s] % nodes.length, 1)[0];
    const b = nodes.splice(picks[2 * s + 1] % nodes.length, 1)[0];
    merge[2 * s] = a;
    merge[2 * s + 1] = b;
    nodes.push(s + 1);
  }
  return merge;
}

/** The least path length over all 2^(n−1) flips of the merges, by enumeration. */
function bruteForceOptimum(tree: Tree, d: DistMatrix): number {
  const n = tree.labels.length;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const merge = Int32Array.from(tree.merge);
    for (let s = 0; s < n - 1; s++) {
      if (mask & (1 << s)) [merge[2 * s], merge[2 * s + 1]] = [merge[2 * s + 1], merge[2 * s]];
    }
    best = Math.min(best, pathLength(d, hclustOrder(merge, n)));
  }
  return best;
}

/** The same clusters at every k: the topology did not change. */
function expectSameTopology(a: Tree, b: Tree): void {
  for (let k = 1; k <= a.labels.length; k++) expect(cutree(b, { k })).toEqual(cutree(a, { k }));
}

describe("orientMerge", () => {
  it("orientMerge(tree) swaps the rows whose second entry is drawn first", () => {
    const merge = Int32Array.from([-1, -2, -3, 1]);
    const tree: Tree = { ...makeTree(merge, 3), order: Int32Array.from([3, 2, 1]) };
    expect(Array.from(orientMerge(tree))).toEqual([-2, -1, -3, 1]);
  });

  it("orientMerge(tree) refuses an order that splits a cluster", () => {
    const tree: Tree = {
      ...makeTree(Int32Array.from([-1, -2, -3, 1]), 3),
      order: Int32Array.from([1, 3, 2]),
    };
    expect(() => orientMerge(tree)).toThrow(UsageError);
  });
});

describe("reorderByWeights", () => {
  it("reorderByWeights(tree, w) puts the lighter child first, keeps ties, NaN last", () => {
    const tree = makeTree(Int32Array.from([-1, -2, -3, -4, 1, 2]), 4);
    expect(Array.from(reorderByWeights(tree, Float64Array.from([2, 1, 0, 5])).order)).toEqual([2, 1, 3, 4]);
    expect(Array.from(reorderByWeights(tree, Float64Array.from([1, 1, -3, 1])).order)).toEqual([3, 4, 1, 2]);
    expect(Array.from(reorderByWeights(tree, Float64Array.from([Number.NaN, 1, 0, 0])).order)).toEqual([
      3, 4, 2, 1,
    ]);
  });

  it("reorderByWeights(tree, w) refuses weights of the wrong length", () => {
    const tree = makeTree(Int32Array.from([-1, -2]), 2);
    expect(() => reorderByWeights(tree, new Float64Array(3))).toThrow(UsageError);
  });

  it.each(treeCases().map((c) => [c.name, c] as const))(
    "reorderByWeights(tree, rowMeans) equals R's reorder(as.dendrogram(hc), wts) on %s",
    (_, c) => {
      const tree = caseTree(c);
      const out = reorderByWeights(tree, Float64Array.from(c.weights));
      expect(Array.from(out.order)).toEqual(c.reorder_order);
      expect(out.order).toEqual(hclustOrder(out.merge, c.n));
      expectSameTopology(tree, out);
    },
  );
});

describe("optimalLeafOrder", () => {
  it.each(treeCases().map((c) => [c.name, c] as const))(
    "optimalLeafOrder(tree, d) reaches seriation's OLO path length on %s",
    (_, c) => {
      const tree = caseTree(c);
      const d = caseDist(c);
      const out = optimalLeafOrder(tree, d);
      const length = pathLength(d, out.order);
      expect(length).toBeCloseTo(c.olo_path_length, 10);
      expect(length).toBeLessThanOrEqual(c.hclust_path_length + 1e-12);
      expect(out.order).toEqual(hclustOrder(out.merge, c.n));
      expectSameTopology(tree, out);
      expect(out.height).toEqual(tree.height);
    },
  );

  it("optimalLeafOrder(tree, d) equals the brute-force optimum on random small trees, ties included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 36, maxLength: 36 }),
        fc.boolean(),
        (n, picks, values, integer) => {
          const merge = randomMerge(n, picks);
          const tree = makeTree(merge, n);
          const count = (n * (n - 1)) / 2;
          // small integers give many ties; otherwise spread them out
          const d: DistMatrix = {
            n,
            values: Float64Array.from({ length: count }, (_, i) =>
              integer ? values[i] : values[i] + i / 37,
            ),
          };
          const out = optimalLeafOrder(tree, d);
          expect(pathLength(d, out.order)).toBeCloseTo(bruteForceOptimum(tree, d), 9);
          expectSameTopology(tree, out);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it("optimalLeafOrder(tree, d) keeps trees of one and two leaves", () => {
    const two = makeTree(Int32Array.from([-1, -2]), 2);
    expect(Array.from(optimalLeafOrder(two, { n: 2, values: Float64Array.of(1) }).order)).toEqual([1, 2]);
    const one = makeTree(new Int32Array(0), 1);
    expect(Array.from(optimalLeafOrder(one, { n: 1, values: new Float64Array(0) }).order)).toEqual([1]);
  });

  it("optimalLeafOrder(tree, d) refuses a distance matrix of another size", () => {
    const tree = makeTree(Int32Array.from([-1, -2]), 2);
    expect(() => optimalLeafOrder(tree, { n: 3, values: new Float64Array(3) })).toThrow(UsageError);
  });
});
