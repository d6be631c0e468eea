/**
 * The view transform: scene points → CSS pixels, with separate scales along
 * x and y (a box zoom on a 20,000 × 100 matrix stretches rows, not columns):
 * screenX = tx + kx · x, screenY = ty + ky · y.
 */

export interface View {
  kx: number;
  ky: number;
  tx: number;
  ty: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The whole figure, centred, at one scale. */
export function fitView(figure: Size, viewport: Size, margin = 8): View {
  const k = Math.max(
    1e-6,
    Math.min((viewport.width - 2 * margin) / figure.width, (viewport.height - 2 * margin) / figure.height),
  );
  return {
    kx: k,
    ky: k,
    tx: (viewport.width - k * figure.width) / 2,
    ty: (viewport.height - k * figure.height) / 2,
  };
}

/** Zooms by fx, fy about the screen point (sx, sy), within [minK, maxK] per axis. */
export function zoomAt(
  v: View,
  sx: number,
  sy: number,
  fx: number,
  fy: number,
  limits: { minK: number; maxKx: number; maxKy: number },
): View {
  const kx = Math.min(limits.maxKx, Math.max(limits.minK, v.kx * fx));
  const ky = Math.min(limits.maxKy, Math.max(limits.minK, v.ky * fy));
  return {
    kx,
    ky,
    tx: sx - ((sx - v.tx) / v.kx) * kx,
    ty: sy - ((sy - v.ty) / v.ky) * ky,
  };
}

/** The view that shows the scene box (x0, y0)–(x1, y1) filling the viewport. */
export function boxView(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  viewport: Size,
  limits: { maxKx: number; maxKy: number },
): View {
  const kx = Math.min(limits.maxKx, viewport.width / Math.max(1e-9, x1 - x0));
  const ky = Math.min(limits.maxKy, viewport.height / Math.max(1e-9, y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { kx, ky, tx: viewport.width / 2 - cx * kx, ty: viewport.height / 2 - cy * ky };
}

/** Keeps at least `keep` pixels of the figure on screen. */
export function clampView(v: View, figure: Size, viewport: Size, keep = 40): View {
  const w = figure.width * v.kx;
  const h = figure.height * v.ky;
  const tx = Math.min(viewport.width - keep, Math.max(keep - w, v.tx));
  const ty = Math.min(viewport.height - keep, Math.max(keep - h, v.ty));
  return { ...v, tx, ty };
}

/** Scene point under a screen point. */
export function toScene(v: View, sx: number, sy: number): [number, number] {
  return [(sx - v.tx) / v.kx, (sy - v.ty) / v.ky];
}

/** The drawn position (0-based) whose cell holds coordinate `at` along an axis, or -1. */
export function positionAt(starts: readonly number[], size: number, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || at < starts[0]) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return at < starts[lo] + size ? lo : -1;
}

/** First drawn position whose cell ends after `at` (for the visible range). */
export function firstAfter(starts: readonly number[], size: number, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] + size <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs of positions drawn edge to edge (cutree gaps split them). */
export interface Run {
  first: number;
  last: number;
}

/**
 * How far a position may stray from edge to edge and still be: the layout
 * rounds positions to 0.001 pt, so neighbours can be up to 0.001 off (a
 * gap is points wide). Cells of 0.13 pt (5,000 rows) were each their own
 * run, and drawing thousands of sub-pixel runs one over another left the
 * zoomed-out picture partly transparent: washed out.
 */
const EDGE_TOLERANCE = 0.002;

export function runsOf(starts: readonly number[], size: number): Run[] {
  const runs: Run[] = [];
  let first = 0;
  const tolerance = Math.max(size * 1e-6, EDGE_TOLERANCE);
  for (let i = 1; i <= starts.length; i++) {
    if (i === starts.length || Math.abs(starts[i] - (starts[i - 1] + size)) > tolerance) {
      runs.push({ first, last: i - 1 });
      first = i;
    }
  }
  return starts.length ? runs : [];
}
