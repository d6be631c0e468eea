/**
 * Annotation tracks: column tracks as bands above the matrix, row tracks as
 * bands left of it (between the tree and the matrix, as pheatmap), the
 * tracks' names, and one legend per track titled with its name (levels that
 * no drawn row or column has are left out unless `dropLevels` is false;
 * missing values are grey and listed as "NA").
 */
import { ANNOTATION_NA_COLOR, annotationColors, type TrackColors } from "../color/annotation-colors.js";
import { colorRampPalette } from "../color/ramp.js";
import { rSeq } from "../color/seq.js";
import type { AnnotationTrack } from "../matrix.js";
import { hangingText, LABEL_COLOR, LABEL_PAD } from "./labels.js";
import { colorBar, colorBarHorizontal, type LegendBlock, type Swatch, swatchLegend } from "./legend.js";
import type { Primitive, RectPrimitive, TextPrimitive } from "./scene.js";
import { fontMetrics, measureText } from "./text.js";

/** Thickness of a track and the space between tracks, in points. */
export const TRACK_SIZE = 10;
export const TRACK_GAP = 2;
/** Space between the tracks and the matrix. */
export const TRACK_PAD = 3;
/** Height of a continuous track's color bar in its legend. */
const TRACK_BAR = 60;

/** Length across the matrix edge that `count` tracks take, the pad to the matrix included (0 for none). */
export function tracksThickness(count: number): number {
  return count === 0 ? 0 : count * TRACK_SIZE + (count - 1) * TRACK_GAP + TRACK_PAD;
}

/** The colors of every track, column tracks first; levels absent from the values kept when `dropLevels` is false. */
export function trackColors(
  colTracks: readonly AnnotationTrack[],
  rowTracks: readonly AnnotationTrack[],
  style: "clusterheat" | "pheatmap",
  given: Record<string, Readonly<Record<string, string>> | readonly string[]> | null,
  dropLevels: boolean,
): TrackColors[] {
  // annotationColors colors the levels present in the values: list every level once more to keep them all
  const withAll = (t: AnnotationTrack): AnnotationTrack =>
    dropLevels || t.kind === "continuous" ? t : { ...t, values: [...t.values, ...t.levels] };
  return annotationColors([...colTracks, ...rowTracks].map(withAll), { style, given: given ?? undefined });
}

/** Where the tracks of one side go. */
export interface TrackPlacement {
  side: "top" | "left";
  /** Drawn index of each position (into the track's values). */
  index: readonly number[];
  /** Start of each drawn position along the axis, and the cell size. */
  starts: readonly number[];
  cell: number;
  /** The page coordinate where the tracks end next to the matrix (top: the matrix's top y; left: its left x). */
  edge: number;
  border: { color: string | null; width: number };
}

function trackValueColor(colors: TrackColors, t: AnnotationTrack, i: number): string {
  return t.kind === "categorical"
    ? (colors as Extract<TrackColors, { kind: "categorical" }>).colorOf(t.values[i])
    : (colors as Extract<TrackColors, { kind: "continuous" }>).colorOf(t.values[i]);
}

/** The band of each track: one rect per drawn position; the first track is the farthest from the matrix (pheatmap's order). */
export function layoutTracks(
  tracks: readonly AnnotationTrack[],
  colors: readonly TrackColors[],
  p: TrackPlacement,
): RectPrimitive[] {
  const out: RectPrimitive[] = [];
  const far = p.edge - tracksThickness(tracks.length);
  tracks.forEach((t, k) => {
    const across = far + k * (TRACK_SIZE + TRACK_GAP);
    p.index.forEach((i, pos) => {
      const fill = trackValueColor(colors[k], t, i);
      const along = p.starts[pos];
      const rect: RectPrimitive =
        p.side === "top"
          ? { type: "rect", x: along, y: across, width: p.cell, height: TRACK_SIZE, fill }
          : { type: "rect", x: across, y: along, width: TRACK_SIZE, height: p.cell, fill };
      if (p.border.color) {
        rect.stroke = p.border.color;
        rect.strokeWidth = p.border.width;
      }
      out.push(rect);
    });
  });
  return out;
}

/** Names of column tracks, right of their bands at `x`, each centred on its band. */
export function colTrackNames(
  tracks: readonly AnnotationTrack[],
  edge: number,
  x: number,
  fontSize: number,
): TextPrimitive[] {
  const far = edge - tracksThickness(tracks.length);
  const lift = fontMetrics(fontSize).capHeight / 2;
  return tracks.map((t, k) => ({
    type: "text",
    x: x,
    y: far + k * (TRACK_SIZE + TRACK_GAP) + TRACK_SIZE / 2 + lift,
    text: t.name,
    fontSize,
    fill: LABEL_COLOR,
    anchor: "start",
    width: measureText(t.name, fontSize),
  }));
}

/** Names of row tracks, hung below their bands at `y` at the column labels' angle. */
export function rowTrackNames(
  tracks: readonly AnnotationTrack[],
  edge: number,
  y: number,
  fontSize: number,
  angleCol: number,
): TextPrimitive[] {
  const far = edge - tracksThickness(tracks.length);
  return tracks.map((t, k) =>
    hangingText(
      t.name,
      far + k * (TRACK_SIZE + TRACK_GAP) + TRACK_SIZE / 2,
      y + LABEL_PAD,
      fontSize,
      angleCol,
    ),
  );
}

function hasMissing(t: AnnotationTrack): boolean {
  return t.kind === "categorical" ? t.values.some((v) => v === null) : t.values.some(Number.isNaN);
}

/** The legend of one track: swatches of its levels (and NA), or a color bar over its range. */
export function trackLegend(
  t: AnnotationTrack,
  colors: TrackColors,
  fontSize: number,
  titleSize: number,
  horizontal = false,
): LegendBlock {
  if (colors.kind === "categorical") {
    const swatches: Swatch[] = colors.levels.map((label, i) => ({ label, color: colors.colors[i] }));
    if (hasMissing(t)) swatches.push({ label: "NA", color: ANNOTATION_NA_COLOR });
    return swatchLegend(t.name, swatches, fontSize, titleSize);
  }
  const ramp = colorRampPalette(colors.colors, 100);
  const lo = colors.min;
  const hi = colors.max > colors.min ? colors.max : colors.min + 1;
  const block = (horizontal ? colorBarHorizontal : colorBar)({
    colors: ramp,
    breaks: rSeq(lo, hi, 101),
    title: t.name,
    height: horizontal ? 1.5 * TRACK_BAR : TRACK_BAR,
    fontSize,
    titleSize,
  });
  if (!hasMissing(t)) return block;
  const na = swatchLegend(null, [{ label: "NA", color: ANNOTATION_NA_COLOR }], fontSize, titleSize);
  const dy = block.height + 4;
  const moved: Primitive[] = na.items.map((p) => (p.type === "path" ? p : { ...p, y: p.y + dy }));
  return {
    items: [...block.items, ...moved],
    width: Math.max(block.width, na.width),
    height: dy + na.height,
  };
}
