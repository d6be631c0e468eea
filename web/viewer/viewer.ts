/**
 * The interactive heatmap: a canvas for the figure (redrawn only when the
 * view changes), a canvas above it for hover, selection and search marks
 * (cheap to redraw on every pointer move), a tooltip, a toolbar and a side
 * panel. All drawing waits for requestAnimationFrame; layout is never read
 * inside a frame except the stage size, which a ResizeObserver caches.
 */
import { COLORBLIND_SAFE_PALETTES, resolvePalette } from "../../src/color/palettes.js";
import type { BranchGeometry, Scene } from "../../src/layout/scene.js";
import type { ViewerPayload } from "../../src/viewer/payload.js";
import { cellImage } from "./cells.js";
import { download, el, setChildren } from "./dom.js";
import {
  buildCellCache,
  buildPathBitmap,
  type CellLayer,
  cacheFits,
  canvasSink,
  drawCells,
  isCoarse,
  type PathCache,
} from "./draw.js";
import { exportPng, exportSvg } from "./export-view.js";
import { fallbackScene } from "./fallback-scene.js";
import { type Selection, SidePanel } from "./panel.js";
import { tooltipLines } from "./tooltip.js";
import {
  boxView,
  clampView,
  fitView,
  positionAt,
  runsOf,
  type Size,
  toScene,
  type View,
  zoomAt,
} from "./view.js";
import { type ParsedPath, type WalkState, walkScene } from "./walk.js";

export interface ViewerHandle {
  /** Shows another result (the page after a re-run). */
  update(payload: ViewerPayload): void;
  destroy(): void;
  /** The current view as SVG text / PNG blob. */
  svg(): string;
  png(): Promise<Blob>;
  /** Page coordinates of a drawn cell's centre, and of a branch's bar (tests, benchmarks). */
  probe: {
    cell(r: number, c: number): [number, number];
    branch(axis: "rows" | "cols", step: number): [number, number] | null;
  };
}

export const FONT_STACK = '"DejaVu Sans", Verdana, "Bitstream Vera Sans", sans-serif';

interface State {
  payload: ViewerPayload;
  scene: Scene;
  view: View;
  fit: View;
  viewport: Size;
  dpr: number;
  cells: CellLayer;
  paths: Map<string, ParsedPath>;
  recolor: Map<string, string> | null;
  hover: { r: number; c: number } | null;
  selection: Selection | null;
  images: Map<string, HTMLImageElement>;
}

function cellBorderOf(p: ViewerPayload): { color: string; width: number } | null {
  return p.cellBorder ?? null;
}

/** Smallest branch box holding the point (boxes of a tree nest: the innermost is the clicked branch). */
function branchAt(tree: BranchGeometry[] | null, x: number, y: number): BranchGeometry | null {
  if (!tree) return null;
  let best: BranchGeometry | null = null;
  for (const b of tree) {
    if (x < b.x || y < b.y || x > b.x + b.width || y > b.y + b.height) continue;
    if (!best || b.last - b.first < best.last - best.first) best = b;
  }
  return best;
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

/**
 * The names typed or pasted: one per line, comma, semicolon or tab; a piece
 * that is no name as a whole is split at blanks too ("IL1B CCL2").
 */
function searchWords(text: string, g: Scene["geometry"]): string[] {
  const known = new Set([...g.rows.names, ...g.cols.names].map((n) => n.toLowerCase()));
  return text
    .split(/[\n\r\t,;]+/)
    .map((w) => w.trim())
    .filter((w) => w !== "")
    .flatMap((w) => (known.has(w.toLowerCase()) ? [w] : w.split(/\s+/)));
}

export function mountViewer(root: HTMLElement, initial: ViewerPayload): ViewerHandle {
  // ── DOM ────────────────────────────────────────────────────────────────
  const search = el("textarea", {
    class: "ch-search",
    rows: 1,
    placeholder: "Find genes: type or paste names…",
    "aria-label": "Find genes or samples (several names separated by spaces, commas or lines)",
    spellcheck: "false",
  });
  const findButton = el("button", { type: "button", class: "ch-button" }, "Find");
  const zoomIn = el(
    "button",
    { type: "button", class: "ch-button", "aria-label": "Zoom in", title: "Zoom in (+)" },
    "+",
  );
  const zoomOut = el(
    "button",
    { type: "button", class: "ch-button", "aria-label": "Zoom out", title: "Zoom out (−)" },
    "−",
  );
  const reset = el(
    "button",
    { type: "button", class: "ch-button", title: "Show the whole figure (0, double-click)" },
    "Fit",
  );
  const palette = el("select", { class: "ch-select", "aria-label": "Palette (color-blind safe)" });
  const svgButton = el(
    "button",
    { type: "button", class: "ch-button", title: "Download the current view as SVG" },
    "SVG",
  );
  const pngButton = el(
    "button",
    { type: "button", class: "ch-button", title: "Download the current view as PNG" },
    "PNG",
  );
  const toolbar = el(
    "div",
    { class: "ch-toolbar", role: "toolbar", "aria-label": "Heatmap tools" },
    el("div", { class: "ch-find" }, search, findButton),
    el("div", { class: "ch-group" }, zoomOut, zoomIn, reset),
    el("label", { class: "ch-palette" }, "Palette ", palette),
    el("div", { class: "ch-group" }, el("span", { class: "ch-muted" }, "Export view"), svgButton, pngButton),
  );
  const base = el("canvas", { class: "ch-base", "aria-hidden": "true" });
  const overlay = el("canvas", { class: "ch-overlay", "aria-hidden": "true" });
  const tooltip = el("div", { class: "ch-tooltip", role: "tooltip", hidden: true });
  const box = el("div", { class: "ch-zoombox", hidden: true });
  const stage = el(
    "div",
    {
      class: "ch-stage",
      tabindex: 0,
      role: "img",
      "aria-roledescription": "interactive heatmap",
    },
    base,
    overlay,
    box,
    tooltip,
  );
  const panel = new SidePanel();
  const status = el("div", { class: "ch-status", "aria-live": "polite" });
  const help = el(
    "p",
    { class: "ch-help" },
    "Wheel or pinch: zoom (Shift: genes only, Alt: samples only) · drag: pan · Shift+drag: zoom to a box · " +
      "double-click or 0: fit · arrows: pan · +/−: zoom · click a tree branch to select its genes or samples",
  );
  const main = el("div", { class: "ch-main" }, stage, panel.root);
  root.classList.add("ch-viewer");
  setChildren(root, toolbar, main, status, help);

  // ── state ──────────────────────────────────────────────────────────────
  const state = {} as State;
  state.dpr = window.devicePixelRatio || 1;
  state.viewport = { width: 800, height: 600 };
  state.paths = new Map();
  state.images = new Map();
  const pathCache: PathCache = { bitmaps: new Map(), requests: [], dpr: state.dpr };

  const limits = () => {
    const g = state.scene.geometry;
    return {
      minK: Math.min(state.fit.kx, state.fit.ky) * 0.5,
      maxKx: Math.max(state.fit.kx * 4, 120 / Math.max(g.cols.size, 1e-9)),
      maxKy: Math.max(state.fit.ky * 4, 120 / Math.max(g.rows.size, 1e-9)),
    };
  };

  function load(payload: ViewerPayload): void {
    state.payload = payload;
    state.scene = payload.scene ?? fallbackScene(payload);
    state.paths.clear();
    pathCache.bitmaps.clear();
    state.recolor = null;
    state.hover = null;
    state.selection = null;
    const g = state.scene.geometry;
    state.cells = {
      image: cellImage(payload.values, payload.nrow, payload.ncol, payload.scale),
      geometry: g,
      rowRuns: runsOf(g.rows.start, g.rows.size),
      colRuns: runsOf(g.cols.start, g.cols.size),
      border: cellBorderOf(payload),
      cache: null,
    };
    fillPalettes(payload);
    stage.setAttribute(
      "aria-label",
      `Clustered heatmap of ${payload.nrow} genes × ${payload.ncol} samples. Arrow keys pan, + and − zoom, 0 fits.`,
    );
    panel.setClusters(payload, select);
    panel.show(null);
    // label warnings are for static figures: here labels appear as one zooms in
    const warnings = payload.warnings.filter((w) => !/labels are not drawn/.test(w));
    setChildren(status, warnings.length ? `Warnings: ${warnings.join(" · ")}` : "");
    state.fit = fitView(state.scene, state.viewport);
    state.view = state.fit;
    schedule(true);
  }

  function fillPalettes(payload: ViewerPayload): void {
    const names = COLORBLIND_SAFE_PALETTES.flatMap((n) => [n, `${n}_r`]);
    const own = payload.scale.palette;
    const options = [el("option", { value: "" }, own ? `figure (${own})` : "figure's colors")];
    for (const n of names) if (n !== own) options.push(el("option", { value: n }, n));
    setChildren(palette, ...options);
    palette.value = "";
  }

  // ── drawing ────────────────────────────────────────────────────────────
  let frame = 0;
  let baseDirty = true;
  type Bench = { __clusterheatFrames?: number[]; __clusterheatCacheMs?: number[] };
  function schedule(all = false): void {
    if (all) baseDirty = true;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      const t0 = performance.now();
      frame = 0;
      const drew = baseDirty;
      if (baseDirty) drawBase();
      baseDirty = false;
      drawOverlay();
      // benchmarks set this array to collect the work done per frame; reading a
      // pixel makes the browser rasterize now, so that the time is the whole cost
      const bench = globalThis as Bench;
      if (bench.__clusterheatFrames) {
        if (drew) base.getContext("2d")?.getImageData(0, 0, 1, 1);
        overlay.getContext("2d")?.getImageData(0, 0, 1, 1);
        bench.__clusterheatFrames.push(performance.now() - t0);
      }
    });
  }

  // zoomed out, the cells come from a screen-resolution picture of the grid,
  // made again (at the new scale) once the view has been still for a moment
  // (and large paths, a tree of thousands of leaves, from a bitmap made the same way)
  let cacheTimer = 0;
  function refreshCacheLater(): void {
    clearTimeout(cacheTimer);
    const cells =
      isCoarse(state.cells, state.view, state.dpr) && !cacheFits(state.cells.cache, state.view, state.dpr);
    if (!cells && pathCache.requests.length === 0) return;
    const requests = pathCache.requests;
    cacheTimer = window.setTimeout(() => {
      cacheTimer = 0;
      const t0 = performance.now();
      if (cells) state.cells = { ...state.cells, cache: buildCellCache(state.cells, state.view, state.dpr) };
      for (const r of requests) pathCache.bitmaps.set(r.points, buildPathBitmap(r, state.view, state.dpr));
      (globalThis as Bench).__clusterheatCacheMs?.push(performance.now() - t0);
      schedule(true);
    }, 150);
  }

  function resizeCanvas(c: HTMLCanvasElement): CanvasRenderingContext2D {
    const w = Math.max(1, Math.round(state.viewport.width * state.dpr));
    const h = Math.max(1, Math.round(state.viewport.height * state.dpr));
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
    const ctx = c.getContext("2d") as CanvasRenderingContext2D;
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    return ctx;
  }

  function walkState(): WalkState {
    const g = state.scene.geometry;
    return {
      scene: state.scene,
      view: state.view,
      viewport: state.viewport,
      fitScale: Math.min(state.fit.kx, state.fit.ky),
      paths: state.paths,
      recolor: state.recolor,
      rowLabels: state.payload.rowLabels ?? g.rows.names,
      colLabels: state.payload.colLabels ?? g.cols.names,
      angleCol: state.payload.angleCol ?? 270,
      fontFamily: FONT_STACK,
    };
  }

  function drawBase(): void {
    const t0 = performance.now();
    const ctx = resizeCanvas(base);
    // the whole bitmap: the viewport is fractional (705.8 px), the bitmap rounded
    // (706); clearing the viewport alone left 20% of the last frame in the last row
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = state.scene.background ?? "#ffffff";
    ctx.fillRect(0, 0, base.width, base.height);
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    drawCells(ctx, state.cells, state.view, state.viewport, state.dpr);
    pathCache.requests = [];
    pathCache.dpr = state.dpr;
    walkScene(
      walkState(),
      canvasSink(ctx, FONT_STACK, state.images, () => schedule(true), state.viewport, pathCache),
    );
    refreshCacheLater();
    stage.dataset.frameMs = (performance.now() - t0).toFixed(2);
    stage.dataset.view = JSON.stringify(state.view);
  }

  function drawOverlay(): void {
    const ctx = resizeCanvas(overlay);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, overlay.width, overlay.height);
    ctx.setTransform(state.dpr, 0, 0, state.dpr, 0, 0);
    const v = state.view;
    const g = state.scene.geometry;
    const rowPx = g.rows.size * v.ky;
    const colPx = g.cols.size * v.kx;
    const gx = v.tx + v.kx * g.cells.x;
    const gy = v.ty + v.ky * g.cells.y;
    const gw = v.kx * g.cells.width;
    const gh = v.ky * g.cells.height;
    const sel = state.selection;
    if (sel) {
      ctx.fillStyle = "rgba(255, 170, 0, 0.16)";
      ctx.strokeStyle = "#d95f02";
      ctx.lineWidth = 1.5;
      const starts = sel.axis === "rows" ? g.rows.start : g.cols.start;
      for (const [a, b] of blocks(sel.positions)) {
        if (sel.axis === "rows") {
          const y0 = v.ty + v.ky * starts[a];
          const y1 = v.ty + v.ky * starts[b] + rowPx;
          if (y1 < 0 || y0 > state.viewport.height) continue;
          ctx.fillRect(gx, y0, gw, Math.max(1, y1 - y0));
          ctx.fillStyle = "#d95f02";
          ctx.fillRect(gx - 6, y0, 4, Math.max(1, y1 - y0));
          ctx.fillStyle = "rgba(255, 170, 0, 0.16)";
        } else {
          const x0 = v.tx + v.kx * starts[a];
          const x1 = v.tx + v.kx * starts[b] + colPx;
          if (x1 < 0 || x0 > state.viewport.width) continue;
          ctx.fillRect(x0, gy, Math.max(1, x1 - x0), gh);
          ctx.fillStyle = "#d95f02";
          ctx.fillRect(x0, gy - 6, Math.max(1, x1 - x0), 4);
          ctx.fillStyle = "rgba(255, 170, 0, 0.16)";
        }
      }
    }
    const h = state.hover;
    if (h) {
      const x = v.tx + v.kx * g.cols.start[h.c];
      const y = v.ty + v.ky * g.rows.start[h.r];
      ctx.fillStyle = "rgba(0, 0, 0, 0.07)";
      ctx.fillRect(gx, y, gw, rowPx);
      ctx.fillRect(x, gy, colPx, gh);
      ctx.strokeStyle = "#000000";
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x - 0.75, y - 0.75, Math.max(colPx, 2) + 1.5, Math.max(rowPx, 2) + 1.5);
    }
  }

  /** Contiguous blocks [first, last] of sorted positions. */
  function blocks(positions: readonly number[]): [number, number][] {
    const out: [number, number][] = [];
    for (const p of positions) {
      const last = out[out.length - 1];
      if (last && p === last[1] + 1) last[1] = p;
      else out.push([p, p]);
    }
    return out;
  }

  // ── view changes ───────────────────────────────────────────────────────
  function setView(v: View): void {
    state.view = clampView(v, state.scene, state.viewport);
    hideTooltip();
    schedule(true);
  }

  function zoomBy(
    fx: number,
    fy: number,
    sx = state.viewport.width / 2,
    sy = state.viewport.height / 2,
  ): void {
    setView(zoomAt(state.view, sx, sy, fx, fy, limits()));
  }

  function resetView(): void {
    state.fit = fitView(state.scene, state.viewport);
    setView(state.fit);
  }

  // ── selection, search ──────────────────────────────────────────────────
  function select(sel: Selection | null): void {
    state.selection = sel;
    panel.show(sel);
    stage.dataset.selected = String(sel?.positions.length ?? 0);
    schedule();
  }

  function runSearch(): void {
    const words = searchWords(search.value, state.scene.geometry);
    if (words.length === 0) {
      select(null);
      return;
    }
    const wanted = new Map(words.map((w) => [w.toLowerCase(), w]));
    const found = new Set<string>();
    const hits = (names: readonly string[]) =>
      names.flatMap((n, i) => {
        const key = n.toLowerCase();
        if (!wanted.has(key)) return [];
        found.add(key);
        return [i];
      });
    const g = state.scene.geometry;
    let axis: "rows" | "cols" = "rows";
    let positions = hits(g.rows.names);
    if (positions.length === 0) {
      positions = hits(g.cols.names);
      axis = "cols";
    }
    const missing = [...wanted.keys()].filter((k) => !found.has(k)).map((k) => wanted.get(k) as string);
    const what = axis === "rows" ? "gene" : "sample";
    select(
      positions.length
        ? {
            axis,
            positions,
            title: `Found ${positions.length} ${what}${positions.length === 1 ? "" : "s"}`,
            missing,
          }
        : { axis, positions: [], title: "Nothing found", missing },
    );
    if (positions.length) jumpTo(axis, positions[0]);
  }

  /** Zooms until the position's labels are readable and centres it. */
  function jumpTo(axis: "rows" | "cols", position: number): void {
    const g = state.scene.geometry;
    let v = state.view;
    if (axis === "rows") {
      const ky = Math.max(v.ky, Math.min(limits().maxKy, 14 / g.rows.size));
      const y = g.rows.start[position] + g.rows.size / 2;
      v = { ...v, ky, ty: state.viewport.height / 2 - y * ky };
    } else {
      const kx = Math.max(v.kx, Math.min(limits().maxKx, 14 / g.cols.size));
      const x = g.cols.start[position] + g.cols.size / 2;
      v = { ...v, kx, tx: state.viewport.width / 2 - x * kx };
    }
    setView(v);
  }

  // ── pointer ────────────────────────────────────────────────────────────
  function local(e: { clientX: number; clientY: number }): [number, number] {
    const r = stage.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  function cellAt(sx: number, sy: number): { r: number; c: number } | null {
    const [x, y] = toScene(state.view, sx, sy);
    const g = state.scene.geometry;
    const r = positionAt(g.rows.start, g.rows.size, y);
    const c = positionAt(g.cols.start, g.cols.size, x);
    return r >= 0 && c >= 0 ? { r, c } : null;
  }

  function showTooltip(sx: number, sy: number, cell: { r: number; c: number }): void {
    const lines = tooltipLines(state.payload, cell.r, cell.c);
    const dl = el("dl");
    for (const line of lines) dl.append(el("dt", {}, line.label), el("dd", {}, line.value));
    setChildren(tooltip, dl);
    tooltip.hidden = false;
    const w = tooltip.offsetWidth;
    const h = tooltip.offsetHeight;
    const left = sx + 16 + w > state.viewport.width ? sx - 16 - w : sx + 16;
    const top = Math.min(Math.max(0, sy + 16), Math.max(0, state.viewport.height - h));
    tooltip.style.transform = `translate(${Math.max(0, left)}px, ${top}px)`;
  }

  function hideTooltip(): void {
    tooltip.hidden = true;
    if (state.hover) {
      state.hover = null;
      schedule();
    }
  }

  function hoverAt(sx: number, sy: number): void {
    const cell = cellAt(sx, sy);
    if (!cell) {
      hideTooltip();
      stage.style.cursor = branchUnder(sx, sy) ? "pointer" : "grab";
      return;
    }
    stage.style.cursor = "crosshair";
    if (!state.hover || state.hover.r !== cell.r || state.hover.c !== cell.c) {
      state.hover = cell;
      schedule();
    }
    showTooltip(sx, sy, cell);
  }

  function branchUnder(sx: number, sy: number): { axis: "rows" | "cols"; branch: BranchGeometry } | null {
    const [x, y] = toScene(state.view, sx, sy);
    const g = state.scene.geometry;
    const row = branchAt(g.rowTree, x, y);
    if (row) return { axis: "rows", branch: row };
    const col = branchAt(g.colTree, x, y);
    return col ? { axis: "cols", branch: col } : null;
  }

  function clickAt(sx: number, sy: number): void {
    const hit = branchUnder(sx, sy);
    if (!hit) return;
    const { axis, branch } = hit;
    const n = branch.last - branch.first + 1;
    const what = axis === "rows" ? "gene" : "sample";
    select({ axis, positions: range(branch.first, branch.last), title: `Branch of ${n} ${what}s` });
  }

  interface Drag {
    id: number;
    x: number;
    y: number;
    view: View;
    mode: "pan" | "box";
    moved: boolean;
  }
  let drag: Drag | null = null;
  const touches = new Map<number, [number, number]>();
  let pinch: { d: number; dx: number; dy: number; view: View } | null = null;

  stage.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    const [x, y] = local(e);
    touches.set(e.pointerId, [x, y]);
    stage.setPointerCapture(e.pointerId);
    if (touches.size === 2) {
      const [a, b] = [...touches.values()];
      pinch = {
        d: Math.hypot(a[0] - b[0], a[1] - b[1]),
        dx: Math.abs(a[0] - b[0]),
        dy: Math.abs(a[1] - b[1]),
        view: state.view,
      };
      drag = null;
      return;
    }
    drag = { id: e.pointerId, x, y, view: state.view, mode: e.shiftKey ? "box" : "pan", moved: false };
  });

  stage.addEventListener("pointermove", (e) => {
    const [x, y] = local(e);
    if (touches.has(e.pointerId)) touches.set(e.pointerId, [x, y]);
    if (pinch && touches.size === 2) {
      const [a, b] = [...touches.values()];
      const f = Math.hypot(a[0] - b[0], a[1] - b[1]) / Math.max(1, pinch.d);
      setView(zoomAt(pinch.view, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, f, f, limits()));
      return;
    }
    if (!drag || drag.id !== e.pointerId) {
      hoverAt(x, y);
      return;
    }
    if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < 4) return;
    drag.moved = true;
    if (drag.mode === "pan") {
      stage.style.cursor = "grabbing";
      setView({ ...drag.view, tx: drag.view.tx + x - drag.x, ty: drag.view.ty + y - drag.y });
    } else {
      box.hidden = false;
      box.style.transform = `translate(${Math.min(x, drag.x)}px, ${Math.min(y, drag.y)}px)`;
      box.style.width = `${Math.abs(x - drag.x)}px`;
      box.style.height = `${Math.abs(y - drag.y)}px`;
    }
  });

  const endPointer = (e: PointerEvent) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) pinch = null;
    if (!drag || drag.id !== e.pointerId) return;
    const [x, y] = local(e);
    const d = drag;
    drag = null;
    box.hidden = true;
    stage.style.cursor = "";
    if (e.type === "pointercancel") return;
    if (!d.moved) {
      clickAt(x, y);
    } else if (d.mode === "box" && Math.abs(x - d.x) > 4 && Math.abs(y - d.y) > 4) {
      const [x0, y0] = toScene(state.view, Math.min(x, d.x), Math.min(y, d.y));
      const [x1, y1] = toScene(state.view, Math.max(x, d.x), Math.max(y, d.y));
      setView(boxView(x0, y0, x1, y1, state.viewport, limits()));
    }
  };
  stage.addEventListener("pointerup", endPointer);
  stage.addEventListener("pointercancel", endPointer);
  stage.addEventListener("pointerleave", () => {
    if (!drag) hideTooltip();
  });
  stage.addEventListener("dblclick", (e) => {
    e.preventDefault();
    resetView();
  });
  stage.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const [x, y] = local(e);
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
      const f = Math.exp(-e.deltaY * unit * (e.ctrlKey ? 0.01 : 0.0015));
      zoomBy(e.altKey ? f : e.shiftKey ? 1 : f, e.shiftKey ? f : e.altKey ? 1 : f, x, y);
    },
    { passive: false },
  );

  stage.addEventListener("keydown", (e) => {
    const step = 0.15;
    const v = state.view;
    switch (e.key) {
      case "ArrowLeft":
        setView({ ...v, tx: v.tx + state.viewport.width * step });
        break;
      case "ArrowRight":
        setView({ ...v, tx: v.tx - state.viewport.width * step });
        break;
      case "ArrowUp":
        setView({ ...v, ty: v.ty + state.viewport.height * step });
        break;
      case "ArrowDown":
        setView({ ...v, ty: v.ty - state.viewport.height * step });
        break;
      case "+":
      case "=":
        zoomBy(1.5, 1.5);
        break;
      case "-":
      case "_":
        zoomBy(1 / 1.5, 1 / 1.5);
        break;
      case "0":
        resetView();
        break;
      case "Escape":
        select(null);
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  // ── toolbar ────────────────────────────────────────────────────────────
  zoomIn.addEventListener("click", () => zoomBy(1.5, 1.5));
  zoomOut.addEventListener("click", () => zoomBy(1 / 1.5, 1 / 1.5));
  reset.addEventListener("click", resetView);
  findButton.addEventListener("click", runSearch);
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      runSearch();
    }
  });
  search.addEventListener("paste", () => setTimeout(runSearch, 0));
  palette.addEventListener("change", () => {
    const p = state.payload;
    const name = palette.value;
    const colors = name ? resolvePalette(name, p.scale.colors.length) : p.scale.colors;
    state.recolor = name ? new Map(p.scale.colors.map((c, i) => [c, colors[i]])) : null;
    state.cells = {
      ...state.cells,
      image: cellImage(p.values, p.nrow, p.ncol, { ...p.scale, colors }),
      cache: null,
    };
    schedule(true);
  });
  const viewName = () => (state.payload.title || "heatmap").replace(/[^\w.-]+/g, "_");
  svgButton.addEventListener("click", () => {
    download(`${viewName()}-view.svg`, new Blob([handle.svg()], { type: "image/svg+xml" }));
  });
  pngButton.addEventListener("click", async () => {
    download(`${viewName()}-view.png`, await handle.png());
  });

  // ── size ───────────────────────────────────────────────────────────────
  const observer = new ResizeObserver((entries) => {
    const r = entries[0].contentRect;
    const first = state.viewport.width === 800 && state.viewport.height === 600 && !stage.dataset.sized;
    const atFit = first || (state.view.kx === state.fit.kx && state.view.tx === state.fit.tx);
    state.viewport = { width: Math.max(50, r.width), height: Math.max(50, r.height) };
    stage.dataset.sized = "1";
    state.fit = fitView(state.scene, state.viewport);
    if (atFit) state.view = state.fit;
    schedule(true);
  });

  const handle: ViewerHandle = {
    update: load,
    destroy() {
      observer.disconnect();
      clearTimeout(cacheTimer);
      if (frame) cancelAnimationFrame(frame);
      root.replaceChildren();
    },
    svg: () => exportSvg(walkState(), state.cells, state.scene),
    png: () => exportPng(base),
    probe: {
      cell(r, c) {
        const g = state.scene.geometry;
        const v = state.view;
        const box = stage.getBoundingClientRect();
        return [
          box.left + v.tx + v.kx * (g.cols.start[c] + g.cols.size / 2),
          box.top + v.ty + v.ky * (g.rows.start[r] + g.rows.size / 2),
        ];
      },
      branch(axis, step) {
        const tree = axis === "rows" ? state.scene.geometry.rowTree : state.scene.geometry.colTree;
        const b = tree?.find((t) => t.step === step);
        if (!b) return null;
        const v = state.view;
        const box = stage.getBoundingClientRect();
        // just inside the bar of the merge, halfway along it
        const x = axis === "rows" ? b.x + Math.min(1, b.width / 4) : b.x + b.width / 2;
        const y = axis === "rows" ? b.y + b.height / 2 : b.y + Math.min(1, b.height / 4);
        return [box.left + v.tx + v.kx * x, box.top + v.ty + v.ky * y];
      },
    },
  };
  load(initial);
  observer.observe(stage);
  return handle;
}
