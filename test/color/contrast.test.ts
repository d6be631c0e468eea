import { describe, expect, it } from "vitest";
import { relativeLuminance, textColorOn } from "../../src/color/contrast.js";

describe("relativeLuminance", () => {
  it("relativeLuminance is 0 for black, 1 for white and the WCAG value for pure channels", () => {
    expect(relativeLuminance("black")).toBe(0);
    expect(relativeLuminance("white")).toBeCloseTo(1, 15);
    expect(relativeLuminance("#ff0000")).toBeCloseTo(0.2126, 15);
    expect(relativeLuminance("#00ff00")).toBeCloseTo(0.7152, 15);
    // #808080: c = 0.50196..., ((c + 0.055) / 1.055)^2.4 = 0.21586...
    expect(relativeLuminance("#808080")).toBeCloseTo(0.2158605, 6);
  });
});

describe("textColorOn", () => {
  it("textColorOn gives seaborn's dark grey on light cells and white on dark ones", () => {
    expect(textColorOn("#ffffbf")).toBe("#262626");
    expect(textColorOn("#2166ac")).toBe("#ffffff");
    expect(textColorOn("#808080")).toBe("#ffffff");
    // The threshold: #adadad has luminance 0.4179 > 0.408, #aaaaaa 0.4020 < 0.408.
    expect(textColorOn("#adadad")).toBe("#262626");
    expect(textColorOn("#aaaaaa")).toBe("#ffffff");
  });
});
