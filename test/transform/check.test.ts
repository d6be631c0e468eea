import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { createMatrix } from "../../src/matrix.js";
import { assertFinite } from "../../src/transform/check.js";

describe("assertFinite", () => {
  it("assertFinite accepts finite values and NaN", () => {
    expect(() => assertFinite(createMatrix([1, Number.NaN], ["a"], ["x", "y"]), "clustering")).not.toThrow();
  });

  it("assertFinite names the first infinite value's row and column, and counts the others", () => {
    const m = createMatrix(
      [1, 2, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      ["a", "01005"],
      ["x", "y"],
    );
    expect(() => assertFinite(m, "clustering")).toThrow(DataError);
    expect(() => assertFinite(m, "clustering")).toThrow(
      'row "01005", column "x": value is Inf (and 1 more infinite value); infinite values cannot be used for clustering',
    );
  });

  it("assertFinite suggests a pseudocount for -Inf", () => {
    const m = createMatrix([Number.NEGATIVE_INFINITY, 1], ["g"], ["s1", "s2"]);
    expect(() => assertFinite(m, "scaling")).toThrow(/value is -Inf; .*add a pseudocount \(--log2 1/);
  });
});
