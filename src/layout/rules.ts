/**
 * Derived defaults of the figure, as a rule table (vega-lite's `scaleRules`):
 * each option left `null` ("auto") is decided here from the data and the
 * style, and nowhere else. `--style pheatmap` gives pheatmap 1.0.12's look.
 *
 * | option        | clusterheat                                                      | style pheatmap                      |
 * | ------------- | ---------------------------------------------------------------- | ----------------------------------- |
 * | color         | RdBu_r when scaled, centred, a correlation or the data cross 0,  | rev(brewer.pal(7, "RdYlBu")) ramp   |
 * |               | else viridis                                                     |                                     |
 * | breaks        | evenly min…max; symmetric ±max\|x\| when scaled or RdBu_r chosen; | symmetric when scaled (as pheatmap) |
 * |               | around `center`; −1…1 for a correlation; `robust`: the 2nd and   |                                     |
 * |               | 98th percentiles instead of min and max                          |                                     |
 * | legendTitle   | "Pearson r" (…) for a correlation, "z-score" after scaling, else | none                                |
 * |               | "value"                                                          |                                     |
 * | borderColor   | white when cells ≥ 8 pt both ways and ≤ 100 × 100, else none     | grey60                              |
 * | borderWidth   | 0.5 pt                                                           | 0.75 pt (grid's lwd 1)              |
 * | figure size   | from the cells (size.ts)                                         | 7 × 7 in, cells fill it             |
 * Borders are dropped whenever a cell is under 3 pt either way (pheatmap).
 */
import { centeredBreaks, defaultBreaks, robustRange } from "../color/breaks.js";
import type { FigureOptions } from "../options.js";
import { CORRELATION_TITLE, type CorrelationMethod } from "../transform/correlate.js";

/** What the derived defaults depend on. */
export interface RuleContext {
  options: FigureOptions;
  /** The prep scale: "none" | "row" | "column". */
  scale: string;
  /** The values the colors map (the clustered matrix). */
  values: ArrayLike<number>;
  /** The method when the matrix is a correlation matrix (`correlation`), else null. */
  correlation?: CorrelationMethod | null;
}

/** The colors of the matrix as decided: palette spec, color count, breaks, and the legend title. */
export interface ColorDefaults {
  palette: string | string[];
  /** Number of colors (one less than the breaks). */
  steps: number;
  breaks: number[];
  legendTitle: string | null;
}

/** True when some finite values are below 0 and some above. */
function crossesZero(values: ArrayLike<number>): boolean {
  let neg = false;
  let pos = false;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) neg = true;
    else if (values[i] > 0) pos = true;
  }
  return neg && pos;
}

const pheatmapStyle = (c: RuleContext) => c.options.style === "pheatmap";
const scaled = (c: RuleContext) => c.scale !== "none";

/** The palette rule: the given one, pheatmap's, RdBu_r (scaled or crossing 0) or viridis. */
function palette(c: RuleContext): string | string[] {
  if (c.options.color !== null) return c.options.color;
  if (pheatmapStyle(c)) return "pheatmap";
  if (c.correlation || c.options.center !== null) return "RdBu_r";
  return scaled(c) || crossesZero(c.values) ? "RdBu_r" : "viridis";
}

/** The breaks rule: the given ones, else even from min to max, symmetric around 0 when scaled or diverging by default. */
function breaks(c: RuleContext, steps: number): number[] {
  if (c.options.breaks !== null) return [...c.options.breaks];
  // the range the colors span: −1…1 for a correlation, the 2nd…98th percentiles when robust (seaborn)
  const range = c.correlation ? [-1, 1] : c.options.robust ? (robustRange(c.values) ?? []) : c.values;
  if (c.options.center !== null) return centeredBreaks(range, steps, c.options.center);
  if (c.correlation) return centeredBreaks(range, steps, 0);
  const autoDiverging = c.options.color === null && !pheatmapStyle(c) && crossesZero(c.values);
  return defaultBreaks(range, steps, scaled(c) || autoDiverging);
}

/** The legend title rule. */
function legendTitle(c: RuleContext): string | null {
  if (c.options.legendTitle !== null) return c.options.legendTitle;
  if (pheatmapStyle(c)) return null;
  if (c.correlation) return CORRELATION_TITLE[c.correlation];
  return scaled(c) ? "z-score" : "value";
}

/** Palette, breaks and legend title, from the rules above. */
export function colorDefaults(c: RuleContext): ColorDefaults {
  const steps = c.options.breaks !== null ? c.options.breaks.length - 1 : c.options.colorSteps;
  return { palette: palette(c), steps, breaks: breaks(c, steps), legendTitle: legendTitle(c) };
}

/** Below this size (points, either way) cells have no borders, as pheatmap. */
export const BORDER_MIN_CELL = 3;
/** clusterheat's automatic borders need cells at least this large both ways… */
export const AUTO_BORDER_CELL = 8;
/** …and at most this many rows and columns. */
export const AUTO_BORDER_MAX = 100;

/** Cell borders as decided: color (null = none) and width. */
export interface BorderDefaults {
  color: string | null;
  width: number;
}

/** The border rule, once the cell sizes are known. */
export function borderDefaults(
  options: FigureOptions,
  cell: { width: number; height: number; nrow: number; ncol: number },
): BorderDefaults {
  const pheatmap = options.style === "pheatmap";
  const width = options.borderWidth ?? (pheatmap ? 0.75 : 0.5);
  if (Math.min(cell.width, cell.height) < BORDER_MIN_CELL) return { color: null, width };
  if (options.borderColor !== null)
    return { color: options.borderColor === "none" ? null : options.borderColor, width };
  if (pheatmap) return { color: "#999999", width };
  const large = Math.min(cell.width, cell.height) >= AUTO_BORDER_CELL;
  const small = cell.nrow <= AUTO_BORDER_MAX && cell.ncol <= AUTO_BORDER_MAX;
  return { color: large && small ? "#ffffff" : null, width };
}

/** The figure size rule when width/height are not given: pheatmap's style fills a 7 × 7 in page. */
export function defaultFigureInches(options: FigureOptions): { width: number | null; height: number | null } {
  if (options.style !== "pheatmap") return { width: options.width, height: options.height };
  return { width: options.width ?? 7, height: options.height ?? 7 };
}
