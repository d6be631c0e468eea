/**
 * Labelling a subset of rows or columns (ComplexHeatmap's `anno_mark`): the
 * chosen labels go beside the matrix, spread so that no two overlap, each
 * joined to its row (column) by a leader line of three segments: straight
 * out from the matrix, a diagonal to the label's place, straight in to the
 * label.
 *
 * Spreading: labels keep their rows' order; the positions y solve
 *   minimize Σ (y_i − t_i)²  subject to  y_{i+1} − y_i ≥ s,  lo ≤ y_0,  y_{n−1} ≤ hi
 * (t = the rows' centres, s = the line height). With z_i = y_i − i·s this is
 * isotonic regression of t_i − i·s within [lo, hi − (n−1)·s], solved exactly
 * by pool-adjacent-violators and clipping (Barlow et al. 1972; clipping is
 * optimal for bounds common to all z_i). ComplexHeatmap pushes labels apart
 * heuristically (smartAlign); this gives the closest non-overlapping places.
 * When the labels need more room than the matrix gives, they are centred on it.
 */
import { hangingText, LABEL_COLOR } from "./labels.js";
import type { PathPrimitive, TextPrimitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** Lengths of a leader line: out from the matrix, the diagonal's run, in to the label, and the gap to the text. */
export const LINK_OUT = 4;
export const LINK_RUN = 12;
export const LINK_IN = 4;
export const LINK_TEXT_GAP = 2;
export const LINK_COLOR = "#666666";
export const LINK_WIDTH = 0.5;
/** Line height of spread labels, per point of font size. */
export const MARK_LINE_HEIGHT = 1.15;

/**
 * The closest positions to `targets` (sorted ascending) with neighbours at
 * least `spacing` apart, all within [lo, hi] when they fit (else centred on
 * the range). Example: spreadLabels([5, 5, 5], 2, 0, 100) = [3, 5, 7].
 */
export function spreadLabels(targets: readonly number[], spacing: number, lo: number, hi: number): number[] {
  const n = targets.length;
  if (n === 0) return [];
  // pool adjacent violators on z_i = t_i − i·s (blocks of equal z, each at its members' mean)
  const means: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    let mean = targets[i] - i * spacing;
    let size = 1;
    while (means.length > 0 && means[means.length - 1] > mean) {
      const m = means.pop()!;
      const k = sizes.pop()!;
      mean = (m * k + mean * size) / (k + size);
      size += k;
    }
    means.push(mean);
    sizes.push(size);
  }
  const zlo = lo;
  const zhi = hi - (n - 1) * spacing;
  const clip = (z: number) => (zlo <= zhi ? Math.min(zhi, Math.max(zlo, z)) : (zlo + zhi) / 2);
  const out: number[] = [];
  means.forEach((m, b) => {
    for (let k = 0; k < sizes[b]; k++) out.push(clip(m) + out.length * spacing);
  });
  return out;
}

/** Positions (drawn, 0-based) of the `wanted` names in `names`, in drawn order, and the names not found. */
export function markPositions(
  names: readonly string[],
  wanted: readonly string[],
): { positions: number[]; missing: string[] } {
  const want = new Set(wanted);
  const found = new Set<string>();
  const positions: number[] = [];
  names.forEach((name, k) => {
    if (want.has(name)) {
      positions.push(k);
      found.add(name);
    }
  });
  return { positions, missing: [...want].filter((w) => !found.has(w)) };
}

const r = (v: number) => Math.round(v * 1000) / 1000;

/** What the marks of one axis need. */
export interface MarkSpec {
  /** Drawn positions to label, ascending. */
  positions: readonly number[];
  /** Label of each drawn position. */
  labels: readonly string[];
  /** Start of each drawn position and the cell size along the axis. */
  starts: readonly number[];
  cell: number;
  /** The matrix's extent along the axis: labels stay within [0, length]. */
  length: number;
  /** Where the leader lines leave the matrix (x for rows, y for columns). */
  edge: number;
  fontSize: number;
}

/** Spread labels of the marked rows right of `edge`, with their leader lines. */
export function layoutRowMarks(spec: MarkSpec): { texts: TextPrimitive[]; links: PathPrimitive | null } {
  const spacing = MARK_LINE_HEIGHT * spec.fontSize;
  const centres = spec.positions.map((k) => spec.starts[k] + spec.cell / 2);
  const placed = spreadLabels(centres, spacing, spacing / 2, spec.length - spacing / 2);
  const lift = fontMetrics(spec.fontSize).capHeight / 2;
  const x0 = spec.edge;
  const x1 = x0 + LINK_OUT;
  const x2 = x1 + LINK_RUN;
  const x3 = x2 + LINK_IN;
  const d: string[] = [];
  const texts: TextPrimitive[] = [];
  spec.positions.forEach((k, i) => {
    const text = spec.labels[k];
    d.push(`M ${r(x0)} ${r(centres[i])} H ${r(x1)} L ${r(x2)} ${r(placed[i])} H ${r(x3)}`);
    if (text === "") return;
    texts.push({
      type: "text",
      x: r(x3 + LINK_TEXT_GAP),
      y: r(placed[i] + lift),
      text,
      fontSize: spec.fontSize,
      fill: LABEL_COLOR,
      anchor: "start",
      width: measureText(text, spec.fontSize),
    });
  });
  return { texts, links: d.length > 0 ? link(d) : null };
}

/** Spread labels of the marked columns below `edge`, reading downwards, with their leader lines. */
export function layoutColMarks(spec: MarkSpec): { texts: TextPrimitive[]; links: PathPrimitive | null } {
  const spacing = MARK_LINE_HEIGHT * spec.fontSize;
  const centres = spec.positions.map((k) => spec.starts[k] + spec.cell / 2);
  const placed = spreadLabels(centres, spacing, spacing / 2, spec.length - spacing / 2);
  const y0 = spec.edge;
  const y1 = y0 + LINK_OUT;
  const y2 = y1 + LINK_RUN;
  const y3 = y2 + LINK_IN;
  const d: string[] = [];
  const texts: TextPrimitive[] = [];
  spec.positions.forEach((k, i) => {
    const text = spec.labels[k];
    d.push(`M ${r(centres[i])} ${r(y0)} V ${r(y1)} L ${r(placed[i])} ${r(y2)} V ${r(y3)}`);
    if (text !== "") texts.push(hangingText(text, placed[i], y3 + LINK_TEXT_GAP, spec.fontSize, 270));
  });
  return { texts, links: d.length > 0 ? link(d) : null };
}

function link(d: string[]): PathPrimitive {
  return { type: "path", d: d.join(" "), stroke: LINK_COLOR, strokeWidth: LINK_WIDTH };
}

/** The room marks take beside the matrix before their text (leader lines and the gap), in points. */
export const MARK_LINK_LENGTH = LINK_OUT + LINK_RUN + LINK_IN + LINK_TEXT_GAP;
