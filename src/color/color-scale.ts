import { UsageError } from "../errors.js";
import { parseColor } from "./parse.js";

/**
 * The color index of a value for n colors between n + 1 increasing breaks, as pheatmap 1.0.12
 * draws it: pheatmap extends finite end breaks with −Inf and +Inf (repeating the end colors) and
 * then takes `cut(x, breaks, include.lowest = TRUE)`, right-closed. So value v takes color i
 * (0-based) when `breaks[i] < v ≤ breaks[i + 1]`; `v ≤ breaks[0]` (−Infinity included) takes
 * color 0 and `v > breaks[n]` (+Infinity included) takes color n − 1. NaN gives −1 (pheatmap's
 * `na_col`). Verified against pheatmap in test/golden/color/scale.json. O(log n), by bisection.
 */
export function colorIndex(value: number, breaks: readonly number[]): number {
  if (Number.isNaN(value)) return -1;
  const n = breaks.length - 1;
  // Invariant: the answer k (1-based bin, breaks[k-1] < v <= breaks[k]) lies in [lo + 1, hi].
  let lo = 0;
  let hi = n;
  if (value <= breaks[0]!) return 0;
  if (value > breaks[n]!) return n - 1;
  while (hi - lo >= 2) {
    const middle = (lo + hi) >> 1;
    if (value > breaks[middle]!) lo = middle;
    else hi = middle;
  }
  return lo;
}

/** Colors for values: the palette, its breaks and the color of missing values. */
export interface ColorScale {
  /** n colors, lower-case `#rrggbb`. */
  readonly colors: readonly string[];
  /** n + 1 strictly increasing breaks. */
  readonly breaks: readonly number[];
  /** Color of NaN (pheatmap's `na_col`). */
  readonly naColor: string;
  /** The color of a value (see {@link colorIndex}); `naColor` for NaN. */
  color(value: number): string;
  /** The index of a value's color in `colors` (see {@link colorIndex}); −1 for NaN. */
  index(value: number): number;
}

/** pheatmap's default `na_col`. */
export const DEFAULT_NA_COLOR = "#dddddd";

/**
 * Builds a {@link ColorScale} from n colors and n + 1 breaks (e.g. from `defaultBreaks`).
 * Colors are normalised by `parseColor`.
 *
 * @throws UsageError when breaks are not one more than colors (pheatmap's rule) or not strictly
 * increasing (R's `cut` stops on duplicated breaks), or a color is invalid.
 */
export function colorScale(
  colors: readonly string[],
  breaks: readonly number[],
  naColor: string = DEFAULT_NA_COLOR,
): ColorScale {
  if (colors.length === 0 || breaks.length !== colors.length + 1) {
    throw new UsageError(
      `invalid breaks: ${breaks.length} breaks for ${colors.length} colors (expected one more break than colors)`,
    );
  }
  for (let i = 1; i < breaks.length; i++) {
    if (!(breaks[i]! > breaks[i - 1]!)) {
      throw new UsageError(
        `invalid breaks: ${breaks[i - 1]} then ${breaks[i]} at position ${i + 1} (expected strictly increasing numbers)`,
      );
    }
  }
  const parsed = colors.map(parseColor);
  const na = parseColor(naColor);
  const frozenBreaks = [...breaks];
  return {
    colors: parsed,
    breaks: frozenBreaks,
    naColor: na,
    index: (value) => colorIndex(value, frozenBreaks),
    color(value) {
      const i = colorIndex(value, frozenBreaks);
      return i < 0 ? na : parsed[i]!;
    },
  };
}
