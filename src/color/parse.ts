import { quoteFound, UsageError } from "../errors.js";
import { R_COLOR_TABLE } from "./r-colors.js";

let namedColors: Map<string, string> | undefined;

/** R's color names, keyed as R matches them: lower case, spaces removed. Built on first use. */
function rColorNames(): Map<string, string> {
  if (!namedColors) {
    namedColors = new Map();
    for (const entry of R_COLOR_TABLE.split(" ")) {
      if (entry === "") continue;
      const [name, hex] = entry.split(":");
      namedColors.set(name!, `#${hex}`);
    }
  }
  return namedColors;
}

/** The names of R's `colors()` (657, in R's order), e.g. for a help text. */
export function rColorNameList(): string[] {
  return [...rColorNames().keys()];
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/;

/**
 * Parses a color as R's `col2rgb` reads it and returns it as lower-case `#rrggbb`, or
 * `#rrggbbaa` when its alpha is below 255.
 *
 * Accepted:
 * - `#rrggbb` and `#rrggbbaa` (any case), as R;
 * - `#rgb`, expanded to `#rrggbb` as in CSS (R 4.2 rejects it; R ≥ 4.4 and every browser accept it);
 * - the 657 names of R's `colors()` (`white`, `grey60`, `firebrick3`…), matched as R matches them:
 *   case-insensitive, spaces ignored (`"Light Blue"` = `lightblue`);
 * - `transparent` and `NA`, which R both reads as transparent white: `#ffffff00`
 *   (pheatmap's `border_color = NA` means "no border").
 *
 * R's palette indices (`"1"`, `"2"`…) are not accepted: they depend on R's current `palette()`.
 *
 * @throws UsageError naming the text found and what is expected.
 */
export function parseColor(text: string): string {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (lower.startsWith("#")) {
    if (!HEX.test(lower)) {
      throw new UsageError(
        `invalid color: ${quoteFound(text)} (expected #rrggbb, #rrggbbaa or #rgb with hexadecimal digits)`,
      );
    }
    if (lower.length === 4) return `#${lower[1]!.repeat(2)}${lower[2]!.repeat(2)}${lower[3]!.repeat(2)}`;
    if (lower.length === 9 && lower.endsWith("ff")) return lower.slice(0, 7);
    return lower;
  }
  const key = lower.replace(/ /g, "");
  if (key === "transparent" || key === "na") return "#ffffff00";
  const named = rColorNames().get(key);
  if (named === undefined) {
    throw new UsageError(
      `invalid color: ${quoteFound(text)} (expected one of R's color names such as "white", "grey60", ` +
        `"firebrick3", or #rrggbb)`,
    );
  }
  return named;
}

/** Red, green, blue and alpha (each 0–255) of a color accepted by {@link parseColor}. */
export function colorChannels(text: string): [number, number, number, number] {
  const hex = parseColor(text);
  const channel = (at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return [channel(1), channel(3), channel(5), hex.length === 9 ? channel(7) : 255];
}

/** Formats 0–255 integer channels as `#rrggbb`, or `#rrggbbaa` when alpha < 255. */
export function formatColor(red: number, green: number, blue: number, alpha = 255): string {
  const two = (v: number) => v.toString(16).padStart(2, "0");
  return `#${two(red)}${two(green)}${two(blue)}${alpha < 255 ? two(alpha) : ""}`;
}
