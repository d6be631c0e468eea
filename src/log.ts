/**
 * The logger is passed in, never global: library code reports warnings and
 * progress through it; the CLI prints them on stderr, the viewer shows them.
 * A warning that names an option is a `Message` (see errors.ts), so that each
 * face names the option its own way.
 */
import { describeText, type MessageText } from "./errors.js";

export interface Logger {
  /** A warning about suspicious input that was handled (dropped rows, names not found...). */
  warn(message: MessageText): void;
  /**
   * Progress of a long phase: `done` out of `total` units of work. Called often;
   * the receiver decides how often to draw.
   */
  progress?(phase: string, done: number, total: number): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { warn() {} };

/** A logger that collects warnings (in the library's words) in an array (tests, the viewer). */
export function collectingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m) => warnings.push(describeText(m)) };
}
