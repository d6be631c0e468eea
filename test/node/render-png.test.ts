import { describe, expect, it } from "vitest";
import { measureText } from "../../src/layout/text.js";
import { crc32, renderPng } from "../../src/node/png.js";
import { VERSION } from "../../src/version.js";
import { sceneOf, testScene, text } from "../render/scene-fixture.js";
import { countDark, decodeRgba, pngChunks } from "./png-decode.js";

describe("renderPng", () => {
  it("crc32 matches PNG's reference value for IEND", () => {
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
  });

  it("renderPng(scene, {dpi}) is round(points × dpi / 72) pixels, with pHYs after IHDR", () => {
    const scene = testScene();
    for (const dpi of [72, 150, 300]) {
      const chunks = pngChunks(renderPng(scene, { dpi }));
      expect(chunks.every((c) => c.crcOk)).toBe(true);
      expect(chunks[0].type).toBe("IHDR");
      expect(chunks[0].data.readUInt32BE(0)).toBe(Math.round((scene.width * dpi) / 72));
      expect(chunks[0].data.readUInt32BE(4)).toBe(Math.round((scene.height * dpi) / 72));
      expect(chunks[1].type).toBe("pHYs");
      expect(chunks[1].data.readUInt32BE(0)).toBe(Math.round(dpi / 0.0254));
      expect(chunks[1].data[8]).toBe(1);
      expect(chunks.filter((c) => c.type === "pHYs")).toHaveLength(1);
    }
  });

  it("renderPng(scene) writes Software and the provenance (UTF-8 iTXt Comment)", () => {
    const scene = sceneOf(50, 20, {}, { main: "Δ expression – µg", file: "a<b>.tsv" });
    const chunks = pngChunks(renderPng(scene, { dpi: 72 }));
    const software = chunks.find((c) => c.type === "tEXt");
    expect(software?.data.toString("latin1")).toBe(`Software\0clusterheat ${VERSION}`);
    const comment = chunks.find((c) => c.type === "iTXt");
    expect(comment?.data.subarray(0, 12).toString("latin1")).toBe("Comment\0\0\0\0\0");
    expect(JSON.parse(comment?.data.subarray(12).toString("utf8") ?? "")).toEqual(scene.provenance);
  });

  it("renderPng(scene) draws text with the shipped font (dark pixels where a label is, none when it is empty)", () => {
    const dark = (label: string) => {
      const scene = sceneOf(100, 40, { labels: [text(10, 25, label, "start", 0, 14)] });
      const pixels = decodeRgba(renderPng(scene, { dpi: 144 }));
      return countDark(pixels, 0, 0, pixels.width, pixels.height);
    };
    expect(dark("")).toBe(0);
    expect(dark("IL1B Tg")).toBeGreaterThan(300);
    const bold = sceneOf(100, 40, { labels: [text(10, 25, "IL1B Tg", "start", 0, 14, "bold")] });
    const boldPixels = decodeRgba(renderPng(bold, { dpi: 144 }));
    expect(countDark(boldPixels, 0, 0, boldPixels.width, boldPixels.height)).toBeGreaterThan(dark("IL1B Tg"));
  });

  it("renderPng(scene) places the text where layout measured it: ink ends at the end anchor", () => {
    const scene = sceneOf(200, 40, { labels: [text(150, 30, "HHHH", "end", 0, 20)] });
    const p = decodeRgba(renderPng(scene, { dpi: 72 }));
    // H has side bearings of ~1.5 pt at 20 pt: ink within [x − width, x], none right of x.
    expect(countDark(p, 151, 0, 200, 40)).toBe(0);
    expect(countDark(p, 0, 0, Math.floor(150 - measureText("HHHH", 20)), 40)).toBe(0);
    expect(
      countDark(
        p,
        Math.ceil(150 - measureText("HHHH", 20)),
        10,
        Math.ceil(150 - measureText("HHHH", 20)) + 5,
        31,
      ),
    ).toBeGreaterThan(20);
    expect(countDark(p, 140, 10, 150, 31)).toBeGreaterThan(20);
    // Baseline at y = 30: H sits on it.
    expect(countDark(p, 0, 31, 200, 40)).toBe(0);
    expect(countDark(p, 0, 27, 200, 30)).toBeGreaterThan(20);
  });

  it("renderPng(scene) draws adjacent cells without seams and images without smoothing", () => {
    const cells = [];
    for (let r = 0; r < 20; r++)
      for (let c = 0; c < 20; c++)
        cells.push({
          type: "rect" as const,
          x: 10 + c * 3.7,
          y: 10 + r * 3.7,
          width: 3.7,
          height: 3.7,
          fill: "#000000",
        });
    const p = decodeRgba(renderPng(sceneOf(100, 100, { cells }), { dpi: 97 }));
    const x0 = Math.ceil((10 * 97) / 72) + 1;
    const x1 = Math.floor(((10 + 74) * 97) / 72) - 1;
    expect(countDark(p, x0, x0, x1, x1, 1)).toBe((x1 - x0) * (x1 - x0));

    const scene = testScene();
    const img = decodeRgba(renderPng(scene, { dpi: 144 }));
    const colors = new Set<string>();
    // The 4 × 3 checkerboard (110, 20, 80 × 60 pt) at 2 px / pt: only pure red and white inside.
    for (let y = 42; y < 158; y++)
      for (let x = 222; x < 378; x++) {
        const i = (y * img.width + x) * 4;
        if (Math.abs((x - 220) % 40) < 2 || Math.abs((y - 40) % 40) < 2) continue;
        colors.add(Array.from(img.rgba.subarray(i, i + 3)).join(","));
      }
    expect([...colors].sort()).toEqual(["255,0,0", "255,255,255"]);
  });
});
