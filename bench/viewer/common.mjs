// What the viewer's benchmark scripts share: the library bundled for Node
// from the TypeScript sources, the viewer's built assets, Debian's Chromium,
// and the synthetic benchmark matrix.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { rng } from "../cluster/make-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, "..", "..");
export const tmp = resolve(root, "bench", "tmp");

/** Bundles `contents` (re-exports from ./src/…) for Node into bench/tmp/<name>.mjs and imports it. */
export async function bundleForNode(name, contents) {
  const outfile = join(tmp, `${name}.mjs`);
  await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

/** The pipeline, the HTML export and the page's server, from the sources. */
export const VIEWER_LIBRARY = `export { runPipeline } from "./src/pipeline.ts"; export { exportHtml } from "./src/node/html-export.ts"; export { staticServer } from "./src/cli/serve-command.ts";`;

/** The viewer's script and style as web/build.mjs wrote them into `outdir`. */
export function viewerAssets(outdir) {
  return {
    script: readFileSync(join(outdir, "viewer.js"), "utf8"),
    style: readFileSync(join(outdir, "viewer.css"), "utf8"),
  };
}

/** Debian's Chromium, headless, with no background network (CHROMIUM_PATH overrides the path). */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...extraArgs,
    ],
  });
}

/** The benchmark's matrix: 8 gene programs × 4 sample groups plus noise, 4 decimals, seeded. */
export function synthetic(nrow, ncol) {
  const rand = rng(42);
  const effect = Array.from({ length: 32 }, () => (rand() - 0.5) * 4);
  const lines = [`gene\t${Array.from({ length: ncol }, (_, j) => `S${j + 1}`).join("\t")}`];
  for (let i = 0; i < nrow; i++) {
    const program = i % 8;
    const base = 4 + rand() * 8;
    const cells = [];
    for (let j = 0; j < ncol; j++)
      cells.push((base + effect[program * 4 + (j % 4)] + (rand() - 0.5)).toFixed(4));
    lines.push(`G${i + 1}\t${cells.join("\t")}`);
  }
  return `${lines.join("\n")}\n`;
}
