import { describe, expect, it } from "vitest";
import { colorRampPalette } from "../../src/color/ramp.js";
import { rSeq } from "../../src/color/seq.js";
import { UsageError } from "../../src/errors.js";
import { loadColorFixture, lower } from "./fixtures.js";

const fixture = loadColorFixture("ramp.json");

describe("colorRampPalette", () => {
  it.each(fixture.cases as { label: string; colors: string[]; n: number; result: string[] }[])(
    "colorRampPalette($label) equals R color for color",
    ({ colors, n, result }) => {
      expect(colorRampPalette(colors, n)).toEqual(lower(result));
    },
  );

  it("colorRampPalette truncates channels, as R does", () => {
    // 0.75 of the way from 0 to 1 is 0.75: R writes 0, not 1.
    expect(colorRampPalette(["#000000", "#010101"], 5)).toEqual([
      "#000000",
      "#000000",
      "#000000",
      "#000000",
      "#010101",
    ]);
  });

  it("colorRampPalette drops alpha and accepts R names", () => {
    expect(colorRampPalette(["#ff000080", "blue"], 3)).toEqual(["#ff0000", "#7f007f", "#0000ff"]);
  });

  it("colorRampPalette(colors, 0) is empty; bad input throws UsageError", () => {
    expect(colorRampPalette(["red"], 0)).toEqual([]);
    expect(() => colorRampPalette([], 3)).toThrow(UsageError);
    expect(() => colorRampPalette(["red"], 2.5)).toThrow(UsageError);
  });
});

describe("rSeq", () => {
  it("rSeq(from, to, n) ends exactly at to and steps by (to - from)/(n - 1)", () => {
    expect(rSeq(0, 1, 1)).toEqual([0]);
    expect(rSeq(0, 1, 0)).toEqual([]);
    expect(rSeq(2, 3, 2)).toEqual([2, 3]);
    const s = rSeq(-1.1, 2.3, 7);
    expect(s[6]).toBe(2.3);
    expect(s[3]).toBe(-1.1 + 3 * ((2.3 - -1.1) / 6));
  });
});
