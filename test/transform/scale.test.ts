import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";
import { scaleMatrix } from "../../src/transform/scale.js";
import { DATASETS, expectBitEqual, inputMatrix, loadFixture, parseAll, pickRows } from "./fixtures.js";

/** Names of the rows of a row-major matrix with at least one finite value. */
function finiteRows(values: Float64Array, ncol: number, names: readonly string[]): string[] {
  return names.filter((_, i) => values.subarray(i * ncol, (i + 1) * ncol).some(Number.isFinite));
}

describe.each(DATASETS)("scaleMatrix on %s against pheatmap", (name) => {
  const f = loadFixture(name);
  const m = inputMatrix(f);

  it('scaleMatrix(m, "row") equals pheatmap:::scale_mat(x, "row") bit for bit', () => {
    const want = parseAll(f.scaleRow);
    const kept = finiteRows(want, m.ncol, m.rowNames);
    const got = scaleMatrix(m, "row", { keepConstant: false });
    expect(got.rowNames).toEqual(kept);
    expect(got.colNames).toEqual(m.colNames);
    expectBitEqual(got.values, pickRows(want, m.ncol, m.rowNames, kept));
  });

  it('scaleMatrix(m, "column") equals pheatmap:::scale_mat(x, "column") bit for bit', () => {
    const want = parseAll(f.scaleColumn);
    const t = (v: Float64Array, nr: number, nc: number) =>
      Float64Array.from({ length: v.length }, (_, k) => v[(k % nr) * nc + Math.floor(k / nr)]);
    const wantT = t(want, m.nrow, m.ncol); // samples as rows
    const kept = finiteRows(wantT, m.nrow, m.colNames);
    const got = scaleMatrix(m, "column", { keepConstant: false });
    expect(got.colNames).toEqual(kept);
    expect(got.rowNames).toEqual(m.rowNames);
    const gotT = t(got.values, got.nrow, got.ncol);
    expectBitEqual(gotT, pickRows(wantT, m.nrow, m.colNames, kept));
  });
});

describe("scaleMatrix constant rows", () => {
  const m = createMatrix(
    [1, 2, 3, 5, 5, 5, 4, Number.NaN, 4, Number.NaN, 7, Number.NaN, 2, 4, 9],
    ["a", "flat", "flatNA", "single", "e"],
    ["x", "y", "z"],
  );

  it("scaleMatrix drops constant rows (sd 0 or < 2 values) with a warning naming them", () => {
    const log = collectingLogger();
    const got = scaleMatrix(m, "row", { keepConstant: false }, log);
    expect(got.rowNames).toEqual(["a", "e"]);
    expect(Array.from(got.values.subarray(0, 3))).toEqual([-1, 0, 1]);
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain("3 constant rows");
    expect(log.warnings[0]).toContain('"flat", "flatNA", "single"');
    expect(log.warnings[0]).toContain("keepConstant");
  });

  it("scaleMatrix with keepConstant keeps constant rows at 0, NA stays NA, silently", () => {
    const log = collectingLogger();
    const got = scaleMatrix(m, "row", { keepConstant: true }, log);
    expect(got.rowNames).toEqual(m.rowNames);
    expect(Array.from(got.values.subarray(3, 12))).toEqual([
      0,
      0,
      0,
      0,
      Number.NaN,
      0,
      Number.NaN,
      0,
      Number.NaN,
    ]);
    expect(log.warnings).toEqual([]);
  });

  it("scaleMatrix column drops constant columns with a warning", () => {
    const c = createMatrix([1, 5, 2, 2, 5, 4, 3, 5, 6], ["r1", "r2", "r3"], ["a", "const", "c"]);
    const log = collectingLogger();
    const got = scaleMatrix(c, "column", { keepConstant: false }, log);
    expect(got.colNames).toEqual(["a", "c"]);
    expect(got.rowNames).toEqual(["r1", "r2", "r3"]);
    expect(Array.from(got.values)).toEqual([-1, -1, 0, 0, 1, 1]);
    expect(log.warnings[0]).toContain(
      '1 constant column (sd 0 or fewer than 2 values) cannot be scaled and was dropped: "const"',
    );
  });

  it("scaleMatrix column with keepConstant keeps the column at 0 and its annotation aligned", () => {
    const c = createMatrix([1, 5, 2, 2, 5, 4, 3, 5, 6], ["r1", "r2", "r3"], ["a", "const", "c"], {
      colAnnotation: {
        tracks: [{ name: "G", kind: "categorical", values: ["u", "v", "w"], levels: ["u", "v", "w"] }],
      },
    });
    const got = scaleMatrix(c, "column", { keepConstant: true });
    expect(Array.from(got.values)).toEqual([-1, 0, -1, 0, 0, 0, 1, 0, 1]);
    expect(got.colAnnotation?.tracks[0].values).toEqual(["u", "v", "w"]);
  });

  it("scaleMatrix throws a DataError when every row is constant", () => {
    const flat = createMatrix([1, 1, 2, 2], ["p", "q"], ["x", "y"]);
    expect(() => scaleMatrix(flat, "row", { keepConstant: false })).toThrow(/every row is constant/);
    expect(Array.from(scaleMatrix(flat, "row", { keepConstant: true }).values)).toEqual([0, 0, 0, 0]);
  });
});

describe("scaleMatrix checks", () => {
  it('scaleMatrix(m, "none") returns the matrix unchanged, infinities included', () => {
    const m = createMatrix([1, Number.NEGATIVE_INFINITY], ["a"], ["x", "y"]);
    expect(scaleMatrix(m, "none", { keepConstant: false })).toBe(m);
  });

  it("scaleMatrix refuses infinite values with a DataError naming row and column", () => {
    const m = createMatrix([1, 2, 3, Number.NEGATIVE_INFINITY], ["a", "b"], ["x", "y"]);
    expect(() => scaleMatrix(m, "row", { keepConstant: false })).toThrow(DataError);
    expect(() => scaleMatrix(m, "column", { keepConstant: true })).toThrow(
      /row "b", column "y": value is -Inf; infinite values cannot be used for scaling: .*pseudocount/,
    );
  });

  it("scaleMatrix keeps row annotations aligned when it drops rows", () => {
    const m = createMatrix([1, 2, 3, 3, 4, 6], ["a", "flat", "c"], ["x", "y"], {
      rowAnnotation: { tracks: [{ name: "k", kind: "continuous", values: Float64Array.of(10, 20, 30) }] },
    });
    const got = scaleMatrix(m, "row", { keepConstant: false });
    expect(got.rowNames).toEqual(["a", "c"]);
    expect(Array.from(got.rowAnnotation?.tracks[0].values as Float64Array)).toEqual([10, 30]);
  });
});

describe("scaleMatrix rows whose sd overflows", () => {
  it("are named as overflowing, not as constant, even with keepConstant", () => {
    const m = createMatrix(
      [1, 2, 3, 1e308, -1e308, 1e308, 1.7e308, 1.7e308, 1.6e308],
      ["a", "huge", "near max"],
      ["x", "y", "z"],
    );
    for (const keepConstant of [false, true]) {
      const log = collectingLogger();
      let error: unknown;
      try {
        scaleMatrix(m, "row", { keepConstant }, log);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataError);
      const message = (error as Error).message;
      expect(message).toContain('the standard deviations of 2 rows overflow ("huge", "near max")');
      expect(message).toContain("larger than the largest double");
      expect(message).not.toContain("constant (sd 0");
      expect(log.warnings).toEqual([]);
    }
    const one = createMatrix([1, 2, 3, 1e308, -1e308, 1e308], ["a", "huge"], ["x", "y", "z"]);
    expect(() => scaleMatrix(one, "column", { keepConstant: false })).toThrow(
      /^scale column: the standard deviations of 3 columns overflow /,
    );
    expect(() => scaleMatrix(one, "row", { keepConstant: false })).toThrow(
      /^scale row: the standard deviation of row "huge" overflows: /,
    );
  });
});
