/**
 * Aggregation of columns by a sample-sheet field: one column per group.
 */
import { DataError, listSome, UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import type { Annotation, AnnotationTrack, Matrix } from "../matrix.js";
import { rMean } from "../numeric/rstats.js";

/**
 * One column per group of the column-annotation track `field`, named by the
 * group, groups in order of first appearance among the columns. The field
 * may be categorical (groups are its levels, as written in the sheet) or
 * numeric — group codes such as a dose `0`/`10`: then the groups are its
 * distinct numbers, each named by the shortest text that reads back to it
 * (`10`, `0.5`; `10.0` and `10` are one group `10`), still in order of first
 * appearance, not sorted (read the field with `readAnnotation`'s
 * `categorical` option to keep the text exactly as written). Each value is R's
 * `mean(x, na.rm = TRUE)` or `median(x, na.rm = TRUE)` of the row's values in
 * the group's samples (NaN when they are all missing). Samples whose group is
 * missing are left out, with a warning. The column annotation keeps `field`
 * and every other track that is constant within each group.
 * Throws UsageError when there is no such track.
 * Complexity O(nrow × ncol) for the mean, O(nrow × ncol log ncol) for the median.
 */
export function aggregateCols(m: Matrix, field: string, how: "mean" | "median", logger?: Logger): Matrix {
  const track = findTrack(m, field);
  const codes =
    track.kind === "categorical"
      ? track.values
      : Array.from(track.values, (x) => (Number.isNaN(x) ? null : String(x === 0 ? 0 : x)));
  const groups = groupColumns(codes);
  if (groups.names.length === 0) {
    throw new DataError(`aggregateColsBy ${field}: no sample has a value of ${JSON.stringify(field)}`);
  }
  const unassigned = codes.flatMap((g, j) => (g === null ? [m.colNames[j]] : []));
  if (unassigned.length > 0) {
    logger?.warn(
      `aggregateColsBy ${field}: ${unassigned.length} sample${unassigned.length === 1 ? "" : "s"} ` +
        `without a value left out: ${listSome(unassigned)}`,
    );
  }
  const combine = how === "mean" ? rMean : rMedian;
  const ng = groups.names.length;
  const values = new Float64Array(m.nrow * ng);
  const buf = new Float64Array(m.ncol);
  for (let i = 0; i < m.nrow; i++) {
    for (let g = 0; g < ng; g++) {
      let n = 0;
      for (const j of groups.columns[g]) {
        const x = m.values[i * m.ncol + j];
        if (!Number.isNaN(x)) buf[n++] = x;
      }
      values[i * ng + g] = combine(buf.subarray(0, n));
    }
  }
  return {
    ...m,
    ncol: ng,
    values,
    colNames: groups.names,
    colAnnotation: aggregateAnnotation(m.colAnnotation!, groups.columns),
  };
}

function findTrack(m: Matrix, field: string): AnnotationTrack {
  const tracks = m.colAnnotation?.tracks ?? [];
  const track = tracks.find((t) => t.name === field);
  if (track) return track;
  if (tracks.length === 0) {
    throw new UsageError(`aggregateColsBy ${JSON.stringify(field)} needs a sample sheet (--annotation-col)`);
  }
  throw new UsageError(
    `aggregateColsBy: ${JSON.stringify(field)} is not a field of the sample sheet ` +
      `(fields: ${listSome(
        tracks.map((t) => t.name),
        10,
      )})`,
  );
}

/** The groups in order of first appearance, with their column indices in column order. */
function groupColumns(values: readonly (string | null)[]): { names: string[]; columns: number[][] } {
  const at = new Map<string, number>();
  const names: string[] = [];
  const columns: number[][] = [];
  values.forEach((g, j) => {
    if (g === null) return;
    let k = at.get(g);
    if (k === undefined) {
      k = names.length;
      at.set(g, k);
      names.push(g);
      columns.push([]);
    }
    columns[k].push(j);
  });
  return { names, columns };
}

/**
 * R's `median(x)` of NA-free values: the middle value, or `mean()` of the two
 * middle values when the count is even; NaN for no values. Sorts `x` in place.
 */
export function rMedian(x: Float64Array): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  x.sort();
  const half = n >> 1;
  return n % 2 === 1 ? x[half] : rMean(x.subarray(half - 1, half + 1));
}

/** The tracks that are constant within every group, one entry per group. */
function aggregateAnnotation(a: Annotation, columns: number[][]): Annotation {
  const tracks: AnnotationTrack[] = [];
  for (const t of a.tracks) {
    const same = (x: unknown, y: unknown) => x === y || (Number.isNaN(x) && Number.isNaN(y));
    const constant = columns.every((cols) => cols.every((j) => same(t.values[j], t.values[cols[0]])));
    if (!constant) continue;
    if (t.kind === "continuous") {
      tracks.push({ ...t, values: Float64Array.from(columns, (cols) => t.values[cols[0]]) });
    } else {
      const values = columns.map((cols) => t.values[cols[0]]);
      tracks.push({ ...t, values, levels: t.levels.filter((l) => values.includes(l)) });
    }
  }
  return { tracks };
}
