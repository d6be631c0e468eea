/**
 * seaborn's and ComplexHeatmap's figures: one snapshot per new option
 * (axis titles, center, robust, standard scale, a plain heatmap, numbers in
 * cells, the correlation matrix and its mask, row/column splits, k-means
 * splits), on small inputs, plus the checks behind them: the masked dex30
 * correlation draws exactly the 465 cells on and below the diagonal, each
 * block's tree is the tree of that block alone, the k-means blocks are the
 * seeded k-means groups. UPDATE_GOLDEN=1 accepts changes (snapshot.ts).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import { kmeans } from "../../src/cluster/kmeans.js";
import { UsageError } from "../../src/errors.js";
import { formatFigureClusters } from "../../src/io/figure-clusters.js";
import { colorDefaults } from "../../src/layout/rules.js";
import { type Annotation, createMatrix, type Matrix, selectRows } from "../../src/matrix.js";
import { normalizeFigureOptions, type Options } from "../../src/options.js";
import { type PipelineInput, runPipeline } from "../../src/pipeline.js";
import { expectSnapshot } from "./snapshot.js";

const examples = new URL("../../examples/", import.meta.url);
const file = (name: string) => ({ bytes: readFileSync(new URL(name, examples)), file: name });
const dex30 = file("dex30.tsv");

/** 8 genes × 6 samples: 3 up in B, 3 down, 2 flat; one missing value. */
const small: Matrix = createMatrix(
  [
    [2.1, 2.4, 1.9, 6.2, 5.8, 6.6],
    [1.2, 1.0, 1.5, 4.9, 5.3, 5.1],
    [3.0, 2.7, 3.3, 7.1, 6.4, 6.9],
    [6.1, 5.7, 6.4, 2.2, 1.8, 2.5],
    [5.2, 5.5, 4.9, 1.1, 1.6, Number.NaN],
    [7.4, 7.0, 7.7, 3.9, 3.3, 3.6],
    [4.0, 4.2, 3.8, 4.1, 3.9, 4.3],
    [3.5, 3.1, 3.4, 3.6, 3.2, 3.3],
  ].flat(),
  ["UP1", "UP2", "UP3", "DN1", "DN2", "DN3", "FL1", "FL2"],
  ["A_1", "A_2", "A_3", "B_1", "B_2", "B_3"],
);
const cols: Annotation = {
  tracks: [
    { name: "Group", kind: "categorical", values: ["A", "A", "A", "B", "B", "B"], levels: ["A", "B"] },
  ],
};
const rowSheet: Annotation = {
  tracks: [
    {
      name: "Kind",
      kind: "categorical",
      values: ["up", "up", "up", "down", "down", "down", "flat", "flat"],
      levels: ["flat", "up", "down"],
    },
  ],
};
const annotated: PipelineInput = { matrix: { ...small, colAnnotation: cols, rowAnnotation: rowSheet } };
const plain = { clusterRows: false, clusterCols: false };
/** `small` without its missing value (k-means needs complete rows). */
const complete: Matrix = { ...small, values: small.values.map((v) => (Number.isNaN(v) ? 1.3 : v)) };

const CASES: [string, PipelineInput, Partial<Options>][] = [
  ["seaborn-plain-axis-titles", { matrix: small }, { ...plain, xlab: "Samples", ylab: "Genes" }],
  [
    "seaborn-annot-lines",
    { matrix: small },
    { ...plain, displayNumbers: true, numberFormat: ".1f", borderColor: "white", borderWidth: 0.5 },
  ],
  ["seaborn-center", { matrix: small }, { center: 4 }],
  ["seaborn-robust", { matrix: small }, { robust: true }],
  ["seaborn-standard-scale", { matrix: small }, { standardScale: "row" }],
  ["seaborn-clustermap-ward", annotated, { scale: "row", clusteringMethod: "ward.D2", center: 0 }],
  ["correlation-rows", { matrix: small }, { correlation: "rows" }],
  ["correlation-cols-spearman", { matrix: small }, { correlation: "cols", correlationMethod: "spearman" }],
  ["correlation-mask-upper", { matrix: small }, { correlation: "rows", mask: "upper" }],
  ["correlation-mask-lower-plain", { matrix: small }, { correlation: "rows", mask: "lower", ...plain }],
  ["split-rows-by", annotated, { splitRowsBy: "Kind" }],
  ["split-cols-by", annotated, { splitColsBy: "Group", scale: "row" }],
  ["split-rows-cluster-splits", annotated, { splitRowsBy: "Kind", clusterSplits: true }],
  ["split-rows-unclustered", annotated, { splitRowsBy: "Kind", clusterRows: false }],
  [
    "kmeans-split-rows",
    { matrix: { ...complete, colAnnotation: cols } },
    { kmeansSplitRows: 2, scale: "row" },
  ],
];

describe("seaborn and ComplexHeatmap figures", () => {
  for (const [name, input, options] of CASES) {
    it(`runPipeline draws ${name}`, async () => {
      const result = await runPipeline(input, options);
      expectSnapshot(name, result.scene!);
    });
  }
});

describe("correlation figures", () => {
  it("dex30 gene–gene correlation with mask upper draws exactly the 465 cells on and below the diagonal, square", async () => {
    const r = await runPipeline({ matrix: dex30 }, { correlation: "rows", mask: "upper" });
    const cells = r.scene!.groups.find((g) => g.name === "cells")!.items;
    expect(cells).toHaveLength(465);
    const g = r.scene!.geometry;
    for (const c of cells) {
      if (c.type !== "rect") throw new Error("cells are rects");
      expect(c.width).toBe(c.height);
      const i = g.rows.start.findIndex((s) => Math.abs(s - c.y) < 1e-6);
      const j = g.cols.start.findIndex((s) => Math.abs(s - c.x) < 1e-6);
      expect(j).toBeLessThanOrEqual(i);
      // the same tree on both axes: the diagonal holds each gene against itself
      if (i === j) expect(g.rows.names[i]).toBe(g.cols.names[j]);
    }
    expect(g.rows.names).toEqual(g.cols.names);
  });

  it("a correlation figure's legend is RdBu_r from −1 to 1 titled by the method", async () => {
    const r = await runPipeline({ matrix: small }, { correlation: "rows", correlationMethod: "kendall" });
    const texts = r
      .scene!.groups.find((g) => g.name === "legend")!
      .items.flatMap((p) => (p.type === "text" ? [p.text] : []));
    expect(texts[0]).toBe("Kendall τ");
    expect(texts).toContain("-1");
    expect(texts).toContain("1");
    expect(r.drawn.nrow).toBe(8);
    expect(r.rows!.tree).toBe(r.cols!.tree);
  });

  it("the tree of a clustered correlation matrix is hclust(as.dist(1 − r)): the correlation-distance tree of the rows", async () => {
    const r = await runPipeline({ matrix: small }, { correlation: "rows", clusteringMethod: "average" });
    const direct = await clusterMatrix(small, {
      clusteringDistanceRows: "correlation",
      clusteringMethod: "average",
      clusterCols: false,
    });
    expect(Array.from(r.rows!.tree.merge)).toEqual(Array.from(direct.rows!.tree.merge));
    expect(Array.from(r.rows!.tree.height)).toEqual(Array.from(direct.rows!.tree.height));
  });

  it("mask without correlation, or correlation with one axis clustered, is a usage error", async () => {
    await expect(runPipeline({ matrix: small }, { mask: "upper" })).rejects.toThrow(UsageError);
    await expect(runPipeline({ matrix: small }, { correlation: "rows", clusterCols: false })).rejects.toThrow(
      UsageError,
    );
  });
});

describe("color limits (seaborn's center and robust)", () => {
  const values = Float64Array.from({ length: 101 }, (_, i) => i); // 0 … 100
  const rule = (o: Partial<Options>) =>
    colorDefaults({ options: normalizeFigureOptions(o), scale: "none", values });

  it("center: the breaks are symmetric around it, reaching the farther of min and max", () => {
    const c = rule({ center: 30 });
    expect(c.breaks[0]).toBe(-40);
    expect(c.breaks[c.breaks.length - 1]).toBe(100);
    expect(c.breaks[50]).toBeCloseTo(30, 12);
    expect(c.palette).toBe("RdBu_r");
  });

  it("robust: the breaks run from the 2nd to the 98th percentile (numpy's linear)", () => {
    const c = rule({ robust: true });
    expect(c.breaks[0]).toBe(2);
    expect(c.breaks[c.breaks.length - 1]).toBe(98);
  });

  it("robust and center together: symmetric around center over the robust range", () => {
    const c = rule({ robust: true, center: 90 });
    expect(c.breaks[0]).toBe(2);
    expect(c.breaks[c.breaks.length - 1]).toBe(178);
  });
});

describe("split axes", () => {
  it("each block's tree is the tree of that block clustered alone", async () => {
    const r = await runPipeline(annotated, { splitRowsBy: "Kind", clusteringMethod: "average" });
    expect(r.rows).toBeNull();
    expect(r.rowSplit!.groups.map((g) => g.level)).toEqual(["flat", "up", "down"]);
    for (const g of r.rowSplit!.groups) {
      const members = [...g.index].sort((a, b) => a - b);
      const alone = await clusterMatrix(selectRows(small, members), {
        clusteringMethod: "average",
        clusterCols: false,
      });
      if (members.length < 2) expect(g.tree).toBeNull();
      else {
        expect(Array.from(g.tree!.merge)).toEqual(Array.from(alone.rows!.tree.merge));
        expect(Array.from(g.tree!.height)).toEqual(Array.from(alone.rows!.tree.height));
      }
    }
    // blocks follow the levels' order, and the drawn order is block by block
    expect(r.drawn.rowNames.slice(0, 2).sort()).toEqual(["FL1", "FL2"]);
  });

  it("cluster-splits orders the blocks by their means and joins their trees into one", async () => {
    const r = await runPipeline(annotated, { splitRowsBy: "Kind", clusterSplits: true });
    const tree = r.rows!.tree;
    expect(tree.labels).toEqual(small.rowNames);
    expect(Array.from(tree.order, (o) => o - 1)).toEqual(r.rowOrder);
    expect(tree.height[tree.height.length - 1]).toBeGreaterThan(
      Math.max(...r.rowSplit!.groups.flatMap((g) => Array.from(g.tree?.height ?? []))),
    );
  });

  it("kmeans-split-rows: the blocks are the seeded k-means groups, listed by --write-clusters", async () => {
    const r = await runPipeline({ matrix: complete }, { kmeansSplitRows: 2, kmeansSeed: 3 });
    const km = kmeans(complete, 2, { seed: 3, starts: 10 });
    expect(Array.from(r.rowSplit!.membership)).toEqual(Array.from(km.cluster));
    expect(r.rowSplit!.levels).toEqual(["1", "2"]);
    const table = formatFigureClusters(r).trim().split("\n");
    expect(table[0]).toBe("axis\tname\tcluster\tposition\tsplit");
    for (const line of table.slice(1, 9)) {
      const [, name, , , split] = line.split("\t");
      expect(split).toBe(String(km.cluster[small.rowNames.indexOf(name)]));
    }
  });

  it("cutree with a split, or two row splits, is a usage error", async () => {
    await expect(runPipeline(annotated, { splitRowsBy: "Kind", cutreeRows: 2 })).rejects.toThrow(UsageError);
    await expect(runPipeline(annotated, { splitRowsBy: "Kind", kmeansSplitRows: 2 })).rejects.toThrow(
      UsageError,
    );
    await expect(runPipeline({ matrix: small }, { splitRowsBy: "Kind" })).rejects.toThrow(/gene sheet/);
  });

  it("standard-scale with scale is a usage error", async () => {
    await expect(runPipeline({ matrix: small }, { scale: "row", standardScale: "row" })).rejects.toThrow(
      UsageError,
    );
  });
});
