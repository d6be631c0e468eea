#!/usr/bin/env node
/**
 * Makes src/layout/font-data.ts: the text-measurement tables of the font the
 * renderers draw with (DejaVu Sans, regular and bold, from the installed
 * `dejavu-fonts-ttf` package), so that layout measures text identically in
 * Node and in the browser without reading a font file.
 *
 * What is measured is what fontkit's `layout(text).advanceWidth` gives (the
 * shaper pdfkit uses; resvg and Chromium agree with it for these scripts):
 * - the advance of every code point the font maps, and of .notdef for the rest
 *   (single-code-point `layout()`, so default-ignorables and marks come out as
 *   fontkit zeroes them);
 * - the pair adjustments (`layout(ab) − layout(a) − layout(b)`, GPOS `kern`)
 *   for every pair
 *   within CHARSET, once with the Latin script (lookups of `latn`) and once
 *   with a string of no script (fontkit then picks `DFLT`);
 * - the ligatures fontkit substitutes by default (GSUB `liga`, `clig`, `rlig`;
 *   DejaVu Sans: ff, fi, fl, ffi, ffl for Latin), which text.ts substitutes
 *   before it adds advances and kerning (so pairs are measured without them);
 * - the Unicode script class of every code point (Latin / no script / other),
 *   from fontkit's own Unicode data, because fontkit shapes a whole string
 *   with the first script it finds in it.
 *
 * Usage: node scripts/make-font-data.mjs   (about 20 s)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const fontkit = require("fontkit");
const unicode = require("unicode-properties");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fontDir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fontPackage = require("dejavu-fonts-ttf/package.json");

/** Code point ranges whose pairs are measured (combining marks left out: they attach, not kern). */
const CHARSET_RANGES = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1 Supplement
  [0x100, 0x17f], // Latin Extended-A
  [0x180, 0x24f], // Latin Extended-B
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x2010, 0x205e], // General Punctuation (dashes, quotes, …, ‰, ′)
  [0x2070, 0x209c], // superscripts and subscripts
  [0x20a0, 0x20bf], // currency
  [0x2100, 0x214f], // letterlike (℃, №, ™, Ω)
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators (− ± ≤ ≥ ≈ ∞)
  [0x25a0, 0x25ff], // geometric shapes (■ ● ▲)
  [0xfb00, 0xfb06], // Latin ligatures (ff, fi, fl, ffi, ffl: GSUB liga's glyphs)
];

const toB36 = (n) => n.toString(36);

/** Pairs are measured without ligatures: text.ts substitutes them first, as fontkit does. */
const NO_LIGATURES = { liga: false, clig: false, rlig: false };

/** Advance (font units) of a glyph sequence as fontkit lays it out with `script`. */
function width(font, glyphs, script) {
  return font.layout(glyphs, NO_LIGATURES, script).advanceWidth;
}

function scriptClass(codePoint) {
  const s = unicode.getScript(codePoint);
  if (s === "Latin") return "L";
  if (s === "Common" || s === "Inherited" || s === "Unknown") return "N";
  return "O";
}

/** Run-length script classes over all of Unicode: "start.class" transitions, base 36. */
function scriptRuns() {
  const out = [];
  let prev = "";
  for (let c = 0; c < 0x110000; c++) {
    const k = scriptClass(c);
    if (k !== prev) out.push(`${toB36(c)}${k}`);
    prev = k;
  }
  return out.join("");
}

/** Run-length advances: "gap,count,advance;" in base 36, gap from the end of the previous run. */
function encodeAdvances(font) {
  const points = [...font.characterSet].sort((a, b) => a - b);
  const runs = [];
  let end = 0;
  for (let i = 0; i < points.length; ) {
    const start = points[i];
    const adv = font.layout(String.fromCodePoint(start)).advanceWidth;
    let j = i + 1;
    while (
      j < points.length &&
      points[j] === points[j - 1] + 1 &&
      font.layout(String.fromCodePoint(points[j])).advanceWidth === adv
    )
      j++;
    runs.push(`${toB36(start - end)},${toB36(j - i)},${toB36(adv)}`);
    end = start + (j - i);
    i = j;
  }
  return runs.join(";");
}

/** Glyph ids that start a pair adjustment in any GPOS PairPos subtable or a GSUB ligature. */
function pairStarters(font) {
  const ids = new Set();
  const addCoverage = (cov) => {
    if (cov.version === 1) for (const g of cov.glyphs) ids.add(g);
    else for (const r of cov.rangeRecords) for (let g = r.start; g <= r.end; g++) ids.add(g);
  };
  const walk = (table, pairType, extType) => {
    if (!table) return;
    for (let i = 0; i < table.lookupList.length; i++) {
      const lookup = table.lookupList.get(i);
      for (const st of lookup.subTables) {
        const sub = lookup.lookupType === extType ? st.extension : st;
        const type = lookup.lookupType === extType ? st.lookupType : lookup.lookupType;
        if (type === pairType) addCoverage(sub.coverage);
      }
    }
  };
  walk(font.GPOS, 2, 9);
  walk(font.GSUB, 4, 7);
  return ids;
}

/**
 * Pair adjustments within CHARSET for one script, grouped into classes:
 * left chars with the same row share a class, right chars with the same column.
 * Encoded as "left classes|right classes|matrix": classes are lists of
 * base-36 code points ("." between points, " " between classes); the matrix
 * lists, per left class, "right,value" entries (" " between left classes).
 */
function encodePairs(font, chars, script, starters) {
  const glyph = new Map(chars.map((c) => [c, font.glyphForCodePoint(c)]));
  const single = new Map(chars.map((c) => [c, width(font, [glyph.get(c)], script)]));
  const rows = new Map();
  for (const a of chars) {
    if (!starters.has(glyph.get(a).id)) continue;
    const row = new Map();
    for (const b of chars) {
      const d = width(font, [glyph.get(a), glyph.get(b)], script) - single.get(a) - single.get(b);
      if (d !== 0) row.set(b, d);
    }
    if (row.size > 0) rows.set(a, row);
  }
  const groupBy = (keys, keyOf) => {
    const groups = new Map();
    for (const k of keys) {
      const sig = keyOf(k);
      if (!groups.has(sig)) groups.set(sig, []);
      groups.get(sig).push(k);
    }
    return [...groups.values()];
  };
  const lefts = groupBy([...rows.keys()], (a) => JSON.stringify([...rows.get(a)]));
  const seconds = [...new Set([...rows.values()].flatMap((r) => [...r.keys()]))].sort((x, y) => x - y);
  const rights = groupBy(seconds, (b) => JSON.stringify(lefts.map((g) => rows.get(g[0]).get(b) ?? 0)));
  const matrix = lefts.map((g) => {
    const row = rows.get(g[0]);
    return rights
      .map((r, i) => (row.has(r[0]) ? `${toB36(i)},${toB36(row.get(r[0]))}` : ""))
      .filter((s) => s)
      .join(";");
  });
  const classes = (gs) => gs.map((g) => g.map(toB36).join(".")).join(" ");
  return {
    encoded: `${classes(lefts)}|${classes(rights)}|${matrix.join(" ")}`,
    count: [...rows.values()].reduce((s, r) => s + r.size, 0),
  };
}

const toArray = (x) => (Array.isArray(x) ? x : x.toArray());

function coverageGlyphs(cov) {
  if (cov.version === 1) return [...cov.glyphs];
  return cov.rangeRecords.flatMap((r) => Array.from({ length: r.end - r.start + 1 }, (_, k) => r.start + k));
}

/**
 * The ligatures fontkit substitutes by default for `scriptTag` (GSUB `liga`,
 * `clig`, `rlig`), in the order it tries them: "points=ligature code point"
 * (base 36, "." between points, " " between ligatures). Every ligature glyph
 * must have a code point of its own (DejaVu: U+FB00–FB04), whose advance and
 * kerning then stand for it.
 */
function encodeLigatures(font, scriptTag) {
  const gsub = font.GSUB;
  if (!gsub) return "";
  const entry =
    gsub.scriptList.find((s) => s.tag === scriptTag) ?? gsub.scriptList.find((s) => s.tag === "DFLT");
  if (!entry) return "";
  const reverse = new Map();
  for (const c of [...font.characterSet].sort((a, b) => a - b)) {
    const id = font.glyphForCodePoint(c).id;
    if (!reverse.has(id)) reverse.set(id, c);
  }
  const lookups = entry.script.defaultLangSys.featureIndexes
    .map((i) => gsub.featureList[i])
    .filter((f) => ["liga", "clig", "rlig"].includes(f.tag))
    .flatMap((f) => f.feature.lookupListIndexes)
    .sort((a, b) => a - b);
  if (lookups.length > 1)
    throw new Error(`${scriptTag}: ${lookups.length} ligature lookups (one is supported)`);
  const out = [];
  for (const index of lookups) {
    const lookup = gsub.lookupList.get(index);
    for (const st of lookup.subTables) {
      const sub = lookup.lookupType === 7 ? st.extension : st;
      const firsts = coverageGlyphs(sub.coverage);
      toArray(sub.ligatureSets).forEach((set, k) => {
        for (const lig of toArray(set)) {
          const ids = [firsts[k], ...lig.components, lig.glyph];
          if (ids.some((g) => !reverse.has(g)))
            throw new Error(`${scriptTag}: ligature of unmapped glyphs ${ids}`);
          const points = ids.map((g) => toB36(reverse.get(g)));
          out.push(`${points.slice(0, -1).join(".")}=${points.at(-1)}`);
        }
      });
    }
  }
  return out.join(" ");
}

function capOrX(font, os2Value, char) {
  if (os2Value) return os2Value;
  return font.glyphForCodePoint(char.codePointAt(0)).bbox.maxY;
}

function fontData(file) {
  const font = fontkit.openSync(join(fontDir, file));
  const chars = [];
  for (const [lo, hi] of CHARSET_RANGES)
    for (let c = lo; c <= hi; c++) {
      const mark = unicode.getCategory(c) === "Mn" || unicode.getCategory(c) === "Me";
      if (font.hasGlyphForCodePoint(c) && !mark) chars.push(c);
    }
  const starters = pairStarters(font);
  const latn = encodePairs(font, chars, "latn", starters);
  const none = encodePairs(font, chars, "zzzz", starters);
  const os2 = font["OS/2"];
  console.log(`${file}: ${font.characterSet.length} code points, ${chars.length} in the pair set,`);
  console.log(`  ${latn.count} Latin pairs, ${none.count} no-script pairs`);
  return {
    family: font.familyName,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: capOrX(font, os2.version >= 2 ? os2.capHeight : 0, "H"),
    xHeight: capOrX(font, os2.version >= 2 ? os2.xHeight : 0, "x"),
    notdef: font.getGlyph(0).advanceWidth,
    advances: encodeAdvances(font),
    pairsLatin: latn.encoded,
    pairsOther: none.encoded,
    ligaturesLatin: encodeLigatures(font, "latn"),
    ligaturesOther: encodeLigatures(font, "DFLT"),
  };
}

const regular = fontData("DejaVuSans.ttf");
const bold = fontData("DejaVuSans-Bold.ttf");
const fontkitVersion = JSON.parse(
  readFileSync(join(dirname(require.resolve("fontkit")), "..", "package.json"), "utf8"),
).version;
const header = `/**
 * Text-measurement tables of DejaVu Sans ${fontPackage.version} (regular and bold), made by
 * scripts/make-font-data.mjs with fontkit ${fontkitVersion}: do not edit by hand.
 * Formats are described in that script; src/layout/text.ts decodes them.
 */
/* biome-ignore-all format: generated */

export interface FontTables {
  family: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  notdef: number;
  advances: string;
  pairsLatin: string;
  pairsOther: string;
  ligaturesLatin: string;
  ligaturesOther: string;
}
`;
const body = `
/** Unicode script class transitions over all code points: L = Latin, N = none (Common, Inherited, Unknown), O = other. */
export const SCRIPT_RUNS = ${JSON.stringify(scriptRuns())};

export const DEJAVU_SANS: FontTables = ${JSON.stringify(regular, null, 1)};

export const DEJAVU_SANS_BOLD: FontTables = ${JSON.stringify(bold, null, 1)};
`;
const out = join(root, "src", "layout", "font-data.ts");
writeFileSync(out, header + body);
console.log(`wrote ${out}: ${(header + body).length} bytes`);
