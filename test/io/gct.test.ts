import { describe, expect, test } from "vitest";
import { readGct } from "../../src/io/gct.js";
import { readMatrix } from "../../src/io/matrix-reader.js";
import { fixture } from "./helpers.js";

const text = (name: string) => new TextDecoder().decode(fixture(name));

/** The message of the DataError that reading GCT text throws. */
function errorOf(gct: string): string {
  try {
    readMatrix(gct, { file: "x.gct" });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

describe("readGct", () => {
  test("readGct keeps an informative GCT 1.2 Description as a categorical row track", () => {
    const { matrix } = readGct(text("basic.gct"));
    expect(matrix.rowAnnotation?.tracks).toEqual([
      { name: "Description", kind: "categorical", values: ["DDR1", "TP53", null], levels: ["DDR1", "TP53"] },
    ]);
    expect(matrix.colAnnotation).toBeUndefined();
  });

  test("readGct drops a Description that only repeats the Name or is missing", () => {
    const { matrix } = readGct(text("plain.gct"));
    expect(matrix.rowAnnotation).toBeUndefined();
  });

  test("readGct turns GCT 1.3 row and column metadata into annotations, numeric or categorical", () => {
    const { matrix, lines, corner } = readGct(text("meta.gct"));
    expect(corner).toBe("id");
    expect(lines).toEqual([6, 7, 8]);
    const rows = matrix.rowAnnotation!.tracks;
    expect(rows.map((t) => [t.name, t.kind])).toEqual([
      ["symbol", "categorical"],
      ["chr", "continuous"],
    ]);
    expect(rows[0].values).toEqual(["DDR1", "TP53", null]);
    expect([...(rows[1].values as Float64Array)]).toEqual([6, 17, 1]);
    const cols = matrix.colAnnotation!.tracks;
    expect(cols[0]).toEqual({
      name: "group",
      kind: "categorical",
      values: ["B", "T", "B"],
      levels: ["B", "T"],
    });
    expect(cols[1].kind).toBe("continuous");
    expect([...(cols[1].values as Float64Array)]).toEqual([53, 19, Number.NaN]);
  });

  test("readGct accepts Excel's trailing tabs and CRLF", () => {
    const excel = text("meta.gct").replace(/\n/g, "\t\t\r\n");
    expect(readGct(excel).matrix.values).toEqual(readGct(text("meta.gct")).matrix.values);
  });

  test("readGct reports counts that disagree with the dimensions line", () => {
    const gct = text("basic.gct");
    expect(errorOf(gct.replace("3\t3", "4\t3"))).toBe(
      "x.gct: expected 4 data lines (as line 2 says), found 3",
    );
    expect(errorOf(gct.replace("3\t3", "3\t2"))).toBe(
      "x.gct:3: expected 4 fields (Name, Description and 2 samples, as line 2 says), found 5",
    );
    expect(errorOf(gct.replace("\t12\n", "\n"))).toBe(
      "x.gct:6: expected 5 fields (Name, Description and 3 samples, as line 2 says), found 4",
    );
    expect(errorOf(text("meta.gct").replace("3\t3\t2\t2", "3\t3\t2\t1"))).toMatch(
      /^x.gct: expected 3 data lines \(as line 2 says\), found 4/,
    );
  });

  test("readGct reports a bad version, dimension or value with its place", () => {
    const gct = text("basic.gct");
    expect(errorOf(gct.replace("#1.2", "#1.4"))).toBe(
      'x.gct:1:1: expected "#1.2" or "#1.3" (a GCT version line), found "#1.4"',
    );
    expect(errorOf(gct.replace("3\t3", "3\tthree"))).toBe(
      'x.gct:2:2: expected a whole number (the number of columns), found "three"',
    );
    expect(errorOf(gct.replace("-Inf", "high"))).toBe('x.gct:6:4: expected a number, found "high"');
    expect(errorOf("#1.3\n1\t1\n")).toBe(
      'x.gct:2:3: expected a whole number (the number of row metadata fields), found ""',
    );
  });
});
