/**
 * The viewer draws each run of edge-to-edge rows (or columns) with one
 * drawImage: positions rounded to 0.001 pt (as the layout writes them) must
 * not split a run, a cutree gap must.
 */
import { describe, expect, it } from "vitest";
import { runsOf } from "../../web/viewer/view.js";

const rounded = (v: number) => Math.round(v * 1000) / 1000;

describe("runsOf", () => {
  it("keeps 5,000 rows of 0.1296 pt, rounded to 0.001 pt, in one run", () => {
    const starts = Array.from({ length: 5000 }, (_, i) => rounded(61.375 + i * 0.1296));
    expect(runsOf(starts, 0.1296)).toEqual([{ first: 0, last: 4999 }]);
  });

  it("splits at a gap", () => {
    const size = 0.1296;
    const starts = Array.from({ length: 100 }, (_, i) => rounded(10 + i * size + (i >= 60 ? 4 : 0)));
    expect(runsOf(starts, size)).toEqual([
      { first: 0, last: 59 },
      { first: 60, last: 99 },
    ]);
  });
});
