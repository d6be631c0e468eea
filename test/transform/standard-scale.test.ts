/** standardScaleMatrix(): seaborn's standard_scale, min–max to 0…1 per row or column. */
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { createMatrix } from "../../src/matrix.js";
import { prepare } from "../../src/transform/prepare.js";
import { standardScaleMatrix } from "../../src/transform/standard-scale.js";

const m = createMatrix([1, 3, 5, 10, Number.NaN, 20, 4, 4, 4], ["a", "b", "c"], ["x", "y", "z"]);

describe("standardScaleMatrix", () => {
  it('standardScaleMatrix(m, "row") is (x − min) / (max − min) per row, NAs kept, a constant row 0', () => {
    expect(Array.from(standardScaleMatrix(m, "row").values)).toEqual([0, 0.5, 1, 0, Number.NaN, 1, 0, 0, 0]);
  });

  it('standardScaleMatrix(m, "column") scales each column (seaborn standard_scale=1)', () => {
    const v = Array.from(standardScaleMatrix(m, "column").values);
    // column x: 1, 10, 4 → 0, 1, 1/3; column y: 3, NaN, 4 → 0, NaN, 1; column z: 5, 20, 4 → 1/16, 1, 0
    expect(v[0]).toBe(0);
    expect(v[3]).toBe(1);
    expect(v[6]).toBe(3 / 9);
    expect(v[4]).toBeNaN();
    expect(v[7]).toBe(1);
    expect(v[2]).toBe(1 / 16);
  });

  it('standardScaleMatrix(m, "none") returns the matrix unchanged', () => {
    expect(standardScaleMatrix(m, "none")).toBe(m);
  });

  it("standardScaleMatrix refuses infinite values", () => {
    const inf = createMatrix([1, Number.POSITIVE_INFINITY], ["a"], ["x", "y"]);
    expect(() => standardScaleMatrix(inf, "row")).toThrow(DataError);
  });

  it("prepare applies standardScale as its last step", () => {
    const p = prepare(m, { standardScale: "row" });
    expect(p.values[1]).toBe(0.5);
  });
});
