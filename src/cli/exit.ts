/**
 * From an error to what the user sees and the exit status. The only place
 * that decides exit codes:
 * 0 done; 1 bad input data or a file that cannot be read or written, or an
 * unexpected error; 2 a wrong command line; 130 interrupted (Ctrl-C).
 */
import { CommanderError } from "commander";
import { CancelledError, DataError, UsageError } from "../errors.js";
import { flagWording } from "./flags.js";

export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

/** What to print on stderr and the exit status. */
export interface ErrorReport {
  code: number;
  text: string;
}

/**
 * A commander message as one line in the program's style:
 * `error: unknown option '--scal'\n(Did you mean --scale?)` →
 * `unknown option '--scal' (did you mean --scale?)`.
 */
export function usageLine(message: string): string {
  const line = message
    .replace(/^error: /, "")
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .join(" ");
  return line.replace("(Did you mean", "(did you mean");
}

function usage(line: string, command: string): ErrorReport {
  return { code: EXIT_USAGE, text: `clusterheat: ${line}\nsee ${command} --help\n` };
}

/**
 * The report of an error thrown while running `command` (`clusterheat` or
 * `clusterheat prep`). A stack trace is shown only for unexpected errors and
 * only with `CLUSTERHEAT_DEBUG=1`.
 */
export function reportError(e: unknown, command: string, debug: boolean): ErrorReport {
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) return { code: EXIT_OK, text: "" };
    // help printed on stderr instead of a message (`clusterheat help nope`)
    if (e.code === "commander.help") return { code: EXIT_USAGE, text: "" };
    return usage(usageLine(e.message), command);
  }
  if (e instanceof UsageError) return usage(e.describe(flagWording), command);
  if (e instanceof CancelledError) return { code: EXIT_CANCELLED, text: "clusterheat: cancelled\n" };
  if (e instanceof DataError) return { code: EXIT_DATA, text: `clusterheat: ${e.describe(flagWording)}\n` };
  const message = e instanceof Error ? e.message : String(e);
  if (debug) {
    const stack = e instanceof Error && e.stack ? e.stack : message;
    return { code: EXIT_DATA, text: `clusterheat: unexpected error: ${stack}\n` };
  }
  return {
    code: EXIT_DATA,
    text: `clusterheat: unexpected error: ${message} (CLUSTERHEAT_DEBUG=1 shows the stack trace)\n`,
  };
}
