import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("index", () => {
  it("index exports exactly the public API (update this list on purpose)", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "AGGREGATES",
        "ANGLES",
        "COLORBLIND_SAFE_PALETTES",
        "CancelledError",
        "ClusterheatError",
        "DISTANCES",
        "DUPLICATE_ROWS",
        "DataError",
        "LEAF_ORDERS",
        "METHODS",
        "Message",
        "OPTIONS",
        "OPTION_SPECS",
        "OptionError",
        "PALETTE_NAMES",
        "SCALES",
        "STYLES",
        "UsageError",
        "aggregateCols",
        "annotationColors",
        "checkCombinations",
        "clusterMatrix",
        "collectingLogger",
        "colorRampPalette",
        "colorScale",
        "createMatrix",
        "cutree",
        "defaultBreaks",
        "distAt",
        "distanceMatrix",
        "formatClusterTable",
        "formatFigureClusters",
        "formatMatrixTsv",
        "formatNewick",
        "hclust",
        "hclustAsync",
        "hclustOrder",
        "heatmap",
        "kmeans",
        "layoutHeatmap",
        "log2Transform",
        "measureText",
        "msg",
        "normalizeClusterOptions",
        "normalizeFigureOptions",
        "normalizeOptions",
        "normalizePrepOptions",
        "opt",
        "optimalLeafOrder",
        "pairIndex",
        "parseColor",
        "parseKind",
        "parseNameList",
        "prepare",
        "prettyTicks",
        "rMean",
        "rSd",
        "rVar",
        "readAnnotation",
        "readMatrix",
        "renderCanvas",
        "renderSvg",
        "reorderByWeights",
        "reserveLinkageMemory",
        "resolvePalette",
        "rowMeansR",
        "runPipeline",
        "scaleMatrix",
        "selectCols",
        "selectRows",
        "selectRowsByName",
        "silentLogger",
        "textColorOn",
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
