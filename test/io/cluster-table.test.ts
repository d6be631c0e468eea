import { describe, expect, it } from "vitest";
import type { Tree } from "../../src/cluster/tree.js";
import { UsageError } from "../../src/errors.js";
import { formatClusterTable } from "../../src/io/cluster-table.js";

const tree: Tree = {
  labels: ["A", "B", "C"],
  merge: Int32Array.from([-1, -2, -3, 1]),
  height: Float64Array.from([0.5, 2]),
  order: Int32Array.from([3, 1, 2]),
  method: "complete",
  distance: "euclidean",
};

describe("formatClusterTable", () => {
  it("formatClusterTable(tree, names, clusters) lists rows in drawn order with 1-based positions", () => {
    expect(formatClusterTable(tree, tree.labels, Int32Array.from([1, 1, 2]), "gene")).toBe(
      "gene\tcluster\tposition\nC\t2\t1\nA\t1\t2\nB\t1\t3\n",
    );
  });

  it("formatClusterTable(null, names, clusters) keeps the input order", () => {
    expect(formatClusterTable(null, ["x", "y"], Int32Array.from([2, 1]))).toBe(
      "name\tcluster\tposition\nx\t2\t1\ny\t1\t2\n",
    );
  });

  it("formatClusterTable(tree, names, null) leaves the cluster column out", () => {
    expect(formatClusterTable(tree, tree.labels, null)).toBe("name\tposition\nC\t1\nA\t2\nB\t3\n");
  });

  it("formatClusterTable quotes names holding tabs, line breaks or quotes", () => {
    expect(formatClusterTable(null, ['a"b', "c\td"], null)).toBe('name\tposition\n"a""b"\t1\n"c\td"\t2\n');
  });

  it("formatClusterTable refuses names or clusters of the wrong length", () => {
    expect(() => formatClusterTable(tree, ["A", "B"], null)).toThrow(UsageError);
    expect(() => formatClusterTable(null, ["A", "B"], Int32Array.of(1))).toThrow(UsageError);
  });
});
