import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import { checkOutputExtension, checkStdinOnce, splitGzExtension, writeOutputs } from "../../src/cli/files.js";
import { DataError, UsageError } from "../../src/errors.js";
import { tempDir } from "./run-cli.js";

const noStdout = { write: () => undefined };

/** Runs `fn`, returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("writeOutputs", () => {
  it("writes into a FIFO instead of replacing it", async () => {
    const dir = tempDir();
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    onTestFinished(() => {
      reader.kill();
    });
    let received = "";
    reader.stdout.on("data", (d: Buffer) => {
      received += d.toString("utf8");
    });
    const done = new Promise<void>((ok) => reader.on("close", () => ok()));
    writeOutputs([{ path: fifo, content: "hello\tfifo\n" }], noStdout);
    await done;
    expect(received).toBe("hello\tfifo\n");
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(["pipe"]);
  });

  it("writes into /dev/null and leaves it a character device", () => {
    writeOutputs([{ path: "/dev/null", content: "discarded\n" }], noStdout);
    const st = statSync("/dev/null");
    expect(st.isCharacterDevice()).toBe(true);
    expect(st.isFile()).toBe(false);
  });

  it("writes into /dev/fd/N (as into /dev/stdout) without replacing the file behind it, also through a link", () => {
    const dir = tempDir();
    const file = join(dir, "log.txt");
    writeFileSync(file, "old\n");
    const inode = statSync(file).ino;
    const fd = openSync(file, "a");
    onTestFinished(() => closeSync(fd));
    writeOutputs([{ path: `/dev/fd/${fd}`, content: "new\n" }], noStdout);
    symlinkSync(`/dev/fd/${fd}`, join(dir, "out.tsv"));
    writeOutputs([{ path: join(dir, "out.tsv"), content: "more\n" }], noStdout);
    expect(readFileSync(file, "utf8")).toBe("old\nnew\nmore\n");
    expect(statSync(file).ino).toBe(inode);
    expect(lstatSync(join(dir, "out.tsv")).isSymbolicLink()).toBe(true);
  });

  it("writes the file a symbolic link points to and keeps the link", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    const target = join(dir, "real", "trees.json");
    writeFileSync(target, "old");
    const link = join(dir, "link.json");
    symlinkSync(join("real", "trees.json"), link);
    writeOutputs([{ path: link, content: "new" }], noStdout);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("real", "trees.json"));
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(readdirSync(join(dir, "real"))).toEqual(["trees.json"]);
    expect(readdirSync(dir).sort()).toEqual(["link.json", "real"]);
  });

  it("creates the file a dangling symbolic link points to", () => {
    const dir = tempDir();
    const link = join(dir, "link.tsv");
    symlinkSync("made.tsv", link);
    writeOutputs([{ path: link, content: "x" }], noStdout);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "made.tsv"), "utf8")).toBe("x");
  });

  it("refuses to overwrite a read-only file even in a writable folder (and as root)", () => {
    const dir = tempDir();
    const locked = join(dir, "locked.tsv");
    writeFileSync(locked, "keep");
    chmodSync(locked, 0o444);
    const other = join(dir, "other.tsv");
    const e = thrown(() =>
      writeOutputs(
        [
          { path: other, content: "x" },
          { path: locked, content: "replace" },
        ],
        noStdout,
      ),
    );
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe(`${locked}: cannot write: permission denied`);
    expect(readFileSync(locked, "utf8")).toBe("keep");
    expect(readdirSync(dir)).toEqual(["locked.tsv"]);
  });

  it("keeps the permission bits of an overwritten file", () => {
    const dir = tempDir();
    const path = join(dir, "out.tsv");
    writeFileSync(path, "old");
    chmodSync(path, 0o640);
    writeOutputs([{ path, content: "new" }], noStdout);
    expect(statSync(path).mode & 0o7777).toBe(0o640);
    expect(readFileSync(path, "utf8")).toBe("new");
  });

  it("gzip-compresses a .gz output", () => {
    const dir = tempDir();
    const path = join(dir, "trees.nwk.gz");
    writeOutputs([{ path, content: "(a,b);\n" }], noStdout);
    const bytes = readFileSync(path);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(bytes).toString("utf8")).toBe("(a,b);\n");
  });

  it("leaves every file as it was when one output fails", () => {
    const dir = tempDir();
    const first = join(dir, "a.tsv");
    writeFileSync(first, "old a");
    const e = thrown(() =>
      writeOutputs(
        [
          { path: first, content: "new a" },
          { path: join(dir, "missing", "b.tsv"), content: "b" },
        ],
        noStdout,
      ),
    );
    expect((e as Error).message).toMatch(/cannot write: no such folder$/);
    expect(readFileSync(first, "utf8")).toBe("old a");
    expect(readdirSync(dir)).toEqual(["a.tsv"]);
  });

  it("names a folder given as output", () => {
    const dir = tempDir();
    expect((thrown(() => writeOutputs([{ path: dir, content: "x" }], noStdout)) as Error).message).toBe(
      `${dir}: cannot write: is a folder`,
    );
  });
});

describe("splitGzExtension", () => {
  it("splits a final .gz and gives the inner extension", () => {
    expect(splitGzExtension("out/trees.NWK.gz")).toEqual({ path: "out/trees.NWK", gzip: true, ext: ".nwk" });
    expect(splitGzExtension("out.tsv")).toEqual({ path: "out.tsv", gzip: false, ext: ".tsv" });
    expect(splitGzExtension("out.gz")).toEqual({ path: "out", gzip: true, ext: "" });
    expect(splitGzExtension("/dev/null")).toEqual({ path: "/dev/null", gzip: false, ext: "" });
    expect(splitGzExtension("dir.v2/.hidden")).toEqual({ path: "dir.v2/.hidden", gzip: false, ext: "" });
  });
});

describe("checkOutputExtension", () => {
  const TREES = [".json", ".nwk", ".newick", ".tree", ".tsv", ".txt"];
  it("lists what the command writes", () => {
    const e = thrown(() => checkOutputExtension("x.xlsx", TREES, "cluster"));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(
      "cannot write x.xlsx: clusterheat cluster writes .json, .nwk, .newick, .tree, .tsv, .txt (optionally .gz)",
    );
    expect(() => checkOutputExtension("clusters.csv.gz", TREES, "cluster")).toThrow(UsageError);
  });
  it("accepts allowed extensions, .gz, stdout and paths without extension", () => {
    for (const path of ["t.JSON", "t.nwk.gz", "-", "/dev/null", "out", "out.gz"]) {
      expect(() => checkOutputExtension(path, TREES, "cluster")).not.toThrow();
    }
  });
});

describe("checkStdinOnce", () => {
  it("allows one -", () => {
    expect(() => checkStdinOnce(["-", undefined, "s.tsv"])).not.toThrow();
  });
  it("refuses standard input given twice", () => {
    const e = thrown(() =>
      checkStdinOnce(["-", "-", undefined], ["the matrix", "--annotation-col", "--annotation-row"]),
    );
    expect(e).toBeInstanceOf(UsageError);
    expect((e as Error).message).toBe(
      'standard input ("-") can be read only once, but it is given as the matrix and as --annotation-col',
    );
    expect(() => checkStdinOnce(["-", "-"])).toThrow(/given for 2 inputs/);
  });
});
