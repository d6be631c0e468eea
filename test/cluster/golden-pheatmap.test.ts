/**
 * clusterMatrix held against pheatmap 1.0.12 itself (R 4.2.2) on
 * examples/dex30.tsv: the whole pipeline read → prepare → cluster, fixtures
 * written by test/golden/cluster/make-fixtures.R (pheatmap-dex30.json).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import type { Tree } from "../../src/cluster/tree.js";
import { readMatrix } from "../../src/io/matrix-reader.js";
import type { Matrix } from "../../src/matrix.js";
import { prepare } from "../../src/transform/prepare.js";
import {
  bitMismatch,
  closeMismatch,
  decodeDoubles,
  type GoldenPheatmap,
  type GoldenTree,
  goldenMatrix,
  intMismatch,
  loadGolden,
  loadGoldenDataset,
  mergeMismatch,
} from "../helpers/golden.js";

/** Heights: R computed `cor` in long double; ours agree to ~1e-12 relative to max(|h|, 1). */
const HEIGHT_TOL = 1e-12;

/**
 * The reference figure of the project's data notes (R 4.2.2, pheatmap 1.0.12):
 * pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation",
 * clustering_method = "ward.D2", cutree_rows = 2). Copied here, not read at test time.
 */
const README_ROW_ORDER = [
  "IL1B",
  "CCL2",
  "CXCL2",
  "CCL7",
  "ICAM1",
  "PTGS2",
  "CCL11",
  "IL6",
  "MKI67",
  "TNF",
  "CXCL8",
  "CXCL1",
  "VCAM1",
  "MMP3",
  "CXCL5",
  "DDIT4",
  "GADD45B",
  "TNFRSF9",
  "ANGPTL4",
  "RGS2",
  "CDKN1C",
  "KLF9",
  "TSC22D3",
  "PDK4",
  "PER1",
  "SGK1",
  "FKBP5",
  "ZBTB16",
  "DUSP1",
  "CRISPLD2",
];
const README_COL_ORDER = ["Dex_2", "Dex_1", "Dex_3", "Ctrl_2", "Ctrl_1", "Ctrl_3"];

const golden = loadGolden<GoldenPheatmap>("pheatmap-dex30");
const MAIN_CASE = "scale-row-correlation-ward.D2-cutree2";

function readDex30(): Matrix {
  const file = "examples/dex30.tsv";
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  return readMatrix(text, { file });
}

/** The leaf labels left to right: `labels[order]`. */
function drawnOrder(tree: Tree): string[] {
  return Array.from(tree.order, (o) => tree.labels[o - 1]);
}

/** Merge, order, heights of our tree against pheatmap's. Returns the messages of what differs. */
function treeMismatches(what: string, tree: Tree, expected: GoldenTree): string[] {
  const expectedHeight = decodeDoubles(expected.height);
  return [
    tree.labels.join(" ") === expected.labels.join(" ") ? null : `${what} labels: ${tree.labels.join(" ")}`,
    mergeMismatch(tree.merge, expected.merge, expected.labels, {
      actual: tree.height,
      expected: expectedHeight,
    }),
    intMismatch(`${what} order`, tree.order, expected.order),
    closeMismatch(`${what} height`, tree.height, expectedHeight, HEIGHT_TOL),
  ].filter((m): m is string => m !== null);
}

describe("pheatmap reference figures", () => {
  it("pheatmap fixture agrees with the data notes' stated orders", () => {
    const main = golden.cases.find((c) => c.name === MAIN_CASE)!;
    expect(main.rowOrder).toEqual(README_ROW_ORDER);
    expect(main.colOrder).toEqual(README_COL_ORDER);
    // the first six merge heights are exactly 0 in R
    expect(main.treeRow.height.hex.slice(0, 6)).toEqual(Array(6).fill("0x0p+0"));
  });
});

describe("readMatrix and prepare feed clustering the numbers R had", () => {
  it("readMatrix(examples/dex30.tsv) reads the same doubles as R's read.delim", () => {
    const m = readDex30();
    const r = loadGoldenDataset("dex30");
    expect(m.rowNames).toEqual(r.data.rowNames);
    expect(m.colNames).toEqual(r.data.colNames);
    expect(bitMismatch("dex30", m.values, goldenMatrix(r).values)).toBeNull();
  });

  it("prepare(dex30, { scale: 'row' }) is pheatmap's scale_rows bit for bit", () => {
    const m = prepare(readDex30(), { scale: "row" });
    const r = loadGoldenDataset("dex30-scaled");
    expect(m.rowNames).toEqual(r.data.rowNames);
    expect(bitMismatch("dex30 scaled", m.values, goldenMatrix(r).values)).toBeNull();
  });
});

describe("clusterMatrix vs pheatmap on dex30", () => {
  it.each(golden.cases.map((c) => [c.name, c] as const))("clusterMatrix on dex30: %s", async (_, c) => {
    const prepared = prepare(readDex30(), { scale: c.options.scale });
    const result = await clusterMatrix(prepared, {
      clusteringDistanceRows: c.options.clusteringDistanceRows,
      clusteringDistanceCols: c.options.clusteringDistanceCols,
      clusteringMethod: c.options.clusteringMethod,
      cutreeRows: c.options.cutreeRows,
    });
    expect(result.rows).not.toBeNull();
    expect(result.cols).not.toBeNull();
    // the drawn order, by name (result.matrix stays in input order; the trees' order draws it)
    expect(drawnOrder(result.rows!.tree)).toEqual(c.rowOrder);
    expect(drawnOrder(result.cols!.tree)).toEqual(c.colOrder);
    // the trees, step by step; the column tree was built on the matrix reordered by the row tree
    expect(treeMismatches("rows", result.rows!.tree, c.treeRow)).toEqual([]);
    expect(treeMismatches("cols", result.cols!.tree, c.treeCol)).toEqual([]);
    if (c.rowClusters !== null) {
      // R's cutree(tree_row, k): input row order, ids by first appearance
      expect(intMismatch("row clusters", result.rows!.clusters!, c.rowClusters)).toBeNull();
    }
  });
});
