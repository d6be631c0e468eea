/**
 * Drawing on the canvas: the cells from the cell image (one drawImage per
 * block between cutree gaps, only the visible part), then the rest of the
 * figure through the walk. Everything happens inside one requestAnimationFrame.
 */
import type { ImagePrimitive, SceneGeometry, TextPrimitive } from "../../src/layout/scene.js";
import type { Run, View } from "./view.js";
import type { ParsedPath, Sink } from "./walk.js";

type Ctx = CanvasRenderingContext2D;

/** A canvas sink: screen pixels in, device pixels out (the context's transform holds the pixel ratio). */
export function canvasSink(
  ctx: Ctx,
  fontFamily: string,
  images: Map<string, HTMLImageElement>,
  onImage: () => void,
): Sink {
  return {
    group() {},
    rect(x, y, w, h, fill, stroke, lw) {
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fillRect(x, y, w, h);
      }
      if (stroke) {
        ctx.strokeStyle = stroke;
        ctx.lineWidth = lw;
        ctx.strokeRect(x, y, w, h);
      }
    },
    path(points: ParsedPath, v: View, stroke, lw, fill, cap) {
      ctx.beginPath();
      for (let i = 0; i < points.length; i += 3) {
        const x = v.tx + v.kx * points[i + 1];
        const y = v.ty + v.ky * points[i + 2];
        const op = points[i];
        if (op === 0) ctx.moveTo(x, y);
        else if (op === 1) ctx.lineTo(x, y);
        else ctx.closePath();
      }
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fill();
      }
      ctx.strokeStyle = stroke;
      ctx.lineWidth = lw;
      ctx.lineCap = cap;
      ctx.stroke();
      ctx.lineCap = "butt";
    },
    text(t: TextPrimitive) {
      ctx.font = `${t.fontWeight === "bold" ? "bold " : ""}${t.fontSize}px ${fontFamily}`;
      ctx.fillStyle = t.fill;
      ctx.textAlign = t.anchor === "middle" ? "center" : t.anchor === "end" ? "right" : "left";
      ctx.textBaseline = "alphabetic";
      if (t.angle) {
        ctx.save();
        ctx.translate(t.x, t.y);
        ctx.rotate((t.angle * Math.PI) / 180);
        ctx.fillText(t.text, 0, 0);
        ctx.restore();
      } else {
        ctx.fillText(t.text, t.x, t.y);
      }
    },
    image(x, y, w, h, p: ImagePrimitive) {
      let img = images.get(p.png);
      if (!img) {
        img = new Image();
        img.onload = onImage;
        img.src = `data:image/png;base64,${p.png}`;
        images.set(p.png, img);
      }
      if (!img.complete || img.naturalWidth === 0) return;
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, x, y, w, h);
    },
  };
}

export interface CellLayer {
  image: CanvasImageSource;
  geometry: SceneGeometry;
  rowRuns: Run[];
  colRuns: Run[];
  border: { color: string; width: number } | null;
}

/**
 * Draws the visible cells. Blocks between gaps are drawn with one drawImage
 * each from the one-pixel-per-cell image: crisp (nearest) when a cell covers
 * at least a device pixel, smoothed (the browser averages) when zoomed out.
 */
export function drawCells(
  ctx: Ctx,
  layer: CellLayer,
  v: View,
  viewport: { width: number; height: number },
  dpr: number,
): void {
  const g = layer.geometry;
  const rowPx = g.rows.size * v.ky;
  const colPx = g.cols.size * v.kx;
  ctx.imageSmoothingEnabled = rowPx * dpr < 1 || colPx * dpr < 1;
  ctx.imageSmoothingQuality = "high";
  for (const rr of layer.rowRuns) {
    const top = v.ty + v.ky * g.rows.start[rr.first];
    const n = rr.last - rr.first + 1;
    // visible part of this block
    const r0 = Math.max(rr.first, rr.first + Math.floor(-top / rowPx));
    const r1 = Math.min(rr.last + 1, rr.first + Math.ceil((viewport.height - top) / rowPx));
    if (r1 <= r0 || n <= 0) continue;
    for (const cr of layer.colRuns) {
      const left = v.tx + v.kx * g.cols.start[cr.first];
      const c0 = Math.max(cr.first, cr.first + Math.floor(-left / colPx));
      const c1 = Math.min(cr.last + 1, cr.first + Math.ceil((viewport.width - left) / colPx));
      if (c1 <= c0) continue;
      ctx.drawImage(
        layer.image,
        c0,
        r0,
        c1 - c0,
        r1 - r0,
        left + (c0 - cr.first) * colPx,
        top + (r0 - rr.first) * rowPx,
        (c1 - c0) * colPx,
        (r1 - r0) * rowPx,
      );
      if (layer.border && rowPx >= 6 && colPx >= 6) {
        drawBorders(ctx, layer.border, left, top, cr.first, rr.first, c0, c1, r0, r1, colPx, rowPx, v);
      }
    }
  }
}

function drawBorders(
  ctx: Ctx,
  border: { color: string; width: number },
  left: number,
  top: number,
  cFirst: number,
  rFirst: number,
  c0: number,
  c1: number,
  r0: number,
  r1: number,
  colPx: number,
  rowPx: number,
  v: View,
): void {
  ctx.beginPath();
  const x0 = left + (c0 - cFirst) * colPx;
  const x1 = left + (c1 - cFirst) * colPx;
  const y0 = top + (r0 - rFirst) * rowPx;
  const y1 = top + (r1 - rFirst) * rowPx;
  for (let c = c0; c <= c1; c++) {
    const x = left + (c - cFirst) * colPx;
    ctx.moveTo(x, y0);
    ctx.lineTo(x, y1);
  }
  for (let r = r0; r <= r1; r++) {
    const y = top + (r - rFirst) * rowPx;
    ctx.moveTo(x0, y);
    ctx.lineTo(x1, y);
  }
  ctx.strokeStyle = border.color;
  ctx.lineWidth = Math.max(0.5, border.width * Math.min(v.kx, v.ky));
  ctx.stroke();
}
