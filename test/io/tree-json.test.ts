import { describe, expect, it } from "vitest";
import { cutree } from "../../src/cluster/cutree.js";
import { reorderByWeights } from "../../src/cluster/leaf-order.js";
import { hclustOrder, type Tree } from "../../src/cluster/tree.js";
import { UsageError } from "../../src/errors.js";
import { treeToJson } from "../../src/io/tree-json.js";
import { caseTree, treeCases } from "../golden/trees/trees.js";

const c = treeCases().find((t) => t.name === "dex30-correlation-ward.D2")!;

describe("treeToJson", () => {
  it("treeToJson(tree) has R's hclust fields: merge rows, 1-based order, method, dist_method", () => {
    const json = treeToJson(caseTree(c));
    expect(Object.keys(json)).toEqual(["labels", "merge", "height", "order", "method", "dist_method"]);
    expect(json.labels).toEqual(c.labels);
    expect(json.merge.length).toBe(c.n - 1);
    expect(json.merge.flat()).toEqual(c.merge);
    expect(json.height).toEqual(c.height);
    expect(json.order).toEqual(c.order);
    expect(json.method).toBe("ward.D2");
    expect(json.dist_method).toBe("correlation");
  });

  it("treeToJson(tree, clusters) adds the cut, and survives JSON text exactly", () => {
    const tree = caseTree(c);
    const json = treeToJson(tree, cutree(tree, { k: 2 }));
    expect(json.clusters).toEqual(c.cutree_k[1]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("treeToJson(tree) keeps merge and order in agreement after a reordering", () => {
    const reordered = reorderByWeights(caseTree(c), Float64Array.from(c.weights));
    const json = treeToJson(reordered);
    expect(Array.from(hclustOrder(Int32Array.from(json.merge.flat()), c.n))).toEqual(json.order);
    expect(json.order).toEqual(c.reorder_order);
  });

  it("treeToJson(tree, clusters) refuses clusters of the wrong length", () => {
    const tree: Tree = caseTree(c);
    expect(() => treeToJson(tree, new Int32Array(3))).toThrow(UsageError);
  });
});
