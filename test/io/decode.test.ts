import { describe, expect, test } from "vitest";
import { decodeText, gunzip, isGzip } from "../../src/io/decode.js";
import { gzip } from "./helpers.js";

describe("decodeText", () => {
  test("decodeText removes a UTF-8 byte-order mark from bytes and strings", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(decodeText("\ufeffa")).toBe("a");
  });

  test("decodeText gunzips by content, whatever the name", () => {
    expect(decodeText(gzip("x\ty\n"), "plain.tsv")).toBe("x\ty\n");
  });

  test("decodeText reads UTF-16 big-endian with its byte-order mark", () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0, 0x61, 0, 0x62]))).toBe("ab");
  });

  test("decodeText rejects NUL characters in strings too", () => {
    expect(() => decodeText("a\nb\0", "f")).toThrow("f:2: is a binary file, not text");
  });
});

describe("gunzip", () => {
  test("gunzip reads a large member split into many output chunks", () => {
    const text = "probe\t1.25\t-3\n".repeat(50_000);
    const bytes = gzip(text);
    expect(isGzip(bytes)).toBe(true);
    expect(new TextDecoder().decode(gunzip(bytes))).toBe(text);
  });

  test("gunzip rejects data that is not gzip", () => {
    expect(() => gunzip(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), "f.gz")).toThrow(
      /^f.gz: is not valid gzip data/,
    );
  });
});
