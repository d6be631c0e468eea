/**
 * Options that exist only on the command line (files, output formats, the
 * terminal), in the same shape and kinds as the library's table
 * (src/options/schema.ts) so that their flags and help are derived by the
 * same code. Library options are not repeated here.
 */
import type { Kind } from "../options.js";

/** A CLI-only option: like an entry of the library's table, without a stage. */
export interface CliOptionSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly default: unknown;
  readonly description: string;
}

export const TREE_FORMATS = ["json", "newick", "tsv"] as const;
export type TreeFormat = (typeof TREE_FORMATS)[number];

export const AXES = ["rows", "cols"] as const;
export type Axis = (typeof AXES)[number];

/** Input files shared by every command that reads a matrix. */
export const INPUT_OPTIONS = [
  {
    name: "annotationCol",
    kind: { type: "text", nullable: true },
    default: null,
    description: "sample sheet: first column = column names of the matrix, other columns = tracks",
  },
  {
    name: "annotationRow",
    kind: { type: "text", nullable: true },
    default: null,
    description: "gene sheet: first column = row names of the matrix, other columns = tracks",
  },
  {
    name: "config",
    kind: { type: "text", nullable: true },
    default: null,
    description:
      'a JSON file of options with the library\'s names ({"scale": "row", ...}); flags override it',
  },
] as const satisfies readonly CliOptionSpec[];

/** Output options: `-o` may be given several times (one file per format). */
export const OUTPUT_OPTIONS = [
  {
    name: "output",
    kind: { type: "names" },
    default: "-",
    description:
      "write to this file (written whole or not at all; .gz compresses); - = stdout; may be repeated",
  },
] as const satisfies readonly CliOptionSpec[];

/** Output options of `cluster`. */
export const TREE_OUTPUT_OPTIONS = [
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
] as const satisfies readonly CliOptionSpec[];

/** The numbers behind a figure, written by `plot` from the same run. */
export const NUMBERS_OUTPUT_OPTIONS = [
  {
    name: "writeClusters",
    kind: { type: "text", nullable: true },
    default: null,
    description: "write name, cluster, position (drawn order) of the rows and columns as TSV",
  },
  {
    name: "writeMatrix",
    kind: { type: "text", nullable: true },
    default: null,
    description: "write the drawn matrix (prepared values in drawn order) as TSV",
  },
  {
    name: "writeNewick",
    kind: { type: "text", nullable: true },
    default: null,
    description: "write the trees as Newick (rows, then columns)",
  },
  {
    name: "writeTree",
    kind: { type: "text", nullable: true },
    default: null,
    description: "write the trees as hclust-shaped JSON",
  },
] as const satisfies readonly CliOptionSpec[];

/** How the program talks to the terminal. */
export const GENERAL_OPTIONS = [
  {
    name: "quiet",
    kind: { type: "boolean" },
    default: false,
    description: "print no progress and no warnings on stderr (errors still)",
  },
] as const satisfies readonly CliOptionSpec[];

/** Options of commands that compute distances. */
export const COMPUTE_OPTIONS = [
  {
    name: "threads",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    description: "worker threads for the distances and the linkage (default and at most: the CPU cores)",
  },
  {
    name: "lowMemory",
    kind: { type: "boolean" },
    default: false,
    description:
      "cluster on the packed triangle of distances, half the memory of the full matrix (1.6 GB instead of 3.2 GB at 20,000 rows). The default where the native helper is built (its loops make the triangle the faster layout); without it, the full matrix is the default when the memory free allows it and fresh memory is cheap here, and the triangle takes 1.5–3 times its linkage's time",
  },
] as const satisfies readonly CliOptionSpec[];

/**
 * How some options are spelled on the command line, where the derived spelling
 * is not enough: a short flag, a value placeholder, a value implied by the flag
 * alone, a list that may name a file.
 */
export interface FlagExtra {
  short?: string;
  placeholder?: string;
  /** The value the flag alone stands for (`--log2` = `--log2 1`); the value is then optional. */
  alone?: string;
  /** The flag may be given several times; its value is the list of the values given. */
  repeatable?: boolean;
  /** The value may name a file to read (a list of names, labels, a color map, a table of texts). */
  file?: boolean;
}

export const FLAG_EXTRAS: Readonly<Record<string, FlagExtra>> = {
  log2: { placeholder: "[pseudocount]", alone: "1" },
  rows: { placeholder: "<file|list>", file: true },
  annotationCol: { placeholder: "<file>" },
  annotationRow: { placeholder: "<file>" },
  annotationCategorical: { placeholder: "<fields>" },
  config: { placeholder: "<file>" },
  aggregateColsBy: { placeholder: "<field>" },
  duplicateRows: { placeholder: "<how>" },
  clusteringDistanceRows: { placeholder: "<distance>" },
  clusteringDistanceCols: { placeholder: "<distance>" },
  clusteringMethod: { placeholder: "<method>" },
  clusteringMethodRows: { placeholder: "<method>" },
  clusteringMethodCols: { placeholder: "<method>" },
  color: { placeholder: "<palette|colors>" },
  breaks: { placeholder: "<numbers>" },
  borderColor: { placeholder: "<color|none>" },
  naCol: { placeholder: "<color>" },
  numberColor: { placeholder: "<color>" },
  legendBreaks: { placeholder: "<numbers>" },
  legendLabels: { placeholder: "<labels>" },
  annotationColors: { placeholder: "<json|file>", file: true },
  displayNumbers: { placeholder: "[file]", alone: "true", file: true },
  labelsRow: { placeholder: "<file|list>", file: true },
  labelsCol: { placeholder: "<file|list>", file: true },
  labelRows: { placeholder: "<file|list>", file: true },
  labelCols: { placeholder: "<file|list>", file: true },
  gapsRow: { placeholder: "<rows>" },
  gapsCol: { placeholder: "<cols>" },
  cellwidth: { placeholder: "<pt>" },
  cellheight: { placeholder: "<pt>" },
  width: { placeholder: "<inches>" },
  height: { placeholder: "<inches>" },
  writeClusters: { placeholder: "<file>" },
  writeMatrix: { placeholder: "<file>" },
  writeNewick: { placeholder: "<file>" },
  writeTree: { placeholder: "<file>" },
  output: { short: "o", placeholder: "<file>", repeatable: true },
  quiet: { short: "q" },
};
