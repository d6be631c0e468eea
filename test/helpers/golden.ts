/**
 * Golden fixtures made by R (test/golden/cluster/make-fixtures.R): loading,
 * decoding of C99 hex doubles ("%a"), and comparisons that say where two
 * results first differ.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import type { DistMatrix } from "../../src/cluster/dist-matrix.js";
import { createMatrix, type Matrix } from "../../src/matrix.js";
import type { Distance, Method } from "../../src/options.js";

/** Doubles as R wrote them: exact hex ("%a") and decimal ("%.17g"); NA is null. */
export interface GoldenDoubles {
  hex: (string | null)[];
  dec: (number | null)[];
}

/** An `hclust` result: merge row-major ((n − 1) × 2), height, order (1-based). */
export interface GoldenHclust {
  merge: number[];
  height: GoldenDoubles;
  order: number[];
}

export interface GoldenDistance {
  distance: Distance;
  minkowskiP: number | null;
  /** `as.vector(d)`: lower triangle by columns = upper triangle by rows. */
  dist: GoldenDoubles;
  hclust: Record<Method, GoldenHclust>;
}

export interface GoldenDataset {
  name: string;
  description: string;
  versions: Record<string, string>;
  data: { nrow: number; ncol: number; rowNames: string[]; colNames: string[]; values: GoldenDoubles };
  distances: GoldenDistance[];
  skipped: { distance: Distance; reason: string }[];
}

export interface GoldenTree {
  labels: string[];
  method: Method;
  distance: string;
  merge: number[];
  height: GoldenDoubles;
  order: number[];
}

export interface GoldenPheatmapCase {
  name: string;
  call: string;
  options: {
    scale: "none" | "row" | "column";
    clusteringDistanceRows: Distance;
    clusteringDistanceCols: Distance;
    clusteringMethod: Method;
    cutreeRows: number | null;
  };
  rowOrder: string[];
  colOrder: string[];
  /** R's `cutree(tree_row, k)`, in the input row order. */
  rowClusters: number[] | null;
  treeRow: GoldenTree;
  treeCol: GoldenTree;
}

export interface GoldenPheatmap {
  versions: Record<string, string>;
  description: string;
  cases: GoldenPheatmapCase[];
}

/** The data sets make-fixtures.R writes, one JSON file each. */
export const GOLDEN_DATASETS = [
  "random25x7",
  "random25x7-na",
  "int30x5",
  "binary20x10",
  "dex30",
  "dex30-scaled",
  "dup20x6",
] as const;

const GOLDEN_DIR = new URL("../golden/cluster/", import.meta.url);

/** Reads test/golden/cluster/<name>.json. */
export function loadGolden<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, GOLDEN_DIR), "utf8")) as T;
}

/** Reads one data-set fixture. */
export function loadGoldenDataset(name: string): GoldenDataset {
  return loadGolden<GoldenDataset>(name);
}

// ---------------------------------------------------------------- hex doubles

const HEX_DOUBLE = /^([+-]?)0x([01])(?:\.([0-9a-f]*))?p([+-]\d+)$/i;

/**
 * Decodes a C99 hex double as printed by `sprintf("%a", x)` (glibc): `0x1.8p+1`,
 * `-0x0p+0`, subnormals `0x0.0000000000001p-1022`; also R's `Inf`, `-Inf`,
 * `NaN`, `NA`. Exact: the significand (≤ 53 bits) is an integer read with
 * BigInt, then scaled by a power of two that is itself a double, so the one
 * multiplication rounds nothing.
 */
export function decodeHexDouble(text: string): number {
  switch (text) {
    case "Inf":
    case "inf":
      return Number.POSITIVE_INFINITY;
    case "-Inf":
    case "-inf":
      return Number.NEGATIVE_INFINITY;
    case "NaN":
    case "nan":
    case "NA":
      return Number.NaN;
  }
  const m = HEX_DOUBLE.exec(text);
  if (m === null) throw new Error(`not a hex double: ${JSON.stringify(text)}`);
  const [, sign, lead, fraction = "", exponent] = m;
  const significand = Number(BigInt(`0x${lead}${fraction}`));
  const scale = Number(exponent) - 4 * fraction.length;
  if (scale < -1074 || scale > 1023) throw new Error(`hex double out of the decodable range: ${text}`);
  const magnitude = significand * 2 ** scale;
  return sign === "-" ? -magnitude : magnitude;
}

/** Decodes the hex half of golden doubles; NA (null) becomes NaN. */
export function decodeDoubles(d: GoldenDoubles): Float64Array {
  return Float64Array.from(d.hex, (h) => (h === null ? Number.NaN : decodeHexDouble(h)));
}

/**
 * Checks that the hex and decimal halves of golden doubles are the same
 * numbers (the decimal is "%.17g", which round-trips). Returns a message
 * for the first disagreement, or null.
 */
export function hexDecimalMismatch(d: GoldenDoubles): string | null {
  if (d.hex.length !== d.dec.length) return `${d.hex.length} hex values but ${d.dec.length} decimals`;
  for (let i = 0; i < d.hex.length; i++) {
    const h = d.hex[i];
    const x = d.dec[i];
    if (h === null || x === null) {
      if (h !== x) return `[${i}]: hex ${h} but decimal ${x}`;
      continue;
    }
    if (!Object.is(decodeHexDouble(h), x)) return `[${i}]: hex ${h} = ${decodeHexDouble(h)} but decimal ${x}`;
  }
  return null;
}

// ---------------------------------------------------------------- conversions

/** The fixture's matrix, exactly as R held it. */
export function goldenMatrix(ds: GoldenDataset): Matrix {
  return createMatrix(decodeDoubles(ds.data.values), ds.data.rowNames, ds.data.colNames);
}

/** The fixture's dist vector as a DistMatrix of n observations. */
export function goldenDist(n: number, d: GoldenDoubles): DistMatrix {
  return { n, values: decodeDoubles(d) };
}

// ---------------------------------------------------------------- comparisons

/** The 64 bits of a double as 16 hex digits, for messages. */
function bits(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Bitwise equality of two vectors (+0 and −0 differ; NaN equals NaN).
 * Returns a message naming the first differing index and how many differ, or null.
 */
export function bitMismatch(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
): string | null {
  if (actual.length !== expected.length) {
    return `${what}: length ${actual.length}, expected ${expected.length}`;
  }
  let first = -1;
  let count = 0;
  for (let i = 0; i < expected.length; i++) {
    if (!sameBits(actual[i], expected[i])) {
      if (first < 0) first = i;
      count++;
    }
  }
  if (first < 0) return null;
  const a = actual[first];
  const e = expected[first];
  return (
    `${what}: ${count} of ${expected.length} differ in bits; first [${first}]: ` +
    `${a} (${bits(a)}), expected ${e} (${bits(e)}), diff ${a - e}`
  );
}

/**
 * Closeness with tolerance `tol` relative to max(|a|, |e|, 1): relative for
 * values of magnitude ≥ 1, absolute `tol` near 0 (where a relative test
 * would ask for more digits than the subtraction 1 − r can keep).
 * NaN matches NaN only. Returns a message for the worst offender, or null.
 */
export function closeMismatch(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: number,
): string | null {
  if (actual.length !== expected.length) {
    return `${what}: length ${actual.length}, expected ${expected.length}`;
  }
  let worst = -1;
  let worstRatio = 1;
  let count = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) !== Number.isNaN(e)) return `${what}[${i}]: ${a}, expected ${e}`;
      continue;
    }
    const ratio = Math.abs(a - e) / (tol * Math.max(Math.abs(a), Math.abs(e), 1));
    if (!(ratio <= 1)) {
      count++;
      if (ratio > worstRatio || worst < 0) {
        worst = i;
        worstRatio = ratio;
      }
    }
  }
  if (worst < 0) return null;
  const a = actual[worst];
  const e = expected[worst];
  return `${what}: ${count} of ${expected.length} off by more than ${tol}; worst [${worst}]: ${a}, expected ${e}, diff ${a - e}`;
}

/** Renders a merge entry: −j → "obs j (label)", k → "step k". */
function mergeEntry(v: number, labels?: readonly string[]): string {
  if (v < 0) return labels ? `${-v}:${labels[-v - 1]}` : `${v}`;
  return `step ${v}`;
}

/**
 * Compares two merge matrices (row-major (n − 1) × 2). Returns a message with
 * the first differing step (1-based, as R counts) and the rows on both sides,
 * or null when identical.
 */
export function mergeMismatch(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  labels?: readonly string[],
  heights?: { actual: ArrayLike<number>; expected: ArrayLike<number> },
): string | null {
  if (actual.length !== expected.length) return `merge: length ${actual.length}, expected ${expected.length}`;
  for (let s = 0; s < expected.length / 2; s++) {
    if (actual[2 * s] === expected[2 * s] && actual[2 * s + 1] === expected[2 * s + 1]) continue;
    const row = (m: ArrayLike<number>) =>
      `[${mergeEntry(m[2 * s], labels)}, ${mergeEntry(m[2 * s + 1], labels)}]`;
    const h = heights ? ` (height ${heights.actual[s]}, expected ${heights.expected[s]})` : "";
    let differing = 0;
    for (let t = s; t < expected.length / 2; t++) {
      if (actual[2 * t] !== expected[2 * t] || actual[2 * t + 1] !== expected[2 * t + 1]) differing++;
    }
    return (
      `merge: first difference at step ${s + 1} of ${expected.length / 2}: ` +
      `${row(actual)}, expected ${row(expected)}${h}; ${differing} steps differ from there on`
    );
  }
  return null;
}

/** Compares two integer vectors (orders, cluster ids); message for the first difference, or null. */
export function intMismatch(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
): string | null {
  if (actual.length !== expected.length)
    return `${what}: length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) {
      return `${what}: first difference at [${i}]: ${Array.from(actual).join(" ")}, expected ${Array.from(expected).join(" ")}`;
    }
  }
  return null;
}

/** Fails the running test with every mismatch message given (nulls are matches). */
export function expectNoMismatch(...messages: (string | null)[]): void {
  const found = messages.filter((m): m is string => m !== null);
  if (found.length > 0) expect.fail(found.join("\n"));
}
