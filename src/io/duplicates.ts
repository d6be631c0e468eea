/**
 * Duplicate row names (common with gene symbols: several probes per gene)
 * and duplicate column names.
 */
import { DataError, listSome } from "../errors.js";
import type { Logger } from "../log.js";
import { type Matrix, selectAnnotation, selectRows } from "../matrix.js";
import type { DuplicateRows } from "../options.js";

/** Where the rows came from, for messages. */
export interface RowSource {
  file?: string;
  /** 1-based line of each row. */
  lines?: readonly number[];
  logger?: Logger;
}

/** `1 row name occurs` / `3 row names occur`: a count with its noun and verb agreeing. */
function counted(n: number, noun: string, verbs: [string, string] = ["occurs", "occur"]): string {
  return n === 1 ? `1 ${noun} ${verbs[0]}` : `${n} ${noun}s ${verbs[1]}`;
}

/** Rows grouped by name, groups in order of first occurrence. */
function groupByName(names: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  names.forEach((name, i) => {
    const g = groups.get(name);
    if (g) g.push(i);
    else groups.set(name, [i]);
  });
  return [...groups.values()];
}

/**
 * R's `make.unique`: the second and later copies of a name get `.1`, `.2`, ...
 * (a counter per name), skipping any result that is already a name.
 * `makeUnique(["a", "a", "a.1"])` → `["a", "a.2", "a.1"]`, as R gives.
 */
export function makeUnique(names: readonly string[]): string[] {
  const taken = new Set(names);
  const seen = new Set<string>();
  const counter = new Map<string, number>();
  return names.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let k = counter.get(name) ?? 1;
    while (taken.has(`${name}.${k}`)) k++;
    const unique = `${name}.${k}`;
    counter.set(name, k + 1);
    taken.add(unique);
    return unique;
  });
}

/**
 * Combines each group of rows column by column: the sum or the mean of the
 * values that are not NaN (R's `colSums`/`colMeans` with `na.rm = TRUE`),
 * except that a column with no value in the group stays NaN (R's `colSums`
 * would give 0). Rows are added in file order.
 */
function combine(m: Matrix, groups: readonly number[][], how: "mean" | "sum"): Float64Array {
  const { ncol, values } = m;
  const out = new Float64Array(groups.length * ncol);
  const count = new Int32Array(ncol);
  groups.forEach((rows, g) => {
    const base = g * ncol;
    count.fill(0);
    for (const r of rows) {
      for (let j = 0; j < ncol; j++) {
        const v = values[r * ncol + j];
        if (!Number.isNaN(v)) {
          out[base + j] += v;
          count[j]++;
        }
      }
    }
    for (let j = 0; j < ncol; j++) {
      if (count[j] === 0) out[base + j] = Number.NaN;
      else if (how === "mean") out[base + j] /= count[j];
    }
  });
  return out;
}

/**
 * Resolves duplicate row names as `mode` says: `error` (the default) throws a
 * DataError listing them; `first` keeps the first row of each name; `mean`
 * and `sum` combine each name's rows per column (NaN ignored, all-NaN → NaN);
 * `unique` renames later copies `name.1`, `name.2` as R's `make.unique`.
 * Kept or combined rows stand where the name first occurs; a row annotation
 * follows the first row of each name. Resolving is reported through the logger.
 */
export function resolveDuplicateRows(m: Matrix, mode: DuplicateRows, source: RowSource = {}): Matrix {
  const groups = groupByName(m.rowNames);
  if (groups.length === m.nrow) return m;
  const dups = groups.filter((g) => g.length > 1);
  const names = dups.map((g) => m.rowNames[g[0]]);
  const repeats = dups.reduce((s, g) => s + g.length - 1, 0);
  if (mode === "error") {
    const firstRepeat = dups.reduce((min, g) => Math.min(min, g[1]), m.nrow);
    const name = m.rowNames[firstRepeat];
    const first = m.rowNames.indexOf(name);
    const where = source.lines ? ` (${JSON.stringify(name)} first on line ${source.lines[first]})` : "";
    throw new DataError(
      `${counted(names.length, "row name")} more than once${where}: ${listSome(names)}; ` +
        "set duplicateRows to first, mean, sum or unique to resolve them",
      { file: source.file, line: source.lines?.[firstRepeat] },
    );
  }
  const what = `${names.length} duplicate row name${names.length === 1 ? "" : "s"} (${listSome(names, 3)})`;
  if (mode === "unique") {
    source.logger?.warn(`${what}: renamed ${repeats} row${repeats === 1 ? "" : "s"} as R's make.unique does`);
    return { ...m, rowNames: makeUnique(m.rowNames) };
  }
  const firsts = groups.map((g) => g[0]);
  source.logger?.warn(`${what}: ${m.nrow} rows → ${groups.length} by ${mode}`);
  if (mode === "first") return selectRows(m, firsts);
  return {
    ...m,
    nrow: groups.length,
    values: combine(m, groups, mode),
    rowNames: firsts.map((r) => m.rowNames[r]),
    rowAnnotation: m.rowAnnotation && selectAnnotation(m.rowAnnotation, firsts),
  };
}

/** Throws a DataError listing the column names that occur more than once. */
export function checkDuplicateCols(
  colNames: readonly string[],
  place: { file?: string; line?: number },
): void {
  const groups = groupByName(colNames);
  if (groups.length === colNames.length) return;
  const names = groups.filter((g) => g.length > 1).map((g) => colNames[g[0]]);
  throw new DataError(`${counted(names.length, "column name")} more than once: ${listSome(names)}`, place);
}
