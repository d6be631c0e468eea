import { expect, test } from "vitest";
import { parseNameList } from "../../src/io/names.js";

test("parseNameList reads one name per line, ignoring blank lines and # comments", () => {
  expect(parseNameList("TP53\n\n# tumour suppressors\nBRCA1\r\n  MYC  \n")).toEqual(["TP53", "BRCA1", "MYC"]);
});

test("parseNameList takes the first column of a table", () => {
  expect(parseNameList("gene\tlogFC\nTP53\t2.1\nMYC,3\n")).toEqual(["gene", "TP53", "MYC"]);
});

test("parseNameList keeps names as text, unquotes them, and drops later copies", () => {
  expect(parseNameList('\ufeff01005\n"1000_at"\n01005\n"a ""b"""\n')).toEqual(["01005", "1000_at", 'a "b"']);
});

test("parseNameList gives an empty list for empty text", () => {
  expect(parseNameList("")).toEqual([]);
  expect(parseNameList("\n# nothing\n")).toEqual([]);
});
