/**
 * Errors are values with a place. Library code throws these with structured
 * fields (option, found, expected, place); only a face (the CLI, the viewer)
 * turns them into words, naming an option in its own vocabulary: the CLI as
 * `--top-variable`, the library as `topVariable`, the viewer as a control's
 * label. Messages are templates (`msg`), never rewritten with regular
 * expressions.
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

/** How a face spells an option name (the library: the name itself). */
export type OptionWording = (option: string) => string;

const asLibrary: OptionWording = (option) => option;

/** A reference to an option inside a message, worded by each face. */
export interface OptionRef {
  readonly option: string;
}

/** An option named inside a message: msg`${opt("topVariable")} must be …`. */
export function opt(option: string): OptionRef {
  return { option };
}

function isOptionRef(value: unknown): value is OptionRef {
  return typeof value === "object" && value !== null && "option" in value && Object.keys(value).length === 1;
}

/** A message whose option names each face words its own way. */
export class Message {
  private readonly strings: readonly string[];
  private readonly values: readonly unknown[];
  constructor(strings: readonly string[], values: readonly unknown[]) {
    this.strings = strings;
    this.values = values;
  }
  /** The text, with every option named by `wording`. */
  describe(wording: OptionWording = asLibrary): string {
    let out = this.strings[0];
    this.values.forEach((value, i) => {
      out += isOptionRef(value) ? wording(value.option) : String(value);
      out += this.strings[i + 1];
    });
    return out;
  }
  toString(): string {
    return this.describe();
  }
}

/** A message template: msg`cut into ${k} clusters needs ${opt("clusterRows")}`. */
export function msg(strings: TemplateStringsArray, ...values: unknown[]): Message {
  return new Message(strings, values);
}

/** Text for a message: plain, or a template with option references. */
export type MessageText = string | Message;

/** The text of a message in a face's words. */
export function describeText(text: MessageText, wording: OptionWording = asLibrary): string {
  return typeof text === "string" ? text : text.describe(wording);
}

/** Base class of every error clusterheat throws on purpose. */
export class ClusterheatError extends Error {
  readonly place: Place | undefined;
  /** The option at fault, when one is (library name). */
  readonly option: string | undefined;
  /** What was found (a value, a cell's text). */
  readonly found: unknown;
  /** What was expected, in words. */
  readonly expected: string | undefined;
  private readonly text: MessageText;

  constructor(
    text: MessageText,
    place?: Place,
    fields: { option?: string; found?: unknown; expected?: string } = {},
  ) {
    super(ClusterheatError.compose(text, place, asLibrary));
    this.name = new.target.name;
    this.text = text;
    this.place = place;
    this.option = fields.option;
    this.found = fields.found;
    this.expected = fields.expected;
  }

  private static compose(text: MessageText, place: Place | undefined, wording: OptionWording): string {
    const where = formatPlace(place);
    const body = describeText(text, wording);
    return where ? `${where}: ${body}` : body;
  }

  /** The message with every option named by `wording` (e.g. as a flag). */
  describe(wording: OptionWording = asLibrary): string {
    return ClusterheatError.compose(this.text, this.place, wording);
  }
}

/** The input data is wrong (bad cell, ragged row, duplicate names...). The CLI exits 1. */
export class DataError extends ClusterheatError {}

/** The call is wrong (invalid option value, impossible combination). The CLI exits 2. */
export class UsageError extends ClusterheatError {}

/** An option has a value it cannot take: `invalid topVariable: "x" (expected an integer ≥ 1)`. */
export class OptionError extends UsageError {
  constructor(option: string, found: unknown, expected: string) {
    super(msg`invalid ${opt(option)}: ${showFound(found)} (expected ${expected})`, undefined, {
      option,
      found,
      expected,
    });
  }
}

/** The work was cancelled through an AbortSignal. */
export class CancelledError extends ClusterheatError {
  constructor() {
    super("cancelled");
  }
}

/** A found value as shown in a message: strings quoted, numbers as written. */
function showFound(found: unknown): string {
  if (typeof found === "string") return quoteFound(found);
  if (typeof found === "number") return Number.isNaN(found) ? "NaN" : String(found);
  try {
    const text = JSON.stringify(found);
    return text === undefined ? String(found) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return String(found);
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
