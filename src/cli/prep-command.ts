/**
 * `clusterheat prep`: read a matrix, apply the prep steps, write it as TSV.
 */
import type { Command } from "commander";
import { formatMatrixTsv } from "../io/write-tsv.js";
import type { PrepOptions } from "../options.js";
import {
  addGeneralFlags,
  addInputFlags,
  addOutputFlags,
  type CliIo,
  given,
  newCommand,
  outputPaths,
} from "./command-parts.js";
import { writeOutputs } from "./files.js";
import { type InputFiles, loadPrepared } from "./load-matrix.js";
import { stderrLogger } from "./progress.js";

const EXAMPLES = `
Examples:
  clusterheat prep expr.tsv --log2 --top-variable 500 --scale row -o prepared.tsv
  clusterheat prep expr.tsv --rows genes.txt --keep-order > selected.tsv
  clusterheat prep expr.tsv --annotation-col samples.tsv --aggregate-cols-by Group -o by-group.tsv`;

/** The `prep` command. */
export function prepCommand(io: CliIo): Command {
  const cmd = newCommand("prep")
    .summary("apply the prep steps (log2, filter, aggregate, scale) and write the matrix as TSV")
    .description(
      "Read an expression matrix, apply the prep steps in order (log2, rows, top variable, aggregate, " +
        "scale) and write the resulting matrix as TSV.",
    );
  const flags = addInputFlags(cmd);
  const output = addOutputFlags(cmd);
  const general = addGeneralFlags(cmd);
  cmd.addHelpText("after", EXAMPLES);
  cmd.action((matrix: string) => {
    const { quiet } = given<{ quiet: boolean }>(cmd, general);
    const logger = stderrLogger(io.stderr, { quiet });
    try {
      const paths = outputPaths(given(cmd, output));
      const files: InputFiles = { matrix, ...given<InputFiles>(cmd, flags.input) };
      const prep = given<Omit<PrepOptions, "rows"> & { rows: string }>(cmd, flags.prep);
      const text = formatMatrixTsv(loadPrepared(files, prep, logger));
      writeOutputs(
        paths.map((path) => ({ path, content: text })),
        io.stdout,
      );
    } finally {
      logger.finish();
    }
  });
  return cmd;
}
