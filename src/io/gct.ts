/**
 * GCT, the Broad Institute's expression format (GenePattern, CMap, Morpheus).
 *
 * GCT 1.2:                         GCT 1.3:
 * ```
 * #1.2                             #1.3
 * nrow  ncol                       nrow  ncol  nRowMeta  nColMeta
 * Name  Description  s1 s2 ...     id  rm1 .. rmR  s1 s2 ...
 * g1    text         1  2  ...     cm1 na .. na    a  b  ...   (nColMeta lines)
 *                                  g1  x  .. y     1  2  ...
 * ```
 * Row metadata (GCT 1.3's rm columns) become the row annotation and column
 * metadata (the cm lines) the column annotation, one track per field, numeric
 * or categorical as for a sheet. GCT 1.2's Description becomes a categorical
 * row track "Description" only when it says something: when some entry is
 * neither missing nor equal to the row's Name (often it holds gene symbols for
 * probe-set Names); otherwise it is dropped.
 */
import { DataError, quoteFound } from "../errors.js";
import { type Annotation, type AnnotationTrack, createMatrix, type Matrix } from "../matrix.js";
import { trackFromCells } from "./annotation.js";
import { isMissing, readNumbers } from "./cells.js";
import { extentOf, fieldCount, fieldText, type Records, recordFields, tokenize } from "./records.js";

/** True when the text starts with a GCT version line (`#1.2`, `#1.3`, ...). */
export function isGct(text: string): boolean {
  return /^#1\.\d/.test(text);
}

/** The layout announced by the first two lines. */
interface GctDims {
  version: "1.2" | "1.3";
  nrow: number;
  ncol: number;
  nRowMeta: number;
  nColMeta: number;
}

/** Reads the version line and the dimensions line. */
function readDims(rec: Records, file?: string): GctDims {
  const tag = fieldText(rec, 0, 0);
  const version = tag.trim().slice(1);
  if (version !== "1.2" && version !== "1.3") {
    throw new DataError(`expected "#1.2" or "#1.3" (a GCT version line), found ${quoteFound(tag)}`, {
      file,
      line: rec.lines[0],
      column: 1,
    });
  }
  if (rec.size < 2) throw new DataError("has a GCT version line but no dimensions line", { file });
  const what =
    version === "1.2"
      ? ["the number of rows", "the number of columns"]
      : [
          "the number of rows",
          "the number of columns",
          "the number of row metadata fields",
          "the number of column metadata fields",
        ];
  const numbers = what.map((w, k) => {
    const cell = fieldText(rec, 1, k);
    if (!/^\s*\d+\s*$/.test(cell)) {
      throw new DataError(`expected a whole number (${w}), found ${quoteFound(cell)}`, {
        file,
        line: rec.lines[1],
        column: k + 1,
      });
    }
    return Number(cell);
  });
  const ext = extentOf(rec, 1);
  if (ext > what.length) {
    throw new DataError(`expected ${what.length} fields (GCT ${version} dimensions), found ${ext}`, {
      file,
      line: rec.lines[1],
    });
  }
  const [nrow, ncol, nRowMeta = 0, nColMeta = 0] = numbers;
  return { version, nrow, ncol, nRowMeta, nColMeta };
}

/** Throws unless record r has `width` fields (more are allowed when empty, as Excel writes them). */
function checkWidth(rec: Records, r: number, width: number, why: string, file?: string): void {
  const count = fieldCount(rec, r);
  const n = count < width ? count : extentOf(rec, r);
  if (count < width || n > width) {
    throw new DataError(`expected ${width} fields (${why}), found ${n}`, { file, line: rec.lines[r] });
  }
}

/**
 * Reads GCT 1.2 or 1.3 text. Returns the matrix (row and column metadata as
 * annotations), the line of each row, and the header's first field. Counts
 * that disagree with the dimensions line are DataErrors naming both.
 */
export function readGct(
  text: string,
  file?: string,
): { matrix: Matrix; lines: number[]; headerLine: number; corner: string } {
  const rec = tokenize(text, "\t", file);
  const dims = readDims(rec, file);
  const { nrow, ncol, nRowMeta, nColMeta } = dims;
  const offset = dims.version === "1.2" ? 2 : 1 + nRowMeta;
  const width = offset + ncol;
  const dimsLine = rec.lines[1];
  const why =
    dims.version === "1.2"
      ? `Name, Description and ${ncol} samples, as line ${dimsLine} says`
      : `id, ${nRowMeta} row metadata fields and ${ncol} samples, as line ${dimsLine} says`;
  if (rec.size < 3) throw new DataError("has no header line after the GCT dimensions line", { file });
  for (let r = 2; r < rec.size; r++) checkWidth(rec, r, width, why, file);
  const from = 3 + nColMeta;
  const found = Math.max(0, rec.size - from);
  if (found !== nrow) {
    throw new DataError(`expected ${nrow} data lines (as line ${dimsLine} says), found ${found}`, { file });
  }
  const header = recordFields(rec, 2);
  const colNames = header.slice(offset, width);
  const values = readNumbers({ records: rec, from, count: nrow, offset, colNames, file });
  const column = (j: number) => Array.from({ length: nrow }, (_, i) => fieldText(rec, from + i, j));
  const rowNames = column(0);
  const rowTracks =
    dims.version === "1.2"
      ? descriptionTrack(rowNames, column(1))
      : header.slice(1, offset).map((name, k) => trackFromCells(name, column(1 + k)));
  const colTracks = Array.from({ length: nColMeta }, (_, k) => {
    const f = recordFields(rec, 3 + k);
    return trackFromCells(f[0], f.slice(offset, width));
  });
  const extra: { rowAnnotation?: Annotation; colAnnotation?: Annotation } = {};
  if (rowTracks.length > 0) extra.rowAnnotation = { tracks: rowTracks };
  if (colTracks.length > 0) extra.colAnnotation = { tracks: colTracks };
  return {
    matrix: createMatrix(values, rowNames, colNames, extra),
    lines: Array.from(rec.lines.subarray(from, rec.size)),
    headerLine: rec.lines[2],
    corner: header[0],
  };
}

/** GCT 1.2's Description as a track, when some entry is neither missing nor the row's Name. */
function descriptionTrack(names: readonly string[], descriptions: readonly string[]): AnnotationTrack[] {
  const informative = descriptions.some((d, i) => !isMissing(d) && d !== names[i]);
  return informative ? [trackFromCells("Description", descriptions)] : [];
}
