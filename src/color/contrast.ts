import { colorChannels } from "./parse.js";

/**
 * Relative luminance of a color as seaborn's `utils.relative_luminance` (WCAG 2.0): each sRGB
 * channel c ∈ [0, 1] is linearised, `c / 12.92` when `c ≤ 0.03928`, else `((c + 0.055) / 1.055)^2.4`,
 * and weighted `0.2126 R + 0.7152 G + 0.0722 B`. Alpha is ignored.
 */
export function relativeLuminance(color: string): number {
  const [r, g, b] = colorChannels(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The text color for a label drawn on `background`, seaborn's rule for `heatmap(annot=True)`:
 * dark text (seaborn's `".15"` grey, `#262626`) when the background's {@link relativeLuminance}
 * is above 0.408, white otherwise.
 */
export function textColorOn(background: string): "#262626" | "#ffffff" {
  return relativeLuminance(background) > 0.408 ? "#262626" : "#ffffff";
}
