import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";
import { prepare } from "../../src/transform/prepare.js";
import { expectBitEqual, expectClose, inputMatrix, loadFixture, parseAll, pickRows } from "./fixtures.js";

describe("prepare", () => {
  const dex = loadFixture("dex30");
  const m = inputMatrix(dex);

  it("prepare(m, {}) returns the matrix unchanged", () => {
    expect(prepare(m, {})).toBe(m);
  });

  it('prepare(m, { scale: "row" }) on dex30 equals pheatmap\'s scaled matrix bit for bit', () => {
    const got = prepare(m, { scale: "row" });
    expect(got.rowNames).toEqual(m.rowNames);
    expectBitEqual(got.values, parseAll(dex.scaleRow));
  });

  it("prepare selects the top variable rows before scaling them", () => {
    const top = dex.topVariable["10"];
    const got = prepare(m, { topVariable: 10, scale: "row" });
    expect(got.rowNames).toEqual(top);
    expectBitEqual(got.values, pickRows(parseAll(dex.scaleRow), m.ncol, m.rowNames, top));
  });

  it("prepare applies log2, then rows, then topVariable, then aggregation, then scale", () => {
    // log2 first: in raw values "b" varies most, in log2(x + 1) "a" does.
    const x = createMatrix([0, 3, 7, 100, 130, 160, 1, 1, 1], ["a", "b", "c"], ["s1", "s2", "s3"], {
      colAnnotation: {
        tracks: [{ name: "G", kind: "categorical", values: ["u", "v", "v"], levels: ["u", "v"] }],
      },
    });
    expect(prepare(x, { topVariable: 1 }).rowNames).toEqual(["b"]);
    expect(prepare(x, { log2: 1, topVariable: 1 }).rowNames).toEqual(["a"]);
    // rows before topVariable: the most variable of the listed rows.
    expect(prepare(x, { rows: ["c", "a"], keepOrder: true, topVariable: 1 }).rowNames).toEqual(["a"]);
    const got = prepare(x, { log2: 1, rows: ["c", "a"], keepOrder: true, aggregateColsBy: "G" });
    expect(got.rowNames).toEqual(["c", "a"]);
    expect(got.colNames).toEqual(["u", "v"]);
    expect(Array.from(got.values)).toEqual([1, 1, 0, 2.5]);
    // scale last: two groups per row scale to ±1/√2.
    const s = prepare(x, { log2: 1, rows: ["a"], aggregateColsBy: "G", scale: "row" });
    expectClose(s.values, [-Math.SQRT1_2, Math.SQRT1_2], 1e-15);
  });

  it("prepare drops rows that are entirely missing, with a warning", () => {
    const nan = Number.NaN;
    const x = createMatrix([1, 2, nan, nan, 3, 5], ["a", "gone", "c"], ["s1", "s2"]);
    const log = collectingLogger();
    const got = prepare(x, {}, log);
    expect(got.rowNames).toEqual(["a", "c"]);
    expect(log.warnings).toEqual(['1 row with only missing values dropped: "gone"']);
  });

  it("prepare with log2 0 on zeros fails at scaling, suggesting a pseudocount", () => {
    const x = createMatrix([0, 1, 2, 4], ["a", "b"], ["s1", "s2"]);
    const log = collectingLogger();
    expect(() => prepare(x, { log2: 0, scale: "row" }, log)).toThrow(
      /row "a", column "s1": value is -Inf.*pseudocount/,
    );
    expect(log.warnings[0]).toMatch(/became -Inf/);
  });

  it("prepare rejects invalid options with a UsageError", () => {
    expect(() => prepare(m, { scale: "rows" as never })).toThrow(UsageError);
    expect(() => prepare(m, { topVariable: 0 })).toThrow(/invalid topVariable/);
  });
});
