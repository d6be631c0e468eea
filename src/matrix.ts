/**
 * The expression matrix: genes (rows) × samples (columns), values row-major
 * in one Float64Array with NaN for missing. Names are text exactly as written
 * (`01005` stays `01005`).
 */
import { DataError } from "./errors.js";

/** One annotation track: a column of a sample sheet or gene sheet. */
export type AnnotationTrack =
  | { name: string; kind: "categorical"; values: (string | null)[]; levels: string[] }
  | { name: string; kind: "continuous"; values: Float64Array };

/**
 * Annotation of the rows or columns of a matrix: tracks whose values are
 * aligned with the matrix's row (or column) order, matched by name when read.
 */
export interface Annotation {
  tracks: AnnotationTrack[];
}

export interface Matrix {
  readonly nrow: number;
  readonly ncol: number;
  /** Row-major values, length nrow × ncol; NaN = missing. */
  readonly values: Float64Array;
  readonly rowNames: readonly string[];
  readonly colNames: readonly string[];
  /** The first header cell as read (e.g. `gene`, GCT's `Name`), written back by formatMatrixTsv. */
  readonly rowHeader?: string;
  /** Row annotation (gene sheet, GCT row metadata), aligned with rowNames. */
  readonly rowAnnotation?: Annotation;
  /** Column annotation (sample sheet, GCT column metadata), aligned with colNames. */
  readonly colAnnotation?: Annotation;
}

/** Builds a matrix, checking that the sizes agree. */
export function createMatrix(
  values: Float64Array | readonly number[],
  rowNames: readonly string[],
  colNames: readonly string[],
  extra: { rowAnnotation?: Annotation; colAnnotation?: Annotation } = {},
): Matrix {
  const nrow = rowNames.length;
  const ncol = colNames.length;
  const data = values instanceof Float64Array ? values : Float64Array.from(values);
  if (data.length !== nrow * ncol) {
    throw new DataError(
      `matrix has ${data.length} values, expected ${nrow} rows × ${ncol} columns = ${nrow * ncol}`,
    );
  }
  return { nrow, ncol, values: data, rowNames: [...rowNames], colNames: [...colNames], ...extra };
}

/** The value at row i, column j (0-based). */
export function cell(m: Matrix, i: number, j: number): number {
  return m.values[i * m.ncol + j];
}

/** A copy of row i (0-based). */
export function row(m: Matrix, i: number): Float64Array {
  return m.values.slice(i * m.ncol, (i + 1) * m.ncol);
}

/** Selects rows by 0-based index, in the given order, keeping row annotations aligned. */
export function selectRows(m: Matrix, index: readonly number[]): Matrix {
  const out = new Float64Array(index.length * m.ncol);
  index.forEach((r, k) => {
    out.set(m.values.subarray(r * m.ncol, (r + 1) * m.ncol), k * m.ncol);
  });
  return {
    ...m,
    nrow: index.length,
    values: out,
    rowNames: index.map((r) => m.rowNames[r]),
    rowAnnotation: m.rowAnnotation && selectAnnotation(m.rowAnnotation, index),
  };
}

/** Selects columns by 0-based index, in the given order, keeping column annotations aligned. */
export function selectCols(m: Matrix, index: readonly number[]): Matrix {
  const out = new Float64Array(m.nrow * index.length);
  for (let i = 0; i < m.nrow; i++) {
    for (let k = 0; k < index.length; k++) out[i * index.length + k] = m.values[i * m.ncol + index[k]];
  }
  return {
    ...m,
    ncol: index.length,
    values: out,
    colNames: index.map((c) => m.colNames[c]),
    colAnnotation: m.colAnnotation && selectAnnotation(m.colAnnotation, index),
  };
}

/** The transposed matrix: samples become rows. Annotations swap sides. */
export function transpose(m: Matrix): Matrix {
  const out = new Float64Array(m.values.length);
  for (let i = 0; i < m.nrow; i++) {
    for (let j = 0; j < m.ncol; j++) out[j * m.nrow + i] = m.values[i * m.ncol + j];
  }
  return {
    nrow: m.ncol,
    ncol: m.nrow,
    values: out,
    rowNames: m.colNames,
    colNames: m.rowNames,
    rowAnnotation: m.colAnnotation,
    colAnnotation: m.rowAnnotation,
  };
}

/** Selects annotation entries by 0-based index. */
export function selectAnnotation(a: Annotation, index: readonly number[]): Annotation {
  return {
    tracks: a.tracks.map((t) =>
      t.kind === "continuous"
        ? { ...t, values: Float64Array.from(index, (i) => t.values[i]) }
        : { ...t, values: index.map((i) => t.values[i]) },
    ),
  };
}
