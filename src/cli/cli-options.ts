/**
 * Options that exist only on the command line (files, output format, the
 * terminal), in the same shape as the library schema (`OPTION_SPECS`) so that
 * their flags and help are derived by the same code. Library options are not
 * repeated here: they come from `src/options.ts`.
 */
import { DUPLICATE_ROWS, type OptionSpec } from "../options.js";

/** A CLI-only option: like an `OptionSpec`, with a help heading instead of a library group. */
export interface CliOptionSpec {
  name: string;
  kind: OptionSpec["kind"];
  default: unknown;
  description: string;
}

export const TREE_FORMATS = ["json", "newick", "tsv"] as const;
export type TreeFormat = (typeof TREE_FORMATS)[number];

export const AXES = ["rows", "cols"] as const;
export type Axis = (typeof AXES)[number];

/** Input options shared by every command that reads a matrix. */
export const INPUT_OPTIONS: readonly CliOptionSpec[] = [
  {
    name: "annotationCol",
    kind: { type: "string", nullable: true },
    default: null,
    description: "sample sheet: first column = column names of the matrix, other columns = tracks",
  },
  {
    name: "annotationRow",
    kind: { type: "string", nullable: true },
    default: null,
    description: "gene sheet: first column = row names of the matrix, other columns = tracks",
  },
  {
    name: "duplicateRows",
    kind: { type: "choice", choices: DUPLICATE_ROWS },
    default: "error",
    description: "what to do with rows of the same name: stop, keep the first, average, sum, or rename them",
  },
];

/** Output options: `-o` may be given several times (one file per format, later one per figure). */
export const OUTPUT_OPTIONS: readonly CliOptionSpec[] = [
  {
    name: "output",
    kind: { type: "list" },
    default: "-",
    description: "write to this file (written whole or not at all); - = stdout; may be repeated",
  },
];

/** Output options of `cluster`. */
export const TREE_OUTPUT_OPTIONS: readonly CliOptionSpec[] = [
  {
    name: "format",
    kind: { type: "choice", choices: TREE_FORMATS },
    default: null,
    description: "what to write; see 'Output formats' below",
  },
  {
    name: "axis",
    kind: { type: "choice", choices: AXES },
    default: null,
    description: "with --format newick or tsv: write only this axis (tsv default: rows)",
  },
];

/** How the program talks to the terminal. */
export const GENERAL_OPTIONS: readonly CliOptionSpec[] = [
  {
    name: "quiet",
    kind: { type: "boolean" },
    default: false,
    description: "print no progress and no warnings on stderr (errors still)",
  },
];

/** Options of commands that compute distances. */
export const COMPUTE_OPTIONS: readonly CliOptionSpec[] = [
  {
    name: "threads",
    kind: { type: "number", min: 1, integer: true, nullable: true },
    default: null,
    description: "worker threads for the distances (default: the number of CPU cores)",
  },
];

/**
 * How some options are spelled on the command line, where the derived spelling
 * is not enough: a short flag, a value placeholder, a value implied by the flag
 * alone, a flag spelled differently from `flagName(name)`.
 */
export interface FlagExtra {
  short?: string;
  placeholder?: string;
  /** The value the flag alone stands for (`--log2` = `--log2 1`); the value is then optional (see expandFlagsAlone). */
  alone?: number;
  /** The long flag, when `flagName(name)` does not give the documented one. */
  flag?: string;
  /** The flag may be given several times; its value is the list of the values given. */
  repeatable?: boolean;
}

export const FLAG_EXTRAS: Readonly<Record<string, FlagExtra>> = {
  log2: { placeholder: "[pseudocount]", alone: 1 },
  rows: { placeholder: "<file|list>" },
  annotationCol: { placeholder: "<file>" },
  annotationRow: { placeholder: "<file>" },
  aggregateColsBy: { placeholder: "<field>" },
  duplicateRows: { placeholder: "<how>" },
  clusteringDistanceRows: { placeholder: "<distance>" },
  clusteringDistanceCols: { placeholder: "<distance>" },
  clusteringMethod: { placeholder: "<method>" },
  clusteringMethodRows: { placeholder: "<method>" },
  clusteringMethodCols: { placeholder: "<method>" },
  output: { short: "o", placeholder: "<file>", repeatable: true },
  quiet: { short: "q" },
};
