/**
 * Sample sheets and gene sheets: a table whose first column holds ids and
 * whose other columns are annotation tracks, aligned with a matrix's column
 * (or row) names by name, never by position.
 */
import { DataError, listSome, UsageError } from "../errors.js";
import type { Annotation, AnnotationTrack } from "../matrix.js";
import { isMissing, parseNumber } from "./cells.js";
import { decodeText } from "./decode.js";
import { cellText, readTable, rowLine, type Table } from "./delimited.js";

/**
 * One track from its cells: continuous (a Float64Array, NaN for missing) when
 * every non-missing cell is a number and there is at least one, unless
 * `categorical` is true; otherwise categorical, with the cells' text as
 * written (`010` stays `010`), `null` for missing cells and levels in the
 * order in which they first appear in `cells`.
 */
export function trackFromCells(name: string, cells: readonly string[], categorical = false): AnnotationTrack {
  let present = 0;
  let numeric = !categorical;
  for (const c of cells) {
    if (isMissing(c)) continue;
    present++;
    if (parseNumber(c) === undefined) {
      numeric = false;
      break;
    }
  }
  if (numeric && present > 0) {
    return {
      name,
      kind: "continuous",
      values: Float64Array.from(cells, (c) => parseNumber(c) ?? Number.NaN),
    };
  }
  const values = cells.map((c) => (isMissing(c) ? null : c));
  const levels = [...new Set(values.filter((v): v is string => v !== null))];
  return { name, kind: "categorical", values, levels };
}

/** A key that forgives what spreadsheets do to ids: case, surrounding blanks, leading zeros. */
function looseKey(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/^0+(?=\d)/, "");
}

/** A hint for names missing from the sheet: a near match, or another column that holds the names. */
function missingHint(t: Table, ids: readonly string[], missing: readonly string[]): string {
  const loose = new Map(ids.map((id) => [looseKey(id), id]));
  for (const name of missing) {
    const near = loose.get(looseKey(name));
    if (near !== undefined) {
      return ` (the sheet has ${JSON.stringify(near)} for ${JSON.stringify(name)}: were leading zeros or case changed, e.g. by Excel? ids are matched exactly)`;
    }
  }
  const wanted = new Set(missing);
  for (let k = 0; k < t.colNames.length; k++) {
    if (Array.from({ length: t.nrow }, (_, i) => cellText(t, i, k + 1)).some((c) => wanted.has(c))) {
      return ` (column ${JSON.stringify(t.colNames[k])} holds some of them: the first column must hold the ids)`;
    }
  }
  return "";
}

/**
 * Reads a sample sheet / gene sheet (TSV, CSV, TXT, optionally gzipped; first
 * column = id, header = track names) and aligns it with `names` (the matrix's
 * column names for axis "col", row names for axis "row"), matching ids to
 * names exactly, as text. Numeric columns become continuous tracks, text
 * columns categorical tracks (levels in the order of first appearance in the
 * sheet, among the rows used); missing entries (empty, NA, ...) are allowed
 * (null / NaN). Names absent from the sheet are a DataError naming them;
 * sheet rows for other ids are ignored.
 *
 * `options.categorical` names fields read as categories even when every
 * value is a number: group codes such as a dose `0`/`10` or a batch `1`/`2`,
 * to color by category or to aggregate by. Their levels are the text as
 * written, in order of first appearance (`10.0` and `10` are two levels).
 * A name there that is not a field of the sheet is a UsageError.
 *
 * @example readAnnotation(bytes, m.colNames, { file: "samples.tsv", categorical: ["dose"] })
 */
export function readAnnotation(
  input: Uint8Array | string,
  names: readonly string[],
  options: { file?: string; axis?: "row" | "col"; categorical?: readonly string[] } = {},
): Annotation {
  const { file } = options;
  const noun = options.axis === "row" ? "row names" : "sample names (matrix column names)";
  const t = readTable(decodeText(input, file), { file });
  checkTrackNames(t, file);
  const categorical = new Set(options.categorical ?? []);
  for (const field of categorical) {
    if (!t.colNames.includes(field)) {
      throw new UsageError(
        `categorical: ${JSON.stringify(field)} is not a field of the sheet${file === undefined ? "" : ` ${file}`} ` +
          `(fields: ${listSome(t.colNames, 10)})`,
      );
    }
  }
  const ids = Array.from({ length: t.nrow }, (_, i) => cellText(t, i, 0));
  const firstRow = new Map<string, number>();
  const wanted = new Set(names);
  ids.forEach((id, r) => {
    const seen = firstRow.get(id);
    if (seen === undefined) firstRow.set(id, r);
    else if (wanted.has(id)) {
      throw new DataError(`id ${JSON.stringify(id)} appears again (first on line ${rowLine(t, seen)})`, {
        file,
        line: rowLine(t, r),
        column: 1,
      });
    }
  });
  const missing = names.filter((n) => !firstRow.has(n));
  if (missing.length > 0) {
    throw new DataError(
      `${missing.length} of ${names.length} ${noun} ${missing.length === 1 ? "is" : "are"} not in the sheet's first column: ` +
        listSome(missing) +
        missingHint(t, ids, missing),
      { file },
    );
  }
  // Tracks are built over the sheet rows used, in sheet order (this sets the
  // order of levels), then their values are put in the order of `names`.
  const used = [...new Set(names.map((n) => firstRow.get(n)!))].sort((a, b) => a - b);
  const position = new Map(used.map((r, k) => [r, k]));
  const order = names.map((n) => position.get(firstRow.get(n)!)!);
  const tracks = t.colNames.map((name, k) => {
    const track = trackFromCells(
      name,
      used.map((r) => cellText(t, r, k + 1)),
      categorical.has(name),
    );
    return track.kind === "continuous"
      ? { ...track, values: Float64Array.from(order, (i) => track.values[i]) }
      : { ...track, values: order.map((i) => track.values[i]) };
  });
  return { tracks };
}

/** Throws when two tracks have the same name. */
function checkTrackNames(t: Table, file: string | undefined): void {
  const seen = new Set<string>();
  for (const name of t.colNames) {
    if (seen.has(name)) {
      throw new DataError(`expected distinct column names, found ${JSON.stringify(name)} twice`, {
        file,
        line: t.headerLine,
      });
    }
    seen.add(name);
  }
}
