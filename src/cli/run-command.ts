/**
 * What every command does around its own work: a logger on stderr (finished
 * before anything else is printed), the options gathered from `--config` and
 * the flags, the inputs read, and the pipeline run with progress.
 */
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { ClusterContext } from "../cluster/cluster-matrix.js";
import { msg, opt, UsageError } from "../errors.js";
import { nodeClusterContext } from "../node/parallel.js";
import type { Options } from "../options.js";
import { type PipelineResult, type PipelineStop, runPipeline } from "../pipeline.js";
import type { CliIo, CommonFlags } from "./command-parts.js";
import { type FlagBinding, givenValues } from "./flags.js";
import { collectOptions, type InputPaths, readInputs } from "./inputs.js";
import { type StderrLogger, stderrLogger } from "./progress.js";

/** Runs `body` with a stderr logger (quiet with `-q`), finishing it whatever happens. */
export async function withLogger<T>(
  cmd: Command,
  io: CliIo,
  general: readonly FlagBinding[],
  body: (logger: StderrLogger) => Promise<T> | T,
): Promise<T> {
  const { quiet } = givenValues(cmd, general) as { quiet?: boolean };
  const logger = stderrLogger(io.stderr, { quiet: quiet ?? false });
  try {
    return await body(logger);
  } finally {
    logger.finish();
  }
}

/** The library options of a run: `--config`, overridden by the flags of these bindings. */
export function optionsOf(
  cmd: Command,
  flags: CommonFlags,
  more: readonly FlagBinding[] = [],
): Partial<Options> {
  const files = givenValues(cmd, flags.files) as { config?: string };
  return collectOptions(files.config, givenValues(cmd, [...flags.options, ...more]));
}

/** Worker threads: as asked, at most the machine's cores (more only slows down and costs memory). */
export function threadCount(asked: number | undefined, logger: StderrLogger): number {
  const cores = availableParallelism();
  if (asked === undefined) return cores;
  if (asked > cores) {
    logger.warn(msg`${opt("threads")} ${asked} is more than the ${cores} CPU cores: using ${cores}`);
    return cores;
  }
  return asked;
}

/** How the command computes: `--threads` and `--low-memory`. */
export interface Compute {
  threads?: number;
  lowMemory?: boolean;
}

/** The clustering context of a command: worker threads, and the linkage's layout (packed with --low-memory). */
export function computeContext(compute: Compute, logger: StderrLogger): ClusterContext {
  return {
    // the distance workers start now and load while the matrix is read
    ...nodeClusterContext(threadCount(compute.threads, logger), { prestart: true }),
    ...(compute.lowMemory ? { linkage: "packed" as const } : {}),
  };
}

/** Reads the inputs and runs the pipeline up to `stop`, clustering on worker threads. */
export async function runOnFiles(
  matrix: string,
  cmd: Command,
  flags: CommonFlags,
  options: Partial<Options>,
  stop: PipelineStop,
  logger: StderrLogger,
  compute: Compute = {},
): Promise<PipelineResult> {
  const files = givenValues(cmd, flags.files) as Omit<InputPaths, "matrix">;
  const input = readInputs({ matrix, ...files });
  if (options.aggregateColsBy && !files.annotationCol) {
    const field = JSON.stringify(options.aggregateColsBy);
    throw new UsageError(
      msg`${opt("aggregateColsBy")} ${field} needs a sample sheet (${opt("annotationCol")})`,
    );
  }
  const context = stop === "prepare" ? {} : computeContext(compute, logger);
  return runPipeline(input, options, { ...context, logger, stop });
}
