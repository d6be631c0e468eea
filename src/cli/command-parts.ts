/**
 * The parts every command shares: its terminal, the input, read and prep
 * flags, the output flags, and turning the parsed flags (and `--config`)
 * into library options.
 */
import { Command, Option } from "commander";
import { UsageError } from "../errors.js";
import { OPTION_SPECS, type OptionGroup, type OptionSpec } from "../options.js";
import { GENERAL_OPTIONS, INPUT_OPTIONS, OUTPUT_OPTIONS } from "./cli-options.js";
import { addFlags, type FlagBinding, givenValues } from "./flags.js";
import type { ProgressStream } from "./progress.js";

/** What a command may touch besides files: the standard streams and the environment. */
export interface CliIo {
  stdout: { write(data: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
  stderr: ProgressStream;
  env: Readonly<Record<string, string | undefined>>;
}

export const HEADING = {
  input: "Input:",
  prep: "Prep options (applied first, in this order: log2, rows, top variable, aggregate, scale):",
  cluster: "Cluster options (as pheatmap's arguments):",
  figure: "Figure options (as pheatmap's arguments):",
  output: "Output:",
  other: "Other:",
} as const;

/** The library options of some stages, in table order. */
export function specsOf(...groups: OptionGroup[]): OptionSpec[] {
  return OPTION_SPECS.filter((s) => groups.includes(s.group));
}

/** A new command with the help option in the "Other" group and errors thrown, not printed. */
export function newCommand(name: string): Command {
  return new Command(name)
    .addHelpOption(new Option("-h, --help", "show this help").helpGroup(HEADING.other))
    .configureOutput({ outputError: () => {} })
    .exitOverride()
    .showSuggestionAfterError(true);
}

/** The flags every matrix-reading command has, registered in help order. */
export interface CommonFlags {
  /** Input files (annotation sheets, config). */
  files: FlagBinding[];
  /** Library options: read and prep. */
  options: FlagBinding[];
}

/** Adds the `<matrix>` argument, the input flags and the read and prep flags. */
export function addInputFlags(cmd: Command): CommonFlags {
  cmd.argument(
    "<matrix>",
    "expression matrix: TSV, CSV or GCT, maybe gzipped; first column = row names; - = stdin",
  );
  const files = addFlags(cmd, INPUT_OPTIONS, HEADING.input);
  const read = addFlags(cmd, specsOf("read"), HEADING.input);
  const prep = addFlags(cmd, specsOf("prep"), HEADING.prep);
  return { files, options: [...read, ...prep] };
}

/** Adds `-o` (repeatable) to the output group. */
export function addOutputFlags(cmd: Command): FlagBinding[] {
  return addFlags(cmd, OUTPUT_OPTIONS, HEADING.output);
}

/** Adds `-q` to the "Other" group. */
export function addGeneralFlags(cmd: Command): FlagBinding[] {
  return addFlags(cmd, GENERAL_OPTIONS, HEADING.other);
}

/** The output paths of `-o` (stdout when none); a path given twice is a usage error. */
export function outputPaths(given: Record<string, unknown>): string[] {
  const paths = (given.output as string[] | undefined) ?? ["-"];
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new UsageError(`-o ${path} is given twice`);
    seen.add(path);
  }
  return paths;
}

/** The values given for a list of bindings, typed as the caller expects. */
export function given<T>(cmd: Command, bindings: readonly FlagBinding[]): Partial<T> {
  return givenValues(cmd, bindings) as Partial<T>;
}
