import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { randomInt, randomSource } from "../../src/cluster/random.js";
import { FONT_FAMILY, fontMetrics, measureText, truncateToWidth } from "../../src/layout/text.js";

const require = createRequire(import.meta.url);
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(join(fontDir, file)));
  if (!("layout" in font)) throw new Error(`${file} is a font collection`);
  return font;
}

const fonts = { normal: openFont("DejaVuSans.ttf"), bold: openFont("DejaVuSans-Bold.ttf") };

/** The reference: fontkit's own layout, in points. */
function reference(text: string, size: number, weight: "normal" | "bold"): number {
  const font = fonts[weight];
  return (font.layout(text).advanceWidth * size) / font.unitsPerEm;
}

const range = (lo: number, hi: number) =>
  Array.from({ length: hi - lo + 1 }, (_, i) => String.fromCodePoint(lo + i));
const ascii = range(0x20, 0x7e);
const latin = [...ascii, ...range(0xa0, 0x17f), ...range(0x180, 0x24f)];
const greek = range(0x391, 0x3c9).filter((c) => c !== "\u03a2");
const cyrillic = range(0x410, 0x44f);
const symbols = [..."–—±×µαβγΔ…‰′″°−≤≥≈∞→←↑↓•·€™℃№'\"“”‘’«»‹›"];
const mathAndArrows = [...range(0x2190, 0x21ff), ...range(0x2200, 0x22ff), ...range(0x2010, 0x205e)];
const kernBait = [...("AVWYTLFPKXRJ" + "avwyoeacsr.,-:;" + "fiflfffi")];

function pick<T>(random: () => number, from: readonly T[]): T {
  return from[randomInt(random, from.length)];
}

function randomText(random: () => number, alphabet: readonly string[], maxLength: number): string {
  const n = 1 + randomInt(random, maxLength);
  let s = "";
  for (let i = 0; i < n; i++) s += pick(random, alphabet);
  return s;
}

function geneName(random: () => number): string {
  const upper = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  const body = randomText(random, upper, 5);
  return `${body}${randomInt(random, 30)}${random() < 0.3 ? pick(random, [..."ABLP"]) : ""}`;
}

function sampleId(random: () => number): string {
  const forms = [
    () => `0${randomInt(random, 10000)}`.padStart(5, "0"),
    () => `GSM${100000 + randomInt(random, 900000)}`,
    () => `${pick(random, ["ctrl", "dex", "WT", "KO", "LPS"])}_${randomInt(random, 12)}`,
    () => `Patient ${randomInt(random, 99)} (T${randomInt(random, 4)})`,
  ];
  return pick(random, forms)();
}

function corpus(seed: number): string[] {
  const random = randomSource(seed);
  const out: string[] = [];
  for (let i = 0; i < 800; i++) out.push(geneName(random));
  for (let i = 0; i < 500; i++) out.push(sampleId(random));
  for (let i = 0; i < 800; i++) out.push(randomText(random, kernBait, 12));
  for (let i = 0; i < 800; i++) out.push(randomText(random, latin, 16));
  for (let i = 0; i < 400; i++) out.push(randomText(random, [...greek, ...symbols, ..."0123456789 "], 12));
  for (let i = 0; i < 300; i++) out.push(randomText(random, [...cyrillic, ...ascii], 12));
  for (let i = 0; i < 300; i++) out.push(randomText(random, [...latin, ...greek, ...symbols], 14));
  for (let i = 0; i < 300; i++) out.push(randomText(random, [...mathAndArrows, ...kernBait], 10));
  return out;
}

describe("measureText", () => {
  it("measureText(text) equals fontkit layout().advanceWidth for 4,200 strings, regular and bold", () => {
    const texts = corpus(20240601);
    for (const weight of ["normal", "bold"] as const) {
      const bad: string[] = [];
      for (const text of texts) {
        const want = reference(text, 10, weight);
        const got = measureText(text, 10, weight);
        if (Math.abs(got - want) > 1e-9 * Math.max(1, want))
          bad.push(`${weight} ${JSON.stringify(text)}: ${got} ≠ ${want}`);
      }
      expect(bad.slice(0, 10)).toEqual([]);
    }
  });

  it("measureText(text) applies kerning: AV, To, LT are narrower than their advances", () => {
    for (const pair of ["AV", "To", "LT"]) {
      const [a, b] = [...pair];
      expect(measureText(pair, 10)).toBeLessThan(measureText(a, 10) + measureText(b, 10));
      expect(measureText(pair, 10)).toBeCloseTo(reference(pair, 10, "normal"), 12);
    }
  });

  it("measureText(text) uses .notdef for characters the font lacks, and ignores variation selectors", () => {
    for (const text of ["中文", "a\u{1F600}b", "x\uFE0Fy", "\u0000\u0001", "A\u00ADV", "ab\u200Bcd", ""]) {
      expect(measureText(text, 12)).toBeCloseTo(reference(text, 12, "normal"), 12);
    }
  });

  it("measureText(text, size) scales linearly with size", () => {
    expect(measureText("IL1B", 20)).toBeCloseTo(2 * measureText("IL1B", 10), 12);
  });
});

describe("fontMetrics", () => {
  it("fontMetrics(size) gives the hhea ascent/descent and the H and x heights, positive, in points", () => {
    const m = fontMetrics(2048);
    expect(m.ascent).toBe(fonts.normal.ascent);
    expect(m.descent).toBe(-fonts.normal.descent);
    expect(m.capHeight).toBe(fonts.normal.glyphForCodePoint(0x48).bbox.maxY);
    expect(m.xHeight).toBe(fonts.normal.glyphForCodePoint(0x78).bbox.maxY);
    expect(FONT_FAMILY).toBe(fonts.normal.familyName);
    expect(fontMetrics(10, "bold").capHeight).toBeCloseTo(
      (fonts.bold.glyphForCodePoint(0x48).bbox.maxY * 10) / 2048,
      12,
    );
  });
});

describe("truncateToWidth", () => {
  it("truncateToWidth(text) keeps a text that fits", () => {
    expect(truncateToWidth("IL1B", 100, 10)).toBe("IL1B");
  });

  it("truncateToWidth(text) ends in … and fits, with the longest such prefix", () => {
    const text = "ENSG00000123456.7 very long description";
    for (const max of [5, 12, 30, 60, 100]) {
      const t = truncateToWidth(text, max, 10);
      if (max >= 12) expect(t.endsWith("…")).toBe(true);
      expect(measureText(t, 10)).toBeLessThanOrEqual(max);
      const longer = `${Array.from(text).slice(0, Array.from(t).length).join("").trimEnd()}…`;
      if (t !== "" && longer !== t) expect(measureText(longer, 10)).toBeGreaterThan(max);
    }
    expect(truncateToWidth(text, 1, 10)).toBe("");
  });
});
