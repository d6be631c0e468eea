import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kmeans, kmeansStart } from "../../src/cluster/kmeans.js";
import { randomInt, randomSource } from "../../src/cluster/random.js";
import { DataError, UsageError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix, type Matrix } from "../../src/matrix.js";

interface KmeansGolden {
  rows: string[];
  cols: string[];
  values: number[];
  cases: { k: number; tot_withinss: number; cluster: number[]; size: number[] }[];
}
const golden: KmeansGolden = JSON.parse(
  readFileSync(new URL("../golden/trees/kmeans.json", import.meta.url), "utf8"),
);
const dex30 = createMatrix(golden.values, golden.rows, golden.cols);

/** Three well-separated groups of rows in 4 columns: rows 0–9 near 0, 10–19 near 10, 20–29 near −10. */
function blobs(seed: number): Matrix {
  const random = randomSource(seed);
  const values: number[] = [];
  for (let i = 0; i < 30; i++) {
    const center = i < 10 ? 0 : i < 20 ? 10 : -10;
    for (let j = 0; j < 4; j++) values.push(center + random() - 0.5);
  }
  // shuffle the rows so that the groups are interleaved
  const order = Array.from({ length: 30 }, (_, i) => i);
  for (let i = 29; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const shuffled = order.flatMap((i) => values.slice(i * 4, i * 4 + 4));
  return createMatrix(
    shuffled,
    order.map((i) => `r${i}`),
    ["a", "b", "c", "d"],
  );
}

/** Groups numbered by first appearance from a row → group function. */
function firstAppearance(groups: number[]): number[] {
  const ids = new Map<number, number>();
  return groups.map((g) => {
    if (!ids.has(g)) ids.set(g, ids.size + 1);
    return ids.get(g)!;
  });
}

describe("randomSource", () => {
  it("randomSource(seed) repeats for a seed and differs between seeds", () => {
    const a = randomSource(42);
    const b = randomSource(42);
    const c = randomSource(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("randomSource(seed) gives the same numbers on every platform (pinned)", () => {
    const r = randomSource(1);
    expect(Array.from({ length: 3 }, () => r())).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it("randomSource(seed) refuses a seed that is not finite", () => {
    expect(() => randomSource(Number.NaN)).toThrow(UsageError);
  });
});

describe("kmeans", () => {
  it("kmeans(m, 3) finds three obvious groups, numbered by first appearance", () => {
    const m = blobs(7);
    const result = kmeans(m, 3, { seed: 1, starts: 5 });
    const truth = m.rowNames.map((name) => {
      const i = Number(name.slice(1));
      return i < 10 ? 0 : i < 20 ? 1 : 2;
    });
    expect(Array.from(result.cluster)).toEqual(firstAppearance(truth));
    expect(result.cluster[0]).toBe(1);
    expect(Array.from(result.size)).toEqual([10, 10, 10]);
    expect(result.converged).toBe(true);
    expect(result.centers.nrow).toBe(3);
    expect(result.centers.colNames).toEqual(["a", "b", "c", "d"]);
    expect(result.centers.rowNames).toEqual([
      "Cluster: 1 Size: 10",
      "Cluster: 2 Size: 10",
      "Cluster: 3 Size: 10",
    ]);
    expect(result.totWithinss).toBeCloseTo(
      result.withinss.reduce((a, b) => a + b, 0),
      12,
    );
  });

  it("kmeans(m, k, {seed}) is deterministic for a seed", () => {
    const a = kmeans(dex30, 4, { seed: 123, starts: 3 });
    const b = kmeans(dex30, 4, { seed: 123, starts: 3 });
    expect(a).toEqual(b);
  });

  it("kmeans(m, k) is never worse than any of its starts", () => {
    for (const k of [2, 3, 5]) {
      const result = kmeans(dex30, k, { seed: 9, starts: 6 });
      const random = randomSource(9);
      for (let s = 0; s < 6; s++) {
        const start = kmeansStart(dex30, k, random, 100);
        expect(result.totWithinss).toBeLessThanOrEqual(start.totWithinss * (1 + 1e-12));
      }
    }
  });

  it("kmeans(m, k) ends where no single row can move to lower the total (Hartigan) and each row is nearest its center (Lloyd)", () => {
    const result = kmeans(dex30, 5, { seed: 3, starts: 1 });
    const p = dex30.ncol;
    const d2 = (i: number, c: number) => {
      let s = 0;
      for (let j = 0; j < p; j++) s += (dex30.values[i * p + j] - result.centers.values[c * p + j]) ** 2;
      return s;
    };
    for (let i = 0; i < dex30.nrow; i++) {
      const a = result.cluster[i] - 1;
      const na = result.size[a];
      for (let b = 0; b < 5; b++) {
        if (b === a) continue;
        expect(d2(i, a)).toBeLessThanOrEqual(d2(i, b) + 1e-12);
        if (na > 1) {
          const nb = result.size[b];
          expect((nb / (nb + 1)) * d2(i, b)).toBeGreaterThanOrEqual((na / (na - 1)) * d2(i, a) - 1e-12);
        }
      }
    }
  });

  it.each(golden.cases.map((c) => [c.k, c] as const))(
    "kmeans(dex30 scaled, %i) reaches R's best of 200 Hartigan–Wong starts",
    (k, c) => {
      const result = kmeans(dex30, k, { seed: 1, starts: 25 });
      expect(result.totWithinss).toBeLessThanOrEqual(c.tot_withinss * (1 + 1e-9));
      if (Math.abs(result.totWithinss - c.tot_withinss) <= 1e-9 * c.tot_withinss) {
        // the same partition, up to the names of the groups
        expect(Array.from(result.cluster)).toEqual(firstAppearance(c.cluster));
      }
    },
  );

  it("kmeans(m, k) warns when the kept start did not converge", () => {
    const logger = collectingLogger();
    const result = kmeans(dex30, 6, { seed: 2, starts: 1, maxIter: 1, logger });
    expect(result.converged).toBe(false);
    expect(logger.warnings).toEqual(["k-means did not converge in 1 iterations"]);
    const quiet = collectingLogger();
    expect(kmeans(dex30, 6, { seed: 2, starts: 1, logger: quiet }).converged).toBe(true);
    expect(quiet.warnings).toEqual([]);
  });

  it("kmeans(m, k) refuses bad k, starts and maxIter", () => {
    for (const k of [0, 31, 2.5]) expect(() => kmeans(dex30, k, { seed: 1, starts: 1 })).toThrow(UsageError);
    expect(() => kmeans(dex30, 2, { seed: 1, starts: 0 })).toThrow(UsageError);
    expect(() => kmeans(dex30, 2, { seed: 1, starts: 1, maxIter: 0 })).toThrow(UsageError);
  });

  it("kmeans(m, k) refuses more clusters than distinct rows", () => {
    const m = createMatrix([1, 1, 1, 1, 2, 2], ["a", "b", "c"], ["x", "y"]);
    expect(() => kmeans(m, 3, { seed: 1, starts: 1 })).toThrow(/distinct rows/);
    expect(Array.from(kmeans(m, 2, { seed: 1, starts: 1 }).cluster)).toEqual([1, 1, 2]);
  });

  it("kmeans(m, k) refuses rows with missing values, naming them", () => {
    const m = createMatrix(
      [1, 2, Number.NaN, 3, 4, Number.POSITIVE_INFINITY],
      ["good", "bad", "worse"],
      ["x", "y"],
    );
    expect(() => kmeans(m, 1, { seed: 1, starts: 1 })).toThrow(DataError);
    expect(() => kmeans(m, 1, { seed: 1, starts: 1 })).toThrow(/2 row\(s\).*"bad", "worse"/);
  });
});
