/**
 * The program: `clusterheat <command> [options]`. Parses the command line,
 * runs the command, and turns any error into a message and an exit status
 * (see exit.ts). Returns the exit status instead of exiting, so that pending
 * output is flushed by the caller.
 */
import { readFileSync, statSync } from "node:fs";
import { type Command, CommanderError, type OutputConfiguration } from "commander";
import { useNativeHelper } from "../node/native.js";
import { OPTION_SPECS } from "../options.js";
import { FLAG_EXTRAS } from "./cli-options.js";
import { clusterCommand } from "./cluster-command.js";
import { type CliIo, HEADING, newCommand } from "./command-parts.js";
import { EXIT_OK, EXIT_USAGE, reportError } from "./exit.js";
import { expandFlagsAlone, strayValueError } from "./flags.js";
import { plotCommand } from "./plot-command.js";
import { prepCommand } from "./prep-command.js";
import { serveCommand } from "./serve-command.js";

/** The version in package.json (two folders up, from src/cli or dist/cli). */
export function packageVersion(): string {
  const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

const EPILOGUE = `
Run 'clusterheat <command> --help' for the options of a command.

Exit status: 0 done; 1 bad input data, a file that cannot be read or written, or an
unexpected error; 2 a wrong command line; 130 interrupted.
Environment: CLUSTERHEAT_DEBUG=1 shows the stack trace of an unexpected error.`;

/**
 * Where commander writes help (wrapped to the terminal, or to 100 columns
 * elsewhere) and errors (nowhere: exit.ts prints them).
 */
function output(io: CliIo): OutputConfiguration {
  const width = (s: { isTTY?: boolean; columns?: number }) => (s.isTTY && s.columns ? s.columns : 100);
  return {
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    getOutHelpWidth: () => width(io.stdout),
    getErrHelpWidth: () => width(io.stderr),
    outputError: () => {},
  };
}

/** The top-level command with its subcommands. */
export function createProgram(io: CliIo): Command {
  const program = newCommand("clusterheat")
    .usage("<command> [options]")
    .description(
      "Clustered heatmaps of expression data (genes × samples): R-identical clustering " +
        "(pheatmap, hclust, dist, cor, cutree), fast.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .helpCommand("help [command]", "show the help of a command")
    .configureOutput(output(io));
  program.options.find((o) => o.long === "--version")?.helpGroup(HEADING.other);
  for (const sub of [prepCommand(io), clusterCommand(io), plotCommand(io), serveCommand(io)]) {
    sub.configureOutput(output(io));
    program.addCommand(sub);
  }
  program.addHelpText("after", EPILOGUE);
  return program;
}

/** The name of the command that `argv` runs, for "see clusterheat <cmd> --help". */
function commandName(program: Command, argv: readonly string[]): string {
  const names = new Set(program.commands.map((c) => c.name()));
  const sub = argv.find((a) => names.has(a));
  return sub === undefined ? "clusterheat" : `clusterheat ${sub}`;
}

/** Whether an argument names something that exists (an input file), or stdin. */
function exists(arg: string): boolean {
  if (arg === "-") return true;
  try {
    statSync(arg);
    return true;
  } catch {
    return false;
  }
}

/** Runs the program on the arguments after `node main.js`; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // R's long double sums in the CPU's own, euclidean distances in its widest
  // vectors and the packed linkage's loops natively, where the native helper
  // has them (same bits, faster)
  useNativeHelper();
  const program = createProgram(io);
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  const aloneSpecs = OPTION_SPECS.filter((s) => FLAG_EXTRAS[s.name]?.alone !== undefined);
  const expanded = expandFlagsAlone(argv, aloneSpecs);
  try {
    await program.parseAsync(expanded.argv, { from: "user" });
    return EXIT_OK;
  } catch (e) {
    // `--log2 abc in.tsv`: "abc" was meant as --log2's value, not as a second input
    const stray =
      e instanceof CommanderError && e.code === "commander.excessArguments"
        ? strayValueError(expanded.expansions, exists)
        : null;
    const report = reportError(stray ?? e, commandName(program, argv), io.env.CLUSTERHEAT_DEBUG === "1");
    io.stderr.write(report.text);
    return report.code;
  }
}
