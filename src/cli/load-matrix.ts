/**
 * Reading the inputs of a command: the matrix, its annotations, the name list
 * of `--rows`, then the prep steps — the part that `prep` and `cluster` share.
 */
import { readAnnotation } from "../io/annotation.js";
import { readMatrix } from "../io/matrix-reader.js";
import { parseNameList } from "../io/names.js";
import type { Logger } from "../log.js";
import type { Matrix } from "../matrix.js";
import type { DuplicateRows, PrepOptions } from "../options.js";
import { prepare } from "../transform/prepare.js";
import { isFile, readInput } from "./files.js";

/** The input files of a command, as given on the command line. */
export interface InputFiles {
  matrix: string;
  annotationCol?: string;
  annotationRow?: string;
  duplicateRows?: DuplicateRows;
}

/** The file name used in messages: `<stdin>` for `-`. */
function shownName(path: string): string {
  return path === "-" ? "<stdin>" : path;
}

/** Reads the matrix and attaches the annotations (matched to its row and column names). */
export function loadMatrix(files: InputFiles, logger: Logger): Matrix {
  const file = shownName(files.matrix);
  let m = readMatrix(readInput(files.matrix), { file, duplicateRows: files.duplicateRows, logger });
  if (files.annotationCol !== undefined) {
    const path = files.annotationCol;
    m = { ...m, colAnnotation: readAnnotation(readInput(path), m.colNames, { file: path, axis: "col" }) };
  }
  if (files.annotationRow !== undefined) {
    const path = files.annotationRow;
    m = { ...m, rowAnnotation: readAnnotation(readInput(path), m.rowNames, { file: path, axis: "row" }) };
  }
  return m;
}

/**
 * The names of `--rows FILE|LIST`: when the value names an existing file, its
 * names (one per line, read by `parseNameList`); otherwise the value split on
 * commas.
 */
export function resolveRowNames(value: string): string[] {
  if (isFile(value)) return parseNameList(new TextDecoder().decode(readInput(value)));
  return value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/** Reads the inputs and applies the prep steps (`rows` given as on the command line). */
export function loadPrepared(
  files: InputFiles,
  prep: Partial<Omit<PrepOptions, "rows">> & { rows?: string },
  logger: Logger,
): Matrix {
  const { rows, ...rest } = prep;
  const options: Partial<PrepOptions> = rows === undefined ? rest : { ...rest, rows: resolveRowNames(rows) };
  return prepare(loadMatrix(files, logger), options, logger);
}
