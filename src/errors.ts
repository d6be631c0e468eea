/**
 * Errors are values with a place. Library code throws these; only `cli/`
 * turns them into a message and an exit code.
 */

/** Where in an input something was found: file name, 1-based line and column. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
}

/** Formats a place as `file:line:column`, leaving out the parts that are unknown. */
export function formatPlace(place: Place | undefined): string {
  if (!place) return "";
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(place.file);
  if (place.line !== undefined) parts.push(String(place.line));
  if (place.line !== undefined && place.column !== undefined) parts.push(String(place.column));
  return parts.join(":");
}

/** Base class of every error clusterheat throws on purpose. */
export class ClusterheatError extends Error {
  readonly place: Place | undefined;
  constructor(message: string, place?: Place) {
    const where = formatPlace(place);
    super(where ? `${where}: ${message}` : message);
    this.name = new.target.name;
    this.place = place;
  }
}

/** The input data is wrong (bad cell, ragged row, duplicate names...). The CLI exits 1. */
export class DataError extends ClusterheatError {}

/** The call is wrong (invalid option value, impossible combination). The CLI exits 2. */
export class UsageError extends ClusterheatError {}

/** The work was cancelled through an AbortSignal. */
export class CancelledError extends ClusterheatError {
  constructor() {
    super("cancelled");
  }
}

/** Quotes a found value for a message: `"abc"`, shortened when long. */
export function quoteFound(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short);
}

/** Lists a few names for a message: `A, B, C and 12 more`. */
export function listSome(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => JSON.stringify(n));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}
