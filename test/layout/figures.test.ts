/**
 * One named snapshot per figure and per figure option: the pipeline runs on
 * small inputs (dex30 and a 10 × 5 slice of it) and the Scene and its SVG are
 * held against goldens (snapshot.ts). Set UPDATE_GOLDEN=1 to accept changes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectingLogger } from "../../src/log.js";
import { type Annotation, createMatrix, type Matrix } from "../../src/matrix.js";
import type { Options } from "../../src/options.js";
import { type PipelineInput, runPipeline } from "../../src/pipeline.js";
import { expectSnapshot } from "./snapshot.js";

const examples = new URL("../../examples/", import.meta.url);
const file = (name: string) => ({ bytes: readFileSync(new URL(name, examples)), file: name });
const dex30 = file("dex30.tsv");
const samples = file("dex30.samples.tsv");

/** 10 genes × 5 samples, one missing value. */
const small: Matrix = createMatrix(
  [
    14.76,
    14.83,
    14.64,
    17.22,
    17.28,
    12.81,
    12.83,
    12.82,
    16.57,
    16.66,
    10.12,
    10.31,
    10.02,
    13.52,
    13.49,
    11.46,
    11.38,
    11.52,
    14.02,
    14.11,
    8.21,
    8.35,
    8.12,
    12.44,
    12.61,
    9.92,
    9.84,
    10.07,
    7.35,
    7.22,
    12.85,
    12.99,
    12.7,
    9.61,
    Number.NaN,
    11.12,
    11.05,
    11.31,
    8.02,
    8.15,
    9.44,
    9.51,
    9.28,
    9.5,
    9.36,
    13.1,
    13.35,
    13.22,
    10.2,
    10.05,
  ],
  ["DUSP1", "FKBP5", "KLF9", "PER1", "ZBTB16", "IL6", "IL1B", "CXCL8", "MKI67", "CCL2"],
  ["Ctrl_1", "Ctrl_2", "Ctrl_3", "Dex_1", "Dex_2"],
);
const smallCols: Annotation = {
  tracks: [
    {
      name: "Group",
      kind: "categorical",
      values: ["Ctrl", "Ctrl", "Ctrl", "Dex", "Dex"],
      levels: ["Ctrl", "Dex"],
    },
    { name: "Depth", kind: "continuous", values: Float64Array.from([21.5, 30.2, Number.NaN, 25, 18.4]) },
  ],
};
const smallRows: Annotation = {
  tracks: [
    {
      name: "Response",
      kind: "categorical",
      values: ["up", "up", "up", "up", "up", "down", "down", "down", null, "down"],
      levels: ["up", "down", "unused"],
    },
  ],
};
const smallInput: PipelineInput = { matrix: small };
const annotated: PipelineInput = {
  matrix: { ...small, colAnnotation: smallCols, rowAnnotation: smallRows },
};

const stage2: Partial<Options> = {
  color: "RdBu_r",
  scale: "row",
  borderColor: "none",
  fontsizeRow: 8,
  fontsizeCol: 10,
};

const CASES: [string, PipelineInput, Partial<Options>][] = [
  ["dex30-stage1", { matrix: dex30 }, {}],
  ["dex30-stage2", { matrix: dex30, annotationCol: samples }, stage2],
  [
    "dex30-stage3",
    { matrix: dex30, annotationCol: samples },
    { ...stage2, clusteringDistanceRows: "correlation", clusteringMethod: "ward.D2", cutreeRows: 2 },
  ],
  ["annotations-row-col", annotated, { scale: "row" }],
  [
    "annotations-no-names-no-legend",
    annotated,
    { annotationNamesRow: false, annotationNamesCol: false, annotationLegend: false },
  ],
  [
    "annotations-keep-levels",
    annotated,
    { dropLevels: false, annotationColors: { Group: { Ctrl: "grey60", Dex: "firebrick" } } },
  ],
  ["display-numbers", smallInput, { displayNumbers: true, numberFormat: "%.1f" }],
  [
    "display-numbers-table",
    smallInput,
    {
      displayNumbers: {
        rowNames: ["IL6", "DUSP1"],
        colNames: ["Dex_1", "Ctrl_1"],
        cells: ["*", "**", "", "***"],
      },
      numberColor: "black",
      fontsizeNumber: 12,
    },
  ],
  ["gaps-manual", smallInput, { clusterRows: false, clusterCols: false, gapsRow: [2, 5], gapsCol: [3] }],
  ["gaps-cutree-cols", smallInput, { cutreeRows: 3, cutreeCols: 2 }],
  ["labels-hidden", smallInput, { cellheight: 5 }],
  [
    "labels-custom",
    smallInput,
    { labelsRow: { DUSP1: "dual specificity phosphatase 1", IL6: "" }, labelsCol: ["a", "b", "c", "d", "e"] },
  ],
  ["show-names-off", smallInput, { showRownames: false, showColnames: false }],
  ["angle-col-0", smallInput, { angleCol: 0 }],
  ["angle-col-45", smallInput, { angleCol: 45 }],
  ["angle-col-90", smallInput, { angleCol: 90 }],
  ["angle-col-315", smallInput, { angleCol: 315 }],
  ["kmeans", { matrix: dex30 }, { kmeansRows: 4, scale: "row" }],
  ["legend-breaks", smallInput, { legendBreaks: [8, 12, 16], legendLabels: ["low", "mid", "high"] }],
  ["legend-off", smallInput, { legend: false }],
  ["breaks-given", smallInput, { breaks: [6, 9, 12, 15, 18], color: ["white", "orange", "red", "darkred"] }],
  ["treeheight-0", smallInput, { treeheightRow: 0, treeheightCol: 0 }],
  ["main-title", smallInput, { main: "Dexamethasone response" }],
  ["style-pheatmap", smallInput, { style: "pheatmap", width: 4, height: 4 }],
  ["width-height", smallInput, { width: 5, height: 3 }],
  ["cell-size-borders", smallInput, { cellwidth: 20, cellheight: 14, borderColor: "grey30", borderWidth: 1 }],
  ["palette-classes", smallInput, { color: "Blues", colorClasses: 5, colorSteps: 12, naCol: "black" }],
  ["fontsize", smallInput, { fontsize: 14 }],
  // large-matrix and labelling options, on small inputs
  ["raster-always", smallInput, { raster: "always" }],
  [
    "raster-summary-max-abs",
    smallInput,
    { raster: "always", rasterSummary: "max-abs", cellheight: 0.3, dpi: 72 },
  ],
  ["raster-cutree", smallInput, { raster: "always", cutreeRows: 3, cutreeCols: 2 }],
  ["color-branches", smallInput, { cutreeRows: 3, cutreeCols: 2, colorBranches: true }],
  [
    "label-rows-cols",
    smallInput,
    { labelRows: ["IL6", "DUSP1", "CCL2", "MKI67"], labelCols: ["Dex_1", "Ctrl_2"] },
  ],
  [
    "label-rows-crowded",
    { matrix: dex30 },
    { cellheight: 2, labelRows: ["DUSP1", "FKBP5", "KLF9", "PER1", "ZBTB16"] },
  ],
  ["legend-bottom", annotated, { legendPosition: "bottom", scale: "row" }],
];

describe("layoutHeatmap snapshots", () => {
  for (const [name, input, options] of CASES) {
    it(`layoutHeatmap draws ${name}`, async () => {
      const logger = collectingLogger();
      const result = await runPipeline(input, options, { logger });
      const scene = result.scene!;
      scene.provenance = { ...scene.provenance, version: "test" };
      expectSnapshot(name, scene);
    });
  }

  it("layoutHeatmap warns once about hidden row labels, naming the options that show them", async () => {
    const logger = collectingLogger();
    const result = await runPipeline(smallInput, { cellheight: 5 }, { logger });
    const hidden = logger.warnings.filter((w) => w.includes("row labels"));
    expect(hidden).toEqual([
      "10 row labels are not drawn: rows are 5 pt high, too low for 10 pt text; show them with cellheight 9 or fontsizeRow 5.5",
    ]);
    expect(result.scene!.groups.find((g) => g.name === "labels-rows")).toBeUndefined();
  });
});
