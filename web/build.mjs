// Builds the browser code with esbuild (platform browser):
// - dist/web/: the static page (index.html, page.js, worker.js and its distance-worker.js and hclust-worker.js,
//   page.css, viewer.css), hostable anywhere;
// - dist/web/viewer.js + viewer.css: the viewer bundle that the HTML export inlines (src/node/html-export.ts).
// Usage: node web/build.mjs [--dev]   (as a module: `await buildWeb({ outdir, minify })`)
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUTDIR = resolve(here, "..", "dist", "web");

/** Builds every web entry point into `outdir`; returns the output paths. */
export async function buildWeb({ outdir = DEFAULT_OUTDIR, minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  const common = {
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["chrome110", "firefox115", "safari16"],
    minify,
    legalComments: "none",
    logLevel: "warning",
    // the Scene's font tables and text measurement are not needed in the browser bundle beyond what layout imports
    define: { "process.env.NODE_ENV": '"production"' },
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(here, "viewer", "main.ts")], outfile: join(outdir, "viewer.js") }),
    build({ ...common, entryPoints: [join(here, "page", "main.ts")], outfile: join(outdir, "page.js") }),
    build({ ...common, entryPoints: [join(here, "worker.ts")], outfile: join(outdir, "worker.js") }),
    build({
      ...common,
      entryPoints: [join(here, "distance-worker.ts")],
      outfile: join(outdir, "distance-worker.js"),
    }),
    build({
      ...common,
      entryPoints: [join(here, "hclust-worker.ts")],
      outfile: join(outdir, "hclust-worker.js"),
    }),
  ]);
  copyFileSync(join(here, "viewer", "viewer.css"), join(outdir, "viewer.css"));
  copyFileSync(join(here, "page", "page.css"), join(outdir, "page.css"));
  copyFileSync(join(here, "page", "index.html"), join(outdir, "index.html"));
  return { outdir };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dev = process.argv.includes("--dev");
  const t0 = Date.now();
  const { outdir } = await buildWeb({ minify: !dev });
  console.log(`built ${outdir} in ${Date.now() - t0} ms`);
}
