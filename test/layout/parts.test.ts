import { describe, expect, it } from "vitest";
import { kmeansLabels } from "../../src/cluster/kmeans.js";
import type { Tree } from "../../src/cluster/tree.js";
import { layoutDendrogram } from "../../src/layout/dendrogram.js";
import { axisStarts, gapPositions } from "../../src/layout/gaps.js";
import {
  axisLabels,
  colWidthNeeded,
  hangingText,
  rowLabelsFit,
  sceneAngle,
} from "../../src/layout/labels.js";
import { colorBar, legendTicks } from "../../src/layout/legend.js";
import { numberFormatter } from "../../src/layout/number-format.js";
import { borderDefaults, colorDefaults } from "../../src/layout/rules.js";
import { defaultCellHeight, defaultCellWidth } from "../../src/layout/size.js";
import { type FigureOptions, normalizeOptions, pickGroup } from "../../src/options.js";

const figure = (given: Record<string, unknown> = {}) =>
  pickGroup<FigureOptions>(normalizeOptions(given), "figure") as FigureOptions;

describe("gaps", () => {
  it("gapPositions(n, clusters) puts a gap between consecutive drawn rows whose cluster differs", () => {
    expect(gapPositions(6, [2, 2, 1, 1, 1, 3], null)).toEqual([1, 4]);
  });
  it("gapPositions(n, clusters, manual) adds 1-based manual gaps, drops those past the end, and merges duplicates", () => {
    expect(gapPositions(6, [1, 1, 1, 2, 2, 2], [3, 5, 6, 9])).toEqual([2, 4]);
    expect(gapPositions(4, null, null)).toEqual([]);
  });
  it("axisStarts(n, size, gaps) shifts every row after a gap by 4 pt", () => {
    expect(axisStarts(5, 10, [1, 3])).toEqual([0, 10, 24, 34, 48]);
  });
});

describe("labels", () => {
  it("rowLabelsFit(cellHeight, fontSize) needs rows at least 0.9 × the font size high", () => {
    expect(rowLabelsFit(9, 10)).toBe(true);
    expect(rowLabelsFit(8.9, 10)).toBe(false);
    expect(rowLabelsFit(7.2, 8)).toBe(true);
  });
  it("colWidthNeeded(fontSize, angle, widest) depends on the angle", () => {
    expect(colWidthNeeded(10, 270, 50)).toBe(9);
    expect(colWidthNeeded(10, 45, 50)).toBeCloseTo(9 / Math.SQRT1_2, 9);
    expect(colWidthNeeded(10, 0, 50)).toBe(56);
  });
  it("sceneAngle(angleCol) turns pheatmap's counter-clockwise angles into the Scene's clockwise ones", () => {
    expect([0, 45, 90, 270, 315].map(sceneAngle)).toEqual([0, 315, 270, 90, 45]);
  });
  it("hangingText(text, x, y, size, 270) reads downwards from the point, letters centred on x", () => {
    const t = hangingText("Dex_1", 100, 50, 10, 270);
    expect(t).toMatchObject({ angle: 90, anchor: "start", y: 50 });
    expect(t.x).toBeLessThan(100);
  });
  it("axisLabels(names, given) takes a list in order, or a record with names as the fallback", () => {
    expect(axisLabels(["a", "b"], { b: "B" }, "labelsRow")).toEqual(["a", "B"]);
    expect(axisLabels(["a", "b"], ["x", ""], "labelsRow")).toEqual(["x", ""]);
    expect(() => axisLabels(["a", "b"], ["x"], "labelsRow")).toThrow(/labelsRow has 1 labels for 2 rows/);
  });
  it("kmeansLabels(km) names the centers as pheatmap", () => {
    expect(kmeansLabels({ size: Int32Array.from([23, 7]) })).toEqual([
      "Cluster: 1 Size: 23",
      "Cluster: 2 Size: 7",
    ]);
  });
});

describe("layoutDendrogram", () => {
  // R: merge = rbind(c(-1, -2), c(-3, 1)), height = c(1, 2), order = c(3, 1, 2)
  const tree: Tree = {
    labels: ["a", "b", "c"],
    merge: Int32Array.from([-1, -2, -3, 1]),
    height: Float64Array.from([1, 2]),
    order: Int32Array.from([3, 1, 2]),
    method: "complete",
    distance: "euclidean",
  };
  it("layoutDendrogram(tree, top) draws each merge as legs from the cell centres up to its relative height", () => {
    const { path, branches } = layoutDendrogram(tree, {
      side: "top",
      centres: [5, 15, 25],
      halfCell: 5,
      base: 100,
      height: 50,
      stroke: "#000000",
      strokeWidth: 1,
    });
    expect(path.d).toBe("M 15 100 L 15 75 L 25 75 L 25 100 M 5 100 L 5 50 L 20 50 L 20 75");
    expect(branches).toEqual([
      { step: 1, x: 10, y: 75, width: 20, height: 25, first: 1, last: 2 },
      { step: 2, x: 0, y: 50, width: 30, height: 50, first: 0, last: 2 },
    ]);
  });
  it("layoutDendrogram(tree, left) mirrors the same tree beside the rows, and follows shifted centres (gaps)", () => {
    const { path } = layoutDendrogram(tree, {
      side: "left",
      centres: [5, 19, 29],
      halfCell: 5,
      base: 60,
      height: 40,
      stroke: "#000000",
      strokeWidth: 1,
    });
    expect(path.d).toBe("M 60 19 L 40 19 L 40 29 L 60 29 M 60 5 L 20 5 L 20 24 L 40 24");
  });
});

describe("numberFormatter", () => {
  it("numberFormatter(printf) formats as R's sprintf", () => {
    expect(numberFormatter("%.2f")!(1.005)).toBe((1.005).toFixed(2));
    expect(numberFormatter("%.1e")!(12345)).toBe("1.2e+04");
    expect(numberFormatter("%g")!(0.0001234)).toBe("0.0001234");
    expect(numberFormatter("%g")!(1234567)).toBe("1.23457e+06");
    expect(numberFormatter("%d")!(-3.2)).toBe("-3");
    expect(numberFormatter("%.1f%%")!(12.34)).toBe("12.3%");
    expect(numberFormatter("%+.1f")!(2)).toBe("+2.0");
    expect(numberFormatter("%.2f")!(Number.NaN)).toBe("NA");
  });
  it("numberFormatter(python) formats as Python's format spec", () => {
    expect(numberFormatter(".2f")!(1.23456)).toBe("1.23");
    expect(numberFormatter("{:.1%}")!(0.256)).toBe("25.6%");
    expect(numberFormatter(",.0f")!(1234567)).toBe("1,234,567");
  });
  it("numberFormatter(nonsense) is null", () => {
    expect(numberFormatter("abc")).toBeNull();
  });
});

describe("legend", () => {
  it("legendTicks(spec) keeps given ticks inside the breaks' range, with their labels", () => {
    expect(
      legendTicks({ breaks: [0, 5, 10], ticks: [-1, 0, 5, 11], labels: ["x", "lo", "mid", "y"] }),
    ).toEqual([
      { value: 0, label: "lo" },
      { value: 5, label: "mid" },
    ]);
  });
  it("legendTicks(spec) defaults to R's pretty ticks, thinned when too close", () => {
    expect(legendTicks({ breaks: [-1.06, 1.06] }).map((t) => t.label)).toEqual([
      "-1",
      "-0.5",
      "0",
      "0.5",
      "1",
    ]);
    expect(legendTicks({ breaks: [-1.06, 1.06] }, 0.6).map((t) => t.label)).toEqual(["-1", "0", "1"]);
  });
  it("colorBar(spec) draws one rect per color, the top color at the top", () => {
    const bar = colorBar({
      colors: ["#000000", "#ffffff"],
      breaks: [0, 1, 2],
      title: "v",
      height: 100,
      fontSize: 9,
      titleSize: 10,
    });
    const rects = bar.items.filter((p) => p.type === "rect");
    expect(rects).toHaveLength(2);
    expect(rects[1]).toMatchObject({ fill: "#ffffff" });
    expect(rects[1].y).toBeLessThan(rects[0].y);
  });
});

describe("rules", () => {
  const values = Float64Array.from([1, 2, 3]);
  it("colorDefaults picks viridis for positive data, RdBu_r centred for scaled data or data crossing 0", () => {
    expect(colorDefaults({ options: figure(), scale: "none", values })).toMatchObject({
      palette: "viridis",
      legendTitle: "value",
    });
    const scaled = colorDefaults({ options: figure(), scale: "row", values: Float64Array.from([-1, 2]) });
    expect(scaled).toMatchObject({ palette: "RdBu_r", legendTitle: "z-score" });
    expect(scaled.breaks[0]).toBe(-2);
    const crossing = colorDefaults({ options: figure(), scale: "none", values: Float64Array.from([-1, 2]) });
    expect(crossing.palette).toBe("RdBu_r");
    expect(crossing.breaks[0]).toBe(-2);
  });
  it("colorDefaults with style pheatmap gives pheatmap's palette, uncentred breaks and no title", () => {
    const c = colorDefaults({
      options: figure({ style: "pheatmap" }),
      scale: "none",
      values: Float64Array.from([-1, 2]),
    });
    expect(c).toMatchObject({ palette: "pheatmap", legendTitle: null, steps: 100 });
    expect(c.breaks[0]).toBe(-1);
  });
  it("colorDefaults takes the color count from given breaks", () => {
    expect(colorDefaults({ options: figure({ breaks: [0, 1, 2] }), scale: "none", values }).steps).toBe(2);
  });
  it("borderDefaults turns borders on for large cells of small matrices, off under 3 pt whatever is given", () => {
    const o = figure();
    expect(borderDefaults(o, { width: 20, height: 10, nrow: 30, ncol: 6 }).color).toBe("#ffffff");
    expect(borderDefaults(o, { width: 20, height: 5, nrow: 30, ncol: 6 }).color).toBeNull();
    expect(borderDefaults(o, { width: 20, height: 10, nrow: 300, ncol: 6 }).color).toBeNull();
    expect(
      borderDefaults(figure({ borderColor: "red" }), { width: 2, height: 10, nrow: 3, ncol: 3 }).color,
    ).toBeNull();
    expect(
      borderDefaults(figure({ style: "pheatmap" }), { width: 5, height: 5, nrow: 300, ncol: 6 }),
    ).toEqual({
      color: "#999999",
      width: 0.75,
    });
  });
});

describe("size", () => {
  it("default cells: a 30 × 6 matrix gets rows 1.25 × the font and columns 2.2 × the font", () => {
    expect(defaultCellHeight({ n: 30, gaps: 0 }, 10)).toBe(12.5);
    expect(defaultCellWidth({ n: 6, gaps: 0 }, 10, 375)).toBe(22);
  });
  it("default cells: a 1,000 × 128 matrix fits 7 × 9 in", () => {
    const h = defaultCellHeight({ n: 1000, gaps: 3 }, 10);
    expect(1000 * h + 3 * 4).toBeCloseTo(648, 9);
    expect(128 * defaultCellWidth({ n: 128, gaps: 0 }, 10, 648)).toBeCloseTo(504, 9);
  });
});
