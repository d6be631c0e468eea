/**
 * What a command reads before the pipeline runs: the matrix and sheet files
 * (as bytes), `--config`, and the option values that may name a file
 * (`--rows genes.txt`, `--labels-row labels.tsv`, `--annotation-colors
 * colors.json`, `--display-numbers=stars.tsv`). The pipeline itself reads no
 * file: it is the same in the browser.
 */
import { DataError, msg, opt, UsageError } from "../errors.js";
import { decodeText } from "../io/decode.js";
import { cellText, readTable } from "../io/delimited.js";
import { parseNameList } from "../io/names.js";
import { checkKind, normalizeOptions, type Options, optionSpec, type TextTable } from "../options.js";
import type { InputFile, PipelineInput } from "../pipeline.js";
import { checkStdinOnce, isFile, readInput } from "./files.js";

/** The input files as given on the command line. */
export interface InputPaths {
  matrix: string;
  annotationCol?: string | null;
  annotationRow?: string | null;
  config?: string | null;
}

/** The file name used in messages: `<stdin>` for `-`. */
function shownName(path: string): string {
  return path === "-" ? "<stdin>" : path;
}

function inputFile(path: string): InputFile {
  return { bytes: readInput(path), file: shownName(path) };
}

/** Reads the matrix and sheets as bytes for the pipeline; `-` (stdin) may be used once. */
export function readInputs(paths: InputPaths): PipelineInput {
  checkStdinOnce(
    [
      paths.matrix,
      paths.annotationCol ?? undefined,
      paths.annotationRow ?? undefined,
      paths.config ?? undefined,
    ],
    ["the matrix", "--annotation-col", "--annotation-row", "--config"],
  );
  return {
    matrix: inputFile(paths.matrix),
    ...(paths.annotationCol ? { annotationCol: inputFile(paths.annotationCol) } : {}),
    ...(paths.annotationRow ? { annotationRow: inputFile(paths.annotationRow) } : {}),
  };
}

function text(path: string): string {
  return decodeText(readInput(path), shownName(path));
}

/** `--rows FILE|LIST`: a file of names (one per line), else a comma-separated list. */
function namesValue(value: string): string[] {
  if (isFile(value)) return parseNameList(text(value));
  return value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

/**
 * `--labels-row FILE|LIST`: a file of `name<TAB>label` lines (a record,
 * matched by name) or of one label per line (a list, in the matrix's row
 * order); else a comma-separated list.
 */
function labelsValue(value: string): string[] | Record<string, string> {
  if (!isFile(value)) return value.split(",").map((s) => s.trim());
  const lines = text(value).split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0 || !lines.every((line) => line.includes("\t"))) return lines;
  const out: Record<string, string> = {};
  for (const line of lines) {
    const tab = line.indexOf("\t");
    out[line.slice(0, tab)] = line.slice(tab + 1);
  }
  return out;
}

/** `--annotation-colors JSON|FILE`. */
function colorMapValue(value: string, option: string): unknown {
  const source = value.trim().startsWith("{") ? value : isFile(value) ? text(value) : null;
  if (source === null) {
    throw new UsageError(
      msg`${opt(option)} expects JSON or a JSON file; no such file: ${JSON.stringify(value)}`,
    );
  }
  try {
    return JSON.parse(source);
  } catch (e) {
    const where = source === value ? "" : ` in ${value}`;
    throw new UsageError(msg`${opt(option)}: invalid JSON${where}: ${(e as Error).message}`);
  }
}

/** `--display-numbers` alone (`true`), or `=FILE`: a table of texts with row and column names. */
function numbersTableValue(value: string): boolean | TextTable {
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  const t = readTable(decodeText(readInput(value), value), { file: value });
  const colNames = [...t.colNames];
  const rowNames: string[] = [];
  const cells: string[] = [];
  for (let i = 0; i < t.nrow; i++) {
    rowNames.push(cellText(t, i, 0));
    for (let j = 1; j <= colNames.length; j++) cells.push(cellText(t, i, j));
  }
  return { rowNames, colNames, cells };
}

/** Reads what option values name a file; the others are already typed by their flags. */
export function resolveFileValues(given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  for (const [name, value] of Object.entries(given)) {
    if (typeof value !== "string") continue;
    const spec = optionSpec(name);
    if (!spec) continue;
    switch (spec.kind.type) {
      case "names":
        out[name] = namesValue(value);
        break;
      case "labels":
        out[name] = labelsValue(value);
        break;
      case "colorMap":
        out[name] = checkKind(name, spec.kind, colorMapValue(value, name));
        break;
      case "numbersTable":
        out[name] = numbersTableValue(value);
        break;
    }
  }
  return out;
}

/**
 * `--config FILE`: options as JSON with the library's names, validated as a
 * whole (an unknown or invalid option names the file); flags override it.
 */
export function readConfig(path: string): Partial<Options> {
  let value: unknown;
  try {
    value = JSON.parse(text(path));
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`invalid JSON: ${(e as Error).message}`, { file: path });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new DataError("expected a JSON object of options", { file: path });
  }
  try {
    normalizeOptions(value as Partial<Options>);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
  return value as Partial<Options>;
}

/** The options of a run: the config file's, overridden by the flags given (files read). */
export function collectOptions(
  config: string | null | undefined,
  flags: Record<string, unknown>,
): Partial<Options> {
  const base = config ? readConfig(config) : {};
  return { ...base, ...resolveFileValues(flags) } as Partial<Options>;
}
