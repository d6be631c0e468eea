/**
 * A matrix → TSV text that `readMatrix` reads back to the identical matrix.
 */
import type { Matrix } from "../matrix.js";

/**
 * A name as a TSV field: as it is, unless it holds a tab, a line break or
 * starts with a quote; then it is quoted as CSV quotes (RFC 4180: `"…"`, with
 * `""` for `"`), which `readMatrix` undoes.
 */
function field(name: string, delimiter = "\t"): string {
  const special = delimiter === "," ? /[,"\n\r]/ : /[\t\n\r]/;
  if (!special.test(name) && name.charCodeAt(0) !== 34) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A number as text that reads back to the same double: JavaScript's shortest
 * round-trip representation (`String(x)`, e.g. `0.1`, `1e-7`, `5e-324`);
 * NaN → `NA`, ±Infinity → `Inf` / `-Inf`. Negative zero is written `0`.
 */
export function formatNumber(x: number): string {
  if (!Number.isNaN(x)) {
    if (x === Infinity) return "Inf";
    if (x === -Infinity) return "-Inf";
    return String(x);
  }
  return "NA";
}

/**
 * The matrix as TSV: a header `gene\t<column names>` (the header's first
 * field as read, when the matrix has one, instead of `gene`), then one line
 * per row: its name and its values (`delimiter: ","` writes CSV). Names are written as they are (quoted
 * only when they hold a tab or line break, or start with `"`); numbers so
 * that they read back exactly (see `formatNumber`). Lines end with `\n`.
 */
export function formatMatrixTsv(m: Matrix, options: { delimiter?: "\t" | "," } = {}): string {
  const d = options.delimiter ?? "\t";
  const corner = m.rowHeader || "gene";
  const out: string[] = [[corner, ...m.colNames].map((name) => field(name, d)).join(d)];
  const { ncol, values } = m;
  const cells: string[] = new Array(ncol + 1);
  for (let i = 0; i < m.nrow; i++) {
    cells[0] = field(m.rowNames[i], d);
    for (let j = 0; j < ncol; j++) cells[j + 1] = formatNumber(values[i * ncol + j]);
    out.push(cells.join(d));
  }
  return `${out.join("\n")}\n`;
}
