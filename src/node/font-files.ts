/**
 * The font files the renderers draw with (DejaVu Sans, from the installed
 * `dejavu-fonts-ttf` package), resolved from this module so that they are
 * found wherever the package is installed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { EmbeddedFonts } from "../render/svg.js";

export interface FontFilePaths {
  normal: string;
  bold: string;
}

let cached: FontFilePaths | null = null;

/** Absolute paths of DejaVuSans.ttf and DejaVuSans-Bold.ttf. */
export function fontFilePaths(): FontFilePaths {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    cached = { normal: join(dir, "DejaVuSans.ttf"), bold: join(dir, "DejaVuSans-Bold.ttf") };
  }
  return cached;
}

/** The bytes of both faces, e.g. for `renderSvg(scene, { embedFont: readFontFiles() })`. */
export function readFontFiles(): EmbeddedFonts {
  const paths = fontFilePaths();
  return { normal: readFileSync(paths.normal), bold: readFileSync(paths.bold) };
}
