import { describe, expect, test } from "vitest";
import { DataError, UsageError } from "../../src/errors.js";
import { readAnnotation, trackFromCells } from "../../src/io/annotation.js";
import { fixture, gzip } from "./helpers.js";

const NAMES = ["01005", "01010", "03002"];

/** The message of the DataError that reading the sheet throws. */
function errorOf(sheet: string, names: readonly string[] = NAMES, axis: "row" | "col" = "col"): string {
  try {
    readAnnotation(sheet, names, { file: "s.tsv", axis });
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error("expected a DataError");
}

describe("readAnnotation", () => {
  test("readAnnotation aligns a reordered sheet by name, ignoring extra rows", () => {
    const a = readAnnotation(fixture("samples.tsv"), NAMES, { file: "samples.tsv" });
    expect(a.tracks.map((t) => [t.name, t.kind])).toEqual([
      ["BT", "categorical"],
      ["age", "continuous"],
      ["batch", "continuous"],
    ]);
    // Sheet order: 99999 (extra), 03002, 01005, 01010; levels follow the sheet among rows used.
    expect(a.tracks[0]).toEqual({
      name: "BT",
      kind: "categorical",
      values: ["B2", null, "T2"],
      levels: ["T2", "B2"],
    });
    expect([...(a.tracks[1].values as Float64Array)]).toEqual([53, 19, Number.NaN]);
    expect([...(a.tracks[2].values as Float64Array)]).toEqual([2, 1, 1]);
  });

  test("readAnnotation reads the fields named in `categorical` as categories, with their text as written", () => {
    const sheet = "id\tdose\tbatch\ns1\t10\t1\ns2\t0\t2\ns3\t10.0\t1\ns4\tNA\t2\n";
    const names = ["s1", "s2", "s3", "s4"];
    const plain = readAnnotation(sheet, names);
    expect(plain.tracks.map((t) => t.kind)).toEqual(["continuous", "continuous"]);
    const a = readAnnotation(sheet, names, { categorical: ["dose"] });
    expect(a.tracks[0]).toEqual({
      name: "dose",
      kind: "categorical",
      values: ["10", "0", "10.0", null],
      levels: ["10", "0", "10.0"],
    });
    expect(a.tracks[1].kind).toBe("continuous");
    expect(() => readAnnotation(sheet, names, { file: "s.tsv", categorical: ["Dose"] })).toThrow(
      new UsageError('categorical: "Dose" is not a field of the sheet s.tsv (fields: "dose", "batch")'),
    );
    expect(trackFromCells("k", ["1", "2"], true)).toEqual({
      name: "k",
      kind: "categorical",
      values: ["1", "2"],
      levels: ["1", "2"],
    });
  });

  test("readAnnotation reads gzip, CSV and a header without the id column's name", () => {
    const a = readAnnotation(gzip(fixture("samples.tsv")), NAMES);
    expect(a.tracks).toHaveLength(3);
    const csv = readAnnotation("BT,age\n01010,B1,3\n01005,B2,4\n03002,T1,5\n", NAMES);
    expect(csv.tracks[0].values).toEqual(["B2", "B1", "T1"]);
  });

  test("readAnnotation matches a subset of names, and rows for axis row", () => {
    const a = readAnnotation("gene\tpathway\nTP53\tapoptosis\nMYC\tgrowth\n", ["MYC"], { axis: "row" });
    expect(a.tracks[0].values).toEqual(["growth"]);
  });

  test("readAnnotation names the names absent from the sheet", () => {
    expect(errorOf("sample\tBT\n01005\tB2\n", ["01005", "X1", "X2"])).toBe(
      's.tsv: 2 of 3 sample names (matrix column names) are not in the sheet\'s first column: "X1", "X2"',
    );
    expect(errorOf("gene\tp\nA\tx\n", ["A", "B"], "row")).toBe(
      's.tsv: 1 of 2 row names is not in the sheet\'s first column: "B"',
    );
  });

  test("readAnnotation hints at ids that Excel changed, and at ids in another column", () => {
    expect(errorOf("sample\tBT\n1005\tB2\n1010\tB1\n3002\tT\n")).toMatch(
      /the sheet has "1005" for "01005": were leading zeros or case changed/,
    );
    expect(errorOf("Group\tsample\nB\t01005\nB\t01010\nT\t03002\n")).toMatch(
      /column "sample" holds some of them: the first column must hold the ids/,
    );
  });

  test("readAnnotation reports a repeated id that is used, with both lines", () => {
    expect(errorOf("sample\tBT\n01005\tB2\n01010\tB1\n03002\tT\n01005\tB3\n")).toBe(
      's.tsv:5:1: id "01005" appears again (first on line 2)',
    );
    // A repeated id that no name uses is one of the ignored extra rows.
    expect(readAnnotation("s\tBT\n01005\tB\n01010\tB\n03002\tT\nzz\t1\nzz\t2\n", NAMES).tracks).toHaveLength(
      1,
    );
  });

  test("readAnnotation reports repeated track names and ragged rows", () => {
    expect(errorOf("sample\tBT\tBT\n01005\t1\t2\n")).toMatch(
      /^s.tsv:1: expected distinct column names, found "BT" twice/,
    );
    expect(errorOf("sample\tBT\tage\n01005\tB\t1\n01010\tB\n")).toBe(
      "s.tsv:3: expected 3 fields (as in the header), found 2",
    );
  });

  test("readAnnotation gives a sheet with only ids no tracks", () => {
    expect(readAnnotation("sample\n01005\n01010\n03002\n", NAMES).tracks).toEqual([]);
  });
});

describe("trackFromCells", () => {
  test("trackFromCells makes numbers continuous, with NaN for missing entries", () => {
    const t = trackFromCells("age", ["53", "", "NA", "1e2", "Inf"]);
    expect(t.kind).toBe("continuous");
    expect([...(t.values as Float64Array)]).toEqual([53, Number.NaN, Number.NaN, 100, Infinity]);
  });

  test("trackFromCells makes text categorical with levels in order of first appearance", () => {
    expect(trackFromCells("g", ["b", "a", "NA", "b", "10"])).toEqual({
      name: "g",
      kind: "categorical",
      values: ["b", "a", null, "b", "10"],
      levels: ["b", "a", "10"],
    });
  });

  test("trackFromCells makes an all-missing column categorical without levels", () => {
    expect(trackFromCells("g", ["", "NA"])).toEqual({
      name: "g",
      kind: "categorical",
      values: [null, null],
      levels: [],
    });
  });
});
