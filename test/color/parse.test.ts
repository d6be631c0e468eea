import { describe, expect, it } from "vitest";
import { colorChannels, formatColor, parseColor, rColorNameList } from "../../src/color/parse.js";
import { UsageError } from "../../src/errors.js";
import { loadColorFixture } from "./fixtures.js";

const fixture = loadColorFixture("parse.json");

describe("parseColor", () => {
  it.each(fixture.cases as { input: string; rgba: number[] }[])(
    "parseColor($input) has R's col2rgb channels",
    ({ input, rgba }) => {
      expect(colorChannels(input)).toEqual(rgba);
    },
  );

  it("parseColor knows all 657 names of R's colors()", () => {
    const names = rColorNameList();
    expect(names).toHaveLength(657);
    expect(names.slice(0, 3)).toEqual(["white", "aliceblue", "antiquewhite"]);
    expect(parseColor("grey60")).toBe("#999999");
    expect(parseColor("firebrick3")).toBe("#cd2626");
    expect(parseColor("yellowgreen")).toBe("#9acd32");
  });

  it("parseColor writes lower-case #rrggbb, and #rrggbbaa only when alpha < 255", () => {
    expect(parseColor("#ABCDEF")).toBe("#abcdef");
    expect(parseColor("#ABCDEFFF")).toBe("#abcdef");
    expect(parseColor("#ABCDEF80")).toBe("#abcdef80");
    expect(parseColor("  White ")).toBe("#ffffff");
  });

  it("parseColor expands #rgb as CSS does", () => {
    expect(parseColor("#F0a")).toBe("#ff00aa");
  });

  it("parseColor reads transparent and NA as R: transparent white", () => {
    expect(parseColor("transparent")).toBe("#ffffff00");
    expect(parseColor("NA")).toBe("#ffffff00");
  });

  it.each(["#12345", "#ggg", "reddish", "", "1", "#1234567"])(
    "parseColor(%j) throws a UsageError",
    (text) => {
      expect(() => parseColor(text)).toThrow(UsageError);
    },
  );

  it("parseColor names the text found and what is expected", () => {
    expect(() => parseColor("blu")).toThrow(/invalid color: "blu" \(expected one of R's color names/);
    expect(() => parseColor("#12")).toThrow(/invalid color: "#12" \(expected #rrggbb/);
  });
});

describe("formatColor", () => {
  it("formatColor pads channels and adds alpha only below 255", () => {
    expect(formatColor(1, 2, 255)).toBe("#0102ff");
    expect(formatColor(1, 2, 255, 0)).toBe("#0102ff00");
  });
});
