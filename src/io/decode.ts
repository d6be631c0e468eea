/**
 * Bytes → text. Input is recognised by content, never by file name: gzip by
 * its magic bytes (1f 8b), a UTF-8 or UTF-16 byte-order mark, and the
 * signatures of formats we cannot read (Excel workbooks, other compressors)
 * so that they get a plain message instead of "binary file".
 */
import { Gunzip } from "fflate";
import { DataError, type Place } from "../errors.js";

/** Formats that are recognised only to say plainly that they are not read. */
const FOREIGN: readonly { magic: readonly number[]; message: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    message: "is a zip archive (an Excel .xlsx workbook?), not text: save the sheet as TSV or CSV",
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    message: "is an Excel .xls workbook (or another OLE file), not text: save the sheet as TSV or CSV",
  },
  { magic: [0x42, 0x5a, 0x68], message: "is bzip2-compressed: only gzip is read, decompress it first" },
  {
    magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
    message: "is xz-compressed: only gzip is read, decompress it first",
  },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], message: "is zstd-compressed: only gzip is read, decompress it first" },
];

/** True when the bytes start with `magic`. */
function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** True when the bytes are gzip-compressed (magic bytes 1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b]);
}

/**
 * Decompresses gzip data, also when it is several gzip members one after the
 * other (bgzip, `cat a.gz b.gz`). fflate's stream does not notice a truncated
 * file, so the last member's output size is checked against its trailer's
 * ISIZE (size mod 2³², RFC 1952 §2.3.1); a mismatch means the data is cut short.
 */
export function gunzip(bytes: Uint8Array, file?: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let lastMemberStart = 0;
  try {
    const stream = new Gunzip((chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.onmember = () => {
      lastMemberStart = size;
    };
    stream.push(bytes, true);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DataError(`is not valid gzip data (${why}); the file may be damaged`, { file });
  }
  const n = bytes.length;
  const isize =
    n < 18 ? -1 : (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  if (isize !== (size - lastMemberStart) % 2 ** 32) {
    throw new DataError("is not valid gzip data (it ends too early); the file may be truncated", { file });
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The 1-based line of a character offset in a text. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Throws when the text holds NUL characters (a binary file, or UTF-16 without a byte-order mark). */
function checkNoNul(text: string, file?: string): void {
  const at = text.indexOf("\0");
  if (at === -1) return;
  throw new DataError(
    "is a binary file, not text (it holds NUL bytes); expected a TSV, CSV or GCT file, optionally gzip-compressed",
    { file, line: lineOf(text, at) },
  );
}

/** Decodes UTF-8 strictly; invalid bytes get a plain message with the line where they are. */
function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const place: Place = { file, line: lineOf(lossy, lossy.indexOf("\uFFFD")) };
    throw new DataError(
      "is not UTF-8 text (invalid byte sequence); if it is text in another encoding (Latin-1, Windows-1252), save it as UTF-8",
      place,
    );
  }
}

/**
 * The text of an input: bytes are gunzipped when they start with the gzip
 * magic, then decoded as UTF-8 (or UTF-16 when a UTF-16 byte-order mark says
 * so); a leading byte-order mark is removed. Strings are taken as they are,
 * minus a leading BOM. Binary input (NUL bytes, invalid UTF-8, Excel
 * workbooks, other compressors) is a DataError with a plain message.
 */
export function decodeText(input: Uint8Array | string, file?: string): string {
  if (typeof input === "string") {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    checkNoNul(text, file);
    return text;
  }
  let bytes = input;
  if (isGzip(bytes)) bytes = gunzip(bytes, file);
  for (const f of FOREIGN) if (startsWith(bytes, f.magic)) throw new DataError(f.message, { file });
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(bytes);
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    // A NUL byte is never part of a multi-byte UTF-8 sequence, so check it first.
    const nul = bytes.indexOf(0);
    if (nul !== -1) checkNoNul(new TextDecoder("utf-8").decode(bytes.subarray(0, nul + 1)), file);
    text = decodeUtf8(bytes, file);
  }
  // TextDecoder drops the BOM by default; this catches a BOM that survived (e.g. a doubled one).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkNoNul(text, file);
  return text;
}
