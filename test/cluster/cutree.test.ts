import { describe, expect, it } from "vitest";
import { cutree } from "../../src/cluster/cutree.js";
import type { Tree } from "../../src/cluster/tree.js";
import { UsageError } from "../../src/errors.js";
import { caseTree, treeCases } from "../golden/trees/trees.js";

function tree(merge: number[], height: number[], order: number[], labels?: string[]): Tree {
  const n = order.length;
  return {
    labels: labels ?? Array.from({ length: n }, (_, i) => `o${i + 1}`),
    merge: Int32Array.from(merge),
    height: Float64Array.from(height),
    order: Int32Array.from(order),
    method: "complete",
    distance: "euclidean",
  };
}

// ((3, (1, 4)), 2) … merges: {1,4} at 1, {3,{1,4}} at 2, all at 3
const small = tree([-1, -4, -3, 1, -2, 2], [1, 2, 3], [2, 3, 1, 4]);

describe("cutree", () => {
  it("cutree(tree, {k}) numbers clusters by first appearance in input order", () => {
    expect(Array.from(cutree(small, { k: 4 }))).toEqual([1, 2, 3, 4]);
    expect(Array.from(cutree(small, { k: 3 }))).toEqual([1, 2, 3, 1]);
    expect(Array.from(cutree(small, { k: 2 }))).toEqual([1, 2, 1, 1]);
    expect(Array.from(cutree(small, { k: 1 }))).toEqual([1, 1, 1, 1]);
  });

  it("cutree(tree, {h}) applies the merges of height ≤ h", () => {
    expect(Array.from(cutree(small, { h: 0.5 }))).toEqual([1, 2, 3, 4]);
    expect(Array.from(cutree(small, { h: 1 }))).toEqual([1, 2, 3, 1]);
    expect(Array.from(cutree(small, { h: 2.9 }))).toEqual([1, 2, 1, 1]);
    expect(Array.from(cutree(small, { h: Number.POSITIVE_INFINITY }))).toEqual([1, 1, 1, 1]);
    expect(Array.from(cutree(small, { h: -1 }))).toEqual([1, 2, 3, 4]);
  });

  it("cutree(tree, {k}) refuses k outside 1 … n or not an integer", () => {
    for (const k of [0, 5, 1.5, Number.NaN]) expect(() => cutree(small, { k })).toThrow(UsageError);
  });

  it("cutree(tree, {h}) refuses unsorted heights and NaN", () => {
    const inverted = tree([-1, -4, -3, 1, -2, 2], [1, 0.8, 3], [2, 3, 1, 4]);
    expect(() => cutree(inverted, { h: 2 })).toThrow(/not sorted/);
    expect(Array.from(cutree(inverted, { k: 2 }))).toEqual([1, 2, 1, 1]);
    expect(() => cutree(small, { h: Number.NaN })).toThrow(UsageError);
  });

  it("cutree(tree, {k}) on one leaf", () => {
    expect(Array.from(cutree(tree([], [], [1]), { k: 1 }))).toEqual([1]);
  });

  describe.each(treeCases().map((c) => [c.name, c] as const))("cutree on R's %s", (_, c) => {
    const t = caseTree(c);
    it("cutree(tree, {k}) equals R's cutree for every k", () => {
      for (let k = 1; k <= c.n; k++)
        expect(Array.from(cutree(t, { k })), `k = ${k}`).toEqual(c.cutree_k[k - 1]);
    });
    it("cutree(tree, {h}) equals R's cutree at every height, midpoint and beyond", () => {
      if (!c.sorted) {
        expect(c.h_error).toMatch(/not sorted/);
        expect(() => cutree(t, { h: c.height[0] })).toThrow(UsageError);
        return;
      }
      c.cut_h.forEach((h, i) => {
        expect(Array.from(cutree(t, { h })), `h = ${h}`).toEqual(c.cutree_h[i]);
      });
    });
  });
});
