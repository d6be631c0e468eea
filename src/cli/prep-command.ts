/**
 * `clusterheat prep`: read a matrix, apply the prep steps, write it as TSV.
 */
import type { Command } from "commander";
import { formatMatrixTsv } from "../io/write-tsv.js";
import {
  addGeneralFlags,
  addInputFlags,
  addOutputFlags,
  type CliIo,
  given,
  newCommand,
  outputPaths,
} from "./command-parts.js";
import { checkOutputExtension, writeOutputs } from "./files.js";
import { optionsOf, runOnFiles, withLogger } from "./run-command.js";

const EXAMPLES = `
Examples:
  clusterheat prep expr.tsv --log2 --top-variable 500 --scale row -o prepared.tsv
  clusterheat prep expr.tsv --rows genes.txt --keep-order > selected.tsv
  clusterheat prep expr.tsv --annotation-col samples.tsv --aggregate-cols-by Group -o by-group.tsv`;

/** What `prep` can write. */
export const PREP_EXTENSIONS = [".tsv", ".txt", ".csv"] as const;

/** The `prep` command. */
export function prepCommand(io: CliIo): Command {
  const cmd = newCommand("prep")
    .summary("apply the prep steps (log2, filter, aggregate, scale) and write the matrix as TSV")
    .description(
      "Read an expression matrix, apply the prep steps in order (log2, rows, top variable, aggregate, " +
        "scale) and write the resulting matrix as TSV (or CSV for a .csv output).",
    );
  const flags = addInputFlags(cmd);
  const output = addOutputFlags(cmd);
  const general = addGeneralFlags(cmd);
  cmd.addHelpText("after", EXAMPLES);
  cmd.action((matrix: string) =>
    withLogger(cmd, io, general, async (logger) => {
      const paths = outputPaths(given(cmd, output));
      for (const path of paths) checkOutputExtension(path, PREP_EXTENSIONS, "prep");
      const options = optionsOf(cmd, flags);
      const result = await runOnFiles(matrix, cmd, flags, options, "prepare", logger);
      const outputs = paths.map((path) => ({
        path,
        content: formatMatrixTsv(result.correlation?.matrix ?? result.prepared, {
          delimiter: /\.csv(\.gz)?$/i.test(path) ? "," : "\t",
        }),
      }));
      writeOutputs(outputs, io.stdout);
    }),
  );
  return cmd;
}
