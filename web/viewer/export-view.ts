/**
 * The current view as a figure file: the same walk as the screen, into Scene
 * primitives in screen pixels (1 px = 1 pt), rendered by the library's
 * renderSvg; the visible cells as PNG images (one per block between gaps,
 * one pixel per cell when zoomed in, screen resolution when zoomed out).
 */
import type { ImagePrimitive, Primitive, Scene, SceneGroup } from "../../src/layout/scene.js";
import { renderSvg } from "../../src/render/svg.js";
import type { CellLayer } from "./draw.js";
import type { View } from "./view.js";
import { type Sink, type WalkState, walkScene } from "./walk.js";

function hex(n: number): string {
  return Math.round(Math.max(0, Math.min(255, n)))
    .toString(16)
    .padStart(2, "0");
}

/** Canvas colors may come back as rgb(): the Scene wants #rrggbb. */
function sceneColor(c: string): string {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return m ? `#${hex(+m[1])}${hex(+m[2])}${hex(+m[3])}` : c.toLowerCase();
}

function svgSink(groups: SceneGroup[]): Sink {
  let items: Primitive[] = [];
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    group(name) {
      items = [];
      groups.push({ name, items });
    },
    rect(x, y, w, h, fill, stroke, lw) {
      items.push({
        type: "rect",
        x,
        y,
        width: w,
        height: h,
        fill: fill && sceneColor(fill),
        stroke: stroke && sceneColor(stroke),
        strokeWidth: lw,
      });
    },
    path(points, v, stroke, lw, fill, cap) {
      const parts: string[] = [];
      for (let i = 0; i < points.length; i += 3) {
        const op = points[i];
        if (op === 2) parts.push("Z");
        else
          parts.push(
            `${op === 0 ? "M" : "L"} ${r(v.tx + v.kx * points[i + 1])} ${r(v.ty + v.ky * points[i + 2])}`,
          );
      }
      items.push({
        type: "path",
        d: parts.join(" "),
        stroke: sceneColor(stroke),
        strokeWidth: lw,
        lineCap: cap,
        fill: fill && sceneColor(fill),
      });
    },
    text(t) {
      items.push({ ...t, fill: sceneColor(t.fill) });
    },
    image(x, y, w, h, p) {
      items.push({ ...p, x, y, width: w, height: h });
    },
  };
}

function pngBase64(canvas: HTMLCanvasElement): string {
  return canvas.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}

/** The visible cells, one image per visible block. */
function cellImages(
  layer: CellLayer,
  v: View,
  viewport: { width: number; height: number },
): ImagePrimitive[] {
  const g = layer.geometry;
  const out: ImagePrimitive[] = [];
  const rowPx = g.rows.size * v.ky;
  const colPx = g.cols.size * v.kx;
  const coarse = rowPx < 1 || colPx < 1;
  for (const rr of layer.rowRuns) {
    const top = v.ty + v.ky * g.rows.start[rr.first];
    const r0 = Math.max(rr.first, rr.first + Math.floor(-top / rowPx));
    const r1 = Math.min(rr.last + 1, rr.first + Math.ceil((viewport.height - top) / rowPx));
    if (r1 <= r0) continue;
    for (const cr of layer.colRuns) {
      const left = v.tx + v.kx * g.cols.start[cr.first];
      const c0 = Math.max(cr.first, cr.first + Math.floor(-left / colPx));
      const c1 = Math.min(cr.last + 1, cr.first + Math.ceil((viewport.width - left) / colPx));
      if (c1 <= c0) continue;
      const x = left + (c0 - cr.first) * colPx;
      const y = top + (r0 - rr.first) * rowPx;
      const w = (c1 - c0) * colPx;
      const h = (r1 - r0) * rowPx;
      const pw = coarse ? Math.max(1, Math.round(Math.min(w, c1 - c0))) : c1 - c0;
      const ph = coarse ? Math.max(1, Math.round(Math.min(h, r1 - r0))) : r1 - r0;
      const canvas = Object.assign(document.createElement("canvas"), { width: pw, height: ph });
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      ctx.imageSmoothingEnabled = coarse;
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(layer.image, c0, r0, c1 - c0, r1 - r0, 0, 0, pw, ph);
      out.push({
        type: "image",
        x,
        y,
        width: w,
        height: h,
        pixelWidth: pw,
        pixelHeight: ph,
        png: pngBase64(canvas),
      });
    }
  }
  return out;
}

/** SVG text of what the screen shows now. */
export function exportSvg(s: WalkState, layer: CellLayer, scene: Scene): string {
  const groups: SceneGroup[] = [{ name: "cells", items: cellImages(layer, s.view, s.viewport) }];
  walkScene({ ...s }, svgSink(groups));
  const view: Scene = {
    ...scene,
    width: s.viewport.width,
    height: s.viewport.height,
    groups: groups.filter((g) => g.items.length > 0),
  };
  return renderSvg(view);
}

/** PNG of the figure canvas (device resolution). */
export function exportPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("the browser could not encode a PNG"))),
      "image/png",
    ),
  );
}
