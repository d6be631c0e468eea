/**
 * distanceMatrix and hclust held against R 4.2.2 (stats::dist, cor, hclust),
 * on the fixtures written by test/golden/cluster/make-fixtures.R: seven data
 * sets × every distance × the eight linkage methods.
 */
import { describe, expect, it } from "vitest";
import { distanceMatrix } from "../../src/cluster/distance.js";
import { hclust } from "../../src/cluster/hclust.js";
import { type Distance, METHODS } from "../../src/options.js";
import {
  bitMismatch,
  closeMismatch,
  decodeDoubles,
  decodeHexDouble,
  expectNoMismatch,
  GOLDEN_DATASETS,
  type GoldenDataset,
  type GoldenDistance,
  goldenDist,
  goldenMatrix,
  hexDecimalMismatch,
  intMismatch,
  loadGoldenDataset,
  mergeMismatch,
} from "../helpers/golden.js";

/**
 * R's dist() methods: one sequential sum per pair, so our values must be the same bits.
 * minkowski is not here: its final (Σ|d|^p)^(1/p) goes through C's pow, which glibc
 * rounds correctly and JavaScript's `**` does not (1 ulp apart on 15–69 pairs per
 * data set, e.g. 5^(1/3)); it is held to CORRELATION_TOL instead.
 */
const DIST_METHODS: ReadonlySet<Distance> = new Set([
  "euclidean",
  "maximum",
  "manhattan",
  "canberra",
  "binary",
]);

/**
 * correlation, spearman, kendall, cosine: R accumulates cor() in long double
 * and cosine goes through the BLAS, so agreement is only promised to a few
 * ulp: 1e-12 relative to max(|x|, 1) (these are 1 − r, bounded by 2).
 * (With the engine of this writing they are bit-equal, except 31 pairs of
 * complete rows in random25x7-na/correlation, 1 ulp: R's pairwise-complete
 * formula is used for every pair once use = "pairwise.complete.obs".)
 */
const CORRELATION_TOL = 1e-12;

/** Heights of hclust run on our distances (which may differ from R's in the last bits). */
const OUR_HEIGHT_TOL = 1e-12;

const datasets = GOLDEN_DATASETS.map(loadGoldenDataset);

interface DistCase {
  label: string;
  ds: GoldenDataset;
  g: GoldenDistance;
}

const distCases: DistCase[] = datasets.flatMap((ds) =>
  ds.distances.map((g) => ({ label: `${ds.name}/${g.distance}`, ds, g })),
);

const treeCases = distCases.flatMap((c) =>
  METHODS.map((method) => ({ ...c, method, label: `${method} on ${c.label}` })),
);

/** [label, case] pairs, so that `%s` names each test without quotes. */
function named<T extends { label: string }>(cases: T[]): [string, T][] {
  return cases.map((c) => [c.label, c]);
}

/** Our distances, computed once per data set and distance. */
const ours = new Map<string, ReturnType<typeof distanceMatrix>>();
function ourDistances(c: DistCase): ReturnType<typeof distanceMatrix> {
  let d = ours.get(c.label);
  if (d === undefined) {
    const options = c.g.minkowskiP === null ? undefined : { minkowskiP: c.g.minkowskiP };
    d = distanceMatrix(goldenMatrix(c.ds), c.g.distance, options);
    ours.set(c.label, d);
  }
  return d;
}

describe("golden fixtures", () => {
  it("decodeHexDouble reads glibc's %a exactly", () => {
    expect(decodeHexDouble("0x1.8p+1")).toBe(3);
    expect(decodeHexDouble("0x1.999999999999ap-4")).toBe(0.1);
    expect(Object.is(decodeHexDouble("-0x0p+0"), -0)).toBe(true);
    expect(decodeHexDouble("0x0.0000000000001p-1022")).toBe(Number.MIN_VALUE);
    expect(decodeHexDouble("0x1p-1022")).toBe(2.2250738585072014e-308);
    expect(decodeHexDouble("0x1.fffffffffffffp+1023")).toBe(Number.MAX_VALUE);
    expect(decodeHexDouble("-Inf")).toBe(Number.NEGATIVE_INFINITY);
    expect(decodeHexDouble("NA")).toBeNaN();
  });

  it.each(datasets)("fixture $name: hex and decimal halves are the same doubles", (ds) => {
    expect(hexDecimalMismatch(ds.data.values)).toBeNull();
    for (const g of ds.distances) {
      expect(hexDecimalMismatch(g.dist), g.distance).toBeNull();
      for (const method of METHODS) {
        expect(hexDecimalMismatch(g.hclust[method].height), `${g.distance} ${method}`).toBeNull();
      }
    }
  });

  it("fixtures cover every data set, and skip only what has no R reference", () => {
    expect(distCases.length).toBeGreaterThanOrEqual(60);
    const skipped = datasets.flatMap((ds) => ds.skipped.map((s) => `${ds.name}/${s.distance}`));
    expect(skipped).toEqual(["random25x7-na/cosine"]);
  });
});

describe("distanceMatrix vs R", () => {
  it.each(named(distCases))("distanceMatrix on %s", (_, c) => {
    const d = ourDistances(c);
    const expected = decodeDoubles(c.g.dist);
    expect(d.n).toBe(c.ds.data.nrow);
    expectNoMismatch(
      DIST_METHODS.has(c.g.distance)
        ? bitMismatch(`dist ${c.label}`, d.values, expected)
        : closeMismatch(`dist ${c.label}`, d.values, expected, CORRELATION_TOL),
    );
  });
});

describe("hclust on R's own distances (identical input)", () => {
  it.each(named(treeCases))("hclust %s", (_, c) => {
    const expected = c.g.hclust[c.method];
    const d = goldenDist(c.ds.data.nrow, c.g.dist);
    const tree = hclust(d, c.method, c.ds.data.rowNames, c.g.distance);
    const expectedHeight = decodeDoubles(expected.height);
    expectNoMismatch(
      mergeMismatch(tree.merge, expected.merge, c.ds.data.rowNames, {
        actual: tree.height,
        expected: expectedHeight,
      }),
      intMismatch("order", tree.order, expected.order),
      // Same input, same procedure, same update formulas in the same order: the same bits.
      // No tolerance has been needed: every height of every combination is bit-equal.
      bitMismatch("height", tree.height, expectedHeight),
    );
  });
});

describe("hclust on our distances", () => {
  it.each(named(treeCases))("hclust %s (our distances)", (_, c) => {
    const expected = c.g.hclust[c.method];
    const tree = hclust(ourDistances(c), c.method, c.ds.data.rowNames, c.g.distance);
    const expectedHeight = decodeDoubles(expected.height);
    expectNoMismatch(
      mergeMismatch(tree.merge, expected.merge, c.ds.data.rowNames, {
        actual: tree.height,
        expected: expectedHeight,
      }),
      intMismatch("order", tree.order, expected.order),
      closeMismatch("height", tree.height, expectedHeight, OUR_HEIGHT_TOL),
    );
  });
});
