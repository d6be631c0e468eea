import { describe, expect, it } from "vitest";
import { centeredBreaks, defaultBreaks, robustRange } from "../../src/color/breaks.js";
import { expectSameNumbers, loadColorFixture, parseAllR } from "./fixtures.js";

const fixture = loadColorFixture("breaks.json");
const vectors: Record<string, number[]> = Object.fromEntries(
  Object.entries(fixture.vectors as Record<string, string[]>).map(([k, v]) => [k, parseAllR(v)]),
);

describe("defaultBreaks", () => {
  it.each(fixture.cases as { vector: string; n: number; center: boolean; breaks: string[] }[])(
    "defaultBreaks($vector, $n, $center) equals pheatmap's generate_breaks bit for bit",
    ({ vector, n, center, breaks }) => {
      expectSameNumbers(defaultBreaks(vectors[vector]!, n, center), parseAllR(breaks), vector);
    },
  );

  it("defaultBreaks ignores NaN and infinities", () => {
    expect(defaultBreaks([1, Number.NaN, 3, Number.POSITIVE_INFINITY], 2, false)).toEqual([1, 2, 3]);
    expect(defaultBreaks(new Float64Array([-1, 3, Number.NaN]), 2, true)).toEqual([-3, 0, 3]);
  });

  it("defaultBreaks widens all-equal values (pheatmap stops) so they take the middle color", () => {
    // pheatmap makes n + 1 equal breaks here and cut() then fails.
    expectSameNumbers(parseAllR(fixture.all_equal.breaks), [2, 2, 2, 2, 2], "R");
    expect(defaultBreaks([2, 2, 2], 2, false)).toEqual([1.998, 2, 2.002]);
    expect(defaultBreaks([0, 0], 2, false)).toEqual([-1, 0, 1]);
    expect(defaultBreaks([0, 0], 2, true)).toEqual([-1, 0, 1]);
    expect(defaultBreaks([-4, -4], 2, true)).toEqual([-4, 0, 4]);
    expect(defaultBreaks([Number.NaN], 2, false)).toEqual([-1, 0, 1]);
  });
});

describe("centeredBreaks", () => {
  it("centeredBreaks(values, n, center) is symmetric around center and reaches the farther end", () => {
    expect(centeredBreaks([1, 2, 7], 4, 3)).toEqual([-1, 1, 3, 5, 7]);
    expect(centeredBreaks([-10, 2, Number.NaN], 2, 0)).toEqual([-10, 0, 10]);
    expect(centeredBreaks([5, 5], 2, 5)).toEqual([4.995, 5, 5.005]);
  });
});

describe("robustRange", () => {
  // numpy 2.4.6: [values, np.nanpercentile(values, 2), np.nanpercentile(values, 98)]
  const nan = Number.NaN;
  const numpy: [number[], number, number][] = [
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1.18, 9.82],
    [[0.1, 0.7], 0.112, 0.688],
    [[5.0], 5.0, 5.0],
    [
      [2.041, -2.556, 0.418, -0.568, -0.453, -0.216, -2.02, -0.232, -0.865, 3.323, 0.226, -0.353, -0.281],
      -2.42736,
      3.0153199999999996,
    ],
    [[-668.05, -1055.15, -390.8, 481.95, -238.55, 957.76, -199.8, 24.26, 1545.82], -993.214, 1451.7304],
    [[3.0, nan, 1.0, 2.0, nan], 1.04, 2.96],
  ];
  it.each(numpy)("robustRange(%j) equals numpy's nanpercentile 2 and 98 exactly", (values, lo, hi) => {
    expect(robustRange(values)).toEqual([lo, hi]);
  });

  it("robustRange of no finite value is undefined", () => {
    expect(robustRange([nan])).toBeUndefined();
  });
});
