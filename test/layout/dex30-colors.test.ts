/**
 * The issue's bar: stage 3 of the pheatmap tutorial on dex30 draws the rows
 * in pheatmap's order, with one gap between the two gene groups, and every
 * one of its 180 cells in exactly the color pheatmap gives it
 * (test/golden/color/dex30-stage3.json, made by make-fixtures.R from
 * pheatmap 1.0.12's own grob).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../src/pipeline.js";

interface Stage3Fixture {
  drawnRowNames: string[];
  drawnColNames: string[];
  /** Drawn order, row-major, upper-case #RRGGBB. */
  fill: string[];
  legendLabels: string[];
}

const fixture = JSON.parse(
  readFileSync(new URL("../golden/color/dex30-stage3.json", import.meta.url), "utf8"),
) as Stage3Fixture;
const examples = new URL("../../examples/", import.meta.url);
const file = (name: string) => ({ bytes: readFileSync(new URL(name, examples)), file: name });

describe("layoutHeatmap on the pheatmap tutorial's stage 3", async () => {
  const result = await runPipeline(
    { matrix: file("dex30.tsv"), annotationCol: file("dex30.samples.tsv") },
    {
      color: "RdBu_r",
      scale: "row",
      borderColor: "none",
      fontsizeRow: 8,
      fontsizeCol: 10,
      clusteringDistanceRows: "correlation",
      clusteringMethod: "ward.D2",
      cutreeRows: 2,
    },
  );
  const scene = result.scene!;
  const { rows, cols } = scene.geometry;

  it("layoutHeatmap draws the rows and columns in pheatmap's order", () => {
    expect(rows.names).toEqual(fixture.drawnRowNames);
    expect(cols.names).toEqual(fixture.drawnColNames);
  });

  it("layoutHeatmap puts exactly one gap between the two gene groups", () => {
    const steps = rows.start.slice(1).map((s, i) => s - rows.start[i]);
    const gaps = steps.filter((d) => d > rows.size + 1e-9);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toBeCloseTo(rows.size + 4, 9);
    const cut = steps.findIndex((d) => d > rows.size + 1e-9);
    expect(new Set(rows.clusters!.slice(0, cut + 1)).size).toBe(1);
    expect(new Set(rows.clusters!.slice(cut + 1)).size).toBe(1);
  });

  it("layoutHeatmap gives each of the 180 cells pheatmap's color, matched by row and column name", () => {
    const cells = scene.groups.find((g) => g.name === "cells")!.items;
    expect(cells).toHaveLength(180);
    const byName = new Map<string, string>();
    cells.forEach((rect, k) => {
      if (rect.type !== "rect") throw new Error("cells holds only rects");
      const i = Math.floor(k / cols.names.length);
      const j = k % cols.names.length;
      byName.set(`${rows.names[i]}|${cols.names[j]}`, rect.fill ?? "");
    });
    const wrong: string[] = [];
    fixture.drawnRowNames.forEach((rn, i) => {
      fixture.drawnColNames.forEach((cn, j) => {
        const expected = fixture.fill[i * fixture.drawnColNames.length + j].toLowerCase();
        const actual = byName.get(`${rn}|${cn}`);
        if (actual !== expected) wrong.push(`${rn} × ${cn}: ${actual}, pheatmap ${expected}`);
      });
    });
    expect(wrong).toEqual([]);
  });

  it("layoutHeatmap marks the legend with pheatmap's ticks, without borders", () => {
    const labels = scene.groups
      .find((g) => g.name === "legend")!
      .items.flatMap((p) => (p.type === "text" && p.fontWeight !== "bold" ? [p.text] : []));
    expect(labels).toEqual(fixture.legendLabels);
    const cells = scene.groups.find((g) => g.name === "cells")!.items;
    expect(cells.every((p) => p.type === "rect" && !p.stroke)).toBe(true);
  });
});
