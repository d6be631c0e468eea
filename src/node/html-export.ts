/**
 * The single-file HTML export (`clusterheat plot … -o fig.html`): one file
 * that opens from disk and loads nothing from the network. It holds
 * - the viewer bundle (built by `npm run build:web` into dist/web/viewer.js),
 *   inline, allowed by its SHA-256 hash in the Content-Security-Policy;
 * - the style sheet, inline, allowed by its hash;
 * - the data: the payload (src/viewer/payload.ts), deflated and base64, in a
 *   `<script type="application/octet-stream">` that the browser never runs;
 *   base64 has no `<`, so no data can close the element. Names reach the page
 *   only through the viewer's textContent.
 * The policy (`default-src 'none'`) forbids every request: no fetch, no
 * image, font or frame from anywhere but `data:`/`blob:` URLs made inside.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PipelineResult } from "../pipeline.js";
import { buildPayload, encodePayload, toBase64 } from "../viewer/payload.js";

/** Where the built viewer lives: dist/web next to dist/node, or from src/node in a checkout. */
function viewerAsset(name: string): string {
  const candidates = [
    new URL(`../web/${name}`, import.meta.url),
    new URL(`../../dist/web/${name}`, import.meta.url),
  ];
  for (const url of candidates) {
    const path = fileURLToPath(url);
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  throw new Error(`the viewer bundle (${name}) is not built: run \`npm run build:web\` first`);
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Text for an HTML text node (the title). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const PAYLOAD_ELEMENT_ID = "clusterheat-data";

/** The Content-Security-Policy of an export whose inline script and style have these texts. */
export function exportPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    "img-src data: blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** One self-contained, offline HTML file showing the result interactively. */
export function exportHtml(result: PipelineResult, assets: { script?: string; style?: string } = {}): string {
  const script = (assets.script ?? viewerAsset("viewer.js")).replace(/<\/script/gi, "<\\/script");
  const style = `${assets.style ?? viewerAsset("viewer.css")}\nhtml,body{height:100%;margin:0}body{padding:10px;box-sizing:border-box}#clusterheat{height:100%}`;
  const payload = buildPayload(result);
  const data = toBase64(encodePayload(payload));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${exportPolicy(script, style)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="clusterheat ${escapeHtml(String(result.scene?.provenance.version ?? ""))}">
<title>${escapeHtml(payload.title)}</title>
<style>${style}</style>
</head>
<body>
<main id="clusterheat"></main>
<script type="application/octet-stream" id="${PAYLOAD_ELEMENT_ID}">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}
