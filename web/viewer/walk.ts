/**
 * The figure as seen through the view: every Scene group but the cells and
 * the axis labels, moved and scaled into screen pixels, plus the row and
 * column labels of the visible cells as soon as they fit. One walk feeds two
 * sinks: the canvas (every frame) and the SVG of the current view (export),
 * so that the export shows what the screen shows.
 */

import { colWidthNeeded, hangingText } from "../../src/layout/labels.js";
import type { Primitive, Scene, TextPrimitive } from "../../src/layout/scene.js";
import { measureText } from "../../src/layout/text.js";
import { firstAfter, type Size, type View } from "./view.js";

/** Path commands pre-parsed once: [op, x, y]…, op 0 = move, 1 = line, 2 = close. */
export type ParsedPath = Float64Array;

export function parsePath(d: string): ParsedPath {
  const tokens = d.trim().split(/[\s,]+/);
  const out: number[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i++];
    if (op === "M" || op === "L") {
      x = Number(tokens[i++]);
      y = Number(tokens[i++]);
      if (op === "M") {
        startX = x;
        startY = y;
      }
      out.push(op === "M" ? 0 : 1, x, y);
    } else if (op === "H") {
      x = Number(tokens[i++]);
      out.push(1, x, y);
    } else if (op === "V") {
      y = Number(tokens[i++]);
      out.push(1, x, y);
    } else if (op === "Z" || op === "z") {
      out.push(2, startX, startY);
      x = startX;
      y = startY;
    } else if (op === "") {
      // leading/trailing separators
    } else {
      throw new Error(`viewer: path command ${JSON.stringify(op)} is not one the Scene allows`);
    }
  }
  return Float64Array.from(out);
}

/** Where the sinks draw; coordinates are screen pixels (CSS). */
export interface Sink {
  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    fill: string | null,
    stroke: string | null,
    lw: number,
  ): void;
  path(
    points: ParsedPath,
    view: View,
    stroke: string,
    lw: number,
    fill: string | null,
    cap: "butt" | "square",
  ): void;
  text(t: TextPrimitive): void;
  image(x: number, y: number, w: number, h: number, source: Primitive & { type: "image" }): void;
  group(name: string): void;
}

/** Groups the viewer draws itself (cells from the values, labels as they fit). */
const OWN_GROUPS = new Set(["cells", "labels-rows", "labels-cols"]);

export interface WalkState {
  scene: Scene;
  view: View;
  viewport: Size;
  /** The view's scale when fitted: texts grow with zoom up to a few times this. */
  fitScale: number;
  paths: Map<string, ParsedPath>;
  /** Color substitutions (a palette change recolors the legend). */
  recolor: Map<string, string> | null;
  /** Row / column label texts in drawn order (the figure's labels, or the names). */
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** pheatmap's angle of the column labels (270, 90, 45, 315, 0), as the figure. */
  angleCol: number;
  fontFamily: string;
}

/** Label font size in pixels for a cell of `cell` pixels, or 0 when the labels do not fit. */
export function labelSize(cell: number, base: number): number {
  if (cell < 6) return 0;
  return Math.min(cell * 0.85, Math.max(base, 11), 16);
}

function textScale(s: WalkState): number {
  return Math.min(s.view.kx, s.view.ky, s.fitScale * 2.5);
}

export function walkScene(s: WalkState, sink: Sink): void {
  const { view: v, viewport } = s;
  const kt = textScale(s);
  let recolor: Map<string, string> | null = null;
  const color = (c: string | null | undefined) => (c ? (recolor?.get(c) ?? c) : null);
  for (const group of s.scene.groups) {
    if (OWN_GROUPS.has(group.name)) continue;
    recolor = group.name === "legend" ? s.recolor : null;
    sink.group(group.name);
    for (const p of group.items) {
      switch (p.type) {
        case "rect": {
          const x = v.tx + v.kx * p.x;
          const y = v.ty + v.ky * p.y;
          const w = v.kx * p.width;
          const h = v.ky * p.height;
          if (x > viewport.width || y > viewport.height || x + w < 0 || y + h < 0) break;
          sink.rect(x, y, w, h, color(p.fill), color(p.stroke), (p.strokeWidth ?? 1) * kt);
          break;
        }
        case "path": {
          let parsed = s.paths.get(p.d);
          if (!parsed) {
            parsed = parsePath(p.d);
            s.paths.set(p.d, parsed);
          }
          sink.path(
            parsed,
            v,
            color(p.stroke) ?? "#000000",
            Math.max(0.5, p.strokeWidth * kt),
            color(p.fill),
            p.lineCap ?? "butt",
          );
          break;
        }
        case "text": {
          const x = v.tx + v.kx * p.x;
          const y = v.ty + v.ky * p.y;
          if (x < -2000 || y < -2000 || x > viewport.width + 2000 || y > viewport.height + 2000) break;
          sink.text({
            ...p,
            x,
            y,
            fontSize: p.fontSize * kt,
            width: p.width * kt,
            fill: color(p.fill) ?? p.fill,
          });
          break;
        }
        case "image":
          sink.image(v.tx + v.kx * p.x, v.ty + v.ky * p.y, v.kx * p.width, v.ky * p.height, p);
          break;
      }
    }
  }
  walkLabels(s, sink);
}

/** Row labels right of the cells, column labels below, for the visible rows/columns once they fit. */
function walkLabels(s: WalkState, sink: Sink): void {
  const { view: v, viewport, scene } = s;
  const g = scene.geometry;
  const rowPx = g.rows.size * v.ky;
  const colPx = g.cols.size * v.kx;
  const rowFont = labelSize(rowPx, 10 * textScale(s));
  const slanted = s.angleCol === 45 || s.angleCol === 315;
  const colFont = slanted
    ? Math.min(labelSize(colPx, 10 * textScale(s)), (colPx * Math.SQRT1_2) / 0.9)
    : labelSize(colPx, 10 * textScale(s));
  if (rowFont > 0) {
    sink.group("labels-rows");
    const x = v.tx + v.kx * (g.cells.x + g.cells.width) + 3;
    const from = firstAfter(g.rows.start, g.rows.size, -v.ty / v.ky);
    for (let i = from; i < g.rows.start.length; i++) {
      const top = v.ty + v.ky * g.rows.start[i];
      if (top > viewport.height) break;
      const text = s.rowLabels[i];
      if (!text) continue;
      sink.text({
        type: "text",
        x,
        y: top + rowPx / 2 + rowFont * 0.36,
        text,
        fontSize: rowFont,
        fill: "#000000",
        anchor: "start",
        width: 0,
      });
    }
  }
  if (colFont > 0) {
    const y = v.ty + v.ky * (g.cells.y + g.cells.height) + 3;
    const from = firstAfter(g.cols.start, g.cols.size, -v.tx / v.kx);
    const texts: [number, string][] = [];
    let widest = 0;
    for (let j = from; j < g.cols.start.length; j++) {
      const left = v.tx + v.kx * g.cols.start[j];
      if (left > viewport.width) break;
      const text = s.colLabels[j];
      if (!text) continue;
      texts.push([left + colPx / 2, text]);
      if (s.angleCol === 0) widest = Math.max(widest, measureText(text, colFont));
    }
    // as the figure: hung at the column's centre at angleCol, only when they cannot overlap
    if (colPx >= colWidthNeeded(colFont, s.angleCol, widest) - 1e-9) {
      sink.group("labels-cols");
      for (const [x, text] of texts) sink.text(hangingText(text, x, y, colFont, s.angleCol));
    }
  }
}
