import { describe, expect, test } from "vitest";
import { DataError } from "../../src/errors.js";
import { readMatrix } from "../../src/io/matrix-reader.js";
import { collectingLogger } from "../../src/log.js";
import type { Matrix } from "../../src/matrix.js";
import { BASIC, fixture, gzip } from "./helpers.js";

/** Expects the matrix of basic.tsv: names as text, NaN and infinities where written. */
function expectBasic(m: Matrix): void {
  expect(m.rowNames).toEqual(BASIC.rowNames);
  expect(m.colNames).toEqual(BASIC.colNames);
  expect([...m.values]).toEqual(BASIC.values);
  expect(m.nrow).toBe(3);
  expect(m.ncol).toBe(3);
}

/** The message of the DataError that reading `text` throws. */
function errorOf(text: string | Uint8Array, file = "expr.tsv"): string {
  try {
    readMatrix(text, { file });
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return (e as Error).message;
  }
  throw new Error("expected a DataError");
}

const FORMATS = [
  "basic.tsv",
  "basic.csv",
  "basic.txt",
  "semicolon.csv",
  "excel.csv",
  "excel-tab.txt",
  "r-write-table.txt",
  "r-write-csv.csv",
  "basic.gct",
  "plain.gct",
  "meta.gct",
];

describe("readMatrix formats", () => {
  test.each(FORMATS)("readMatrix reads %s", (name) => {
    expectBasic(readMatrix(fixture(name), { file: name }));
  });

  test.each(FORMATS)("readMatrix reads %s gzip-compressed, detected by content", (name) => {
    expectBasic(readMatrix(gzip(fixture(name)), { file: "no-gz-suffix.txt" }));
  });

  test("readMatrix reads a string as well as bytes", () => {
    expectBasic(readMatrix(new TextDecoder().decode(fixture("basic.tsv"))));
  });

  test("readMatrix reads quoted fields with delimiters, quotes and line breaks inside", () => {
    const m = readMatrix(fixture("quoted.csv"));
    expect(m.rowNames).toEqual(["1000_at", 'TP53, tumor "p53"', "two\nlines"]);
    expect(m.colNames).toEqual(BASIC.colNames);
    expect([...m.values]).toEqual(BASIC.values);
  });

  test("readMatrix keeps the header's first field as rowHeader", () => {
    expect(readMatrix(fixture("basic.tsv")).rowHeader).toBe("gene");
    expect(readMatrix(fixture("basic.gct")).rowHeader).toBe("Name");
    expect(readMatrix(fixture("r-write-table.txt")).rowHeader).toBeUndefined();
    expect(readMatrix(fixture("r-write-csv.csv")).rowHeader).toBeUndefined(); // write.csv's "" corner
  });

  test("readMatrix keeps names as written: leading zeros, blanks, case", () => {
    const m = readMatrix("id\t007\t1e3\t NA \nTRUE\t1\t2\t3\nNA\t4\t5\t6\n");
    expect(m.colNames).toEqual(["007", "1e3", " NA "]);
    expect(m.rowNames).toEqual(["TRUE", "NA"]);
  });

  test("readMatrix reads every missing-value token as NaN and infinities", () => {
    const m = readMatrix(
      "g,a,b,c,d,e,f,g2,h\nr1,,NA,NaN,N/A,#N/A,null,na,1\nr2,Inf,-Inf,inf,Infinity,-infinity,+Inf,1e999,-1e999\n",
    );
    expect([...m.values].slice(0, 7).every(Number.isNaN)).toBe(true);
    expect(m.values[7]).toBe(1);
    expect([...m.values].slice(8)).toEqual([
      Infinity,
      -Infinity,
      Infinity,
      Infinity,
      -Infinity,
      Infinity,
      Infinity,
      -Infinity,
    ]);
  });

  test("readMatrix reads a missing value in the last column (an empty last field)", () => {
    const m = readMatrix("g\ta\tb\nr1\t1\t\nr2\t\t2\n");
    expect([...m.values]).toEqual([1, Number.NaN, Number.NaN, 2]);
  });

  test("readMatrix ignores trailing empty columns only when they are empty everywhere", () => {
    const m = readMatrix("g,a,b,,\nr1,1,2,,\nr2,3,4\n");
    expect(m.colNames).toEqual(["a", "b"]);
    expect(() => readMatrix("g,a,b,,\nr1,1,2,,\nr2,3,4,,5\n", { file: "x.csv" })).toThrow(
      "x.csv:1:4: expected a column name, found an empty field",
    );
  });

  test("readMatrix reads CR-only line ends (old Mac Excel)", () => {
    expectBasic(readMatrix(new TextDecoder().decode(fixture("basic.csv")).replace(/\n/g, "\r")));
  });

  test("readMatrix reads UTF-16 with a byte-order mark (Excel's Unicode text)", () => {
    const text = new TextDecoder().decode(fixture("basic.tsv"));
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expectBasic(readMatrix(bytes));
  });

  test("readMatrix reads multi-member gzip (bgzip, cat a.gz b.gz)", () => {
    const text = new TextDecoder().decode(fixture("basic.tsv"));
    const cut = text.indexOf("TP53");
    const a = gzip(text.slice(0, cut));
    const b = gzip(text.slice(cut));
    const both = new Uint8Array(a.length + b.length);
    both.set(a);
    both.set(b, a.length);
    expectBasic(readMatrix(both));
  });

  test("readMatrix reads numbers exactly as Number() does, the fast path and the slow one alike", () => {
    const cells = [
      "0.1",
      "0.30000000000000004",
      "1.7976931348623157e308",
      "5e-324",
      "123456789012.345678",
      "-7.",
    ];
    const m = readMatrix(`g\t${cells.map((_, j) => `c${j}`).join("\t")}\nr\t${cells.join("\t")}\n`);
    expect([...m.values]).toEqual(cells.map(Number));
  });
});

describe("readMatrix errors", () => {
  test("readMatrix names the file, line and field of a cell that is not a number", () => {
    const text = "gene\tA\tB\tC\nr1\t1\t2\t3\nr2\t4\t5\t6\nr3\t7\tabc\t9\n";
    expect(errorOf(text)).toBe('expr.tsv:4:3: expected a number, found "abc"');
  });

  test("readMatrix counts lines past blank lines and quoted line breaks", () => {
    expect(errorOf('g,a\n\nr1,1\n"x\ny",2\nr3,zz\n', "e.csv")).toBe(
      'e.csv:6:2: expected a number, found "zz"',
    );
  });

  test("readMatrix hints at a decimal comma and at a text column", () => {
    expect(errorOf("g;a;b\nr1;1,5;2\n", "e.csv")).toBe(
      'e.csv:2:2: expected a number, found "1,5" (a decimal comma? write numbers with a decimal point)',
    );
    expect(errorOf("g\tDescription\tb\nr1\tkinase\t2\n")).toBe(
      'expr.tsv:2:2: expected a number, found "kinase" (column "Description" holds text: only the first column may hold names)',
    );
  });

  test("readMatrix hints at a decimal comma when every number has one, with the line", () => {
    const hint = "(a decimal comma? write numbers with a decimal point)";
    expect(errorOf("gene\ta\tb\nA\t1.5\t2,5\nB\t3.5\t4.0\n")).toBe(
      `expr.tsv:2:3: expected a number, found "2,5" ${hint}`,
    );
    expect(errorOf("gene\ta\tb\nA\t1,5\t2,5\nB\t3,5\t4,0\n")).toBe(
      `expr.tsv:2:2: expected a number, found "1,5" ${hint}`,
    );
    expect(errorOf("gene\ta\nA\t-0,5\nB\t3,5\n")).toBe(
      `expr.tsv:2:2: expected a number, found "-0,5" ${hint}`,
    );
    expect(errorOf("g;a;b\nr1;1,5;2,5\n", "e.csv")).toBe(`e.csv:2:2: expected a number, found "1,5" ${hint}`);
  });

  test("readMatrix names the line and both field counts of a ragged row", () => {
    const head = "gene\tA\tB\tC\tD\tE\tF\n";
    const ok = "r\t1\t2\t3\t4\t5\t6\n";
    expect(errorOf(`${head}${ok}${ok}${ok}r\t1\t2\t3\t4\t5\n`)).toBe(
      "expr.tsv:5: expected 7 fields (as in the header), found 6",
    );
    expect(errorOf(`${head}${ok}r\t1\t2\t3\t4\t5\t6\t7\n${ok}`)).toBe(
      "expr.tsv:3: expected 7 fields (as in the header), found 8",
    );
  });

  test("readMatrix reports a ragged row in a header-without-corner file with both counts", () => {
    expect(errorOf("A\tB\nr1\t1\t2\nr2\t1\n")).toBe(
      "expr.tsv:3: expected 3 fields (the header's 2 column names after a row name), found 2",
    );
  });

  test("readMatrix has plain messages for empty, header-only and one-column files", () => {
    expect(errorOf("")).toBe(
      "expr.tsv: is empty: expected a header line with column names, then one line per row",
    );
    expect(errorOf("\n \r\n\t\t\n")).toMatch(/^expr.tsv: is empty/);
    expect(errorOf("gene\tA\tB\n")).toBe("expr.tsv: has a header (line 1) but no data lines");
    expect(errorOf("gene\nTP53\nBRCA1\n")).toMatch(/^expr.tsv:1: has only one column: expected row names/);
  });

  test("readMatrix says plainly when every value is missing", () => {
    expect(errorOf("g\ta\tb\nr1\tNA\t\nr2\tNaN\tNA\n")).toBe(
      "expr.tsv: has no numbers: every value is missing (empty, NA, NaN, N/A, #N/A or null)",
    );
  });

  test("readMatrix says plainly when no column holds numbers (a sample sheet given as matrix)", () => {
    const message = errorOf("sample\tBT\tsex\n01005\tB2\tM\n01010\tNA\tF\n");
    expect(message).toMatch(/^expr.tsv: has no numeric columns \(column "BT" holds "B2"\)/);
  });

  test("readMatrix says that a binary file is binary", () => {
    expect(errorOf(new Uint8Array([103, 9, 97, 10, 0, 1, 2, 3]))).toMatch(/^expr.tsv:2: is a binary file/);
    expect(errorOf(gzip(new Uint8Array([0, 0, 0, 5])))).toMatch(/^expr.tsv:1: is a binary file/);
  });

  test("readMatrix says that invalid UTF-8 is not UTF-8, with its line", () => {
    const bytes = new TextEncoder().encode("g\ta\nr\u00e9\t1\n");
    const latin1 = Uint8Array.from([...bytes].filter((b) => b !== 0xc3).map((b) => (b === 0xa9 ? 0xe9 : b)));
    expect(errorOf(latin1)).toMatch(/^expr.tsv:2: is not UTF-8 text/);
  });

  test("readMatrix recognises Excel workbooks and other compressors", () => {
    expect(errorOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatch(
      /zip archive \(an Excel .xlsx workbook\?\)/,
    );
    expect(errorOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatch(/Excel .xls workbook/);
    expect(errorOf(new TextEncoder().encode("BZh91AY&SY"))).toMatch(/bzip2-compressed/);
  });

  test("readMatrix says that truncated gzip is damaged", () => {
    const gz = gzip(fixture("basic.tsv"));
    for (const cut of [12, 8, 1]) {
      expect(errorOf(gz.subarray(0, gz.length - cut))).toMatch(/^expr.tsv: is not valid gzip data/);
    }
  });

  test("readMatrix reports quote errors at their place", () => {
    expect(errorOf('g,a\nr1,"1"x\n')).toBe(
      'expr.tsv:2:2: expected a delimiter or the end of the line after a closing quote, found "x"',
    );
    expect(errorOf('g,a\nr1,1\nr2,"2\nr3,3\n')).toMatch(/^expr.tsv:3:2: unclosed quote/);
  });

  test("readMatrix reports empty column and row names at their place", () => {
    expect(errorOf("g\ta\t\tc\nr\t1\t2\t3\n")).toBe(
      "expr.tsv:1:3: expected a column name, found an empty field",
    );
    expect(errorOf("g,a\nr1,1\n,2\n")).toBe("expr.tsv:3:1: expected a row name, found an empty field");
  });

  test("readMatrix lists duplicate column names", () => {
    expect(errorOf("g\ta\tb\ta\tb\nr\t1\t2\t3\t4\n")).toBe(
      'expr.tsv:1: 2 column names occur more than once: "a", "b"',
    );
  });

  test("readMatrix lists duplicate row names with their count, and resolves them on request", () => {
    const text = "g\ta\tb\nTP53\t1\t2\nMYC\t3\t4\nTP53\t5\tNA\nMYC\t7\t8\nEGFR\t9\t10\n";
    expect(errorOf(text)).toBe(
      'expr.tsv:4: 2 row names occur more than once ("TP53" first on line 2): "TP53", "MYC"; ' +
        "set duplicateRows to first, mean, sum or unique to resolve them",
    );
    const logger = collectingLogger();
    const m = readMatrix(text, { duplicateRows: "mean", logger });
    expect(m.rowNames).toEqual(["TP53", "MYC", "EGFR"]);
    expect([...m.values]).toEqual([3, 2, 5, 6, 9, 10]);
    expect(logger.warnings).toEqual(['2 duplicate row names ("TP53", "MYC"): 5 rows → 3 by mean']);
  });
});
