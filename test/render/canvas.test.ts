import { describe, expect, it } from "vitest";
import type { ImagePrimitive } from "../../src/layout/scene.js";
import { type CanvasContextLike, renderCanvas } from "../../src/render/canvas.js";
import { sceneOf, text } from "./scene-fixture.js";

/** A context that records calls and property writes, in order. */
function recorder(): { ctx: CanvasContextLike; log: string[] } {
  const log: string[] = [];
  const state: Record<string, unknown> = {};
  const methods = [
    "save",
    "restore",
    "translate",
    "rotate",
    "fillRect",
    "strokeRect",
    "fill",
    "stroke",
    "fillText",
    "drawImage",
  ];
  const ctx = new Proxy(state, {
    get(_, key: string) {
      if (methods.includes(key)) {
        return (...args: unknown[]) => {
          log.push(
            `${key}(${args.map((a) => (typeof a === "number" ? +a.toFixed(4) : String(a))).join(", ")})`,
          );
        };
      }
      return state[key];
    },
    set(_, key: string, value) {
      state[key] = value;
      log.push(`${key}=${value}`);
      return true;
    },
  }) as unknown as CanvasContextLike;
  return { ctx, log };
}

describe("renderCanvas", () => {
  it("renderCanvas(scene, ctx) draws background, rects, paths, texts and images in order", () => {
    const image: ImagePrimitive = {
      type: "image",
      x: 1,
      y: 2,
      width: 30,
      height: 40,
      pixelWidth: 3,
      pixelHeight: 4,
      png: "AAAA",
    };
    const scene = sceneOf(100, 50, {
      cells: [
        { type: "rect", x: 1, y: 2, width: 3, height: 4, fill: "#ff0000" },
        { type: "rect", x: 0, y: 0, width: 5, height: 5, fill: null, stroke: "#00ff00", strokeWidth: 2 },
      ],
      tree: [{ type: "path", d: "M 0 0 H 10", stroke: "#000000", strokeWidth: 0.5, lineCap: "square" }],
      labels: [text(10, 20, "IL1B", "end", 90, 8, "bold"), text(5, 6, "", "start")],
      image: [image],
    });
    const { ctx, log } = recorder();
    const bitmap = { kind: "bitmap" } as unknown as CanvasImageSource;
    renderCanvas(scene, ctx, {
      path2d: (d) => `Path2D(${d})` as unknown as Path2D,
      images: (i) => (i.png === "AAAA" ? bitmap : undefined),
    });
    expect(log).toEqual([
      "save()",
      "fillStyle=#ffffff",
      "fillRect(0, 0, 100, 50)",
      "fillStyle=#ff0000",
      "fillRect(1, 2, 3, 4)",
      "strokeStyle=#00ff00",
      "lineWidth=2",
      "strokeRect(0, 0, 5, 5)",
      "strokeStyle=#000000",
      "lineWidth=0.5",
      "lineCap=square",
      "stroke(Path2D(M 0 0 H 10))",
      "save()",
      "translate(10, 20)",
      "rotate(1.5708)",
      "fillStyle=#000000",
      'font=bold 8px "DejaVu Sans"',
      "textAlign=right",
      "textBaseline=alphabetic",
      "fillText(IL1B, 0, 0)",
      "restore()",
      "imageSmoothingEnabled=false",
      "drawImage([object Object], 1, 2, 30, 40)",
      "restore()",
    ]);
  });

  it("renderCanvas(scene, ctx, {background: false}) leaves the background out and skips undecoded images", () => {
    const scene = sceneOf(10, 10, {
      image: [{ type: "image", x: 0, y: 0, width: 1, height: 1, pixelWidth: 1, pixelHeight: 1, png: "x" }],
    });
    const { ctx, log } = recorder();
    renderCanvas(scene, ctx, { background: false });
    expect(log).toEqual(["save()", "restore()"]);
  });
});
