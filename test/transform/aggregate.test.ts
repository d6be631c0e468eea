import { describe, expect, it } from "vitest";
import { DataError, UsageError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import { type AnnotationTrack, createMatrix } from "../../src/matrix.js";
import { aggregateCols, rMedian } from "../../src/transform/aggregate.js";
import { DATASETS, expectBitEqual, inputMatrix, loadFixture, parseAll } from "./fixtures.js";

describe.each(DATASETS)("aggregateCols on %s against R", (name) => {
  const f = loadFixture(name);
  const m = inputMatrix(f);

  it.each(["mean", "median"] as const)(
    "aggregateCols(m, field, %s) equals R's per-group value bit for bit",
    (how) => {
      const want = how === "mean" ? f.aggregateMean : f.aggregateMedian;
      const got = aggregateCols(m, "Group", how);
      expect(got.colNames).toEqual(want.colNames);
      expect(got.rowNames).toEqual(m.rowNames);
      expectBitEqual(got.values, parseAll(want.values));
    },
  );
});

describe("aggregateCols", () => {
  const nan = Number.NaN;
  const tracks: AnnotationTrack[] = [
    { name: "cond", kind: "categorical", values: ["T", "C", "T", null, "C"], levels: ["C", "T"] },
    { name: "batch", kind: "categorical", values: ["b1", "b2", "b1", "b1", "b2"], levels: ["b1", "b2"] },
    {
      name: "donor",
      kind: "categorical",
      values: ["d1", "d2", "d3", "d4", "d5"],
      levels: ["d1", "d2", "d3", "d4", "d5"],
    },
    { name: "age", kind: "continuous", values: Float64Array.of(30, 40, 30, 50, 40) },
  ];
  const m = createMatrix(
    [1, 2, 3, 100, 6, nan, 2, 5, 100, nan],
    ["g1", "g2"],
    ["s1", "s2", "s3", "s4", "s5"],
    {
      colAnnotation: { tracks },
    },
  );

  it("aggregateCols makes one column per group in order of first appearance, NaN ignored", () => {
    const got = aggregateCols(m, "cond", "mean");
    expect(got.colNames).toEqual(["T", "C"]);
    expect(Array.from(got.values)).toEqual([2, 4, 5, 2]);
    expect(aggregateCols(m, "cond", "median").values).toEqual(Float64Array.of(2, 4, 5, 2));
  });

  it("aggregateCols gives NaN where a group has no value", () => {
    const g = createMatrix([nan, 1, nan], ["g"], ["a", "b", "c"], {
      colAnnotation: {
        tracks: [{ name: "k", kind: "categorical", values: ["x", "y", "x"], levels: ["x", "y"] }],
      },
    });
    expect(Array.from(aggregateCols(g, "k", "mean").values)).toEqual([nan, 1]);
    expect(Array.from(aggregateCols(g, "k", "median").values)).toEqual([nan, 1]);
  });

  it("aggregateCols leaves out samples without a group, with a warning naming them", () => {
    const log = collectingLogger();
    aggregateCols(m, "cond", "mean", log);
    expect(log.warnings).toEqual(['aggregateColsBy cond: 1 sample without a value left out: "s4"']);
  });

  it("aggregateCols keeps the field and the tracks constant within every group", () => {
    const got = aggregateCols(m, "cond", "mean");
    expect(got.colAnnotation?.tracks.map((t) => t.name)).toEqual(["cond", "batch", "age"]);
    expect(got.colAnnotation?.tracks[0]).toEqual({
      name: "cond",
      kind: "categorical",
      values: ["T", "C"],
      levels: ["C", "T"],
    });
    expect(got.colAnnotation?.tracks[1].values).toEqual(["b1", "b2"]);
    expect(Array.from(got.colAnnotation?.tracks[2].values as Float64Array)).toEqual([30, 40]);
  });

  it("aggregateCols throws a UsageError naming the fields when the field is unknown", () => {
    expect(() => aggregateCols(m, "tissue", "mean")).toThrow(UsageError);
    expect(() => aggregateCols(m, "tissue", "mean")).toThrow(
      'aggregateColsBy: "tissue" is not a field of the sample sheet (fields: "cond", "batch", "donor", "age")',
    );
  });

  it("aggregateCols groups by a numeric field (group codes): by value, named by its number, first appearance", () => {
    const dose = createMatrix([1, 2, 3, 4, 5, 6], ["g"], ["a", "b", "c", "d", "e", "f"], {
      colAnnotation: {
        tracks: [
          { name: "dose", kind: "continuous", values: Float64Array.of(10, 0, 10, nan, -0, 2.5) },
          {
            name: "batch",
            kind: "categorical",
            values: ["x", "y", "x", "y", "y", "z"],
            levels: ["x", "y", "z"],
          },
        ],
      },
    });
    const log = collectingLogger();
    const got = aggregateCols(dose, "dose", "mean", log);
    expect(got.colNames).toEqual(["10", "0", "2.5"]);
    expect(Array.from(got.values)).toEqual([2, 3.5, 6]);
    expect(log.warnings).toEqual(['aggregateColsBy dose: 1 sample without a value left out: "d"']);
    expect(got.colAnnotation?.tracks.map((t) => t.name)).toEqual(["dose", "batch"]);
    expect(Array.from(aggregateCols(m, "age", "median").values)).toEqual([2, 4, 100, 5, 2, 100]);
  });

  it("aggregateCols throws a UsageError without a sample sheet, a DataError when no sample has a group", () => {
    expect(() => aggregateCols(createMatrix([1], ["g"], ["s"]), "cond", "mean")).toThrow(
      /needs a sample sheet/,
    );
    const none = createMatrix([1], ["g"], ["s"], {
      colAnnotation: { tracks: [{ name: "k", kind: "categorical", values: [null], levels: [] }] },
    });
    expect(() => aggregateCols(none, "k", "mean")).toThrow(DataError);
  });
});

describe("rMedian", () => {
  it("rMedian takes the middle value, or the mean of the two middle ones", () => {
    expect(rMedian(Float64Array.of(3, 1, 2))).toBe(2);
    expect(rMedian(Float64Array.of(4, 1, 3, 2))).toBe(2.5);
    expect(rMedian(Float64Array.of(-1, 10))).toBe(4.5);
    expect(rMedian(new Float64Array(0))).toBeNaN();
  });
});
