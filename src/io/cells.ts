/**
 * One cell of text → a number. The rules every reader shares: which tokens
 * mean "missing", which mean infinity, and what counts as a number.
 */
import { DataError, quoteFound } from "../errors.js";
import { fieldText, type Records } from "./records.js";

/** Tokens read as a missing value (NaN), compared case-insensitively after trimming. */
export const MISSING_TOKENS: readonly string[] = ["", "na", "nan", "n/a", "#n/a", "null"];
const MISSING = new Set(MISSING_TOKENS);

/** Tokens read as infinities, compared case-insensitively after trimming. */
const INFINITE = new Map<string, number>([
  ["inf", Infinity],
  ["+inf", Infinity],
  ["-inf", -Infinity],
  ["infinity", Infinity],
  ["+infinity", Infinity],
  ["-infinity", -Infinity],
]);

/** True when the cell is one of the missing-value tokens (empty, NA, NaN, N/A, #N/A, null; any case). */
export function isMissing(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

/** True when JavaScript's Number() would read the cell as a hex, octal or binary literal (`0x1F`). */
function isRadixLiteral(cell: string): boolean {
  return /^\s*0[xXbBoO]/.test(cell);
}

/**
 * Reads one cell as a number: decimal or exponent notation (`1.5`, `-2e-3`,
 * `.5`; surrounding white space ignored), a missing-value token → NaN, an
 * infinity token (`Inf`, `-Inf`, `Infinity`; any case) → ±Infinity.
 * Returns `undefined` when the cell is none of these (`abc`, `1,5`, `0x1F`).
 */
export function parseNumber(cell: string): number | undefined {
  const v = +cell; // Number(): the fast path for plain numbers
  if (!Number.isNaN(v)) {
    // Number() also reads "" and blanks as 0 and accepts 0x/0o/0b literals.
    const c0 = cell.charCodeAt(0);
    if (v === 0 && (cell.length === 0 || cell.trim().length === 0)) return Number.NaN;
    if ((c0 === 48 || c0 <= 32) && cell.length > 2 && isRadixLiteral(cell)) return undefined;
    return v;
  }
  const token = cell.trim().toLowerCase();
  if (MISSING.has(token)) return Number.NaN;
  return INFINITE.get(token);
}

/** Exact powers of ten: 10^k is a double exactly for k ≤ 22. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * Reads text[a, b) when it is a plain decimal (`-12.345`, `.5`, `7.`; at most
 * 15 digits, no exponent, no blanks), else returns undefined. Exact: the digits
 * form an integer m < 10^15 < 2^53 and the scale k ≤ 15, so m and 10^k are
 * doubles and m / 10^k is one correctly rounded division, the same double as
 * Number() gives (Clinger's fast path, 1990). Makes no string.
 */
export function parsePlainDecimal(text: string, a: number, b: number): number | undefined {
  let i = a;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (; i < b; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot === -1) dot = digits;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  const v = dot === -1 || dot === digits ? m : m / POW10[digits - dot];
  return negative ? -v : v;
}

/** Where a block of numbers sits in a table of records, and what to call things in messages. */
export interface NumberBlock {
  records: Records;
  /** Index of the block's first record, and the number of records. */
  from: number;
  count: number;
  /** 0-based field index of the first value column. */
  offset: number;
  /** Names of the value columns. */
  colNames: readonly string[];
  file?: string;
}

/**
 * Reads the numbers of a block, row-major. A cell that is not a number is a
 * DataError at its line and field (`expr.tsv:4:3: expected a number, found
 * "abc"`); when no column holds any number the message says so plainly.
 * Plain decimals are parsed from the text in place; other cells go through
 * `parseNumber`.
 */
export function readNumbers(block: NumberBlock): Float64Array {
  const { records, from, count, offset } = block;
  const { text, first, starts, ends } = records;
  const ncol = block.colNames.length;
  const values = new Float64Array(count * ncol);
  for (let r = 0; r < count; r++) {
    const k0 = first[from + r] + offset;
    const base = r * ncol;
    for (let j = 0; j < ncol; j++) {
      const a = starts[k0 + j];
      let v = a >= 0 ? parsePlainDecimal(text, a, ends[k0 + j]) : undefined;
      if (v === undefined) {
        v = parseNumber(fieldText(records, from + r, offset + j));
        if (v === undefined) throw notANumber(block, r, j);
      }
      values[base + j] = v;
    }
  }
  return values;
}

/** The error for the cell (r, j) of a block that is not a number, with a hint drawn from the whole block. */
function notANumber(block: NumberBlock, r: number, j: number): DataError {
  const { records, from, count, offset, colNames, file } = block;
  const cellAt = (i: number, k: number) => fieldText(records, from + i, offset + k);
  const numeric = colNames.map((_, k) => {
    for (let i = 0; i < count; i++) {
      const v = parseNumber(cellAt(i, k));
      if (v !== undefined && !Number.isNaN(v)) return true;
    }
    return false;
  });
  const found = cellAt(r, j);
  const place = { file, line: records.lines[from + r], column: offset + j + 1 };
  // before "no numeric columns": a file whose every number has a decimal comma has none either
  if (DECIMAL_COMMA.test(found)) {
    return new DataError(
      `expected a number, found ${quoteFound(found)} (a decimal comma? write numbers with a decimal point)`,
      place,
    );
  }
  if (!numeric.includes(true)) {
    return new DataError(
      `has no numeric columns (column ${JSON.stringify(colNames[j])} holds ${quoteFound(found)}): ` +
        "expected a matrix of numbers with row names in the first column; a sample sheet is read as an annotation",
      { file },
    );
  }
  const hint = numeric[j]
    ? ""
    : ` (column ${JSON.stringify(colNames[j])} holds text: only the first column may hold names)`;
  return new DataError(`expected a number, found ${quoteFound(found)}${hint}`, place);
}

/** A number written with a decimal comma: `1,5`, `-0,25`. */
const DECIMAL_COMMA = /^\s*[-+]?\d+,\d+\s*$/;
