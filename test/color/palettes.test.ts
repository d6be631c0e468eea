import { describe, expect, it } from "vitest";
import { BREWER_SCHEMES, brewerPal } from "../../src/color/brewer.js";
import {
  COLORBLIND_SAFE_PALETTES,
  isPaletteName,
  PALETTE_NAMES,
  resolvePalette,
} from "../../src/color/palettes.js";
import { colorRampPalette } from "../../src/color/ramp.js";
import { viridisColors } from "../../src/color/viridis.js";
import { UsageError } from "../../src/errors.js";
import { loadColorFixture, lower } from "./fixtures.js";

const fixture = loadColorFixture("palettes.json");
interface RBrewer {
  name: string;
  category: string;
  colorblind: boolean;
  maxcolors: number;
  pal: Record<string, string[]>;
}
const rBrewer = fixture.brewer as RBrewer[];

describe("brewerPal", () => {
  it("BREWER_SCHEMES lists RColorBrewer's schemes in brewer.pal.info order, with its flags", () => {
    expect(BREWER_SCHEMES.map((s) => [s.name, s.category, s.maxColors, s.colorblind])).toEqual(
      rBrewer.map((s) => [s.name, s.category, s.maxcolors, s.colorblind]),
    );
  });

  it.each(rBrewer)("brewerPal(k, $name) equals brewer.pal(k, name) for every k", (scheme) => {
    for (const [k, colors] of Object.entries(scheme.pal)) {
      expect(brewerPal(Number(k), scheme.name), `k = ${k}`).toEqual(lower(colors));
    }
  });
});

describe("resolvePalette", () => {
  const rdbu9 = lower(rBrewer.find((s) => s.name === "RdBu")!.pal["9"]!);

  it("resolvePalette('RdBu_r', 100) = colorRampPalette(rev(brewer.pal(9, 'RdBu')))(100) of R", () => {
    const ramp = loadColorFixture("ramp.json").cases[0];
    expect(ramp.label).toMatch(/RdBu/);
    expect(resolvePalette("RdBu_r", 100)).toEqual(lower(ramp.result));
  });

  it("resolvePalette('pheatmap', 100) is pheatmap's default color", () => {
    expect(resolvePalette("pheatmap", 100)).toEqual(lower(fixture.pheatmap_default));
  });

  it("resolvePalette(name) ramps through 9 classes, or the scheme's maximum when smaller", () => {
    expect(resolvePalette("RdBu", 9)).toEqual(rdbu9);
    expect(resolvePalette("Set2", 8)).toEqual(lower(rBrewer.find((s) => s.name === "Set2")!.pal["8"]!));
  });

  it("resolvePalette(name, n, {classes}) ramps through that many classes", () => {
    const rdylbu7 = lower(rBrewer.find((s) => s.name === "RdYlBu")!.pal["7"]!);
    expect(resolvePalette("RdYlBu_r", 50, { classes: 7 })).toEqual(
      colorRampPalette([...rdylbu7].reverse(), 50),
    );
    expect(() => resolvePalette("Blues", 10, { classes: 11 })).toThrow(/invalid classes: 11/);
    expect(() => resolvePalette("Blues", 10, { classes: 2 })).toThrow(UsageError);
  });

  it("resolvePalette matches names case-insensitively", () => {
    expect(resolvePalette("rdbu_R", 9)).toEqual([...rdbu9].reverse());
  });

  it("resolvePalette('RdBkGn') is red → black → green; RdBkGn_r is gplots' greenred", () => {
    expect(resolvePalette("RdBkGn", 3)).toEqual(["#ff0000", "#000000", "#00ff00"]);
    expect(resolvePalette("RdBkGn_r", 10)).toEqual(lower(fixture.greenred_check));
  });

  it("resolvePalette(list, n) ramps the list, or returns it parsed when it has n colors", () => {
    expect(resolvePalette(["navy", "white", "firebrick3"], 3)).toEqual(["#000080", "#ffffff", "#cd2626"]);
    const ramp = loadColorFixture("ramp.json").cases.find((c: { label: string }) => c.label.includes("navy"));
    expect(resolvePalette(["navy", "white", "firebrick3"], 50)).toEqual(lower(ramp.result));
  });

  it("resolvePalette(unknown) throws a UsageError listing the valid names", () => {
    expect(() => resolvePalette("RdBlu", 10)).toThrow(UsageError);
    expect(() => resolvePalette("RdBlu", 10)).toThrow(
      /invalid palette: "RdBlu" \(expected .*viridis.*RdBu.*_r/,
    );
  });

  it("resolvePalette('viridis_r', n) is viridis reversed", () => {
    expect(resolvePalette("viridis_r", 7)).toEqual(viridisColors("viridis", 7).reverse());
  });
});

describe("viridisColors", () => {
  const cases = fixture.viridis as { option: "viridis"; n: number; result: string[] }[];
  const channels = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

  it("viridisColors(name, n) is within 1 per channel of viridisLite, and equal on >= 92% of colors", () => {
    let total = 0;
    let equal = 0;
    for (const { option, n, result } of cases) {
      const got = viridisColors(option, n);
      expect(got).toHaveLength(n);
      got.forEach((color, i) => {
        const a = channels(color);
        const b = channels(result[i]!);
        total++;
        if (a.every((v, k) => v === b[k])) equal++;
        const worst = Math.max(...a.map((v, k) => Math.abs(v - b[k]!)));
        expect(worst, `${option} n=${n} #${i}`).toBeLessThanOrEqual(1);
      });
    }
    expect(total).toBe(590);
    expect(equal / total).toBeGreaterThanOrEqual(0.92);
  });

  it("viridisColors ends at viridisLite's end colors", () => {
    for (const { option, result } of cases.filter((c) => c.n === 100)) {
      const got = viridisColors(option, 100);
      expect([got[0], got[99]]).toEqual(lower([result[0]!.slice(0, 7), result[99]!.slice(0, 7)]));
    }
  });
});

describe("PALETTE_NAMES and COLORBLIND_SAFE_PALETTES", () => {
  it("PALETTE_NAMES holds pheatmap, RdBkGn, the viridis family and all 35 ColorBrewer schemes", () => {
    expect(PALETTE_NAMES).toHaveLength(2 + 5 + 35);
    for (const name of PALETTE_NAMES) expect(isPaletteName(`${name}_r`), name).toBe(true);
    expect(isPaletteName("jet")).toBe(false);
  });

  it("COLORBLIND_SAFE_PALETTES follows ColorBrewer's flags and leaves out red-green ramps", () => {
    for (const name of ["viridis", "cividis", "RdBu", "PuOr", "BrBG", "PiYG", "PRGn", "RdYlBu", "Blues"]) {
      expect(COLORBLIND_SAFE_PALETTES).toContain(name);
    }
    for (const name of ["RdBkGn", "RdYlGn", "Spectral", "RdGy", "Set2"]) {
      expect(COLORBLIND_SAFE_PALETTES).not.toContain(name);
    }
  });
});
