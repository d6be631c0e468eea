/**
 * The extent of what is drawn, and moving it: layout places every part
 * around the matrix, then measures the box of all primitives (rotated texts
 * included, from the font's ascent and descent) and shifts everything so that
 * nothing runs off the canvas.
 */
import type { Primitive, SceneGeometry, SceneGroup } from "./scene.js";
import { fontMetrics } from "./text.js";

/** An axis-aligned box: left, top, right, bottom. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The empty box (the identity of {@link unionBox}). */
export const EMPTY_BOX: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };

/** The smallest box holding both. */
export function unionBox(a: Box, b: Box): Box {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/** The box of a path's points (its commands are absolute M/L/H/V/Z), widened by half the stroke. */
function pathBox(d: string, half: number): Box {
  let box = EMPTY_BOX;
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const v = (args.match(NUMBER) ?? []).map(Number);
    if (cmd === "H") x = v[0];
    else if (cmd === "V") y = v[0];
    else if (cmd !== "Z") [x, y] = v;
    box = unionBox(box, { x0: x - half, y0: y - half, x1: x + half, y1: y + half });
  }
  return box;
}

/** The box a text covers: its advance width along its direction, ascent above and descent below the baseline. */
function textBox(t: Extract<Primitive, { type: "text" }>): Box {
  const { ascent, descent } = fontMetrics(t.fontSize, t.fontWeight);
  const rad = ((t.angle ?? 0) * Math.PI) / 180;
  const dx = Math.cos(rad);
  const dy = Math.sin(rad);
  const ux = Math.sin(rad);
  const uy = -Math.cos(rad);
  const shift = t.anchor === "start" ? 0 : t.anchor === "middle" ? 0.5 : 1;
  const sx = t.x - dx * t.width * shift;
  const sy = t.y - dy * t.width * shift;
  let box = EMPTY_BOX;
  for (const along of [0, t.width]) {
    for (const up of [ascent, -descent]) {
      const px = sx + dx * along + ux * up;
      const py = sy + dy * along + uy * up;
      box = unionBox(box, { x0: px, y0: py, x1: px, y1: py });
    }
  }
  return box;
}

/** The box a primitive covers on the page. */
export function primitiveBox(p: Primitive): Box {
  switch (p.type) {
    case "rect": {
      const half = p.stroke ? (p.strokeWidth ?? 1) / 2 : 0;
      return { x0: p.x - half, y0: p.y - half, x1: p.x + p.width + half, y1: p.y + p.height + half };
    }
    case "image":
      return { x0: p.x, y0: p.y, x1: p.x + p.width, y1: p.y + p.height };
    case "path":
      return pathBox(p.d, p.strokeWidth / 2);
    case "text":
      return textBox(p);
  }
}

/** The box of every primitive of the groups. */
export function groupsBox(groups: readonly SceneGroup[]): Box {
  let box = EMPTY_BOX;
  for (const g of groups) for (const p of g.items) box = unionBox(box, primitiveBox(p));
  return box;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function shiftPath(d: string, dx: number, dy: number): string {
  return d
    .replace(/([MLHV])([^MLHVZ]*)/g, (_, cmd: string, args: string) => {
      const v = (args.match(NUMBER) ?? []).map(Number);
      if (cmd === "H") return `H ${round(v[0] + dx)} `;
      if (cmd === "V") return `V ${round(v[0] + dy)} `;
      return `${cmd} ${round(v[0] + dx)} ${round(v[1] + dy)} `;
    })
    .trim();
}

/** The primitive moved by (dx, dy), coordinates rounded to 1/1000 pt. */
export function shiftPrimitive(p: Primitive, dx: number, dy: number): Primitive {
  if (p.type === "path") return { ...p, d: shiftPath(p.d, dx, dy) };
  return { ...p, x: round(p.x + dx), y: round(p.y + dy) };
}

/** The geometry moved by (dx, dy). */
export function shiftGeometry(g: SceneGeometry, dx: number, dy: number): SceneGeometry {
  const branches = (t: SceneGeometry["rowTree"]) =>
    t ? t.map((b) => ({ ...b, x: round(b.x + dx), y: round(b.y + dy) })) : null;
  return {
    cells: { ...g.cells, x: round(g.cells.x + dx), y: round(g.cells.y + dy) },
    rows: { ...g.rows, start: g.rows.start.map((s) => round(s + dy)) },
    cols: { ...g.cols, start: g.cols.start.map((s) => round(s + dx)) },
    rowTree: branches(g.rowTree),
    colTree: branches(g.colTree),
  };
}
