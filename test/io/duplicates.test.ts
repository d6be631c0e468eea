import { describe, expect, test } from "vitest";
import { DataError } from "../../src/errors.js";
import { checkDuplicateCols, makeUnique, resolveDuplicateRows } from "../../src/io/duplicates.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";

const NaN_ = Number.NaN;
// Rows: A, B, A, C, A — A's third copy is all missing, B/C are unique.
const m = createMatrix(
  [1, 2, NaN_, 10, 20, 30, 3, NaN_, NaN_, 7, 8, 9, NaN_, NaN_, NaN_],
  ["A", "B", "A", "C", "A"],
  ["x", "y", "z"],
  {
    rowAnnotation: {
      tracks: [
        {
          name: "t",
          kind: "categorical",
          values: ["a1", "b", "a2", "c", "a3"],
          levels: ["a1", "b", "a2", "c", "a3"],
        },
      ],
    },
  },
);

describe("resolveDuplicateRows", () => {
  test("resolveDuplicateRows leaves a matrix without duplicates as it is", () => {
    const u = createMatrix([1, 2], ["A", "B"], ["x"]);
    expect(resolveDuplicateRows(u, "error")).toBe(u);
  });

  test("resolveDuplicateRows(error) lists the names with their count and the first repeat's line", () => {
    expect(() => resolveDuplicateRows(m, "error", { file: "e.tsv", lines: [2, 3, 4, 5, 6] })).toThrow(
      DataError,
    );
    expect(() => resolveDuplicateRows(m, "error", { file: "e.tsv", lines: [2, 3, 4, 5, 6] })).toThrow(
      'e.tsv:4: 1 row name occurs more than once ("A" first on line 2): "A"; set duplicateRows',
    );
  });

  test("resolveDuplicateRows(error) shortens a long list with listSome", () => {
    const names = Array.from({ length: 16 }, (_, i) => `g${i % 8}`);
    const big = createMatrix(new Float64Array(16), names, ["x"]);
    expect(() => resolveDuplicateRows(big, "error")).toThrow(
      '8 row names occur more than once: "g0", "g1", "g2", "g3", "g4" and 3 more;',
    );
  });

  test("resolveDuplicateRows(first) keeps each name's first row, and its annotation", () => {
    const r = resolveDuplicateRows(m, "first");
    expect(r.rowNames).toEqual(["A", "B", "C"]);
    expect([...r.values]).toEqual([1, 2, NaN_, 10, 20, 30, 7, 8, 9]);
    expect(r.rowAnnotation?.tracks[0].values).toEqual(["a1", "b", "c"]);
  });

  test("resolveDuplicateRows(mean) averages per column, ignoring NaN; all-NaN stays NaN", () => {
    const r = resolveDuplicateRows(m, "mean");
    expect(r.rowNames).toEqual(["A", "B", "C"]);
    expect(r.nrow).toBe(3);
    expect([...r.values]).toEqual([2, 2, NaN_, 10, 20, 30, 7, 8, 9]);
    expect(r.rowAnnotation?.tracks[0].values).toEqual(["a1", "b", "c"]);
  });

  test("resolveDuplicateRows(sum) adds per column, ignoring NaN; all-NaN stays NaN (not 0 as colSums)", () => {
    const r = resolveDuplicateRows(m, "sum");
    expect([...r.values]).toEqual([4, 2, NaN_, 10, 20, 30, 7, 8, 9]);
  });

  test("resolveDuplicateRows(unique) renames later copies as make.unique and says so", () => {
    const logger = collectingLogger();
    const r = resolveDuplicateRows(m, "unique", { logger });
    expect(r.rowNames).toEqual(["A", "B", "A.1", "C", "A.2"]);
    expect(r.values).toBe(m.values);
    expect(logger.warnings).toEqual(['1 duplicate row name ("A"): renamed 2 rows as R\'s make.unique does']);
  });
});

describe("makeUnique", () => {
  // Expected values from R 4.2.2: make.unique(c(...)).
  test.each([
    [
      ["a", "a", "a.1"],
      ["a", "a.2", "a.1"],
    ],
    [
      ["a.1", "a", "a"],
      ["a.1", "a", "a.2"],
    ],
    [
      ["a", "a", "a", "a.2"],
      ["a", "a.1", "a.3", "a.2"],
    ],
    [
      ["a", "b", "a", "b", "a"],
      ["a", "b", "a.1", "b.1", "a.2"],
    ],
    [
      ["a", "a", "a.1", "a.1"],
      ["a", "a.2", "a.1", "a.1.1"],
    ],
  ])("makeUnique(%j) gives R's %j", (names, expected) => {
    expect(makeUnique(names)).toEqual(expected);
  });
});

describe("checkDuplicateCols", () => {
  test("checkDuplicateCols lists repeated column names at the header's line", () => {
    expect(() => checkDuplicateCols(["a", "b", "a"], { file: "e.tsv", line: 1 })).toThrow(
      'e.tsv:1: 1 column name occurs more than once: "a"',
    );
    expect(() => checkDuplicateCols(["a", "b"], {})).not.toThrow();
  });
});
