import { describe, expect, it } from "vitest";
import { inFlagNames, reportError, usageLine } from "../../src/cli/exit.js";
import { CancelledError, DataError, UsageError } from "../../src/errors.js";

describe("reportError", () => {
  it("reportError(DataError) exits 1 with the place of the error", () => {
    const e = new DataError('expected a number, found "abc"', { file: "x.tsv", line: 4, column: 3 });
    expect(reportError(e, "clusterheat prep", false)).toEqual({
      code: 1,
      text: 'clusterheat: x.tsv:4:3: expected a number, found "abc"\n',
    });
  });

  it("reportError(UsageError) exits 2 and names the help of the command", () => {
    expect(reportError(new UsageError("bad"), "clusterheat cluster", false)).toEqual({
      code: 2,
      text: "clusterheat: bad\nsee clusterheat cluster --help\n",
    });
  });

  it("reportError(CancelledError) exits 130", () => {
    expect(reportError(new CancelledError(), "clusterheat cluster", false).code).toBe(130);
  });

  it("reportError(other error) exits 1 with a short message; the stack only with debug", () => {
    const e = new RangeError("Invalid typed array length: -1");
    const short = reportError(e, "clusterheat cluster", false);
    expect(short.code).toBe(1);
    expect(short.text).toBe(
      "clusterheat: unexpected error: Invalid typed array length: -1 (CLUSTERHEAT_DEBUG=1 shows the stack trace)\n",
    );
    expect(reportError(e, "clusterheat cluster", true).text).toMatch(/\n\s+at /);
  });
});

describe("usageLine", () => {
  it("usageLine rewrites commander's invalid-argument message in the schema's style", () => {
    expect(
      usageLine(
        "error: option '--scale <none|row|column>' argument 'x' is invalid. expected one of none, row, column",
      ),
    ).toBe('invalid --scale: "x" (expected one of none, row, column)');
    expect(usageLine("error: option '-o, --output <file>' argument 'x' is invalid. nope")).toBe(
      'invalid --output: "x" (nope)',
    );
  });

  it("usageLine joins a suggestion onto the same line", () => {
    expect(usageLine("error: unknown option '--scal'\n(Did you mean --scale?)")).toBe(
      "unknown option '--scal' (did you mean --scale?)",
    );
  });
});

describe("inFlagNames", () => {
  it("inFlagNames writes camelCase option names as flags, and leaves other words alone", () => {
    expect(inFlagNames("invalid topVariable: 0 (expected an integer ≥ 1)")).toBe(
      "invalid --top-variable: 0 (expected an integer ≥ 1)",
    );
    expect(inFlagNames('aggregateColsBy "Group" needs a sample sheet')).toBe(
      '--aggregate-cols-by "Group" needs a sample sheet',
    );
    expect(inFlagNames("scale the rows; --cutree-rows needs clustered rows")).toBe(
      "scale the rows; --cutree-rows needs clustered rows",
    );
  });
});
