/** A small hand-made Scene that exercises every primitive, for the renderer tests. */
import { deflateSync } from "node:zlib";
import type { Primitive, Scene, TextPrimitive } from "../../src/layout/scene.js";
import { FONT_FAMILY, measureText } from "../../src/layout/text.js";
import { crc32 } from "../../src/node/png.js";

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG (base64) of `width` × `height` pixels from a color function. */
export function tinyPng(
  width: number,
  height: number,
  color: (x: number, y: number) => [number, number, number],
): string {
  const raw = Buffer.alloc(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(color(x, y), y * (1 + 3 * width) + 1 + 3 * x);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array(0)),
  ]);
  return png.toString("base64");
}

export function text(
  x: number,
  y: number,
  s: string,
  anchor: TextPrimitive["anchor"] = "start",
  angle = 0,
  fontSize = 10,
  fontWeight: "normal" | "bold" = "normal",
): TextPrimitive {
  return {
    type: "text",
    x,
    y,
    text: s,
    fontSize,
    fontWeight,
    fill: "#000000",
    anchor,
    angle,
    width: measureText(s, fontSize, fontWeight),
  };
}

const empty = { names: [], index: [], start: [], size: 0, clusters: null };

export function sceneOf(
  width: number,
  height: number,
  groups: Record<string, Primitive[]>,
  options: Record<string, unknown> = {},
): Scene {
  return {
    width,
    height,
    background: "#ffffff",
    fontFamily: FONT_FAMILY,
    groups: Object.entries(groups).map(([name, items]) => ({ name, items })),
    geometry: {
      cells: { x: 0, y: 0, width: 0, height: 0 },
      rows: empty,
      cols: empty,
      rowTree: null,
      colTree: null,
    },
    provenance: { generator: "clusterheat", version: "0.1.0", options },
  };
}

const palette = ["#2166ac", "#67a9cf", "#d1e5f0", "#fddbc7", "#ef8a62", "#b2182b"];

/** The picture to look at: a seamless grid, a crisp image, anchored and rotated labels against guides. */
export function testScene(): Scene {
  const cells: Primitive[] = [];
  for (let r = 0; r < 12; r++)
    for (let c = 0; c < 10; c++)
      cells.push({
        type: "rect",
        x: 20 + c * 7.3,
        y: 20 + r * 7.3,
        width: 7.3,
        height: 7.3,
        fill: "#2166ac",
      });
  const grid: Primitive[] = [];
  for (let r = 0; r < 6; r++)
    for (let c = 0; c < 6; c++)
      grid.push({
        type: "rect",
        x: 20 + c * 12.1,
        y: 130 + r * 9.7,
        width: 12.1,
        height: 9.7,
        fill: palette[(r + c) % 6],
      });
  const image: Primitive = {
    type: "image",
    x: 110,
    y: 20,
    width: 80,
    height: 60,
    pixelWidth: 4,
    pixelHeight: 3,
    png: tinyPng(4, 3, (x, y) => ((x + y) % 2 ? [255, 0, 0] : [255, 255, 255])),
  };
  const guides: Primitive[] = [
    { type: "path", d: "M 280 10 V 120", stroke: "#ff0000", strokeWidth: 0.5 },
    { type: "path", d: "M 200 40 H 360 M 200 70 H 360 M 200 100 H 360", stroke: "#00aa00", strokeWidth: 0.5 },
    {
      type: "path",
      d: "M 210 150 H 370 M 250 130 V 210 M 320 130 V 210",
      stroke: "#ff0000",
      strokeWidth: 0.5,
    },
    { type: "path", d: "M 110 100 H 150 V 130 H 190", stroke: "#000000", strokeWidth: 3, lineCap: "square" },
  ];
  const labels: Primitive[] = [
    text(280, 40, "Start AVToLT", "start"),
    text(280, 70, "middle Ωµ±×", "middle"),
    text(280, 100, "end <&\"'> fi", "end"),
    text(250, 150, "rot45 IL1B", "start", 45),
    text(320, 150, "rot90 CCL2", "start", 90),
    text(210, 150, "rot270 dex_1", "end", 270),
    text(20, 205, "Bold title Tg", "start", 0, 12, "bold"),
  ];
  return sceneOf(400, 220, { cells, grid, image: [image], guides, labels }, { main: "Test figure" });
}
