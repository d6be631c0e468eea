import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isMissing, parseNumber, parsePlainDecimal } from "../../src/io/cells.js";

describe("parseNumber", () => {
  test("parseNumber reads decimal and exponent notation, blanks around allowed", () => {
    expect(parseNumber("7.5973")).toBe(7.5973);
    expect(parseNumber("-1.5e-3")).toBe(-0.0015);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("5.")).toBe(5);
    expect(parseNumber("+2E3")).toBe(2000);
    expect(parseNumber(" 12 ")).toBe(12);
    expect(parseNumber("00123")).toBe(123);
    expect(Object.is(parseNumber("-0"), -0)).toBe(true);
  });

  test("parseNumber reads the missing-value tokens as NaN, in any case", () => {
    for (const t of ["", "  ", "NA", "na", "NaN", "nan", "N/A", "n/a", "#N/A", "null", "NULL", " NA "]) {
      expect(parseNumber(t), t).toBeNaN();
    }
  });

  test("parseNumber reads infinities", () => {
    for (const t of ["Inf", "inf", "+Inf", "INF", "Infinity", "infinity", "+Infinity"]) {
      expect(parseNumber(t), t).toBe(Infinity);
    }
    for (const t of ["-Inf", "-inf", "-Infinity", "-INFINITY"]) expect(parseNumber(t), t).toBe(-Infinity);
  });

  test("parseNumber returns undefined for text, decimal commas and radix literals", () => {
    for (const t of [
      "abc",
      "1,5",
      "0x1F",
      "0b101",
      "0o17",
      " 0x10",
      "1_000",
      "1e",
      "--1",
      "1 2",
      "#DIV/0!",
      ".",
    ]) {
      expect(parseNumber(t), t).toBeUndefined();
    }
  });

  test("isMissing knows the missing-value tokens", () => {
    expect(isMissing("NA")).toBe(true);
    expect(isMissing("#n/a")).toBe(true);
    expect(isMissing("0")).toBe(false);
    expect(isMissing("Inf")).toBe(false);
  });
});

describe("parsePlainDecimal", () => {
  const read = (s: string) => parsePlainDecimal(s, 0, s.length);

  test("parsePlainDecimal reads plain decimals and leaves the rest to parseNumber", () => {
    expect(read("7.5973")).toBe(7.5973);
    expect(read("-12.5")).toBe(-12.5);
    expect(Object.is(read("-0"), -0)).toBe(true);
    for (const s of ["", "-", ".", "1e5", "NA", " 1", "1.2.3", "1234567890123456"])
      expect(read(s), s).toBeUndefined();
  });

  test("parsePlainDecimal gives the same double as Number() (property)", () => {
    const decimal = fc
      .tuple(
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^[0-9]{0,9}$/),
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,9}$/),
      )
      .map(([sign, int, dot, frac]) => `${sign}${int}${dot ? "." : ""}${dot ? frac : ""}`);
    fc.assert(
      fc.property(decimal, (s) => {
        const v = read(s);
        if (v === undefined) return true;
        return Object.is(v, Number(s));
      }),
      { numRuns: 5000 },
    );
  });

  test("parsePlainDecimal matches Number() on the shortest form of random doubles (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        const v = read(s);
        return v === undefined || Object.is(v, Number(s));
      }),
      { numRuns: 5000 },
    );
  });
});
