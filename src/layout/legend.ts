/**
 * Legends: the color bar of the matrix (and of continuous annotation
 * tracks), the swatch lists of categorical tracks, and their stacking in
 * columns right of the figure. Each legend is built at the origin as a block
 * with its size, then moved into place.
 */
import { formatTick } from "../color/format-tick.js";
import { prettyTicks } from "../color/pretty.js";
import { shiftPrimitive } from "./frame.js";
import type { Primitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** A legend laid out at the origin: its primitives and size in points. */
export interface LegendBlock {
  items: Primitive[];
  width: number;
  height: number;
}

/** Width of a color bar, side of a swatch, and the spaces around them, in points. */
export const BAR_WIDTH = 10;
export const SWATCH = 10;
const TITLE_GAP = 4;
const TICK_LENGTH = 3;
const TICK_PAD = 2;
const SWATCH_GAP = 2;
const TEXT_COLOR = "#000000";
const TICK_COLOR = "#4d4d4d";

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** A bold title at the top left; returns the primitives and the height it takes. */
function title(text: string | null, fontSize: number): { items: Primitive[]; height: number; width: number } {
  if (text === null || text === "") return { items: [], height: 0, width: 0 };
  const m = fontMetrics(fontSize, "bold");
  const width = measureText(text, fontSize, "bold");
  const item: Primitive = {
    type: "text",
    x: 0,
    y: round(m.ascent),
    text,
    fontSize,
    fontWeight: "bold",
    fill: TEXT_COLOR,
    anchor: "start",
    width,
  };
  return { items: [item], height: m.ascent + m.descent + TITLE_GAP, width };
}

/** What a color bar shows: n colors over n + 1 breaks, and the ticks to mark. */
export interface ColorBarSpec {
  colors: readonly string[];
  breaks: readonly number[];
  title: string | null;
  /** Values to mark; default R's `grid.pretty` of the breaks' range (pheatmap's legend). */
  ticks?: readonly number[] | null;
  /** Labels of `ticks`, one each; default `formatTick`. */
  labels?: readonly string[] | null;
  /** Height of the bar in points. */
  height: number;
  fontSize: number;
  titleSize: number;
}

/**
 * The ticks a color bar marks: the given ones (those inside the breaks'
 * range), or R's pretty ones; pretty ticks closer than `minSpacing` (in units
 * of the value) are thinned to every other one, keeping 0 when it is a tick.
 */
export function legendTicks(
  spec: Pick<ColorBarSpec, "breaks" | "ticks" | "labels">,
  minSpacing = 0,
): { value: number; label: string }[] {
  const lo = spec.breaks[0];
  const hi = spec.breaks[spec.breaks.length - 1];
  let values = spec.ticks ?? prettyTicks(lo, hi);
  while (!spec.ticks && values.length > 2 && Math.abs(values[1] - values[0]) < minSpacing) {
    const keep = values.indexOf(0) >= 0 ? values.indexOf(0) % 2 : 0;
    values = values.filter((_, i) => i % 2 === keep);
  }
  const out: { value: number; label: string }[] = [];
  values.forEach((value, i) => {
    if (value < lo - 1e-12 * Math.abs(hi - lo) || value > hi + 1e-12 * Math.abs(hi - lo)) return;
    out.push({ value, label: spec.labels?.[i] ?? formatTick(value) });
  });
  return out;
}

/**
 * A vertical color bar, low values at the bottom: one rect per color over
 * its breaks (each overlapping the next by a hair so that no seam shows),
 * tick marks right of it and their labels centred on them.
 */
export function colorBar(spec: ColorBarSpec): LegendBlock {
  const head = title(spec.title, spec.titleSize);
  const lo = spec.breaks[0];
  const hi = spec.breaks[spec.breaks.length - 1];
  const top = head.height;
  const y = (v: number) => top + spec.height - ((v - lo) / (hi - lo)) * spec.height;
  const items: Primitive[] = [...head.items];
  const n = spec.colors.length;
  for (let i = 0; i < n; i++) {
    const y0 = y(spec.breaks[i + 1]);
    const y1 = y(spec.breaks[i]);
    const overlap = i === n - 1 ? 0 : Math.min(0.5, (y1 - y0) / 2);
    items.push({
      type: "rect",
      x: 0,
      y: round(y0 - overlap),
      width: BAR_WIDTH,
      height: round(y1 - y0 + overlap),
      fill: spec.colors[i],
    });
  }
  const lift = fontMetrics(spec.fontSize).capHeight / 2;
  let width = Math.max(BAR_WIDTH, head.width);
  const tickX = BAR_WIDTH + TICK_LENGTH + TICK_PAD;
  const minSpacing = ((spec.fontSize * 1.5) / spec.height) * (hi - lo);
  for (const t of legendTicks(spec, minSpacing)) {
    const ty = round(y(t.value));
    items.push({
      type: "path",
      d: `M ${BAR_WIDTH} ${ty} H ${BAR_WIDTH + TICK_LENGTH}`,
      stroke: TICK_COLOR,
      strokeWidth: 0.5,
    });
    const w = measureText(t.label, spec.fontSize);
    items.push({
      type: "text",
      x: tickX,
      y: round(ty + lift),
      text: t.label,
      fontSize: spec.fontSize,
      fill: TEXT_COLOR,
      anchor: "start",
      width: w,
    });
    width = Math.max(width, tickX + w);
  }
  const { descent } = fontMetrics(spec.fontSize);
  return { items, width, height: top + spec.height + Math.max(0, lift - descent) + descent };
}

/** One swatch row of a categorical legend. */
export interface Swatch {
  label: string;
  color: string;
}

/** A titled list of colored squares with their labels, one per row. */
export function swatchLegend(
  heading: string | null,
  swatches: readonly Swatch[],
  fontSize: number,
  titleSize: number,
): LegendBlock {
  const head = title(heading, titleSize);
  const items: Primitive[] = [...head.items];
  const lift = fontMetrics(fontSize).capHeight / 2;
  const row = Math.max(SWATCH, fontSize) + SWATCH_GAP;
  let width = head.width;
  swatches.forEach((s, k) => {
    const y = head.height + k * row;
    items.push({ type: "rect", x: 0, y: round(y), width: SWATCH, height: SWATCH, fill: s.color });
    const w = measureText(s.label, fontSize);
    items.push({
      type: "text",
      x: SWATCH + 4,
      y: round(y + SWATCH / 2 + lift),
      text: s.label,
      fontSize,
      fill: TEXT_COLOR,
      anchor: "start",
      width: w,
    });
    width = Math.max(width, SWATCH + 4 + w);
  });
  return { items, width, height: head.height + swatches.length * row - SWATCH_GAP };
}

/**
 * Places legend blocks top to bottom from (x, y), `gap` apart, starting a
 * new column to the right when the next block would pass `maxHeight`.
 * Returns the moved primitives of each block.
 */
export function stackLegends(
  blocks: readonly LegendBlock[],
  x: number,
  y: number,
  maxHeight: number,
  gap: number,
): Primitive[][] {
  const out: Primitive[][] = [];
  let cx = x;
  let cy = 0;
  let columnWidth = 0;
  for (const b of blocks) {
    if (cy > 0 && cy + b.height > maxHeight) {
      cx += columnWidth + gap * 1.5;
      cy = 0;
      columnWidth = 0;
    }
    out.push(b.items.map((p) => shiftPrimitive(p, cx, y + cy)));
    cy += b.height + gap;
    columnWidth = Math.max(columnWidth, b.width);
  }
  return out;
}

/**
 * A horizontal color bar (for legends at the bottom), low values at the
 * left: the title above, one rect per color over its breaks, tick marks below
 * and their labels centred under them. `spec.height` is the bar's length.
 */
export function colorBarHorizontal(spec: ColorBarSpec): LegendBlock {
  const head = title(spec.title, spec.titleSize);
  const lo = spec.breaks[0];
  const hi = spec.breaks[spec.breaks.length - 1];
  const top = head.height;
  const length = spec.height;
  const x = (v: number) => ((v - lo) / (hi - lo)) * length;
  const items: Primitive[] = [...head.items];
  const n = spec.colors.length;
  for (let i = 0; i < n; i++) {
    const x0 = x(spec.breaks[i]);
    const x1 = x(spec.breaks[i + 1]);
    const overlap = i === n - 1 ? 0 : Math.min(0.5, (x1 - x0) / 2);
    items.push({
      type: "rect",
      x: round(x0),
      y: round(top),
      width: round(x1 - x0 + overlap),
      height: BAR_WIDTH,
      fill: spec.colors[i],
    });
  }
  const { descent, capHeight } = fontMetrics(spec.fontSize);
  const tickTop = top + BAR_WIDTH;
  const baseline = tickTop + TICK_LENGTH + TICK_PAD + capHeight;
  let left = 0;
  let right = Math.max(length, head.width);
  const minSpacing = ((spec.fontSize * 3) / length) * (hi - lo);
  for (const t of legendTicks(spec, minSpacing)) {
    const tx = round(x(t.value));
    items.push({
      type: "path",
      d: `M ${tx} ${round(tickTop)} V ${round(tickTop + TICK_LENGTH)}`,
      stroke: TICK_COLOR,
      strokeWidth: 0.5,
    });
    const w = measureText(t.label, spec.fontSize);
    items.push({
      type: "text",
      x: tx,
      y: round(baseline),
      text: t.label,
      fontSize: spec.fontSize,
      fill: TEXT_COLOR,
      anchor: "middle",
      width: w,
    });
    left = Math.min(left, tx - w / 2);
    right = Math.max(right, tx + w / 2);
  }
  // blocks start at their left edge: move labels that stick out on the left inside
  const shifted = left < 0 ? items.map((p) => shiftPrimitive(p, -left, 0)) : items;
  return { items: shifted, width: right - left, height: baseline + descent };
}

/**
 * Places legend blocks left to right from (x, y), `gap` apart, in one row
 * (legends at the bottom). Returns the moved primitives of each block.
 */
export function rowLegends(blocks: readonly LegendBlock[], x: number, y: number, gap: number): Primitive[][] {
  let cx = x;
  return blocks.map((b) => {
    const moved = b.items.map((p) => shiftPrimitive(p, cx, y));
    cx += b.width + gap * 1.5;
    return moved;
  });
}
