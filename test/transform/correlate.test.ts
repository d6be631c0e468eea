/**
 * correlate(): the correlation matrix step against R's cor(…, use =
 * "pairwise.complete.obs") on a matrix with missing values and ties
 * (fixture: test/golden/transform/make-correlation.R).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMatrix } from "../../src/matrix.js";
import { correlate } from "../../src/transform/correlate.js";

interface Fixture {
  rows: number;
  cols: number;
  values: (number | null)[];
  pearson: (number | null)[][];
  spearman: (number | null)[][];
  kendall: (number | null)[][];
  samples_pearson: (number | null)[][];
}

const fixture: Fixture = JSON.parse(
  readFileSync(new URL("../golden/transform/correlation.json", import.meta.url), "utf8"),
);
const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const m = createMatrix(
  fixture.values.map((v) => (v === null ? Number.NaN : v)),
  names("g", fixture.rows),
  names("s", fixture.cols),
);

function expectMatrix(actual: Float64Array, expected: (number | null)[][]): void {
  const n = expected.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const e = expected[i][j];
      const a = actual[i * n + j];
      if (e === null) expect(a).toBeNaN();
      // r = 1 − (R's 1 − r bit for bit): within an ulp of 1 of R's r
      else expect(Math.abs(a - e)).toBeLessThanOrEqual(4e-16);
    }
  }
}

describe("correlate", () => {
  for (const method of ["pearson", "spearman", "kendall"] as const) {
    it(`correlate(m, "rows", "${method}") equals R's cor(t(x), use = "pairwise.complete.obs")`, () => {
      const r = correlate(m, "rows", method);
      expect(r.matrix.rowNames).toEqual(m.rowNames);
      expect(r.matrix.colNames).toEqual(m.rowNames);
      expectMatrix(r.matrix.values, fixture[method]);
    });
  }

  it('correlate(m, "cols", "pearson") equals R\'s cor(x, use = "pairwise.complete.obs")', () => {
    const r = correlate(m, "cols", "pearson");
    expect(r.matrix.rowNames).toEqual(m.colNames);
    expectMatrix(r.matrix.values, fixture.samples_pearson);
  });

  it("correlate keeps the distances 1 − r it clustered from, and the sheet on both axes", () => {
    const sheet = { tracks: [{ name: "k", kind: "continuous" as const, values: new Float64Array(8) }] };
    const r = correlate({ ...m, rowAnnotation: sheet }, "rows", "pearson");
    expect(r.dist.n).toBe(8);
    expect(r.dist.values[0]).toBeCloseTo(1 - (fixture.pearson[0][1] as number), 15);
    expect(r.matrix.rowAnnotation).toBe(sheet);
    expect(r.matrix.colAnnotation).toBe(sheet);
  });

  it("correlate gives NaN (drawn as missing) for a constant row", () => {
    const c = createMatrix([1, 2, 3, 5, 5, 5, 3, 1, 2], ["a", "b", "c"], ["x", "y", "z"]);
    const r = correlate(c, "rows", "pearson").matrix.values;
    expect(r[4]).toBeNaN();
    expect(r[1]).toBeNaN();
    expect(r[0]).toBe(1);
    expect(r[2]).toBeCloseTo(-0.5, 15);
  });
});
