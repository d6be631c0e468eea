import * as d3 from "d3-scale-chromatic";

/** A ColorBrewer scheme: its kind, its largest size, and ColorBrewer's colour-blind-safe flag. */
export interface BrewerScheme {
  readonly name: string;
  /** `div` (diverging), `qual` (qualitative) or `seq` (sequential), as RColorBrewer's `brewer.pal.info`. */
  readonly category: "div" | "qual" | "seq";
  readonly maxColors: number;
  /** RColorBrewer's `brewer.pal.info$colorblind`. */
  readonly colorblind: boolean;
  /** The k-color version for k = 3 … maxColors (upper-case `#RRGGBB` normalised to lower case). */
  colors(k: number): string[];
}

type Nested = ReadonlyArray<readonly string[]>;

function nested(
  name: string,
  scheme: Nested,
  category: "div" | "seq",
  maxColors: number,
  colorblind: boolean,
) {
  return { name, category, maxColors, colorblind, colors: (k: number) => [...scheme[k]!] } as const;
}

/** d3 lists PuOr purple → orange; RColorBrewer lists it orange → purple (`#7F3B08` … `#2D004B`). */
function reversed(name: string, scheme: Nested, maxColors: number, colorblind: boolean) {
  return {
    name,
    category: "div",
    maxColors,
    colorblind,
    colors: (k: number) => [...scheme[k]!].reverse(),
  } as const;
}

function flat(name: string, scheme: readonly string[], colorblind: boolean) {
  const maxColors = scheme.length;
  // Qualitative ColorBrewer schemes: the k-color version is the first k colors of the largest.
  return {
    name,
    category: "qual",
    maxColors,
    colorblind,
    colors: (k: number) => scheme.slice(0, k),
  } as const;
}

/**
 * Every ColorBrewer scheme, in RColorBrewer's `brewer.pal.info` order, with the exact colors of
 * `brewer.pal(k, name)` (taken from d3-scale-chromatic's `scheme*` arrays, which hold the same
 * ColorBrewer values; checked against R for every name and size in test/golden/color/palettes.json).
 */
export const BREWER_SCHEMES: readonly BrewerScheme[] = [
  nested("BrBG", d3.schemeBrBG, "div", 11, true),
  nested("PiYG", d3.schemePiYG, "div", 11, true),
  nested("PRGn", d3.schemePRGn, "div", 11, true),
  reversed("PuOr", d3.schemePuOr, 11, true),
  nested("RdBu", d3.schemeRdBu, "div", 11, true),
  nested("RdGy", d3.schemeRdGy, "div", 11, false),
  nested("RdYlBu", d3.schemeRdYlBu, "div", 11, true),
  nested("RdYlGn", d3.schemeRdYlGn, "div", 11, false),
  nested("Spectral", d3.schemeSpectral, "div", 11, false),
  flat("Accent", d3.schemeAccent, false),
  flat("Dark2", d3.schemeDark2, true),
  flat("Paired", d3.schemePaired, true),
  flat("Pastel1", d3.schemePastel1, false),
  flat("Pastel2", d3.schemePastel2, false),
  flat("Set1", d3.schemeSet1, false),
  flat("Set2", d3.schemeSet2, true),
  flat("Set3", d3.schemeSet3, false),
  nested("Blues", d3.schemeBlues, "seq", 9, true),
  nested("BuGn", d3.schemeBuGn, "seq", 9, true),
  nested("BuPu", d3.schemeBuPu, "seq", 9, true),
  nested("GnBu", d3.schemeGnBu, "seq", 9, true),
  nested("Greens", d3.schemeGreens, "seq", 9, true),
  nested("Greys", d3.schemeGreys, "seq", 9, true),
  nested("Oranges", d3.schemeOranges, "seq", 9, true),
  nested("OrRd", d3.schemeOrRd, "seq", 9, true),
  nested("PuBu", d3.schemePuBu, "seq", 9, true),
  nested("PuBuGn", d3.schemePuBuGn, "seq", 9, true),
  nested("PuRd", d3.schemePuRd, "seq", 9, true),
  nested("Purples", d3.schemePurples, "seq", 9, true),
  nested("RdPu", d3.schemeRdPu, "seq", 9, true),
  nested("Reds", d3.schemeReds, "seq", 9, true),
  nested("YlGn", d3.schemeYlGn, "seq", 9, true),
  nested("YlGnBu", d3.schemeYlGnBu, "seq", 9, true),
  nested("YlOrBr", d3.schemeYlOrBr, "seq", 9, true),
  nested("YlOrRd", d3.schemeYlOrRd, "seq", 9, true),
];

/**
 * RColorBrewer's `brewer.pal(k, name)`: the k-class ColorBrewer scheme, lower-case `#rrggbb`.
 * Returns undefined for an unknown name; k must be in 3 … maxColors (checked by the caller).
 */
export function brewerPal(k: number, name: string): string[] | undefined {
  const scheme = BREWER_SCHEMES.find((s) => s.name === name);
  return scheme?.colors(k).map((c) => c.toLowerCase());
}
