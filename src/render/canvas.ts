/**
 * Scene → a 2D canvas context (isomorphic; the browser viewer). One scene
 * point is one CSS pixel of the context's current transform: the caller
 * scales (devicePixelRatio, zoom) before calling. Text uses
 * `"DejaVu Sans"` (the viewer loads it with FontFace, so widths equal the
 * layout's), alphabetic baseline, and the anchor as left/center/right.
 * Images must be decoded beforehand (decoding is asynchronous in browsers):
 * pass them through `options.images`, e.g. from `decodeSceneImages(scene)`.
 */
import type { ImagePrimitive, PathPrimitive, RectPrimitive, Scene, TextPrimitive } from "../layout/scene.js";
import { dispatch, type PrimitiveHandlers, textAngle } from "./handlers.js";

/** The part of CanvasRenderingContext2D the renderer uses (a fake one works in tests). */
export interface CanvasContextLike {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: string;
  font: string;
  textAlign: string;
  textBaseline: string;
  imageSmoothingEnabled: boolean;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(radians: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  fill(path: Path2D): void;
  stroke(path: Path2D): void;
  fillText(text: string, x: number, y: number): void;
  drawImage(image: CanvasImageSource, x: number, y: number, width: number, height: number): void;
}

export interface CanvasOptions {
  /** The decoded image of an image primitive; images without one are skipped. Default: none. */
  images?: (image: ImagePrimitive) => CanvasImageSource | undefined;
  /** Makes a path object from SVG path data. Default: `new Path2D(d)`. */
  path2d?: (d: string) => Path2D;
  /** Draw the scene's background. Default true. */
  background?: boolean;
}

interface DrawContext {
  ctx: CanvasContextLike;
  family: string;
  images: (image: ImagePrimitive) => CanvasImageSource | undefined;
  path2d: (d: string) => Path2D;
}

const ALIGN = { start: "left", middle: "center", end: "right" } as const;

/** Per-primitive canvas drawers. */
const canvasHandlers: PrimitiveHandlers<DrawContext, void> = {
  rect(r: RectPrimitive, { ctx }) {
    if (r.fill) {
      ctx.fillStyle = r.fill;
      ctx.fillRect(r.x, r.y, r.width, r.height);
    }
    if (r.stroke) {
      ctx.strokeStyle = r.stroke;
      ctx.lineWidth = r.strokeWidth ?? 1;
      ctx.strokeRect(r.x, r.y, r.width, r.height);
    }
  },
  path(p: PathPrimitive, { ctx, path2d }) {
    const path = path2d(p.d);
    if (p.fill) {
      ctx.fillStyle = p.fill;
      ctx.fill(path);
    }
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.strokeWidth;
    ctx.lineCap = p.lineCap ?? "butt";
    ctx.stroke(path);
  },
  text(t: TextPrimitive, { ctx, family }) {
    if (t.text === "") return;
    const angle = textAngle(t.angle);
    ctx.save();
    ctx.translate(t.x, t.y);
    if (angle !== 0) ctx.rotate((angle * Math.PI) / 180);
    ctx.fillStyle = t.fill;
    ctx.font = `${t.fontWeight === "bold" ? "bold" : "normal"} ${t.fontSize}px "${family}"`;
    ctx.textAlign = ALIGN[t.anchor];
    ctx.textBaseline = "alphabetic";
    ctx.fillText(t.text, 0, 0);
    ctx.restore();
  },
  image(i: ImagePrimitive, { ctx, images }) {
    const source = images(i);
    if (!source) return;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(source, i.x, i.y, i.width, i.height);
  },
};

/**
 * Draws `scene` onto `ctx`, in points of the context's current transform.
 * Example: `ctx.scale(devicePixelRatio, devicePixelRatio); renderCanvas(scene, ctx, { images })`.
 */
export function renderCanvas(scene: Scene, ctx: CanvasContextLike, options: CanvasOptions = {}): void {
  const draw: DrawContext = {
    ctx,
    family: scene.fontFamily,
    images: options.images ?? (() => undefined),
    path2d: options.path2d ?? ((d) => new Path2D(d)),
  };
  ctx.save();
  if (scene.background && options.background !== false) {
    ctx.fillStyle = scene.background;
    ctx.fillRect(0, 0, scene.width, scene.height);
  }
  for (const group of scene.groups) for (const item of group.items) dispatch(canvasHandlers, item, draw);
  ctx.restore();
}

/**
 * Decodes every image of `scene` (browser: `createImageBitmap`), for
 * `renderCanvas(scene, ctx, { images: (i) => decoded.get(i.png) })`.
 */
export async function decodeSceneImages(scene: Scene): Promise<Map<string, ImageBitmap>> {
  const decoded = new Map<string, ImageBitmap>();
  for (const group of scene.groups) {
    for (const item of group.items) {
      if (item.type !== "image" || decoded.has(item.png)) continue;
      const bytes = Uint8Array.from(atob(item.png), (c) => c.charCodeAt(0));
      decoded.set(item.png, await createImageBitmap(new Blob([bytes], { type: "image/png" })));
    }
  }
  return decoded;
}
