/**
 * Text measurement with the font the renderers draw with (DejaVu Sans), the
 * same in Node and in the browser: no font file is read, the advances and
 * kerning come from tables made by scripts/make-font-data.mjs.
 *
 * Definition: the width of a text is what fontkit's `layout(text).advanceWidth`
 * gives (the shaper pdfkit uses), scaled by fontSize / unitsPerEm:
 * - each code point adds its advance (.notdef's for code points the font
 *   lacks; variation selectors add no glyph, default-ignorables advance 0);
 * - default ligatures (Latin ff, fi, fl, ffi, ffl) are substituted first and
 *   count as their glyph;
 * - each adjacent pair adds its GPOS kerning, from the Latin tables when the
 *   first code point with a script is Latin, from the no-script tables
 *   otherwise, because fontkit shapes the whole string with that first script.
 * Exact (to rounding) for strings within the tables' character set (Latin,
 * Greek, Cyrillic, punctuation, arrows, math operators; see the script);
 * elsewhere the per-code-point advances, without kerning or complex-script
 * shaping. Complexity O(length), one map lookup per code point and pair.
 */
import { DEJAVU_SANS, DEJAVU_SANS_BOLD, type FontTables, SCRIPT_RUNS } from "./font-data.js";

/** The family every text uses; the renderers load this font by this exact name. */
export const FONT_FAMILY = "DejaVu Sans";

export type FontWeight = "normal" | "bold";

/** Vertical metrics in points, all positive: heights above and depth below the baseline. */
export interface FontMetrics {
  /** Height of the font's ascender line above the baseline (hhea ascent). */
  ascent: number;
  /** Depth of the descender line below the baseline, as a positive number (−hhea descent). */
  descent: number;
  /** Height of capital letters (top of "H"). */
  capHeight: number;
  /** Height of lower-case letters (top of "x"). */
  xHeight: number;
}

interface PairTable {
  left: Map<number, number>;
  right: Map<number, number>;
  rightCount: number;
  values: Map<number, number>;
}

/** A ligature: the code points it replaces and the code point of its glyph; by first code point. */
interface Ligature {
  points: number[];
  glyph: number;
}
type LigatureTable = Map<number, Ligature[]>;

interface FontModel {
  tables: FontTables;
  advances: Map<number, number>;
  latin: PairTable;
  other: PairTable;
  latinLigatures: LigatureTable;
  otherLigatures: LigatureTable;
}

const SCRIPT_NONE = 0;
const SCRIPT_LATIN = 1;
const SCRIPT_OTHER = 2;

const models = new Map<FontWeight, FontModel>();
let scriptStarts: number[] | null = null;
let scriptClasses: number[] | null = null;

function decodeAdvances(encoded: string): Map<number, number> {
  const advances = new Map<number, number>();
  let end = 0;
  for (const run of encoded.split(";")) {
    const [gap, count, advance] = run.split(",").map((s) => Number.parseInt(s, 36));
    const start = end + gap;
    for (let c = start; c < start + count; c++) advances.set(c, advance);
    end = start + count;
  }
  return advances;
}

function decodeClasses(encoded: string): Map<number, number> {
  const classOf = new Map<number, number>();
  if (encoded === "") return classOf;
  encoded.split(" ").forEach((group, i) => {
    for (const p of group.split(".")) classOf.set(Number.parseInt(p, 36), i);
  });
  return classOf;
}

function decodePairs(encoded: string): PairTable {
  const [lefts, rights, matrix] = encoded.split("|");
  const right = decodeClasses(rights);
  const rightCount = rights === "" ? 0 : rights.split(" ").length;
  const values = new Map<number, number>();
  if (matrix !== "")
    matrix.split(" ").forEach((row, l) => {
      for (const entry of row.split(";")) {
        if (entry === "") continue;
        const [r, v] = entry.split(",").map((s) => Number.parseInt(s, 36));
        values.set(l * rightCount + r, v);
      }
    });
  return { left: decodeClasses(lefts), right, rightCount, values };
}

function decodeLigatures(encoded: string): LigatureTable {
  const table: LigatureTable = new Map();
  if (encoded === "") return table;
  for (const entry of encoded.split(" ")) {
    const [points, glyph] = entry.split("=");
    const lig = {
      points: points.split(".").map((p) => Number.parseInt(p, 36)),
      glyph: Number.parseInt(glyph, 36),
    };
    const list = table.get(lig.points[0]) ?? [];
    list.push(lig);
    table.set(lig.points[0], list);
  }
  return table;
}

function model(weight: FontWeight): FontModel {
  let m = models.get(weight);
  if (!m) {
    const tables = weight === "bold" ? DEJAVU_SANS_BOLD : DEJAVU_SANS;
    m = {
      tables,
      advances: decodeAdvances(tables.advances),
      latin: decodePairs(tables.pairsLatin),
      other: decodePairs(tables.pairsOther),
      latinLigatures: decodeLigatures(tables.ligaturesLatin),
      otherLigatures: decodeLigatures(tables.ligaturesOther),
    };
    models.set(weight, m);
  }
  return m;
}

/** Script class of a code point (fontkit's Unicode data): none, Latin or other. Binary search. */
function scriptClass(codePoint: number): number {
  if (!scriptStarts || !scriptClasses) {
    const starts: number[] = [];
    const classes: number[] = [];
    for (const [, start, cls] of SCRIPT_RUNS.matchAll(/([0-9a-z]+)([LNO])/g)) {
      starts.push(Number.parseInt(start, 36));
      classes.push(cls === "L" ? SCRIPT_LATIN : cls === "N" ? SCRIPT_NONE : SCRIPT_OTHER);
    }
    scriptStarts = starts;
    scriptClasses = classes;
  }
  let lo = 0;
  let hi = scriptStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (scriptStarts[mid] <= codePoint) lo = mid;
    else hi = mid - 1;
  }
  return scriptClasses[lo];
}

/** Variation selectors map to no glyph of their own (fontkit `glyphsForString`). */
function isVariationSelector(c: number): boolean {
  return (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
}

/** The code points that become glyphs, and the script fontkit would shape them with. */
function glyphPoints(text: string): { points: number[]; script: number } {
  const points: number[] = [];
  let script = SCRIPT_NONE;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (script === SCRIPT_NONE) script = scriptClass(c);
    if (!isVariationSelector(c)) points.push(c);
  }
  return { points, script };
}

function pairValue(table: PairTable, a: number, b: number): number {
  const l = table.left.get(a);
  if (l === undefined) return 0;
  const r = table.right.get(b);
  if (r === undefined) return 0;
  return table.values.get(l * table.rightCount + r) ?? 0;
}

/**
 * Replaces ligature sequences by their glyph's code point, as GSUB does: one
 * pass left to right, at each place the first ligature of the table that matches.
 */
function substituteLigatures(points: number[], table: LigatureTable): number[] {
  if (table.size === 0) return points;
  const out: number[] = [];
  for (let i = 0; i < points.length; ) {
    const lig = table.get(points[i])?.find((l) => l.points.every((p, j) => points[i + j] === p));
    out.push(lig ? lig.glyph : points[i]);
    i += lig ? lig.points.length : 1;
  }
  return out;
}

/** Width in font units (see the module comment for the definition). */
function widthUnits(text: string, weight: FontWeight): number {
  const m = model(weight);
  const found = glyphPoints(text);
  const latin = found.script === SCRIPT_LATIN;
  const points = substituteLigatures(found.points, latin ? m.latinLigatures : m.otherLigatures);
  const pairs = latin ? m.latin : m.other;
  const notdef = m.tables.notdef;
  let units = 0;
  for (let i = 0; i < points.length; i++) {
    units += m.advances.get(points[i]) ?? notdef;
    if (i > 0) units += pairValue(pairs, points[i - 1], points[i]);
  }
  return units;
}

/**
 * Advance width of `text` in points at `fontSize` points, as fontkit's
 * `layout()` (and so pdfkit, resvg and a browser canvas) lays it out with
 * DejaVu Sans of `weight`. Example: `measureText("AV", 10)` is 13.04…, less
 * than the two advances because of kerning.
 */
export function measureText(text: string, fontSize: number, weight: FontWeight = "normal"): number {
  return (widthUnits(text, weight) * fontSize) / model(weight).tables.unitsPerEm;
}

/** The font's vertical metrics in points at `fontSize` (see {@link FontMetrics}). */
export function fontMetrics(fontSize: number, weight: FontWeight = "normal"): FontMetrics {
  const t = model(weight).tables;
  const scale = fontSize / t.unitsPerEm;
  return {
    ascent: t.ascent * scale,
    descent: -t.descent * scale,
    capHeight: t.capHeight * scale,
    xHeight: t.xHeight * scale,
  };
}

/**
 * `text` itself when it fits in `maxWidth` points, else its longest prefix
 * (by code points, trailing spaces dropped) followed by "…" that fits; "" when
 * not even "…" fits. Binary search over the prefix length: O(n log n).
 */
export function truncateToWidth(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeight = "normal",
): string {
  if (measureText(text, fontSize, weight) <= maxWidth) return text;
  const chars = Array.from(text);
  const candidate = (n: number) => `${chars.slice(0, n).join("").trimEnd()}…`;
  const fits = (n: number) => measureText(candidate(n), fontSize, weight) <= maxWidth;
  if (!fits(0)) return "";
  let lo = 0;
  let hi = chars.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return candidate(lo);
}
