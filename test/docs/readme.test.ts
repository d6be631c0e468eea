import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { withOptions } from "../../scripts/readme-options.mjs";
import { OPTION_SPECS } from "../../src/options.js";

/** Markdown with table padding taken out (the formatter aligns table columns). */
function unpadded(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith("|") ? line.replace(/ *\| */g, "|").replace(/-{3,}/g, "---") : line))
    .join("\n");
}

describe("README.md", () => {
  it("README.md documents every option as the option table says (node scripts/readme-options.mjs regenerates it)", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(unpadded(withOptions(readme, OPTION_SPECS))).toBe(unpadded(readme));
  });
});
