import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";
import {
  dropMissingRows,
  rowVariances,
  selectRowsByName,
  topVariableRows,
} from "../../src/transform/filter.js";
import { DATASETS, expectBitEqual, inputMatrix, loadFixture, parseAll } from "./fixtures.js";

describe.each(DATASETS)("variance filter on %s against R", (name) => {
  const f = loadFixture(name);
  const m = inputMatrix(f);

  it("rowVariances equals apply(x, 1, var, na.rm = TRUE) bit for bit", () => {
    expectBitEqual(rowVariances(m), parseAll(f.rowVar));
  });

  it.each(Object.entries(f.topVariable))(
    "topVariableRows(m, %s) keeps R's head(order(v, decreasing = TRUE), n) in original order",
    (n, names) => {
      const got = topVariableRows(m, Number(n));
      expect(got.rowNames).toEqual(names);
      expect(got.ncol).toBe(m.ncol);
    },
  );

  it("topVariableRows ranks every row as R's order(v, decreasing = TRUE)", () => {
    // Keeping n rows for every n reveals the whole ranking.
    const ranking: string[] = [];
    for (let n = 1; n <= m.nrow; n++) {
      const kept = new Set(topVariableRows(m, n).rowNames);
      ranking.push(...[...kept].filter((r) => !ranking.includes(r)));
    }
    expect(ranking).toEqual(f.topVariableOrder);
  });
});

describe("topVariableRows", () => {
  const nan = Number.NaN;
  const m = createMatrix(
    [1, 2, 3, nan, 5, nan, 0, 10, 20, 1, 2, 3, 9, 9, 9, nan, nan, nan],
    ["a", "one", "big", "aTwin", "flat", "empty"],
    ["x", "y", "z"],
  );

  it("topVariableRows breaks ties by original order and ranks rows with < 2 values last", () => {
    expect(topVariableRows(m, 1).rowNames).toEqual(["big"]);
    expect(topVariableRows(m, 2).rowNames).toEqual(["a", "big"]);
    expect(topVariableRows(m, 3).rowNames).toEqual(["a", "big", "aTwin"]);
    expect(topVariableRows(m, 4).rowNames).toEqual(["a", "big", "aTwin", "flat"]);
    expect(topVariableRows(m, 5).rowNames).toEqual(["a", "one", "big", "aTwin", "flat"]);
  });

  it("topVariableRows with n ≥ nrow keeps every row", () => {
    expect(topVariableRows(m, 6)).toBe(m);
    expect(topVariableRows(m, 100).rowNames).toEqual(m.rowNames);
  });
});

describe("selectRowsByName", () => {
  const m = createMatrix([1, 2, 3, 4, 5, 6], ["A", "B", "C"], ["x", "y"], {
    rowAnnotation: {
      tracks: [{ name: "k", kind: "categorical", values: ["p", "q", "r"], levels: ["p", "q", "r"] }],
    },
  });

  it("selectRowsByName keeps the matrix's order by default", () => {
    const got = selectRowsByName(m, ["C", "A"], false);
    expect(got.rowNames).toEqual(["A", "C"]);
    expect(Array.from(got.values)).toEqual([1, 2, 5, 6]);
    expect(got.rowAnnotation?.tracks[0].values).toEqual(["p", "r"]);
  });

  it("selectRowsByName with keepOrder keeps the list's order, a repeated name once", () => {
    const got = selectRowsByName(m, ["C", "A", "C"], true);
    expect(got.rowNames).toEqual(["C", "A"]);
    expect(Array.from(got.values)).toEqual([5, 6, 1, 2]);
  });

  it("selectRowsByName warns of names not found, with their count and the first few", () => {
    const log = collectingLogger();
    const got = selectRowsByName(m, ["B", "Z1", "Z2", "Z3", "Z4", "Z5", "Z6"], false, log);
    expect(got.rowNames).toEqual(["B"]);
    expect(log.warnings).toEqual(['rows: 6 of 7 names not found: "Z1", "Z2", "Z3", "Z4", "Z5" and 1 more']);
  });

  it("selectRowsByName matches names exactly (case, leading zeros)", () => {
    const z = createMatrix([1, 2], ["01005", "1005"], ["x"]);
    expect(selectRowsByName(z, ["01005"], false).rowNames).toEqual(["01005"]);
  });

  it("selectRowsByName throws a DataError when no name is found", () => {
    expect(() => selectRowsByName(m, ["a", "b"], false)).toThrow(DataError);
    expect(() => selectRowsByName(m, ["a", "b"], false)).toThrow(
      /none of the 2 rows asked for is in the matrix: "a", "b"/,
    );
  });
});

describe("dropMissingRows", () => {
  it("dropMissingRows drops rows with only NaN, with a warning", () => {
    const nan = Number.NaN;
    const m = createMatrix([nan, nan, 1, nan, nan, nan], ["e1", "ok", "e2"], ["x", "y"]);
    const log = collectingLogger();
    const got = dropMissingRows(m, log);
    expect(got.rowNames).toEqual(["ok"]);
    expect(log.warnings).toEqual(['2 rows with only missing values dropped: "e1", "e2"']);
  });

  it("dropMissingRows returns the matrix itself when nothing is missing, and throws when all is", () => {
    const m = createMatrix([1, 2], ["a"], ["x", "y"]);
    expect(dropMissingRows(m)).toBe(m);
    expect(() => dropMissingRows(createMatrix([Number.NaN], ["a"], ["x"]))).toThrow(DataError);
  });
});
