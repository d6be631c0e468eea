/**
 * Drawing on the canvas: the cells from the cell image (one drawImage per
 * block between cutree gaps, only the visible part), then the rest of the
 * figure through the walk. Everything happens inside one requestAnimationFrame.
 */
import type { ImagePrimitive, SceneGeometry, TextPrimitive } from "../../src/layout/scene.js";
import type { Run, View } from "./view.js";
import type { ParsedPath, Sink } from "./walk.js";

type Ctx = CanvasRenderingContext2D;

/** Paths with more points than this (a tree of thousands of leaves) are drawn from a bitmap. */
const BIG_PATH = 3000;

/** A large path drawn once at a view's scale; moved (and scaled while zooming) on later frames. */
export interface PathBitmap {
  /** null when the bitmap would be too large at that scale (the path is then traced each frame). */
  canvas: HTMLCanvasElement | OffscreenCanvas | null;
  /** The view scale it was made at; its box in scene points; its margin in CSS pixels. */
  kx: number;
  ky: number;
  x0: number;
  y0: number;
  pad: number;
}

/** A large path seen on a frame whose bitmap is missing or at another scale. */
export interface PathRequest {
  points: ParsedPath;
  stroke: string;
  lw: number;
  fill: string | null;
  cap: "butt" | "square";
}

export interface PathCache {
  bitmaps: Map<ParsedPath, PathBitmap>;
  /** Filled by the sink on each frame; the viewer builds them once the view is still. */
  requests: PathRequest[];
  dpr: number;
}

/** Path commands into the context, skipping segments wholly beyond one edge of the box. */
function tracePath(ctx: Ctx, points: ParsedPath, v: View, w: number, h: number): void {
  ctx.beginPath();
  let px = 0;
  let py = 0;
  let open = false;
  for (let i = 0; i < points.length; i += 3) {
    const x = v.tx + v.kx * points[i + 1];
    const y = v.ty + v.ky * points[i + 2];
    const op = points[i];
    if (op === 0) {
      open = false;
    } else if (op === 1) {
      const out =
        (x < -2 && px < -2) || (y < -2 && py < -2) || (x > w + 2 && px > w + 2) || (y > h + 2 && py > h + 2);
      if (out) open = false;
      else {
        if (!open) ctx.moveTo(px, py);
        ctx.lineTo(x, y);
        open = true;
      }
    } else {
      ctx.closePath();
      open = false;
    }
    px = x;
    py = y;
  }
}

function strokePath(ctx: Ctx, stroke: string, lw: number, fill: string | null, cap: "butt" | "square"): void {
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.strokeStyle = stroke;
  ctx.lineWidth = lw;
  ctx.lineCap = cap;
  ctx.stroke();
  ctx.lineCap = "butt";
}

const boxes = new WeakMap<ParsedPath, [number, number, number, number]>();
function boxOf(points: ParsedPath): [number, number, number, number] {
  let box = boxes.get(points);
  if (!box) {
    box = [
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    for (let i = 0; i < points.length; i += 3) {
      box[0] = Math.min(box[0], points[i + 1]);
      box[1] = Math.min(box[1], points[i + 2]);
      box[2] = Math.max(box[2], points[i + 1]);
      box[3] = Math.max(box[3], points[i + 2]);
    }
    boxes.set(points, box);
  }
  return box;
}

/** Draws a requested path at the view's scale into a bitmap (or notes that it would be too large). */
export function buildPathBitmap(r: PathRequest, v: View, dpr: number): PathBitmap {
  const [x0, y0, x1, y1] = boxOf(r.points);
  const pad = r.lw + 1;
  const w = Math.ceil(((x1 - x0) * v.kx + 2 * pad) * dpr);
  const h = Math.ceil(((y1 - y0) * v.ky + 2 * pad) * dpr);
  if (w > CACHE_MAX || h > CACHE_MAX || w < 1 || h < 1)
    return { canvas: null, kx: v.kx, ky: v.ky, x0, y0, pad };
  const canvas =
    typeof OffscreenCanvas !== "undefined"
      ? new OffscreenCanvas(w, h)
      : Object.assign(document.createElement("canvas"), { width: w, height: h });
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const at: View = { kx: v.kx, ky: v.ky, tx: pad - v.kx * x0, ty: pad - v.ky * y0 };
  tracePath(ctx, r.points, at, w / dpr, h / dpr);
  strokePath(ctx, r.stroke, r.lw, r.fill, r.cap);
  return { canvas, kx: v.kx, ky: v.ky, x0, y0, pad };
}

const sameScale = (a: number, b: number) => Math.abs(a / b - 1) < 0.01;

/** A canvas sink: screen pixels in, device pixels out (the context's transform holds the pixel ratio). */
export function canvasSink(
  ctx: Ctx,
  fontFamily: string,
  images: Map<string, HTMLImageElement>,
  onImage: () => void,
  viewport: { width: number; height: number } = { width: 1e9, height: 1e9 },
  paths: PathCache | null = null,
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
      if (paths && points.length > BIG_PATH * 3) {
        const b = paths.bitmaps.get(points);
        const fits = !!b && sameScale(b.kx, v.kx) && sameScale(b.ky, v.ky);
        if (!fits) paths.requests.push({ points, stroke, lw, fill, cap });
        if (b?.canvas) {
          const fx = v.kx / b.kx;
          const fy = v.ky / b.ky;
          ctx.imageSmoothingEnabled = !fits;
          ctx.imageSmoothingQuality = "low";
          const w = b.canvas.width / paths.dpr;
          const h = b.canvas.height / paths.dpr;
          const x = fits
            ? Math.round((v.tx + v.kx * b.x0 - b.pad) * paths.dpr) / paths.dpr
            : v.tx + v.kx * b.x0 - b.pad * fx;
          const y = fits
            ? Math.round((v.ty + v.ky * b.y0 - b.pad) * paths.dpr) / paths.dpr
            : v.ty + v.ky * b.y0 - b.pad * fy;
          ctx.drawImage(b.canvas, x, y, w * fx, h * fy);
          return;
        }
      }
      tracePath(ctx, points, v, viewport.width, viewport.height);
      strokePath(ctx, stroke, lw, fill, cap);
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
  /** The zoomed-out picture of the whole grid at screen resolution, or null. */
  cache: CellCache | null;
}

/**
 * The whole cell grid (gaps included) drawn once at `sx` × `sy` device pixels
 * per scene point, with the browser's best averaging. Zoomed out, averaging
 * 20,000 rows into a few hundred pixels on every frame is the slow part of a
 * frame; with the cache a frame is one drawImage of a screen-sized picture,
 * scaled while the zoom moves and rebuilt at the new scale when it stops.
 */
export interface CellCache {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  sx: number;
  sy: number;
  /** The device scale of the view it was made for (sx, sy are smaller when capped). */
  forX: number;
  forY: number;
}

const CACHE_MAX = 8192;

/** True when cells are smaller than a device pixel (the picture averages them). */
export function isCoarse(layer: CellLayer, v: View, dpr: number): boolean {
  const g = layer.geometry;
  return g.rows.size * v.ky * dpr < 1 || g.cols.size * v.kx * dpr < 1;
}

/** True when the cache was drawn at the view's scale (within 1%). */
export function cacheFits(cache: CellCache | null, v: View, dpr: number): boolean {
  if (!cache) return false;
  const close = (a: number, b: number) => Math.abs(a / b - 1) < 0.01;
  return close(cache.forX, v.kx * dpr) && close(cache.forY, v.ky * dpr);
}

/** Draws the whole grid at the view's device scale (capped at 8192 pixels a side). */
export function buildCellCache(layer: CellLayer, v: View, dpr: number): CellCache {
  const g = layer.geometry;
  let sx = v.kx * dpr;
  let sy = v.ky * dpr;
  sx = Math.min(sx, CACHE_MAX / Math.max(g.cells.width, 1e-9));
  sy = Math.min(sy, CACHE_MAX / Math.max(g.cells.height, 1e-9));
  const width = Math.max(1, Math.ceil(g.cells.width * sx));
  const height = Math.max(1, Math.ceil(g.cells.height * sy));
  const canvas =
    typeof OffscreenCanvas !== "undefined"
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement("canvas"), { width, height });
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  const rowPx = g.rows.size * sy;
  const colPx = g.cols.size * sx;
  ctx.imageSmoothingEnabled = rowPx < 1 || colPx < 1;
  ctx.imageSmoothingQuality = "high";
  for (const rr of layer.rowRuns) {
    const top = (g.rows.start[rr.first] - g.cells.y) * sy;
    const n = rr.last - rr.first + 1;
    for (const cr of layer.colRuns) {
      const left = (g.cols.start[cr.first] - g.cells.x) * sx;
      const m = cr.last - cr.first + 1;
      ctx.drawImage(layer.image, cr.first, rr.first, m, n, left, top, m * colPx, n * rowPx);
    }
  }
  return { canvas, sx, sy, forX: v.kx * dpr, forY: v.ky * dpr };
}

/** The grid from the cache: one drawImage of its visible part. */
function drawFromCache(
  ctx: Ctx,
  cache: CellCache,
  g: SceneGeometry,
  v: View,
  viewport: { width: number; height: number },
): void {
  const X = v.tx + v.kx * g.cells.x;
  const Y = v.ty + v.ky * g.cells.y;
  const W = v.kx * g.cells.width;
  const H = v.ky * g.cells.height;
  const x0 = Math.max(0, X);
  const y0 = Math.max(0, Y);
  const x1 = Math.min(viewport.width, X + W);
  const y1 = Math.min(viewport.height, Y + H);
  if (x1 <= x0 || y1 <= y0) return;
  const cw = g.cells.width * cache.sx;
  const ch = g.cells.height * cache.sy;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = "low";
  ctx.drawImage(
    cache.canvas,
    ((x0 - X) / W) * cw,
    ((y0 - Y) / H) * ch,
    ((x1 - x0) / W) * cw,
    ((y1 - y0) / H) * ch,
    x0,
    y0,
    x1 - x0,
    y1 - y0,
  );
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
  if (layer.cache && isCoarse(layer, v, dpr)) {
    drawFromCache(ctx, layer.cache, g, v, viewport);
    return;
  }
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
