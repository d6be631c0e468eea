import { quoteFound, UsageError } from "../errors.js";
import { BREWER_SCHEMES, type BrewerScheme } from "./brewer.js";
import { parseColor } from "./parse.js";
import { colorRampPalette } from "./ramp.js";
import { VIRIDIS_NAMES, type ViridisName, viridisColors } from "./viridis.js";

/** pheatmap 1.0.12's default `color`: `colorRampPalette(rev(brewer.pal(n = 7, name = "RdYlBu")))`. */
const PHEATMAP_STOPS = ["#4575b4", "#91bfdb", "#e0f3f8", "#ffffbf", "#fee090", "#fc8d59", "#d73027"];

/** `RdBkGn`: red at the low end, black in the middle, green at the high end. */
const RED_BLACK_GREEN = ["#ff0000", "#000000", "#00ff00"];

/**
 * Every palette name {@link resolvePalette} knows. Each also accepts the suffix `_r` (reversed),
 * and names match case-insensitively (`rdbu_r` = `RdBu_r`).
 */
export const PALETTE_NAMES: readonly string[] = [
  "pheatmap",
  "RdBkGn",
  ...VIRIDIS_NAMES,
  ...BREWER_SCHEMES.map((s) => s.name),
];

/**
 * The diverging and sequential palettes that stay readable for colour-blind readers: the
 * viridis family, the ColorBrewer diverging and sequential schemes that RColorBrewer's
 * `brewer.pal.info` flags `colorblind = TRUE` (BrBG, PiYG, PRGn, PuOr, RdBu, RdYlBu and all 18
 * sequential ones), and `pheatmap` (RdYlBu). Not RdBkGn (red–green), RdGy, RdYlGn, Spectral.
 */
export const COLORBLIND_SAFE_PALETTES: readonly string[] = [
  ...VIRIDIS_NAMES,
  "pheatmap",
  ...BREWER_SCHEMES.filter((s) => s.category !== "qual" && s.colorblind).map((s) => s.name),
];

/** Options of {@link resolvePalette}. */
export interface PaletteOptions {
  /**
   * For a ColorBrewer name: how many classes of the scheme to ramp through (`brewer.pal(classes,
   * name)`). Default 9, or the scheme's maximum when smaller (8 for Accent, Dark2, Pastel2, Set2).
   * Valid: 3 … the scheme's maximum (11 for diverging, 9 sequential, 8–12 qualitative).
   */
  classes?: number;
}

/**
 * The n colors of a heatmap palette, as R would make them.
 *
 * - a ColorBrewer name (`RdBu`, `Blues`, `Set2`…): `colorRampPalette(brewer.pal(classes, name))(n)`;
 * - `name_r`: the same with the classes reversed first, so `RdBu_r` =
 *   `colorRampPalette(rev(brewer.pal(9, "RdBu")))(n)` (blue low, red high);
 * - `pheatmap`: pheatmap's default, `colorRampPalette(rev(brewer.pal(7, "RdYlBu")))(n)`;
 * - `RdBkGn`: `colorRampPalette(c("red", "black", "green"))(n)`; `RdBkGn_r` is green → black → red
 *   (gplots' `greenred`);
 * - `viridis`, `magma`, `inferno`, `plasma`, `cividis`: see `viridisColors` (close to viridisLite);
 * - a list of colors: `colorRampPalette(list)(n)`, or the list itself (parsed) when it has n colors.
 *
 * Colors are lower-case `#rrggbb`. See {@link PALETTE_NAMES}.
 *
 * @throws UsageError for an unknown name (listing the valid ones), a bad color or a bad `classes`.
 */
export function resolvePalette(
  spec: string | readonly string[],
  n: number,
  options: PaletteOptions = {},
): string[] {
  if (typeof spec !== "string") {
    const colors = spec.map(parseColor);
    return colors.length === n ? colors : colorRampPalette(colors, n);
  }
  const reversed = /_r$/i.test(spec);
  const base = reversed ? spec.slice(0, -2) : spec;
  const stops = paletteStops(base, options);
  if (stops === undefined) {
    const viridis = VIRIDIS_NAMES.find((v) => v === base.toLowerCase());
    if (viridis === undefined) {
      throw new UsageError(
        `invalid palette: ${quoteFound(spec)} (expected a color list or one of ${PALETTE_NAMES.join(", ")}, ` +
          "each optionally with _r for reversed)",
      );
    }
    const colors = viridisColors(viridis as ViridisName, n);
    return reversed ? colors.reverse() : colors;
  }
  return colorRampPalette(reversed ? [...stops].reverse() : stops, n);
}

/** The colors a named (non-viridis) palette ramps through, or undefined for another name. */
function paletteStops(name: string, options: PaletteOptions): string[] | undefined {
  const lower = name.toLowerCase();
  if (lower === "pheatmap") return PHEATMAP_STOPS;
  if (lower === "rdbkgn") return RED_BLACK_GREEN;
  const scheme = BREWER_SCHEMES.find((s) => s.name.toLowerCase() === lower);
  return scheme && brewerStops(scheme, options.classes);
}

function brewerStops(scheme: BrewerScheme, classes: number | undefined): string[] {
  const k = classes ?? Math.min(9, scheme.maxColors);
  if (!Number.isInteger(k) || k < 3 || k > scheme.maxColors) {
    throw new UsageError(
      `invalid classes: ${k} (expected a whole number from 3 to ${scheme.maxColors} for ${scheme.name})`,
    );
  }
  return scheme.colors(k).map((c) => c.toLowerCase());
}

/** True when `name` (with or without `_r`, any case) is a palette name {@link resolvePalette} knows. */
export function isPaletteName(name: string): boolean {
  const base = name.replace(/_r$/i, "").toLowerCase();
  return PALETTE_NAMES.some((p) => p.toLowerCase() === base);
}
