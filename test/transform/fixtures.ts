/**
 * Loads the R fixtures of test/golden/transform (made by make-fixtures.R).
 * Numbers are strings written with sprintf("%.17g"), which identify a double
 * exactly; "NA" and "NaN" become NaN, "Inf" / "-Inf" the infinities.
 */
import { existsSync, readFileSync } from "node:fs";
import { expect } from "vitest";
import { createMatrix, type Matrix } from "../../src/matrix.js";

export interface RFixture {
  r_version: string;
  input: { rowNames: string[]; colNames: string[]; values: string[]; groups: (string | null)[] };
  scaleRow: string[];
  scaleColumn: string[];
  rowMean: string[];
  rowSd: string[];
  rowVar: string[];
  topVariableOrder: string[];
  topVariable: Record<string, string[]>;
  aggregateMean: { colNames: string[]; values: string[] };
  aggregateMedian: { colNames: string[]; values: string[] };
  log2: { pseudocount: string; values: string[]; result: string[] }[];
}

function fixtureUrl(name: string): URL {
  return new URL(`../golden/transform/${name}.json`, import.meta.url);
}

/** The data sets with a fixture; all-subset only once examples/all-subset.tsv exists and the script ran. */
export const DATASETS: string[] = ["dex30", "random", "all-subset"].filter((n) => existsSync(fixtureUrl(n)));

export function loadFixture(name: string): RFixture {
  return JSON.parse(readFileSync(fixtureUrl(name), "utf8")) as RFixture;
}

/** Parses R's sprintf("%.17g") output exactly. */
export function parseR(text: string): number {
  if (text === "NA" || text === "NaN") return Number.NaN;
  if (text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  const x = Number(text);
  if (Number.isNaN(x)) throw new Error(`not a number in fixture: ${text}`);
  return x;
}

export function parseAll(texts: readonly string[]): Float64Array {
  return Float64Array.from(texts, parseR);
}

/** The fixture's input matrix, with the sample groups as a categorical track "Group". */
export function inputMatrix(f: RFixture): Matrix {
  const groups = f.input.groups;
  const levels = [...new Set(groups.filter((g): g is string => g !== null))].sort();
  return createMatrix(parseAll(f.input.values), f.input.rowNames, f.input.colNames, {
    colAnnotation: { tracks: [{ name: "Group", kind: "categorical", values: groups, levels }] },
  });
}

/** The rows of a row-major R matrix (ncol columns) whose names are in `keep`, as a new Float64Array. */
export function pickRows(
  values: Float64Array,
  ncol: number,
  rowNames: readonly string[],
  keep: readonly string[],
): Float64Array {
  const at = new Map(rowNames.map((n, i) => [n, i]));
  const out = new Float64Array(keep.length * ncol);
  keep.forEach((n, k) => {
    const i = at.get(n);
    if (i === undefined) throw new Error(`row ${n} not in the fixture`);
    out.set(values.subarray(i * ncol, (i + 1) * ncol), k * ncol);
  });
  return out;
}

/** Bits of a double, as 16 hex digits, for messages. */
function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, "0");
}

/** Asserts bit-equality (NaN equals NaN; +0 and −0 differ), listing the first differences. */
export function expectBitEqual(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  expect(actual.length).toBe(expected.length);
  const diffs: string[] = [];
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) {
      diffs.push(`[${k}] got ${actual[k]} (${bits(actual[k])}) want ${expected[k]} (${bits(expected[k])})`);
    }
  }
  expect(diffs.slice(0, 10), `${diffs.length} values differ`).toEqual([]);
}

/** Asserts |a − e| ≤ rel·|e| elementwise (NaN and infinities must match exactly). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number): void {
  expect(actual.length).toBe(expected.length);
  const diffs: string[] = [];
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k];
    const e = expected[k];
    const ok = Number.isFinite(e) ? Math.abs(a - e) <= rel * Math.abs(e) : Object.is(a, e);
    if (!ok) diffs.push(`[${k}] got ${a} want ${e}`);
  }
  expect(diffs.slice(0, 10), `${diffs.length} values differ beyond ${rel} relative`).toEqual([]);
}
