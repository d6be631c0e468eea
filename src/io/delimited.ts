/**
 * Delimited text (TSV, CSV, semicolon CSV, whitespace-separated TXT): the
 * delimiter's detection, and the table's shape — a header of column names
 * over data records whose first field is a row name.
 */
import { DataError } from "../errors.js";
import {
  type Delimiter,
  extentOf,
  fieldCount,
  fieldText,
  type Records,
  recordFields,
  tokenize,
} from "./records.js";

export type { Delimiter } from "./records.js";

/**
 * Guesses the delimiter from the first line with content (or the second, when
 * the first has none): a tab if there is one, else a comma, else a semicolon
 * (counted outside quotes), else runs of white space.
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 1 << 16);
  const lines = head.split(/\r\n|\n|\r/, 50).filter((l) => l.trim().length > 0);
  for (const l of lines.slice(0, 2)) {
    if (l.includes("\t")) return "\t";
    const bare = l.replace(/"(?:[^"]|"")*"/g, "");
    if (bare.includes(",")) return ",";
    if (bare.includes(";")) return ";";
    if (/\S[ ]+\S/.test(bare)) return " ";
  }
  return "\t";
}

/**
 * The shape of a table: a header of column names over data records, each
 * starting with a row name. Data row i (0-based) is record i + 1 of `records`.
 */
export interface Table {
  readonly records: Records;
  /** The names of the value columns (the header's fields after the first, or all of them, see `corner`). */
  readonly colNames: string[];
  /**
   * The header's first field (the row names' column name, e.g. `gene`); `undefined` when the header
   * has no field for it (R's `write.table` writes one field fewer in the header than in the data).
   */
  readonly corner: string | undefined;
  readonly headerLine: number;
  /** Number of data rows; each has at least `colNames.length + 1` fields, fields past those are empty. */
  readonly nrow: number;
  readonly delimiter: Delimiter;
}

/** The text of field j (0 = row name) of data row i (0-based). */
export function cellText(t: Table, i: number, j: number): string {
  return fieldText(t.records, i + 1, j);
}

/** The 1-based line of data row i (0-based). */
export function rowLine(t: Table, i: number): number {
  return t.records.lines[i + 1];
}

/**
 * True when the header has no field for the row names, as R's `write.table`
 * writes it: most of the first (up to) five data records have one field more
 * than the header, the first record deciding a tie.
 */
function oneMoreThanHeader(rec: Records): boolean {
  const h = fieldCount(rec, 0);
  let more = 0;
  let same = 0;
  for (let r = 1; r < Math.min(rec.size, 6); r++) {
    const count = fieldCount(rec, r);
    if (count === h + 1) more++;
    else if (count === h) same++;
  }
  return more > same || (more === same && fieldCount(rec, 1) === h + 1);
}

/**
 * Reads delimited text as a table: first record = header, then data records.
 * Trailing columns that are empty in every record (Excel's trailing `\t` or
 * `,`) are ignored; when the data records have one field more than the
 * header (see `oneMoreThanHeader`), the header lacks the row names' column
 * name, as R writes it.
 * Throws a DataError for an empty file, a header without data, an empty
 * column name and a record with another number of fields than the header
 * (naming both counts).
 */
export function readTable(text: string, options: { file?: string; delimiter?: Delimiter } = {}): Table {
  const { file } = options;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rec = tokenize(text, delimiter, file);
  if (rec.size === 0) {
    throw new DataError("is empty: expected a header line with column names, then one line per row", {
      file,
    });
  }
  const headerLine = rec.lines[0];
  if (rec.size === 1) throw new DataError(`has a header (line ${headerLine}) but no data lines`, { file });
  const headerCount = fieldCount(rec, 0);
  const headerExtent = extentOf(rec, 0);
  const lacksCorner = headerExtent === headerCount && oneMoreThanHeader(rec);
  const width = lacksCorner ? headerExtent + 1 : headerExtent;
  const shown = lacksCorner
    ? `${width} fields (the header's ${headerExtent} column names after a row name)`
    : `${width} fields (as in the header)`;
  for (let r = 1; r < rec.size; r++) {
    const count = fieldCount(rec, r);
    if (count < width) throw new DataError(`expected ${shown}, found ${count}`, { file, line: rec.lines[r] });
    const ext = count === width ? width : extentOf(rec, r);
    if (ext > width) {
      if (!lacksCorner && headerCount >= ext) {
        throw new DataError("expected a column name, found an empty field", {
          file,
          line: headerLine,
          column: width + 1,
        });
      }
      throw new DataError(`expected ${shown}, found ${ext}`, { file, line: rec.lines[r] });
    }
  }
  const header = recordFields(rec, 0);
  const skip = lacksCorner ? 0 : 1;
  const colNames = header.slice(skip, headerExtent);
  colNames.forEach((name, k) => {
    if (name.length === 0) {
      throw new DataError("expected a column name, found an empty field", {
        file,
        line: headerLine,
        column: k + skip + 1,
      });
    }
  });
  return {
    records: rec,
    colNames,
    corner: lacksCorner ? undefined : header[0],
    headerLine,
    nrow: rec.size - 1,
    delimiter,
  };
}
