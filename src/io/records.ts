/**
 * The tokenizer of delimited text: text → records of fields, each field kept
 * as offsets into the text, with the 1-based line where each record starts.
 *
 * Hand-written rather than papaparse: the readers need the line of every
 * record (also when a quoted field spans lines), runs of white space as a
 * delimiter (R's `read.table` default) and errors with a place; and fields
 * stay offsets, so numbers are parsed without making a string per cell —
 * faster than papaparse on large files (bench/read/RESULTS.md).
 * Quoting follows RFC 4180: a field that starts with `"` runs to the next
 * lone `"`, and `""` inside it is one `"`; a `"` inside an unquoted field is text.
 */
import { DataError, quoteFound } from "../errors.js";

/** A field delimiter; `" "` stands for runs of spaces and tabs (leading and trailing ones ignored). */
export type Delimiter = "\t" | "," | ";" | " ";

/**
 * Records of fields, as offsets into `text`. Blank lines (and lines of only
 * delimiters and blanks, as Excel writes them) are left out. Record r has
 * the fields `first[r]` to `first[r + 1] - 1`; field k is
 * `text.slice(starts[k], ends[k])`, or, when it was quoted, `quoted[~starts[k]]`
 * (a negative start marks a quoted field).
 */
export interface Records {
  readonly text: string;
  /** Number of records. */
  readonly size: number;
  /** 1-based line on which each record starts. */
  readonly lines: Int32Array;
  readonly first: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly quoted: readonly string[];
}

const QUOTE = 34;
const NEWLINE = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;

/** Number of fields of record r. */
export function fieldCount(rec: Records, r: number): number {
  return rec.first[r + 1] - rec.first[r];
}

/** The text of field k (an index over all fields). */
function textOf(rec: Records, k: number): string {
  const a = rec.starts[k];
  return a >= 0 ? rec.text.slice(a, rec.ends[k]) : rec.quoted[~a];
}

/** The text of field j (0-based) of record r; "" past the record's last field. */
export function fieldText(rec: Records, r: number, j: number): string {
  return j < fieldCount(rec, r) ? textOf(rec, rec.first[r] + j) : "";
}

/** All fields of record r as strings. */
export function recordFields(rec: Records, r: number): string[] {
  return Array.from({ length: fieldCount(rec, r) }, (_, j) => textOf(rec, rec.first[r] + j));
}

/** Number of fields of record r up to its last non-empty one (Excel may add empty ones). */
export function extentOf(rec: Records, r: number): number {
  const k0 = rec.first[r];
  let k = rec.first[r + 1];
  while (k > k0) {
    const a = rec.starts[k - 1];
    if (a >= 0 ? rec.ends[k - 1] > a : rec.quoted[~a].length > 0) break;
    k--;
  }
  return k - k0;
}

/** Growable arrays that collect records while scanning. */
class RecordsBuilder {
  size = 0;
  nfields = 0;
  lines: Int32Array = new Int32Array(1024);
  first: Int32Array = new Int32Array(1025);
  starts: Int32Array;
  ends: Int32Array;
  quoted: string[] = [];

  constructor(readonly text: string) {
    const guess = Math.min(Math.max(1024, text.length >> 2), 1 << 26);
    this.starts = new Int32Array(guess);
    this.ends = new Int32Array(guess);
  }

  /** Adds a field text[a, b). */
  field(a: number, b: number): void {
    if (this.nfields === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.nfields] = a;
    this.ends[this.nfields++] = b;
  }

  /** Adds a quoted field whose text (quotes removed, `""` undone) is `s`. */
  quotedField(s: string): void {
    this.quoted.push(s);
    this.field(~(this.quoted.length - 1), 0);
  }

  /** Drops the fields of the open record. */
  rollback(): void {
    this.nfields = this.first[this.size];
  }

  /** Closes the record begun at `line`, unless it is blank. */
  end(line: number): void {
    if (this.isBlank()) {
      this.rollback();
      return;
    }
    if (this.size + 1 === this.lines.length) {
      this.lines = grow(this.lines);
      this.first = grow(this.first);
    }
    this.lines[this.size++] = line;
    this.first[this.size] = this.nfields;
  }

  /** True when every field of the open record is empty or blanks only. */
  private isBlank(): boolean {
    for (let k = this.first[this.size]; k < this.nfields; k++) {
      const a = this.starts[k];
      if (a < 0) {
        if (this.quoted[~a].trim().length > 0) return false;
        continue;
      }
      for (let i = a; i < this.ends[k]; i++) {
        const c = this.text.charCodeAt(i);
        if (c !== SPACE && c !== TAB && c !== CR) return false;
      }
    }
    return true;
  }

  build(): Records {
    const { text, size, lines, first, starts, ends, quoted } = this;
    return { text, size, lines, first, starts, ends, quoted };
  }
}

/** A copy of `a` with twice the room. */
function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Index of the first character at or after `i` that is not a space, tab or CR. */
function skipBlanks(text: string, i: number, n: number): number {
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== CR) break;
    i++;
  }
  return i;
}

/** Number of newlines in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === NEWLINE) count++;
  return count;
}

/** Where the scan is: the next delimiter found ahead, and the line of the record being read. */
interface Cursor {
  /** Index of the next delimiter at or after the current field, or -1 when to be searched again. */
  delim: number;
  /** 1-based line where the record being read starts. */
  line: number;
  /** Set by a scan: the number of newlines the record took (0 or 1, more when a quoted field spans lines). */
  newlines: number;
  file: string | undefined;
}

/**
 * Reads the quoted field that starts at `open` (a `"`): its text with `""`
 * undone, and the index after the closing quote. `place` is the field's place.
 */
function readQuoted(
  text: string,
  open: number,
  place: { file?: string; line: number; column: number },
): { value: string; after: number } {
  let value = "";
  let j = open + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) {
      throw new DataError(
        'unclosed quote: the quoted field that starts here runs to the end of the file (expected a closing ")',
        place,
      );
    }
    value += text.slice(j, q);
    if (text.charCodeAt(q + 1) !== QUOTE) return { value, after: q + 1 };
    value += '"';
    j = q + 2;
  }
}

/** The error for text after a closing quote that is neither a delimiter nor the end of the line. */
function afterQuoteError(text: string, i: number, line: number, column: number, file?: string): DataError {
  const lineEnd = text.indexOf("\n", i);
  const rest = text.slice(i, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, "");
  return new DataError(
    `expected a delimiter or the end of the line after a closing quote, found ${quoteFound(rest, 20)}`,
    { file, line, column },
  );
}

/**
 * Scans the record that starts at `start`, fields separated by the one
 * character `delimiter`. Delimiters and line ends are found with indexOf, and
 * `cursor.delim` keeps the next delimiter found so that no part of the text
 * is searched twice; quoted fields are read in place. Returns the index after
 * the record's newline (a quoted field may hold newlines).
 */
function scanRecord(
  text: string,
  start: number,
  delimiter: string,
  cursor: Cursor,
  b: RecordsBuilder,
): number {
  const n = text.length;
  const dc = delimiter.charCodeAt(0);
  let end = text.indexOf("\n", start);
  if (end === -1) end = n;
  let f = start;
  let inside = 0; // newlines inside quoted fields so far
  for (let column = 1; ; column++) {
    if (text.charCodeAt(f) === QUOTE) {
      const place = { file: cursor.file, line: cursor.line + inside, column };
      const { value, after } = readQuoted(text, f, place);
      b.quotedField(value);
      if (after > end) {
        inside += countNewlines(text, f, after);
        end = text.indexOf("\n", after);
        if (end === -1) end = n;
      }
      cursor.delim = -1;
      const c = text.charCodeAt(after);
      if (c === dc) {
        f = after + 1;
        continue;
      }
      if (after >= end || (c === CR && after + 1 === end)) {
        cursor.newlines = inside + (end < n ? 1 : 0);
        return end < n ? end + 1 : n;
      }
      throw afterQuoteError(text, after, cursor.line + inside, column, cursor.file);
    }
    if (cursor.delim < f) {
      cursor.delim = text.indexOf(delimiter, f);
      if (cursor.delim === -1) cursor.delim = n;
    }
    if (cursor.delim >= end) break;
    b.field(f, cursor.delim);
    f = cursor.delim + 1;
  }
  b.field(f, end > f && text.charCodeAt(end - 1) === CR ? end - 1 : end);
  cursor.newlines = inside + (end < n ? 1 : 0);
  return end < n ? end + 1 : n;
}

/**
 * Scans the record that starts at `start`, fields separated by runs of
 * spaces, tabs (and CRs), leading and trailing ones ignored, character by
 * character. Returns the index after the record's newline.
 */
function scanRecordWs(text: string, start: number, cursor: Cursor, b: RecordsBuilder): number {
  const n = text.length;
  let i = skipBlanks(text, start, n);
  for (let column = 1; ; column++) {
    if (i >= n || text.charCodeAt(i) === NEWLINE) {
      const next = i >= n ? n : i + 1;
      cursor.newlines = countNewlines(text, start, next);
      return next;
    }
    if (text.charCodeAt(i) === QUOTE) {
      const place = { file: cursor.file, line: cursor.line + countNewlines(text, start, i), column };
      const { value, after } = readQuoted(text, i, place);
      b.quotedField(value);
      i = after;
    } else {
      const f = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === SPACE || c === TAB || c === CR || c === NEWLINE) break;
        i++;
      }
      b.field(f, i);
    }
    i = skipBlanks(text, i, n);
  }
}

/**
 * Splits text into records of fields. Line ends may be LF, CRLF, or CR alone
 * (old Mac Excel); blank lines and lines of only delimiters are left out.
 */
export function tokenize(text: string, delimiter: Delimiter, file?: string): Records {
  if (text.indexOf("\n") === -1 && text.indexOf("\r") !== -1) text = text.replace(/\r/g, "\n");
  const b = new RecordsBuilder(text);
  const n = text.length;
  const cursor: Cursor = { delim: -1, line: 1, newlines: 0, file };
  let i = 0;
  while (i < n) {
    i = delimiter === " " ? scanRecordWs(text, i, cursor, b) : scanRecord(text, i, delimiter, cursor, b);
    b.end(cursor.line);
    cursor.line += cursor.newlines;
  }
  return b.build();
}
