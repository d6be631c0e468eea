import { describe, expect, it } from "vitest";
import { defaultBreaks } from "../../src/color/breaks.js";
import { colorIndex, colorScale } from "../../src/color/color-scale.js";
import { formatTick } from "../../src/color/format-tick.js";
import { resolvePalette } from "../../src/color/palettes.js";
import { prettyTicks } from "../../src/color/pretty.js";
import { UsageError } from "../../src/errors.js";
import { expectSameNumbers, loadColorFixture, lower, parseAllR } from "./fixtures.js";

describe("colorScale against pheatmap's scale_vec_colours", () => {
  const f = loadColorFixture("scale.json");
  const scale = colorScale(f.colors, parseAllR(f.breaks), f.naColor);
  const values = parseAllR(f.values);

  it("colorScale(...).color(v) is what pheatmap draws: on a break the lower bin, outside the end colors", () => {
    expect(values.map((v) => scale.color(v))).toEqual(lower(f.pheatmap));
  });

  it("pheatmap's own scale_vec_colours gives na_col outside the breaks; pheatmap() avoids it with ±Inf breaks", () => {
    // The raw helper's behaviour, pinned so that a change in the fixture is noticed.
    expect(f.raw[0]).toBe("#DDDDDD"); // -5 < lowest break
    expect(f.pheatmap[0]).toBe("#000001");
  });

  it("colorScale(...).index(v) is -1 for NaN only", () => {
    expect(scale.index(Number.NaN)).toBe(-1);
    expect(scale.index(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(scale.index(Number.POSITIVE_INFINITY)).toBe(3);
  });

  it("colorScale checks breaks against colors", () => {
    expect(() => colorScale(["red", "blue"], [0, 1])).toThrow(UsageError);
    expect(() => colorScale(["red", "blue"], [0, 1, 1])).toThrow(/strictly increasing/);
    expect(colorScale(["red"], [0, 1]).naColor).toBe("#dddddd");
  });
});

describe("colorIndex", () => {
  it("colorIndex(v, breaks) takes the bin with breaks[i] < v <= breaks[i + 1]", () => {
    const b = [0, 1, 2, 3];
    expect([0, 0.5, 1, 1.0000001, 2, 2.5, 3, 4, -1].map((v) => colorIndex(v, b))).toEqual([
      0, 0, 0, 1, 1, 2, 2, 2, 0,
    ]);
  });
});

describe("dex30 stage 3 against the cells pheatmap draws", () => {
  const f = loadColorFixture("dex30-stage3.json");
  const scaled = parseAllR(f.scaled);
  const ncol = f.inputColNames.length as number;
  const breaks = defaultBreaks(scaled, 100, true);
  const scale = colorScale(resolvePalette("RdBu_r", 100), breaks);

  it("defaultBreaks(scaled dex30, 100, true) equals pheatmap's breaks bit for bit", () => {
    expectSameNumbers(breaks, parseAllR(f.breaks), "breaks");
  });

  it("resolvePalette('RdBu_r', 100) is the palette pheatmap was given", () => {
    expect(scale.colors).toEqual(lower(f.palette));
  });

  it("all 180 cells take pheatmap's color", () => {
    const rowOf = new Map<string, number>(f.inputRowNames.map((r: string, i: number) => [r, i]));
    const colOf = new Map<string, number>(f.inputColNames.map((c: string, j: number) => [c, j]));
    const drawn: string[] = [];
    for (const r of f.drawnRowNames as string[]) {
      for (const c of f.drawnColNames as string[]) {
        drawn.push(scale.color(scaled[rowOf.get(r)! * ncol + colOf.get(c)!]!));
      }
    }
    expect(drawn).toHaveLength(180);
    expect(drawn).toEqual(lower(f.fill));
  });

  it("the legend labels are formatTick(prettyTicks(range(breaks)))", () => {
    const ticks = prettyTicks(breaks[0]!, breaks[100]!);
    expect(ticks.map(formatTick)).toEqual(f.legendLabels);
  });
});
