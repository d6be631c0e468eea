import { describe, expect, it } from "vitest";
import { reportError, usageLine } from "../../src/cli/exit.js";
import { CancelledError, DataError, msg, OptionError, opt, UsageError } from "../../src/errors.js";

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
  it("usageLine joins a suggestion onto the same line", () => {
    expect(usageLine("error: unknown option '--scal'\n(Did you mean --scale?)")).toBe(
      "unknown option '--scal' (did you mean --scale?)",
    );
  });
});

describe("reportError words options as flags from the error's fields", () => {
  it("reportError(OptionError) names the flag, the value found and what was expected", () => {
    const e = new OptionError("topVariable", 0, "an integer ≥ 1");
    expect(e.message).toBe("invalid topVariable: 0 (expected an integer ≥ 1)");
    expect(e.option).toBe("topVariable");
    expect(e.found).toBe(0);
    expect(e.expected).toBe("an integer ≥ 1");
    expect(reportError(e, "clusterheat prep", false).text).toBe(
      "clusterheat: invalid --top-variable: 0 (expected an integer ≥ 1)\nsee clusterheat prep --help\n",
    );
  });

  it("reportError words every option named in a message template, and nothing else", () => {
    const e = new UsageError(msg`${opt("cutreeRows")} needs clustered rows; cutreeRows stays a word`);
    expect(e.message).toBe("cutreeRows needs clustered rows; cutreeRows stays a word");
    expect(reportError(e, "clusterheat cluster", false).text).toContain(
      "clusterheat: --cutree-rows needs clustered rows; cutreeRows stays a word\n",
    );
    expect(e.describe((o) => `"${o.toUpperCase()}"`)).toBe(
      '"CUTREEROWS" needs clustered rows; cutreeRows stays a word',
    );
  });

  it("reportError(DataError) with an option in its text keeps the place first", () => {
    const e = new DataError(msg`try ${opt("log2")}`, { file: "x.tsv", line: 2 });
    expect(reportError(e, "clusterheat plot", false).text).toBe("clusterheat: x.tsv:2: try --log2\n");
  });
});
