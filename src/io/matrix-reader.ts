/**
 * The entry for reading an expression matrix: bytes or text in any supported
 * format → a checked Matrix.
 */
import { DataError } from "../errors.js";
import type { Logger } from "../log.js";
import { createMatrix, type Matrix } from "../matrix.js";
import type { DuplicateRows } from "../options.js";
import { readNumbers } from "./cells.js";
import { decodeText } from "./decode.js";
import { cellText, readTable } from "./delimited.js";
import { checkDuplicateCols, resolveDuplicateRows } from "./duplicates.js";
import { isGct, readGct } from "./gct.js";

export interface ReadOptions {
  /** The file name used in messages (`expr.tsv:4:3: ...`). */
  file?: string;
  /** What to do with duplicate row names; default `error`. */
  duplicateRows?: DuplicateRows;
  /** Receives warnings (duplicate rows resolved). */
  logger?: Logger;
}

/**
 * A matrix as read, with the header's first field (the row names' column
 * name, e.g. `gene`) when the file had a non-empty one, so that writing it
 * back keeps it.
 */
export type ReadMatrix = Matrix & { readonly rowHeader?: string };

/** A matrix as parsed, before the checks shared by all formats. */
interface Parsed {
  matrix: Matrix;
  /** 1-based line of each row. */
  lines: readonly number[];
  headerLine?: number;
  corner?: string;
}

/** Reads delimited text: header of column names, first column = row names, numbers elsewhere. */
function readDelimitedMatrix(text: string, file?: string): Parsed {
  const t = readTable(text, { file });
  if (t.colNames.length === 0) {
    throw new DataError(
      "has only one column: expected row names in the first column and numbers in the columns after it, " +
        "separated by tabs, commas, semicolons or spaces",
      { file, line: t.headerLine },
    );
  }
  const { records, colNames, nrow } = t;
  const values = readNumbers({ records, from: 1, count: nrow, offset: 1, colNames, file });
  const rowNames = Array.from({ length: nrow }, (_, i) => cellText(t, i, 0));
  return {
    matrix: createMatrix(values, rowNames, colNames),
    lines: Array.from(records.lines.subarray(1, records.size)),
    headerLine: t.headerLine,
    corner: t.corner,
  };
}

/** Checks shared by all formats: some rows and columns, row names present, some number present. */
function checkParsed(p: Parsed, file?: string): void {
  const { matrix, lines } = p;
  if (matrix.ncol === 0) throw new DataError("has no sample columns", { file });
  if (matrix.nrow === 0) throw new DataError("has a header but no data lines", { file });
  matrix.rowNames.forEach((name, i) => {
    if (name.trim().length === 0) {
      throw new DataError("expected a row name, found an empty field", { file, line: lines[i], column: 1 });
    }
  });
  if (matrix.values.every((v) => Number.isNaN(v))) {
    throw new DataError("has no numbers: every value is missing (empty, NA, NaN, N/A, #N/A or null)", {
      file,
    });
  }
  checkDuplicateCols(matrix.colNames, { file, line: p.headerLine });
}

/**
 * Reads an expression matrix: TSV, CSV or whitespace-separated TXT (the
 * delimiter is detected) or GCT 1.2/1.3, optionally gzip-compressed (detected
 * by content). First column = row names, header = column names, both kept as
 * text exactly as written. Missing values (empty, NA, NaN, N/A, #N/A, null)
 * become NaN; Inf, -Inf, Infinity (any case) become infinities. GCT metadata
 * become the row/column annotation. Duplicate row names are resolved as
 * `options.duplicateRows` says (default: a DataError that lists them).
 * Every bad cell or line is a DataError with its file, line and field.
 */
export function readMatrix(input: Uint8Array | string, options: ReadOptions = {}): ReadMatrix {
  const { file } = options;
  const text = decodeText(input, file);
  const parsed = isGct(text) ? readGct(text, file) : readDelimitedMatrix(text, file);
  checkParsed(parsed, file);
  const m = resolveDuplicateRows(parsed.matrix, options.duplicateRows ?? "error", {
    file,
    lines: parsed.lines,
    logger: options.logger,
  });
  return parsed.corner ? { ...m, rowHeader: parsed.corner } : m;
}
