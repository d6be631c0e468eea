import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { escapeXml, num, renderSvg } from "../../src/render/svg.js";
import { sceneOf, testScene, text } from "./scene-fixture.js";

const unescapeXml = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e as string] ?? "",
  );

describe("escapeXml", () => {
  it("escapeXml(text) escapes markup characters and replaces characters XML forbids", () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    expect(escapeXml("x\u0000y\u001bz\ttab\n")).toBe("x\uFFFDy\uFFFDz\ttab\n");
    expect(escapeXml("lone \uD800 high, \uDC00 low, pair \u{1F600}, \uFFFE")).toBe(
      "lone \uFFFD high, \uFFFD low, pair \u{1F600}, \uFFFD",
    );
  });
});

describe("num", () => {
  it("num(x) rounds to 3 decimals without trailing zeros or -0", () => {
    expect([num(1.23456), num(2), num(2.5), num(-0.0001), num(1e-7), num(-3.14199)]).toEqual([
      "1.235",
      "2",
      "2.5",
      "0",
      "0",
      "-3.142",
    ]);
  });
});

describe("renderSvg", () => {
  it("renderSvg(scene) sizes the document in points with a viewBox in points", () => {
    const svg = renderSvg(sceneOf(123.4567, 80, {}));
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* width="123.457pt" height="80pt" viewBox="0 0 123.457 80"/,
    );
    expect(svg).toContain('font-family="DejaVu Sans, sans-serif"');
  });

  it("renderSvg(scene) turns groups into <g> with unique, sanitized ids", () => {
    const svg = renderSvg(sceneOf(10, 10, { cells: [], "a b<c": [], "1x": [] }));
    const scene = sceneOf(10, 10, {});
    scene.groups = ["cells", "cells", "a b<c", "1x", "g-1x"].map((name) => ({ name, items: [] }));
    const ids = [...renderSvg(scene).matchAll(/<g id="([^"]*)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["cells", "cells-2", "a-b-c", "g-1x", "g-1x-2"]);
    expect(svg).toContain('<g id="a-b-c">');
  });

  it("renderSvg(scene) never lets a label or an option inject markup, and stays well-formed", () => {
    const evil = `</text><script>alert("x")</script>\u0001&`;
    const scene = sceneOf(100, 30, { labels: [text(5, 20, evil)] }, { file: evil });
    const svg = renderSvg(scene);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\uFFFD&amp;</text>");
    expect(() => new Resvg(svg)).not.toThrow();
    const metadata = /<metadata>(.*)<\/metadata>/.exec(svg)?.[1] ?? "";
    expect(JSON.parse(unescapeXml(metadata)).options.file).toBe(evil);
  });

  it("renderSvg(scene) writes each primitive with its attributes", () => {
    const scene = sceneOf(100, 100, {
      cells: [{ type: "rect", x: 1, y: 2, width: 3.33333, height: 4, fill: "#ff000080" }],
      tree: [
        { type: "path", d: "M 0 0 H 10 V 5", stroke: "#000000", strokeWidth: 0.5, lineCap: "square" },
        { type: "rect", x: 0, y: 0, width: 5, height: 5, fill: null, stroke: "#00ff00", strokeWidth: 2 },
        { type: "rect", x: 0, y: 0, width: 5, height: 5, fill: "#123456" },
      ],
      labels: [text(10, 20, "A", "middle", 90, 8, "bold"), text(10, 30, "B", "end", -90), text(10, 40, "C")],
      image: [
        { type: "image", x: 0, y: 0, width: 10, height: 20, pixelWidth: 1, pixelHeight: 2, png: "AAAA" },
      ],
    });
    const svg = renderSvg(scene);
    expect(svg).toContain('<g id="cells" shape-rendering="crispEdges">');
    expect(svg).toContain('<rect x="1" y="2" width="3.333" height="4" fill="#ff0000" fill-opacity="0.502"/>');
    expect(svg).toContain(
      '<path d="M 0 0 H 10 V 5" fill="none" stroke="#000000" stroke-width="0.5" stroke-linecap="square"/>',
    );
    expect(svg).toContain('<g id="tree">');
    expect(svg).toContain(
      '<rect x="0" y="0" width="5" height="5" fill="none" stroke="#00ff00" stroke-width="2"/>',
    );
    expect(svg).toContain(
      '<rect x="0" y="0" width="5" height="5" fill="#123456" shape-rendering="crispEdges"/>',
    );
    expect(svg).toContain(
      '<text x="10" y="20" font-size="8" font-weight="bold" fill="#000000" text-anchor="middle" transform="rotate(90 10 20)">A</text>',
    );
    expect(svg).toContain(
      '<text x="10" y="30" font-size="10" fill="#000000" text-anchor="end" transform="rotate(270 10 30)">B</text>',
    );
    expect(svg).toContain('<text x="10" y="40" font-size="10" fill="#000000">C</text>');
    expect(svg).toContain(
      '<image x="0" y="0" width="10" height="20" preserveAspectRatio="none" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,AAAA"/>',
    );
    expect(svg).toContain("@supports (image-rendering: pixelated) { image { image-rendering: pixelated } }");
  });

  it("renderSvg(scene) draws the background, and none when it is null", () => {
    const scene = sceneOf(10, 20, {});
    expect(renderSvg(scene)).toContain('<rect x="0" y="0" width="10" height="20" fill="#ffffff"/>');
    scene.background = null;
    expect(renderSvg(scene)).not.toContain("<rect");
  });

  it("renderSvg(scene) is deterministic", () => {
    expect(renderSvg(testScene())).toBe(renderSvg(testScene()));
  });

  it("renderSvg(scene, {embedFont}) embeds the font files as @font-face data URLs", () => {
    const fonts = { normal: new Uint8Array([0, 1, 2, 255]), bold: new Uint8Array([3]) };
    const svg = renderSvg(sceneOf(10, 10, {}), { embedFont: fonts });
    expect(svg).toContain(
      "@font-face { font-family: &quot;DejaVu Sans&quot;; font-weight: normal; src: url(data:font/ttf;base64,AAEC/w==)",
    );
    expect(svg).toContain("font-weight: bold; src: url(data:font/ttf;base64,Aw==)");
  });
});
