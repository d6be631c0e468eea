import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readMatrix } from "../../src/io/matrix-reader.js";
import { formatMatrixTsv, formatNumber } from "../../src/io/write-tsv.js";
import { createMatrix } from "../../src/matrix.js";
import { fixture } from "./helpers.js";

describe("formatMatrixTsv", () => {
  test("formatMatrixTsv writes a gene header, names untouched, NA and Inf", () => {
    const m = createMatrix(
      [0.1, Number.NaN, Infinity, -Infinity, -0, 1e21],
      ["01005", "TP53"],
      ["a b", "NA", "c,d"],
    );
    expect(formatMatrixTsv(m)).toBe("gene\ta b\tNA\tc,d\n01005\t0.1\tNA\tInf\nTP53\t-Inf\t0\t1e+21\n");
  });

  test("formatMatrixTsv keeps the header's first field as read", () => {
    expect(formatMatrixTsv(readMatrix(fixture("basic.gct"))).split("\n")[0]).toBe(
      "Name\t01005\t01010\t03002",
    );
    expect(formatMatrixTsv(readMatrix(fixture("r-write-table.txt"))).split("\n")[0]).toBe(
      "gene\t01005\t01010\t03002",
    );
  });

  test("formatMatrixTsv quotes only names with a tab, a line break or a leading quote", () => {
    const m = createMatrix([1, 2, 3], ["a\tb", 'x"y', '"q'], ["c"]);
    expect(formatMatrixTsv(m)).toBe('gene\tc\n"a\tb"\t1\nx"y\t2\n"""q"\t3\n');
  });

  test("formatNumber writes the shortest text that reads back exactly", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatNumber(5e-324)).toBe("5e-324");
    expect(formatNumber(-0)).toBe("0");
  });
});

/** Names: any characters (tabs, line breaks and quotes included), not blank. */
const nameArb = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 3 }),
      fc.constantFrom("\t", "\n", "\r\n", '"', ",", " ", "NA", "01"),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) => parts.join(""))
  .filter((s) => s.trim().length > 0 && s.charCodeAt(0) !== 0xfeff && !s.includes("\0"));

const matrixArb = fc
  .record({
    rowNames: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 6 }),
    colNames: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 5 }),
  })
  .chain(({ rowNames, colNames }) =>
    fc
      .array(fc.double(), {
        minLength: rowNames.length * colNames.length,
        maxLength: rowNames.length * colNames.length,
      })
      .filter((v) => v.some((x) => !Number.isNaN(x)))
      .map((values) => createMatrix(values, rowNames, colNames)),
  );

describe("formatMatrixTsv then readMatrix", () => {
  // Round trip: names come back identical, every double bit for bit (NaN as NaN), except that
  // negative zero is written "0" and so reads back as +0.
  test("formatMatrixTsv then readMatrix gives back the identical matrix (property)", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const back = readMatrix(formatMatrixTsv(m));
        expect(back.rowNames).toEqual(m.rowNames);
        expect(back.colNames).toEqual(m.colNames);
        expect(back.values.length).toBe(m.values.length);
        m.values.forEach((v, i) => {
          expect(Object.is(back.values[i], Object.is(v, -0) ? 0 : v), `value ${i}: ${v}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  test("formatMatrixTsv then readMatrix round-trips as UTF-8 bytes too (property)", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const back = readMatrix(new TextEncoder().encode(formatMatrixTsv(m)));
        expect(back.rowNames).toEqual(m.rowNames);
        expect(back.colNames).toEqual(m.colNames);
      }),
      { numRuns: 200 },
    );
  });
});
