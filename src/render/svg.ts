/**
 * Scene → SVG string (isomorphic). Sizes in points (`width="…pt"`, viewBox
 * in points), one `<g id>` per scene group, primitives translated one for one
 * by a table of handlers. Everything taken from user files (labels, options in
 * the provenance) goes through `escapeXml`, so a name can never inject markup.
 * Output is deterministic: the same scene gives the same bytes.
 *
 * Crisp rendering (measured with resvg and Chromium): groups of tiles (rects, images)
 * get `shape-rendering="crispEdges"` (no light seams between adjacent cells in
 * resvg); images get `image-rendering="optimizeSpeed"` (what resvg honours)
 * plus a style sheet switching to `pixelated` where supported (what Chromium
 * needs; there it overrides the attribute).
 */
import type { ImagePrimitive, PathPrimitive, RectPrimitive, Scene, TextPrimitive } from "../layout/scene.js";
import { dispatch, type PrimitiveHandlers, splitColor, textAngle } from "./handlers.js";

/** Font files to embed in the SVG (`@font-face` with a data URL), e.g. from `readFontFiles()` in src/node. */
export interface EmbeddedFonts {
  /** The regular face, a TTF file's bytes. */
  normal: Uint8Array;
  /** The bold face; absent = browsers synthesize bold from the regular face. */
  bold?: Uint8Array;
}

export interface SvgOptions {
  /**
   * Embed the font so that the SVG shows the very same glyphs everywhere
   * (about 1 MB per face as base64). Default: not embedded; the text names
   * the family (DejaVu Sans, then sans-serif) and stays editable as text.
   */
  embedFont?: EmbeddedFonts;
}

/**
 * Formats a number compactly: rounded to 3 decimals, no trailing zeros, no
 * `-0`. Example: `num(1.23456)` is `"1.235"`, `num(2)` is `"2"`.
 */
export function num(x: number): string {
  const r = Math.round(x * 1000) / 1000;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Whether a UTF-16 code unit at `i` may stand in XML 1.0 (no C0 controls but tab/LF/CR, no lone surrogates, no U+FFFE/FFFF). */
function validXmlAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff;
  }
  return c !== 0xfffe && c !== 0xffff;
}

function replaceInvalidXml(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (validXmlAt(text, i)) continue;
    out += `${text.slice(from, i)}\uFFFD`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/**
 * Escapes text for XML content and attribute values: `& < > " '` become
 * entities, and characters XML 1.0 forbids (control characters, lone
 * surrogates) become U+FFFD. Example: `escapeXml('a<b & "c"')` is
 * `a&lt;b &amp; &quot;c&quot;`.
 */
export function escapeXml(text: string): string {
  return replaceInvalidXml(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** `name="…"` attributes of a color (8-digit colors split into color and opacity, for SVG 1.1 tools). */
function paint(name: "fill" | "stroke", color: string | null | undefined): string {
  if (!color) return ` ${name}="none"`;
  const { rgb, opacity } = splitColor(color);
  return ` ${name}="${escapeXml(rgb)}"${opacity < 1 ? ` ${name}-opacity="${num(opacity)}"` : ""}`;
}

function stroke(color: string | null | undefined, width: number | undefined): string {
  if (!color) return "";
  return `${paint("stroke", color)} stroke-width="${num(width ?? 1)}"`;
}

/** Per-primitive SVG writers; the context says whether the enclosing group is already crisp. */
const svgHandlers: PrimitiveHandlers<{ crispGroup: boolean }, string> = {
  rect(r: RectPrimitive, { crispGroup }) {
    const crisp = !crispGroup && !r.stroke ? ' shape-rendering="crispEdges"' : "";
    return `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.width)}" height="${num(r.height)}"${paint("fill", r.fill)}${stroke(r.stroke, r.strokeWidth)}${crisp}/>`;
  },
  path(p: PathPrimitive) {
    const cap = p.lineCap && p.lineCap !== "butt" ? ` stroke-linecap="${p.lineCap}"` : "";
    return `<path d="${escapeXml(p.d)}"${paint("fill", p.fill)}${stroke(p.stroke, p.strokeWidth)}${cap}/>`;
  },
  text(t: TextPrimitive) {
    const angle = textAngle(t.angle);
    const anchor = t.anchor !== "start" ? ` text-anchor="${t.anchor}"` : "";
    const weight = t.fontWeight === "bold" ? ' font-weight="bold"' : "";
    const rotate = angle !== 0 ? ` transform="rotate(${num(angle)} ${num(t.x)} ${num(t.y)})"` : "";
    return `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${num(t.fontSize)}"${weight}${paint("fill", t.fill)}${anchor}${rotate}>${escapeXml(t.text)}</text>`;
  },
  image(i: ImagePrimitive) {
    // xlink:href rather than SVG 2's href: Illustrator and older Inkscape read only the former.
    return `<image x="${num(i.x)}" y="${num(i.y)}" width="${num(i.width)}" height="${num(i.height)}" preserveAspectRatio="none" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${escapeXml(i.png)}"/>`;
  },
};

/** Group ids: the name with characters outside [A-Za-z0-9_-] replaced by "-", starting with a letter, made unique with -2, -3, … */
function groupIds(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_-]/g, "-");
    if (!/^[A-Za-z]/.test(base)) base = `g-${base}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

/** Base64 of bytes, without Node's Buffer (btoa over chunks of a binary string). */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function styleSheet(family: string, fonts: EmbeddedFonts | undefined): string {
  const faces: string[] = [];
  if (fonts) {
    const face = (bytes: Uint8Array, weight: string) =>
      `@font-face { font-family: "${family}"; font-weight: ${weight}; src: url(data:font/ttf;base64,${base64(bytes)}) format("truetype") }`;
    faces.push(face(fonts.normal, "normal"));
    if (fonts.bold) faces.push(face(fonts.bold, "bold"));
  }
  faces.push("@supports (image-rendering: pixelated) { image { image-rendering: pixelated } }");
  return `<style>${escapeXml(faces.join("\n"))}</style>`;
}

/**
 * Renders `scene` as a standalone SVG document. Example:
 * `renderSvg(scene)` starts with `<svg xmlns="http://www.w3.org/2000/svg" width="…pt"`.
 */
export function renderSvg(scene: Scene, options: SvgOptions = {}): string {
  const family = escapeXml(scene.fontFamily);
  const main = scene.provenance.options.main;
  const title = typeof main === "string" && main !== "" ? main : "Clustered heatmap";
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${num(scene.width)}pt" height="${num(scene.height)}pt" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" font-family="${family}, sans-serif" xml:space="preserve" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<metadata>${escapeXml(JSON.stringify(scene.provenance))}</metadata>`,
    styleSheet(scene.fontFamily, options.embedFont),
  ];
  if (scene.background) {
    out.push(
      `<rect x="0" y="0" width="${num(scene.width)}" height="${num(scene.height)}"${paint("fill", scene.background)}/>`,
    );
  }
  const ids = groupIds(scene.groups.map((g) => g.name));
  scene.groups.forEach((group, k) => {
    const crispGroup =
      group.items.length > 0 && group.items.every((p) => p.type === "rect" || p.type === "image");
    out.push(`<g id="${ids[k]}"${crispGroup ? ' shape-rendering="crispEdges"' : ""}>`);
    for (const item of group.items) out.push(dispatch(svgHandlers, item, { crispGroup }));
    out.push("</g>");
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
