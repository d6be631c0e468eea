/**
 * Files of the command line. Inputs are read whole (`-` = stdin).
 *
 * Outputs never destroy anything:
 * - A regular file (or a path that does not exist yet) is written to a
 *   temporary file in the folder of the file finally written, and renamed
 *   onto it only once every output is complete, so that a failure leaves
 *   every file as it was and no temporary file behind. An overwritten file
 *   keeps its permission bits (and, for root, its owner).
 * - A symbolic link is followed: the file it points to is written (temporary
 *   file beside the target, renamed onto the target) and the link is kept.
 * - A path that is not a regular file once links are followed — a FIFO, a
 *   character or block device, `/dev/stdout`, `/dev/fd/N` — is written into,
 *   as every Unix tool does (opened for appending, never created, truncated
 *   or replaced). These are written after every temporary file is complete
 *   and before the renames.
 * - A read-only existing file is not overwritten ("permission denied"), even
 *   by root and even when its folder is writable: the mode bits are checked
 *   here, since root bypasses them.
 * - A path whose final extension is `.gz` is gzip-compressed; the extension
 *   before it decides the format (see {@link splitGzExtension}).
 */
import { randomBytes } from "node:crypto";
import {
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { DataError, UsageError } from "../errors.js";
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
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENXIO":
      return "no reader or device behind it";
    case "EPIPE":
      return "the reader closed it";
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

/**
 * Standard input can be read only once: throws UsageError when `-` is given
 * for more than one input (the matrix and a sample sheet, say). `labels[i]`
 * names `paths[i]` in the message (`the matrix`, `--annotation-col`);
 * without labels the inputs are counted.
 *
 * @example checkStdinOnce([matrix, annotationCol, annotationRow], ["the matrix", "--annotation-col", "--annotation-row"])
 */
export function checkStdinOnce(paths: readonly (string | undefined)[], labels?: readonly string[]): void {
  const at = paths.flatMap((p, i) => (p === "-" ? [i] : []));
  if (at.length < 2) return;
  const named = labels ? at.map((i) => labels[i] ?? `input ${i + 1}`) : [];
  const which =
    named.length > 0
      ? `given as ${named.slice(0, -1).join(", ")} and as ${named[named.length - 1]}`
      : `given for ${at.length} inputs`;
  throw new UsageError(`standard input ("-") can be read only once, but it is ${which}`);
}

/** A path split at a final `.gz`: see {@link splitGzExtension}. */
export interface GzSplit {
  /** The path without a final `.gz` (the path itself when it has none). */
  path: string;
  /** Whether the path ends with `.gz` (any letter case): the output is gzip-compressed. */
  gzip: boolean;
  /**
   * The extension that decides the format, lower case with its dot (`.tsv`
   * for `x.TSV.gz`), or `""` when the (inner) file name has none. A leading
   * dot of a hidden file (`.profile`) is not an extension.
   */
  ext: string;
}

/**
 * Splits an output path at a final `.gz`: `trees.nwk.gz` is
 * `{ path: "trees.nwk", gzip: true, ext: ".nwk" }`, `out.tsv` is
 * `{ path: "out.tsv", gzip: false, ext: ".tsv" }`. Commands decide the format
 * from `ext`; {@link writeOutputs} compresses when `gzip` is true.
 */
export function splitGzExtension(path: string): GzSplit {
  const gzip = /\.gz$/i.test(basename(path)) && basename(path).length > 3;
  const inner = gzip ? path.slice(0, -3) : path;
  const name = basename(inner);
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : "";
  return { path: inner, gzip, ext };
}

/**
 * Throws UsageError when an output path has an extension that `command`
 * cannot write: `cannot write x.xlsx: clusterheat cluster writes .json, .nwk,
 * .newick, .tree, .tsv, .txt (optionally .gz)`. `allowed` lists extensions
 * with their dot (any letter case). Standard output (`-`) and paths without
 * an extension (`-o /dev/null`, `-o out` with `--format`) pass; a final `.gz`
 * is allowed on every extension (and alone: `out.gz`). `command` is the
 * command's name (`cluster`), prefixed with `clusterheat ` in the message.
 */
export function checkOutputExtension(path: string, allowed: readonly string[], command: string): void {
  if (path === "-") return;
  const { ext } = splitGzExtension(path);
  if (ext === "" || allowed.some((a) => a.toLowerCase() === ext)) return;
  const program = command.startsWith("clusterheat") ? command : `clusterheat ${command}`;
  throw new UsageError(`cannot write ${path}: ${program} writes ${allowed.join(", ")} (optionally .gz)`);
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

/** Paths that name an open file descriptor rather than a file. */
const DESCRIPTOR_PATH = /^\/(dev\/(stdout|stderr|stdin|fd\/\d+)|proc\/(self|thread-self|\d+)\/fd\/\d+)$/;

/**
 * The path finally written when writing `path`: symbolic links followed one
 * by one (a dangling link gives the path it points to), and whether a link
 * of the chain is an open descriptor (`/dev/stdout`), to be written into.
 */
function followLinks(path: string): { target: string; descriptor: boolean } {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    if (DESCRIPTOR_PATH.test(current)) return { target: current, descriptor: true };
    let st: Stats;
    try {
      st = lstatSync(current);
    } catch {
      return { target: current, descriptor: false };
    }
    if (!st.isSymbolicLink()) return { target: current, descriptor: false };
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error("too many levels of symbolic links"), { code: "ELOOP" });
}

/** How one output is written. */
interface Plan {
  out: OutputFile;
  bytes: string | Uint8Array;
  /** The file written (links followed). */
  target: string;
  /** Written into (FIFO, device, descriptor) instead of replaced. */
  into: boolean;
  /** The existing regular file's stats, to keep its mode and owner. */
  old?: Stats;
  temp?: string;
}

function failure(e: unknown, path: string, folder: boolean): DataError {
  if (e instanceof DataError) return e;
  return new DataError(`cannot write: ${reason(e, folder)}`, { file: path });
}

/** Where and how an output is written; throws DataError when it cannot be. */
function plan(out: OutputFile): Plan {
  const { gzip } = splitGzExtension(out.path);
  const raw = out.content;
  const compressed = typeof raw !== "string" && isGzip(raw);
  const bytes =
    gzip && !compressed ? gzipSync(typeof raw === "string" ? Buffer.from(raw, "utf8") : raw) : raw;
  const { target, descriptor } = followLinks(out.path);
  let st: Stats | undefined;
  try {
    st = statSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw e;
  }
  if (st?.isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
  if (descriptor || (st && !st.isFile())) {
    accessSync(target, constants.W_OK);
    return { out, bytes, target, into: true };
  }
  if (st) {
    // Root passes access(2) whatever the mode: the mode bits decide here.
    const writable = (st.mode & 0o222) !== 0;
    if (!writable) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
    accessSync(target, constants.W_OK);
  }
  return { out, bytes, target, into: false, old: st };
}

/** Writes all of `bytes` into an existing FIFO, device or descriptor path. */
function writeInto(target: string, bytes: string | Uint8Array): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_APPEND);
  try {
    const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
    let done = 0;
    while (done < buffer.length) {
      try {
        done += writeSync(fd, buffer, done, buffer.length - done);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes every output (see the file comment for the rules): every file is
 * first written complete to a temporary name beside the file finally
 * written; then FIFOs and devices are written into; then the temporary files
 * are renamed into place; standard output (`-`) last. If any output cannot
 * be written, the temporary files are removed and a DataError naming the
 * output is thrown.
 */
export function writeOutputs(
  outputs: readonly OutputFile[],
  stdout: { write(text: string | Uint8Array): unknown },
): void {
  const files = outputs.filter((o) => o.path !== "-");
  const plans: Plan[] = [];
  try {
    for (const out of files) {
      let p: Plan;
      try {
        p = plan(out);
      } catch (e) {
        throw failure(e, out.path, false);
      }
      plans.push(p);
      if (p.into) continue;
      const temp = join(dirname(p.target), `.${basename(p.target)}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        writeFileSync(temp, p.bytes, { flag: "wx" });
        p.temp = temp;
        if (p.old) {
          chmodSync(temp, p.old.mode & 0o7777);
          if (process.getuid?.() === 0) {
            try {
              chownSync(temp, p.old.uid, p.old.gid);
            } catch {
              // keep root's ownership where the system refuses
            }
          }
        }
      } catch (e) {
        removeQuietly(temp);
        throw failure(e, out.path, true);
      }
    }
    for (const p of plans) {
      if (!p.into) continue;
      try {
        writeInto(p.target, p.bytes);
      } catch (e) {
        throw failure(e, p.out.path, false);
      }
    }
    for (const p of plans) {
      if (p.into || p.temp === undefined) continue;
      try {
        renameSync(p.temp, p.target);
        p.temp = undefined;
      } catch (e) {
        throw failure(e, p.out.path, false);
      }
    }
  } finally {
    for (const p of plans) if (p.temp !== undefined) removeQuietly(p.temp);
  }
  for (const out of outputs) if (out.path === "-") stdout.write(out.content);
}
