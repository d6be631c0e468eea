/**
 * Renderers as small tables of per-primitive handlers (vega-scenegraph's
 * marks): each format gives one function per primitive type, and `dispatch`
 * picks it, so that no renderer switches on the type itself.
 */
import type { Primitive } from "../layout/scene.js";

/** One handler per primitive type; `C` is what the format passes along (a context, a buffer), `R` what it returns. */
export type PrimitiveHandlers<C, R> = {
  [K in Primitive["type"]]: (item: Extract<Primitive, { type: K }>, context: C) => R;
};

/** Calls the handler of `item`'s type. */
export function dispatch<C, R>(handlers: PrimitiveHandlers<C, R>, item: Primitive, context: C): R {
  const handler = handlers[item.type] as (item: Primitive, context: C) => R;
  return handler(item, context);
}

/** Splits `#rrggbb` / `#rrggbbaa` into the opaque color and its opacity (1 when absent). */
export function splitColor(color: string): { rgb: string; opacity: number } {
  if (color.length === 9)
    return { rgb: color.slice(0, 7), opacity: Number.parseInt(color.slice(7), 16) / 255 };
  return { rgb: color, opacity: 1 };
}

/** The rotation of a text in degrees, normalized to [0, 360) (0 = none). */
export function textAngle(angle: number | undefined): number {
  const a = (angle ?? 0) % 360;
  return a < 0 ? a + 360 : a;
}
