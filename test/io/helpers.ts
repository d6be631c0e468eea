/** Shared helpers of the io tests: fixture bytes, gzip, and the matrix every format fixture holds. */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

/** The bytes of test/fixtures/io/<name>. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/io/${name}`, import.meta.url)));
}

/** Gzip-compressed bytes. */
export function gzip(data: Uint8Array | string): Uint8Array {
  return new Uint8Array(gzipSync(data));
}

/** The matrix held by basic.tsv and the other format fixtures. */
export const BASIC = {
  rowNames: ["1000_at", "TP53", "00123"],
  colNames: ["01005", "01010", "03002"],
  values: [7.5973, 7.4794, -1.5e-3, 0, Number.NaN, Infinity, 0.5, -Infinity, 12],
};
