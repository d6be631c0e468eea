/**
 * distanceMatrix's fast paths (WebAssembly kernels, double-precision
 * correlation with exact recomputation below a threshold) against its exact
 * paths, on data with the awkward cases: NAs, constant rows, duplicates,
 * shifted copies.
 */
import { describe, expect, it } from "vitest";
import { pairIndex } from "../../src/cluster/dist-matrix.js";
import { distanceMatrix, undefinedDistanceError } from "../../src/cluster/distance.js";
import { PAIR_METRICS } from "../../src/cluster/metrics.js";
import { randomSource } from "../../src/cluster/random.js";
import { createMatrix } from "../../src/matrix.js";

function awkwardMatrix(n: number, p: number, withNA: boolean) {
  const rnd = randomSource(11);
  const v = new Float64Array(n * p);
  for (let k = 0; k < v.length; k++) v[k] = rnd() * 10 - 5;
  for (let k = 0; k < p; k++) {
    v[1 * p + k] = v[0 * p + k]; // duplicate
    v[2 * p + k] = v[0 * p + k] + 0.12; // shifted copy: correlation distance ~0
    v[3 * p + k] = 2.5; // constant
  }
  if (withNA) {
    v[5 * p + 2] = Number.NaN;
    v[9 * p + 0] = Number.NaN;
  }
  const names = Array.from({ length: n }, (_, i) => `g${i}`);
  return createMatrix(
    v,
    names,
    Array.from({ length: p }, (_, j) => `s${j}`),
  );
}

describe("distanceMatrix", () => {
  it("distanceMatrix(euclidean) through the kernels equals R's sequential sum for every pair", () => {
    const m = awkwardMatrix(70, 13, false);
    const d = distanceMatrix(m, "euclidean");
    for (let i = 0; i < m.nrow; i++) {
      for (let j = i + 1; j < m.nrow; j++) {
        expect(d.values[pairIndex(m.nrow, i, j)]).toBe(
          PAIR_METRICS.euclidean(m.values, i * 13, j * 13, 13, 2),
        );
      }
    }
  });

  it.each([
    [false, "correlation"],
    [true, "correlation"],
    [false, "spearman"],
    [true, "spearman"],
  ] as const)("distanceMatrix(%s NAs, %s) fast path agrees with the exact path", (withNA, metric) => {
    const m = awkwardMatrix(60, 9, withNA);
    // row 3 is constant: drop it (its correlations are undefined)
    const keep = createMatrix(
      m.values.filter((_, k) => Math.floor(k / 9) !== 3),
      m.rowNames.filter((_, i) => i !== 3),
      m.colNames,
    );
    const exact = distanceMatrix(keep, metric, { exactBelow: Number.POSITIVE_INFINITY });
    const fast = distanceMatrix(keep, metric, { exactBelow: 1e-3 });
    for (let k = 0; k < exact.values.length; k++) {
      const e = exact.values[k];
      if (e < 1e-3) expect(fast.values[k]).toBe(e);
      else expect(Math.abs(fast.values[k] - e)).toBeLessThanOrEqual(1e-12 * Math.max(1, e));
    }
    expect(exact.values[pairIndex(keep.nrow, 0, 1)]).toBe(0); // duplicates
  });

  it("distanceMatrix(correlation) names a constant row", () => {
    expect(() => distanceMatrix(awkwardMatrix(20, 5, false), "correlation")).toThrow(/"g3".*undefined/);
  });
});

describe("non-finite distances are explained", () => {
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      return (e as Error).message;
    }
    return "(no error)";
  };

  it("an overflowing euclidean distance is named as overflow, not as missing columns", () => {
    const m = createMatrix(
      [1e308, -1e308, 1e308, 1, 2, 3, -1e308, 1e308, 0],
      ["a", "b", "c"],
      ["x", "y", "z"],
    );
    for (const metric of ["euclidean", "manhattan", "maximum", "cosine", "correlation"] as const) {
      const message = messageOf(() => distanceMatrix(m, metric));
      expect(message).toMatch(new RegExp(`^the ${metric} distance between "\\w" and "\\w" overflows`));
      expect(message).toContain("larger than the largest double");
      expect(message).not.toContain("share no");
      expect(message).not.toMatch(/e-324|\d\.\d+e\+?308/);
    }
  });

  it("minkowski with a tiny power names the power", () => {
    const m = createMatrix([0, 0, 1, 2, 3, 5], ["a", "b", "c"], ["x", "y"]);
    const message = messageOf(() => distanceMatrix(m, "minkowski", { minkowskiP: 1e-300 }));
    expect(message).toMatch(
      /^the minkowski distance between "a" and "b" overflows: it is larger than the largest double/,
    );
    expect(message).toContain("use a minkowski power of at least 1");
  });

  it("rows without a shared column and constant rows are called undefined", () => {
    const nan = Number.NaN;
    const m = createMatrix([1, nan, nan, 2, 3, 4], ["a", "b", "c"], ["x", "y"]);
    expect(messageOf(() => distanceMatrix(m, "euclidean"))).toBe(
      'the euclidean distance between "a" and "b" is undefined: they share no non-missing column',
    );
    const flat = createMatrix([1, 1, 1, 2, 3, 1, 4, 4, 5], ["flat", "b", "c"], ["x", "y", "z"]);
    expect(messageOf(() => distanceMatrix(flat, "correlation"))).toMatch(
      /^the correlation distance between "flat" and "b" is undefined: "flat" is constant/,
    );
  });

  it("undefinedDistanceError(…, rows) explains the pair hclust found non-finite", () => {
    const m = createMatrix([1e308, 1e308, -1e308, -1e308], ["a", "b"], ["x", "y"]);
    expect(undefinedDistanceError(m.rowNames, 0, 1, "euclidean", m).message).toMatch(/overflows/);
    expect(undefinedDistanceError(m.rowNames, 0, 1, "euclidean").message).toMatch(/overflows/);
  });
});
