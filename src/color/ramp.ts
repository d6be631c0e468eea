import { UsageError } from "../errors.js";
import { colorChannels, formatColor } from "./parse.js";
import { rSeq } from "./seq.js";

/**
 * R's `colorRampPalette(colors)(n)` (grDevices, defaults: linear interpolation in sRGB, no alpha).
 *
 * Definition, as R computes it:
 * 1. each color's red, green and blue become `c / 255`; a single color is used twice;
 * 2. the k colors sit at the knots `seq(0, 1, length.out = k)`;
 * 3. the n output colors sit at `t = seq(0, 1, length.out = n)`; each channel is interpolated as
 *    R's `approxfun` does: `y[i] + (y[j] − y[i]) · ((t − x[i]) / (x[j] − x[i]))` on the knot interval
 *    `[x[i], x[j]]` found by bisection, exactly `y` on a knot;
 * 4. the channel is clamped to [0, 1], multiplied by 255 and **truncated** to an integer (R's
 *    `rgb(…, maxColorValue = 255)` converts to integer), not rounded.
 *
 * Alpha is dropped, as R does unless `alpha = TRUE`. Colors are lower-case `#rrggbb`.
 * Bit-identical to R 4.2.2 (fixture test/golden/color/ramp.json). O(n log k).
 *
 * @param colors colors accepted by `parseColor` (R names, `#rrggbb`…), at least one.
 * @param n number of colors wanted (≥ 0).
 */
export function colorRampPalette(colors: readonly string[], n: number): string[] {
  if (colors.length === 0) throw new UsageError("invalid color ramp: no colors (expected at least one)");
  if (!Number.isInteger(n) || n < 0) {
    throw new UsageError(`invalid number of colors: ${n} (expected a whole number ≥ 0)`);
  }
  const stops = colors.map((c) =>
    colorChannels(c)
      .slice(0, 3)
      .map((v) => v / 255),
  );
  if (stops.length === 1) stops.push(stops[0]!);
  const knots = rSeq(0, 1, stops.length);
  return rSeq(0, 1, n).map((t) => {
    const [i, j] = bracket(knots, t);
    const rgb = [0, 1, 2].map((channel) => {
      const value = interpolate(knots, i, j, t, stops[i]![channel]!, stops[j]![channel]!);
      return Math.trunc(Math.min(Math.max(value, 0), 1) * 255);
    });
    return formatColor(rgb[0]!, rgb[1]!, rgb[2]!);
  });
}

/** The knot interval `[i, j = i + 1]` holding t, found by bisection as R's `approx` does. */
function bracket(knots: readonly number[], t: number): [number, number] {
  let i = 0;
  let j = knots.length - 1;
  while (i < j - 1) {
    const middle = Math.floor((i + j) / 2);
    if (t < knots[middle]!) j = middle;
    else i = middle;
  }
  return [i, j];
}

/** Linear interpolation between knots i and j, exact on the knots (R's `approx1`). */
function interpolate(
  knots: readonly number[],
  i: number,
  j: number,
  t: number,
  yi: number,
  yj: number,
): number {
  if (t === knots[j]) return yj;
  if (t === knots[i]) return yi;
  return yi + (yj - yi) * ((t - knots[i]!) / (knots[j]! - knots[i]!));
}
