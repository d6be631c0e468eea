import { describe, expect, it } from "vitest";
import { formatTick } from "../../src/color/format-tick.js";
import { prettyTicks } from "../../src/color/pretty.js";
import { expectSameNumbers, loadColorFixture, parseAllR } from "./fixtures.js";

const fixture = loadColorFixture("pretty.json");
const cases = fixture.cases as { range: string[]; ticks: string[]; labels: string[] }[];

describe("prettyTicks", () => {
  it("the fixture holds 100 ranges", () => {
    expect(cases).toHaveLength(100);
  });

  it.each(cases.map((c) => [c.range.join(" … "), c] as const))(
    "prettyTicks(%s) equals grid.pretty bit for bit",
    (_, { range, ticks }) => {
      const [lo, hi] = parseAllR(range) as [number, number];
      expectSameNumbers(prettyTicks(lo, hi), parseAllR(ticks), "ticks");
    },
  );

  it("prettyTicks keeps equal ends as R does", () => {
    expect(prettyTicks(5, 5)).toEqual([5]);
    expect(prettyTicks(-3, -3)).toEqual([-3, -2.5]);
  });

  it("prettyTicks of a reversed range gives reversed ticks", () => {
    expect(prettyTicks(1, -1)).toEqual([1, 0.5, 0, -0.5, -1]);
  });

  it("prettyTicks refuses infinite ends", () => {
    expect(() => prettyTicks(0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("formatTick", () => {
  it.each(cases.map((c) => [c.range.join(" … "), c] as const))(
    "formatTick on the ticks of %s equals R's as.character",
    (_, { ticks, labels }) => {
      expect(parseAllR(ticks).map(formatTick)).toEqual(labels);
    },
  );

  it("formatTick equals as.character on assorted numbers", () => {
    expect(parseAllR(fixture.labels.values).map(formatTick)).toEqual(fixture.labels.text);
  });
});
