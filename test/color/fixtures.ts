/** Loads the golden colors made by test/golden/color/make-fixtures.R (R 4.2.2, pheatmap 1.0.12). */
import { readFileSync } from "node:fs";
import { expect } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: fixtures are plain JSON, typed where used.
export function loadColorFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../golden/color/${name}`, import.meta.url), "utf8"));
}

/** R writes doubles with sprintf("%.17g") (and "NA", "NaN", "Inf", "-Inf"): exact. */
export function parseR(text: string): number {
  if (text === "NA" || text === "NaN") return Number.NaN;
  if (text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  return Number(text);
}

export function parseAllR(texts: readonly string[]): number[] {
  return texts.map(parseR);
}

/** Bit-equality of two number lists (Object.is: -0 ≠ 0, NaN = NaN), with the first difference named. */
export function expectSameNumbers(got: readonly number[], want: readonly number[], what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  const at = got.findIndex((v, i) => !Object.is(v, want[i]));
  expect(at, `${what}: first difference at ${at}: got ${got[at]}, R ${want[at]}`).toBe(-1);
}

/** R's colors are upper case `#RRGGBB`(`AA`); ours lower case. */
export function lower(colors: readonly string[]): string[] {
  return colors.map((c) => c.toLowerCase());
}
