import { describe, expect, it } from "vitest";
import { collectingLogger } from "../../src/log.js";
import { createMatrix } from "../../src/matrix.js";
import { log2Transform } from "../../src/transform/log.js";
import { DATASETS, expectClose, loadFixture, parseAll, parseR } from "./fixtures.js";

const WITH_LOG = DATASETS.filter((name) => loadFixture(name).log2.length > 0);

describe.each(WITH_LOG)("log2Transform on %s against R", (name) => {
  const f = loadFixture(name);
  it.each(f.log2.map((c) => [parseR(c.pseudocount), c] as const))(
    "log2Transform(m, %s) equals R's log2(x + pc) within 1e-15 relative",
    (pc, c) => {
      const values = parseAll(c.values);
      const ncol = f.input.colNames.length;
      const m = createMatrix(values, f.input.rowNames, f.input.colNames);
      expect(values.length).toBe(m.nrow * ncol);
      const got = log2Transform(m, pc).values;
      expectClose(got, parseAll(c.result), 1e-15);
    },
  );
});

describe("log2Transform", () => {
  it("log2Transform keeps names and annotations, and NA stays NA", () => {
    const m = createMatrix([0, 1, Number.NaN, 3], ["a", "b"], ["x", "y"], {
      colAnnotation: { tracks: [{ name: "G", kind: "categorical", values: ["u", "v"], levels: ["u", "v"] }] },
    });
    const got = log2Transform(m, 1);
    expect(Array.from(got.values)).toEqual([0, 1, Number.NaN, 2]);
    expect(got.rowNames).toEqual(["a", "b"]);
    expect(got.colAnnotation).toBe(m.colAnnotation);
    expect(Array.from(m.values)).toEqual([0, 1, Number.NaN, 3]); // input untouched
  });

  it("log2Transform gives -Inf for x + pc = 0 and NaN for x + pc < 0, as R, and warns of both", () => {
    const m = createMatrix([0, 0, -2, 4], ["a", "b"], ["x", "y"]);
    const log = collectingLogger();
    const got = log2Transform(m, 0, log);
    expect(Array.from(got.values)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      2,
    ]);
    expect(log.warnings).toHaveLength(2);
    expect(log.warnings[0]).toMatch(/^log2: 1 value below 0 \(x \+ 0 < 0\) became missing/);
    expect(log.warnings[1]).toMatch(
      /^log2: 2 values equal to 0 \(x \+ 0 = 0\) became -Inf.*larger pseudocount/,
    );
  });

  it("log2Transform is silent when every x + pc is positive", () => {
    const log = collectingLogger();
    log2Transform(createMatrix([0, 7], ["a"], ["x", "y"]), 1, log);
    expect(log.warnings).toEqual([]);
  });
});
