import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("index", () => {
  it("index exports exactly the public API (update this list on purpose)", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "AGGREGATES",
        "CancelledError",
        "ClusterheatError",
        "DISTANCES",
        "DUPLICATE_ROWS",
        "DataError",
        "LEAF_ORDERS",
        "METHODS",
        "OPTION_SPECS",
        "SCALES",
        "UsageError",
        "aggregateCols",
        "clusterMatrix",
        "collectingLogger",
        "createMatrix",
        "cutree",
        "distAt",
        "distanceMatrix",
        "formatClusterTable",
        "formatMatrixTsv",
        "formatNewick",
        "hclust",
        "hclustOrder",
        "kmeans",
        "log2Transform",
        "normalizeClusterOptions",
        "normalizePrepOptions",
        "optimalLeafOrder",
        "pairIndex",
        "parseNameList",
        "prepare",
        "rMean",
        "rSd",
        "rVar",
        "readAnnotation",
        "readMatrix",
        "reorderByWeights",
        "scaleMatrix",
        "selectCols",
        "selectRows",
        "selectRowsByName",
        "silentLogger",
        "topVariableRows",
        "transpose",
        "treeToJson",
      ].sort(),
    );
  });

  it("the library clusters dex30 as pheatmap does, from the package entry", async () => {
    const { readFileSync } = await import("node:fs");
    const m = api.prepare(api.readMatrix(readFileSync("examples/dex30.tsv"), { file: "dex30.tsv" }), {
      scale: "row",
    });
    const r = await api.clusterMatrix(m, {
      clusteringDistanceRows: "correlation",
      clusteringMethod: "ward.D2",
      cutreeRows: 2,
    });
    const order = Array.from(r.rows!.tree.order, (o) => m.rowNames[o - 1]);
    expect(order.slice(0, 5)).toEqual(["IL1B", "CCL2", "CXCL2", "CCL7", "ICAM1"]);
    expect(Array.from(r.cols!.tree.order, (o) => m.colNames[o - 1])).toEqual([
      "Dex_2",
      "Dex_1",
      "Dex_3",
      "Ctrl_2",
      "Ctrl_1",
      "Ctrl_3",
    ]);
  });
});
