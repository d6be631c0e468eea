/**
 * Files of the command line. Inputs are read whole (`-` = stdin); outputs are
 * written to a temporary file in the same folder and renamed, all of them only
 * once every output is complete, so that a failure leaves no partial file and
 * no temporary file.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { DataError } from "../errors.js";
import { isGzip } from "../io/decode.js";

/** Plain words for the system errors a user meets with files. */
function reason(e: unknown, folder: boolean): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return folder ? "no such folder" : "no such file";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "read-only file system";
    default:
      return (e as Error).message ?? String(e);
  }
}

/** Reads a whole input file as bytes; `-` reads stdin. Throws DataError naming the file. */
export function readInput(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path === "-" ? 0 : path);
  } catch (e) {
    throw new DataError(`cannot read: ${reason(e, false)}`, { file: path });
  }
  // Node's zlib is ~5x faster than the portable decoder; damaged data is left
  // to the library reader, which names the problem.
  if (isGzip(bytes)) {
    try {
      return gunzipSync(bytes);
    } catch {
      return bytes;
    }
  }
  return bytes;
}

/** Whether a path names an existing regular file. */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One output: a path (`-` = stdout) and its whole content. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Writes every output: files first, each to a temporary name beside it, then
 * renamed into place; stdout last. If any file cannot be written, the
 * temporary files are removed and a DataError naming the file is thrown.
 */
export function writeOutputs(
  outputs: readonly OutputFile[],
  stdout: { write(text: string | Uint8Array): unknown },
): void {
  const files = outputs.filter((o) => o.path !== "-");
  const temps: string[] = [];
  try {
    for (const out of files) {
      const temp = join(dirname(out.path), `.${basename(out.path)}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        writeFileSync(temp, out.content, { flag: "wx" });
        temps.push(temp);
      } catch (e) {
        removeQuietly(temp);
        throw new DataError(`cannot write: ${reason(e, true)}`, { file: out.path });
      }
    }
    files.forEach((out, i) => {
      try {
        renameSync(temps[i], out.path);
      } catch (e) {
        throw new DataError(`cannot write: ${reason(e, false)}`, { file: out.path });
      }
    });
  } finally {
    for (const temp of temps) removeQuietly(temp);
  }
  for (const out of outputs) if (out.path === "-") stdout.write(out.content);
}
