import { describe, expect, it } from "vitest";
import { hclHex, huePal } from "../../src/color/hue-pal.js";
import { loadColorFixture, lower } from "./fixtures.js";

// jsonlite writes the one color of n = 1 as a bare string
const hue = (loadColorFixture("annotation.json").hue as (string | string[])[]).map((c) =>
  typeof c === "string" ? [c] : c,
);

describe("huePal against scales 1.2.1 / farver 2.1.1", () => {
  it.each(hue.map((colors, i) => ({ n: i + 1, colors })))("hue_pal(l = 75)($n)", ({ n, colors }) => {
    expect(huePal(n, { l: 75 })).toEqual(lower(colors));
  });

  it("follows farver, not grDevices::hcl, where they round differently", () => {
    // grDevices::hcl(h, 100, 75) gives "#FF87B5" and "#FF9B66" for these two
    expect(huePal(19, { l: 75 })[18]).toBe("#ff87b4");
    expect(huePal(27, { l: 75 })[1]).toBe("#ff9b65");
  });

  it("options: direction, hue range, clipping", () => {
    expect(huePal(3, { l: 75, direction: -1 })).toEqual(huePal(3, { l: 75 }).reverse());
    expect(huePal(1)).toEqual([hclHex(15, 100, 65)]);
    expect(hclHex(0, 0, 100)).toBe("#ffffff");
    expect(hclHex(0, 0, 0)).toBe("#000000");
    expect(() => huePal(0)).toThrow(RangeError);
  });
});
