/**
 * `scales::hue_pal()`: n colors evenly spaced around the HCL hue wheel, as scales 1.2.1 makes
 * them — through `farver::encode_colour(cbind(h, c, l), from = "hcl")` (farver 2.1), not
 * `grDevices::hcl()`, whose different rounding changes a few colors by one step.
 *
 * Conversion (farver 2.1.1's ColorSpace code): HCL is polar CIE Luv; Luv → XYZ with the D65 white
 * (95.047, 100, 108.883); XYZ → linear sRGB with the sRGB matrix, sRGB gamma, times 255,
 * rounded half to even and clamped to 0..255 per channel (out-of-gamut colors are clipped, not
 * desaturated). Hue, chroma and luminance are first capped to [0, 360], ≥ 0 and [0, 100].
 *
 * Bit-identical to R 4.2.2 / scales 1.2.1 / farver 2.1.1 for `hue_pal(l = 75)(n)`, n = 1..30
 * (test/golden/color/annotation.json).
 */
import { rSeq } from "./seq.js";

export interface HuePalOptions {
  /** Range of hues, degrees (default [15, 375]); a full turn drops the last hue, which repeats the first. */
  h?: readonly [number, number];
  /** Chroma (default 100). */
  c?: number;
  /** Luminance, 0..100 (default 65). */
  l?: number;
  /** Hue offset, degrees (default 0). */
  hStart?: number;
  /** 1, or −1 to reverse the colors. */
  direction?: 1 | -1;
}

/** `scales::hue_pal(h, c, l, h.start, direction)(n)`: lower-case `#rrggbb` strings. */
export function huePal(n: number, options: HuePalOptions = {}): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`huePal: expected n ≥ 1, got ${n}`);
  const [h1, h2Given] = options.h ?? [15, 375];
  const c = options.c ?? 100;
  const l = options.l ?? 65;
  const hStart = options.hStart ?? 0;
  const h2 = rMod(h2Given - h1, 360) < 1 ? h2Given - 360 / n : h2Given;
  const colors = rSeq(h1, h2, n).map((h) => hclHex(rMod(h + hStart, 360), c, l));
  return options.direction === -1 ? colors.reverse() : colors;
}

/**
 * farver 2.1.1's fixed D65 white (X, Y, Z) = (95.047, 100, 108.883): its `white` argument is ignored
 * there (farver ≥ 2.1.2 would use (0.31271, 0.32902) chromaticity and move some colors by one step).
 */
const WHITE = { x: 95.047, y: 100, z: 108.883 };
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

/** One HCL color (hue degrees, chroma, luminance) as `#rrggbb`, as `farver::encode_colour(from = "hcl")`. */
export function hclHex(h: number, c: number, l: number): string {
  h = h < 0 ? 0 : h > 360 ? 360 : h;
  c = c < 0 ? 0 : c;
  l = l < 0 ? 0 : l > 100 ? 100 : l;
  const hr = (h * Math.PI) / 180;
  const u = Math.cos(hr) * c;
  const v = Math.sin(hr) * c;
  // Luv → XYZ
  let X = 0;
  let Y = 0;
  let Z = 0;
  if (l !== 0) {
    const q = (l + 16) / 116;
    const y = l > EPS * KAPPA ? q * q * q : l / KAPPA;
    const tempr = WHITE.x + 15 * WHITE.y + 3 * WHITE.z;
    const up = (4 * WHITE.x) / tempr;
    const vp = (9 * WHITE.y) / tempr;
    const a = (1 / 3) * ((52 * l) / (u + 13 * l * up) - 1);
    const b = -5 * y;
    const x = (y * ((39 * l) / (v + 13 * l * vp) - 5) - b) / (a + 1 / 3);
    const z = x * a + b;
    if (!Number.isNaN(z)) {
      X = x * 100;
      Y = y * 100;
      Z = z * 100;
    }
  }
  // XYZ → sRGB
  const x = X / 100;
  const y = Y / 100;
  const z = Z / 100;
  const r = x * 3.2404542 + y * -1.5371385 + z * -0.4985314;
  const g = x * -0.969266 + y * 1.8760108 + z * 0.041556;
  const bl = x * 0.0556434 + y * -0.2040259 + z * 1.0572252;
  return `#${channel(r)}${channel(g)}${channel(bl)}`;
}

/** Linear channel → gamma-encoded 0..255, rounded half to even, clamped, two hex digits. */
function channel(linear: number): string {
  const s = (linear > 0.0031308 ? 1.055 * linear ** (1 / 2.4) - 0.055 : 12.92 * linear) * 255;
  let k = roundHalfEven(s);
  k = k < 0 ? 0 : k > 255 ? 255 : k;
  return k.toString(16).padStart(2, "0");
}

function roundHalfEven(d: number): number {
  const r = Math.round(d);
  return r - d === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** R's `x %% y` for doubles with y > 0 (`x - floor(x / y) * y`, kept in [0, y)). */
function rMod(x: number, y: number): number {
  const q = Math.floor(x / y);
  const t = x - q * y;
  return t - Math.floor(t / y) * y;
}
