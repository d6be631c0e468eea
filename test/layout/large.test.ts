/**
 * Large matrices and labelled subsets: raster cells (resolution, summaries,
 * the PNG encoder), dendrograms cut into the pixel grid, colored branches,
 * spread labels with leader lines, and a 20,000 × 50 figure whose SVG stays
 * small.
 */
import { inflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tree } from "../../src/cluster/tree.js";
import { colorScale } from "../../src/color/color-scale.js";
import { layoutDendrogram } from "../../src/layout/dendrogram.js";
import { layoutHeatmap } from "../../src/layout/heatmap.js";
import { markPositions, spreadLabels } from "../../src/layout/marks.js";
import {
  blockPixels,
  groupBounds,
  type RasterGrid,
  segments,
  summarize,
  useRaster,
} from "../../src/layout/raster.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";
import { normalizeOptions } from "../../src/options.js";
import { runPipeline } from "../../src/pipeline.js";
import { encodePng } from "../../src/render/png-encode.js";
import { renderSvg } from "../../src/render/svg.js";

/** A balanced hclust-shaped tree over n leaves in input order (heights grow with the subtree size). */
function balancedTree(n: number): Tree {
  const merge = new Int32Array(2 * (n - 1));
  const height = new Float64Array(n - 1);
  let level: { entry: number; size: number }[] = Array.from({ length: n }, (_, i) => ({
    entry: -(i + 1),
    size: 1,
  }));
  let s = 0;
  while (level.length > 1) {
    const next: { entry: number; size: number }[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      merge[2 * s] = level[i].entry;
      merge[2 * s + 1] = level[i + 1].entry;
      const size = level[i].size + level[i + 1].size;
      height[s] = Math.log2(size);
      s++;
      next.push({ entry: s, size });
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return {
    labels: Array.from({ length: n }, (_, i) => `g${i}`),
    merge,
    height,
    order: Int32Array.from({ length: n }, (_, i) => i + 1),
    method: "average",
    distance: "correlation",
  };
}

/** Chunks of a PNG: type → data. */
function pngChunks(png: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = new Map<string, Uint8Array>();
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.set(type, png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return out;
}

describe("spreadLabels", () => {
  it("spreadLabels keeps labels apart by the spacing, in order, within the range, closest to their rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (raw, spacing) => {
          const targets = [...raw].sort((a, b) => a - b);
          const lo = 0;
          const hi = 500;
          const y = spreadLabels(targets, spacing, lo, hi);
          expect(y).toHaveLength(targets.length);
          for (let i = 1; i < y.length; i++) expect(y[i] - y[i - 1]).toBeGreaterThanOrEqual(spacing - 1e-9);
          if ((targets.length - 1) * spacing <= hi - lo) {
            expect(y[0]).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(y[y.length - 1]).toBeLessThanOrEqual(hi + 1e-9);
          }
          // labels that already stand apart stay on their rows
          const apart = targets.every((t, i) => i === 0 || t - targets[i - 1] >= spacing);
          if (apart) for (let i = 0; i < y.length; i++) expect(y[i]).toBeCloseTo(targets[i], 9);
        },
      ),
    );
  });

  it("spreadLabels spreads a crowd symmetrically around it and pushes it off the range's end", () => {
    expect(spreadLabels([5, 5, 5], 2, 0, 100)).toEqual([3, 5, 7]);
    expect(spreadLabels([0, 0, 1], 2, 0, 100)).toEqual([0, 2, 4]);
    expect(spreadLabels([99, 100], 2, 0, 100)).toEqual([98, 100]);
    // more labels than the range holds: centred on it
    expect(spreadLabels([0, 0, 0], 10, 0, 10)).toEqual([-5, 5, 15]);
  });

  it("markPositions finds names in drawn order and lists those not found", () => {
    expect(markPositions(["b", "a", "c"], ["c", "a", "x", "y"])).toEqual({
      positions: [1, 2],
      missing: ["x", "y"],
    });
  });
});

describe("raster cells", () => {
  it("useRaster follows ComplexHeatmap's threshold and cells under 1 pt", () => {
    const grid = (nrow: number, ncol: number, cell = 5) => ({
      nrow,
      ncol,
      cellWidth: cell,
      cellHeight: cell,
    });
    expect(useRaster("auto", grid(2001, 11))).toBe(true);
    expect(useRaster("auto", grid(2001, 10))).toBe(false);
    expect(useRaster("auto", grid(11, 2001))).toBe(true);
    expect(useRaster("auto", grid(500, 50, 0.5))).toBe(true);
    expect(useRaster("always", grid(2, 2))).toBe(true);
    expect(useRaster("never", grid(20000, 50, 0.03))).toBe(false);
  });

  it("groupBounds puts every row in exactly one group of ⌊n/p⌋ or ⌈n/p⌉ rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (n, q) => {
        const p = Math.min(n, q);
        const b = groupBounds(n, p);
        expect(b[0]).toBe(0);
        expect(b[p]).toBe(n);
        for (let g = 0; g < p; g++) {
          const size = b[g + 1] - b[g];
          expect(size === Math.floor(n / p) || size === Math.ceil(n / p)).toBe(true);
        }
      }),
    );
  });

  it("summarize: mean of the finite values, or the value farthest from 0 with its sign", () => {
    expect(summarize([1, 2, Number.NaN, 6], "mean")).toBe(3);
    expect(summarize([1, -3, 2], "max-abs")).toBe(-3);
    expect(summarize([1, 3, -2], "max-abs")).toBe(3);
    expect(summarize([Number.NaN], "mean")).toBeNaN();
  });

  it("blockPixels combines rows sharing a pixel: no row is dropped, an extreme row survives max-abs", () => {
    const scale = colorScale(["#0000ff", "#ffffff", "#ff0000"], [-3, -1, 1, 3]);
    // 9 rows × 1 column; one extreme row among zeros
    const values = Float64Array.from([0, 0, 0, 0, 2.5, 0, 0, 0, 0]);
    const grid: RasterGrid = {
      ncol: 1,
      values,
      fills: Array.from(values, (v) => scale.color(v)),
      color: (v) => scale.color(v),
    };
    // 9 rows in 3 pt at 72 dpi: 3 pixel rows of 3 rows each
    const block = { r0: 0, r1: 9, c0: 0, c1: 1, x: 0, y: 0, width: 1, height: 3 };
    const mean = blockPixels(grid, block, 72, "mean");
    expect(mean.height).toBe(3);
    expect(mean.pixels).toEqual(["#ffffff", "#ffffff", "#ffffff"]); // mean 0.83: white
    const max = blockPixels(grid, block, 72, "max-abs");
    expect(max.pixels).toEqual(["#ffffff", "#ff0000", "#ffffff"]);
    // at a resolution with a pixel per row, each pixel is its row's own color
    const fine = blockPixels(grid, block, 300, "mean");
    expect(fine.height).toBe(9);
    expect(fine.pixels).toEqual(grid.fills);
  });

  it("blockPixels leaves hidden cells out and makes a pixel of hidden cells only transparent", () => {
    const grid: RasterGrid = {
      ncol: 2,
      values: [1, 2, 3, 4],
      fills: ["#111111", "#222222", "#333333", "#444444"],
      hidden: Uint8Array.from([0, 1, 1, 1]),
    };
    const px = blockPixels(grid, { r0: 0, r1: 2, c0: 0, c1: 2, x: 0, y: 0, width: 2, height: 2 }, 72, "mean");
    expect(px.pixels).toEqual(["#111111", null, null, null]);
  });

  it("segments splits positions at the gaps", () => {
    expect(segments(10, [2, 5])).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(segments(4, [])).toEqual([[0, 4]]);
  });
});

describe("encodePng", () => {
  it("encodePng writes an indexed PNG with its palette, transparency in tRNS", () => {
    const png = encodePng({
      width: 3,
      height: 2,
      pixels: ["#ff0000", "#00ff00", null, "#ff0000", "#ff0000", "#00ff00"],
    });
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const chunks = pngChunks(png);
    const ihdr = chunks.get("IHDR")!;
    expect(ihdr[9]).toBe(3); // indexed color
    expect([...chunks.get("PLTE")!]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 0]);
    expect([...chunks.get("tRNS")!]).toEqual([255, 255, 0]);
    const raw = inflateSync(chunks.get("IDAT")!);
    expect([...raw]).toEqual([0, 0, 1, 2, 0, 0, 0, 1]);
    expect(chunks.has("IEND")).toBe(true);
  });

  it("encodePng falls back to RGB beyond 256 colors", () => {
    const pixels = Array.from({ length: 300 }, (_, i) => `#${i.toString(16).padStart(6, "0")}`);
    const chunks = pngChunks(encodePng({ width: 300, height: 1, pixels }));
    expect(chunks.get("IHDR")![9]).toBe(2);
    const raw = inflateSync(chunks.get("IDAT")!);
    expect(raw.length).toBe(1 + 900);
    expect([...raw.subarray(1 + 3 * 299, 1 + 3 * 300)]).toEqual([0, 1, 0x2b]);
  });
});

describe("dendrograms at the figure's resolution", () => {
  const segmentsOf = (d: string) => d.split("M").length - 1;

  it("layoutDendrogram without minSpan draws every merge; with it, only merges spanning at least minSpan", () => {
    const n = 4096;
    const tree = balancedTree(n);
    const centres = Array.from({ length: n }, (_, k) => k * 0.05 + 0.025);
    const place = {
      side: "left" as const,
      centres,
      halfCell: 0.025,
      base: -3,
      height: 50,
      stroke: "#404040",
      strokeWidth: 0.25,
    };
    const full = layoutDendrogram(tree, place);
    expect(segmentsOf(full.path.d)).toBe(n - 1);
    const cut = layoutDendrogram(tree, { ...place, minSpan: 0.625 });
    // subtrees of 16 leaves span 0.75 ≥ 0.625 and are drawn, those of 8 span 0.35 and become leaves:
    // 256 + 128 + … + 1 merges
    expect(segmentsOf(cut.path.d)).toBe((2 * n) / 16 - 1);
    // the structure above the cut is drawn where it was: the root's bar at the full height
    expect(cut.path.d).toContain("L -53 51.2 L -53 153.6");
    expect(cut.branches).toHaveLength(n - 1); // the viewer still finds every branch
    // no two legs at the leaves closer than half the span
    const legs = [...cut.path.d.matchAll(/M -3 ([\d.]+)/g)].map((m) => Number(m[1]));
    const xs = [...new Set(legs)].sort((a, b) => a - b);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThan(0.3);
  });

  it("layoutDendrogram colors each cluster's branches and keeps the tree above the cut grey", () => {
    const tree = balancedTree(8);
    const centres = Array.from({ length: 8 }, (_, k) => k * 10 + 5);
    const drawn = layoutDendrogram(tree, {
      side: "top",
      centres,
      halfCell: 5,
      base: 100,
      height: 30,
      stroke: "#404040",
      strokeWidth: 0.75,
      clusters: [1, 1, 1, 1, 2, 2, 3, 3],
      clusterColors: ["#e69f00", "#56b4e9", "#009e73"],
    });
    expect(drawn.paths.map((p) => p.stroke)).toEqual(["#404040", "#e69f00", "#56b4e9", "#009e73"]);
    // cluster 1: 3 merges of its 4 leaves; cluster 2 and 3: one merge each
    expect(segmentsOf(drawn.paths[1].d)).toBe(3 + 1); // its merges and its leg up to the parent
    // the root's bar is grey
    expect(drawn.paths[0].d).toContain("M 20 70 L 60 70");
  });
});

describe("a 20,000 × 50 figure", () => {
  it("layoutHeatmap draws 20,000 × 50 cells as images; the SVG stays under 15 MB", () => {
    const nrow = 20000;
    const ncol = 50;
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const values = Float64Array.from({ length: nrow * ncol }, () => rand() * 6 - 3);
    const matrix = createMatrix(
      values,
      Array.from({ length: nrow }, (_, i) => `g${i}`),
      Array.from({ length: ncol }, (_, j) => `s${j}`),
    );
    const tree = balancedTree(nrow);
    const clusters = Int32Array.from({ length: nrow }, (_, i) => 1 + Math.floor((i * 5) / nrow));
    const options = normalizeOptions({
      scale: "row",
      labelRows: ["g10", "g11", "g12", "g5000", "g19999", "missing"],
      colorBranches: true,
    });
    const logger = collectingLogger();
    const started = performance.now();
    const scene = layoutHeatmap(
      {
        matrix,
        rowOrder: Array.from({ length: nrow }, (_, i) => i),
        colOrder: Array.from({ length: ncol }, (_, j) => j),
        rows: { tree, clusters },
        cols: null,
        kmeans: null,
        scale: "row",
        provenance: { generator: "clusterheat", version: "test", options: {} },
      },
      options,
      logger,
    );
    const svg = renderSvg(scene);
    const seconds = (performance.now() - started) / 1000;
    const cells = scene.groups.find((g) => g.name === "cells")!;
    expect(cells.items.every((p) => p.type === "image")).toBe(true);
    expect(cells.items).toHaveLength(5); // one per cutree block
    const pixelRows = cells.items.reduce((s, p) => s + (p.type === "image" ? p.pixelHeight : 0), 0);
    expect(pixelRows).toBeLessThanOrEqual(Math.ceil(((scene.geometry.cells.height + 1) * 300) / 72) + 5);
    expect(svg.length).toBeLessThan(15e6);
    expect(svg.length).toBeLessThan(3e6);
    expect(logger.warnings).toEqual(['labelRows: 1 not among the drawn rows: "missing"']);
    // the three crowded labels are spread apart
    const labels = scene.groups.find((g) => g.name === "labels-rows")!.items;
    expect(labels.map((p) => (p.type === "text" ? p.text : ""))).toEqual([
      "g10",
      "g11",
      "g12",
      "g5000",
      "g19999",
    ]);
    const ys = labels.map((p) => (p.type === "text" ? p.y : 0));
    for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(10 * 1.15 - 1e-6);
    expect(seconds).toBeLessThan(20);
  }, 30000);

  it("runPipeline with raster always on a small matrix writes one image of one pixel per cell", async () => {
    const m = createMatrix([1, 2, 3, 4, 5, 6], ["a", "b", "c"], ["x", "y"]);
    const result = await runPipeline(
      { matrix: m },
      { raster: "always", clusterRows: false, clusterCols: false },
    );
    const cells = result.scene!.groups.find((g) => g.name === "cells")!;
    expect(cells.items).toHaveLength(1);
    const image = cells.items[0];
    expect(image.type === "image" && [image.pixelWidth, image.pixelHeight]).toEqual([2, 3]);
  });
});
