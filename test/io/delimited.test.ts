import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Delimiter, detectDelimiter, readTable } from "../../src/io/delimited.js";
import { fieldCount, recordFields, tokenize } from "../../src/io/records.js";

/** Records as arrays of strings, with their lines. */
function records(text: string, delimiter: Delimiter): { fields: string[]; line: number }[] {
  const rec = tokenize(text, delimiter);
  return Array.from({ length: rec.size }, (_, r) => ({ fields: recordFields(rec, r), line: rec.lines[r] }));
}

describe("detectDelimiter", () => {
  test.each([
    ["gene\tA\tB\n", "\t"],
    ["gene,A,B\n", ","],
    ["gene;A;B\nx;1,5;2\n", ";"],
    ["gene  A   B\n", " "],
    ['"a;b",c\n', ","],
    ['"a,b";c\n', ";"],
    ["\n\nx\ty\n", "\t"],
    ["A\nr1,1\n", ","],
  ])("detectDelimiter(%j) is %j", (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe("tokenize", () => {
  test("tokenize skips blank lines and lines of only delimiters, counting lines", () => {
    expect(records("a\tb\n\n\t\t\n  \nc\td", "\t")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["c", "d"], line: 5 },
    ]);
  });

  test("tokenize handles CRLF, also inside and after quoted fields", () => {
    expect(records('a,"b\r\nc"\r\n"d",e\r\n', ",")).toEqual([
      { fields: ["a", "b\r\nc"], line: 1 },
      { fields: ["d", "e"], line: 3 },
    ]);
  });

  test("tokenize places quote errors on the line of the field, past quoted line breaks", () => {
    expect(() => tokenize('g,a\n"x\ny",1\n"p"q,2\n', ",", "f.csv")).toThrow(
      'f.csv:4:1: expected a delimiter or the end of the line after a closing quote, found "q,2"',
    );
    expect(() => tokenize('g,a\n"x\n\ny","1\n', ",", "f.csv")).toThrow("f.csv:4:2: unclosed quote");
    expect(() => tokenize('g a\n"x\ny" "1\n', " ", "f.txt")).toThrow("f.txt:3:2: unclosed quote");
  });

  test("tokenize numbers the lines after a record whose quoted field spans lines", () => {
    expect(records('"a\nb"\tc\nd\te\n', "\t")).toEqual([
      { fields: ["a\nb", "c"], line: 1 },
      { fields: ["d", "e"], line: 3 },
    ]);
    expect(records('"a\nb" c\nd e\n', " ")).toEqual([
      { fields: ["a\nb", "c"], line: 1 },
      { fields: ["d", "e"], line: 3 },
    ]);
  });

  test("tokenize keeps quotes inside unquoted fields as text", () => {
    expect(records('5\'3" UTR,x"y\n', ",")[0].fields).toEqual(["5'3\" UTR", 'x"y']);
  });

  test("tokenize reads empty quoted fields and doubled quotes", () => {
    expect(records('"",""""\n', ",")[0].fields).toEqual(["", '"']);
  });

  test("tokenize splits on runs of blanks in whitespace mode, with quotes", () => {
    expect(records('  a  b\t c  \n"x y"   "z"\nw "v"\n', " ")).toEqual([
      { fields: ["a", "b", "c"], line: 1 },
      { fields: ["x y", "z"], line: 2 },
      { fields: ["w", "v"], line: 3 },
    ]);
  });

  test("tokenize gives each record its fields, including empty ones", () => {
    const rec = tokenize("a\t\tc\t\n", "\t");
    expect(fieldCount(rec, 0)).toBe(4);
    expect(recordFields(rec, 0)).toEqual(["a", "", "c", ""]);
  });

  test("tokenize reads a large file on the fast path and a quoted record among it", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `r${i},${i},${i + 0.5}`);
    lines[2500] = '"r 2500, quoted",2500,2500.5';
    const rec = tokenize(`${lines.join("\n")}\n`, ",");
    expect(rec.size).toBe(5000);
    expect(recordFields(rec, 2500)).toEqual(["r 2500, quoted", "2500", "2500.5"]);
    expect(recordFields(rec, 4999)).toEqual(["r4999", "4999", "4999.5"]);
    expect(rec.lines[4999]).toBe(5000);
  });
});

describe("tokenize against a writer (property)", () => {
  const fieldArb = fc
    .array(fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom(",", "\t", '"', "\n", "\r\n", " ")), {
      maxLength: 3,
    })
    .map((p) => p.join(""));
  const tableArb = fc.record({
    rows: fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
    quoteAll: fc.boolean(),
    crlf: fc.boolean(),
    delimiter: fc.constantFrom<Delimiter>(",", "\t", ";"),
  });

  test("tokenize reads back what an RFC 4180 writer wrote, line numbers included (property)", () => {
    fc.assert(
      fc.property(tableArb, ({ rows, quoteAll, crlf, delimiter }) => {
        const eol = crlf ? "\r\n" : "\n";
        const needsQuotes = (f: string) => quoteAll || /[",;\t\r\n]/.test(f) || f.startsWith(" ");
        const write = (f: string) => (needsQuotes(f) ? `"${f.replace(/"/g, '""')}"` : f);
        const text = rows.map((r) => r.map(write).join(delimiter)).join(eol) + eol;
        const expected: { fields: string[]; line: number }[] = [];
        let line = 1;
        for (const r of rows) {
          if (r.some((f) => f.trim().length > 0)) expected.push({ fields: r, line });
          line += 1 + r.map(write).join(delimiter).split("\n").length - 1;
        }
        expect(records(text, delimiter)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("readTable", () => {
  test("readTable takes the header's first field as the corner", () => {
    const t = readTable("id\ta\tb\nr\t1\t2\n");
    expect(t.corner).toBe("id");
    expect(t.colNames).toEqual(["a", "b"]);
    expect(t.nrow).toBe(1);
  });

  test("readTable recognises R's header without a corner by most of the first data lines", () => {
    expect(readTable("a\tb\nr1\t1\t2\nr2\t3\t4\n").corner).toBeUndefined();
    // One odd line among the first five does not decide it.
    expect(() => readTable("g\ta\tb\nr1\t1\t2\t3\nr2\t1\t2\nr3\t1\t2\n", { file: "f" })).toThrow(
      "f:2: expected 3 fields (as in the header), found 4",
    );
  });

  test("readTable ignores trailing columns empty in every line, whatever their count per line", () => {
    const t = readTable("g,a,b,,,\nr1,1,2\nr2,3,4,,\n");
    expect(t.colNames).toEqual(["a", "b"]);
  });
});
