import { colorChannels, formatColor } from "./parse.js";
import { rSeq } from "./seq.js";
import { VIRIDIS_TABLES } from "./viridis-tables.js";

/** The viridis family (matplotlib's perceptually uniform maps), as named by viridisLite. */
export const VIRIDIS_NAMES = ["viridis", "magma", "inferno", "plasma", "cividis"] as const;
export type ViridisName = (typeof VIRIDIS_NAMES)[number];

/** The 256 colors viridisLite interpolates for a map (`rgb()` of `viridis.map`), `#rrggbb`. */
export function viridisTable(name: ViridisName): string[] {
  return VIRIDIS_TABLES[name].match(/.{6}/g)!.map((hex) => `#${hex}`);
}

/**
 * n colors of a viridis-family map, evenly spaced over the 256 colors of {@link viridisTable}
 * (at `t = seq(0, 1, length.out = n)`), each channel interpolated linearly in sRGB between the two
 * neighbouring table entries and rounded to the nearest integer.
 *
 * Close to, not identical with, R's `viridisLite::viridis(n, option = name)`: viridisLite
 * interpolates the same 256 colors with a cubic spline in CIE Lab. On the fixture (n = 1, 2, 5, 10,
 * 100 for the five maps) 546 of 590 colors are equal and the others differ by 1 in a channel,
 * never by more (pinned in test/color/palettes.test.ts). viridisLite also appends alpha `FF`.
 */
export function viridisColors(name: ViridisName, n: number): string[] {
  const table = viridisTable(name).map(colorChannels);
  return rSeq(0, 1, n).map((t) => {
    const x = t * 255;
    const lo = Math.min(254, Math.floor(x));
    const f = x - lo;
    const [a, b] = [table[lo]!, table[lo + 1]!];
    const c = [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f));
    return formatColor(c[0]!, c[1]!, c[2]!);
  });
}
