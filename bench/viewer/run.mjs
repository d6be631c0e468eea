// Viewer benchmark in Chromium (Debian's /usr/bin/chromium through playwright-core):
// 1. a 20,000 × 100 export: time to first picture, work per frame while hovering, zooming, panning (the
//    work of a frame includes rasterizing it: the viewer reads a pixel back when benchmarked);
// 2. the page: clustering time in the Web Worker at 2,000 / 5,000 / 20,000 rows (bench/cluster/make-data.mjs
//    files, N × 50), against the same engine in Node on one thread.
// Usage: node bench/viewer/run.mjs [--sizes 2000,5000,20000] [--skip-page] [--reuse-export]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";
import { buildWeb } from "../../web/build.mjs";
import { ensureData } from "../cluster/make-data.mjs";
import {
  bundleForNode,
  launchChromium,
  root,
  synthetic,
  tmp,
  VIEWER_LIBRARY,
  viewerAssets,
} from "./common.mjs";

const args = process.argv.slice(2);
const reuse = args.includes("--reuse-export"); // keep bench/tmp/viewer-20000x100.html's matrix (skip the pipeline)
const sizes = (args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "2000,5000,20000")
  .split(",")
  .map(Number);

mkdirSync(tmp, { recursive: true });
const { outdir } = await buildWeb({ outdir: join(root, "dist", "web") });
const { runPipeline, exportHtml, staticServer } = await bundleForNode("viewer-bench-lib", VIEWER_LIBRARY);
const assets = viewerAssets(outdir);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return {
    frames: s.length,
    p50: +q(0.5).toFixed(2),
    p95: +q(0.95).toFixed(2),
    max: +s[s.length - 1].toFixed(2),
  };
};

const browser = await launchChromium();
const results = {
  machine: `${process.platform} ${process.arch}, node ${process.version}`,
  export: {},
  page: [],
};

// ── 1. the export ───────────────────────────────────────────────────────────
{
  const saved = join(tmp, "viewer-20000x100.result.bin");
  let t0 = performance.now();
  let result;
  if (reuse && existsSync(saved)) {
    result = deserialize(readFileSync(saved));
  } else {
    const text = synthetic(20_000, 100);
    result = await runPipeline(
      { matrix: { bytes: text, file: "synthetic-20000x100.tsv" } },
      { scale: "row", cutreeRows: 8 },
    );
    writeFileSync(saved, serialize(result));
  }
  const pipelineMs = performance.now() - t0;
  t0 = performance.now();
  const html = exportHtml(result, assets);
  const exportMs = performance.now() - t0;
  const file = join(tmp, "viewer-20000x100.html");
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  t0 = performance.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("[data-ready]", { timeout: 60_000 });
  const wall = performance.now() - t0;
  const ready = await page.evaluate(() => {
    const r = document.getElementById("clusterheat");
    return { readyAt: Number(r.dataset.readyAt), decodeMs: Number(r.dataset.decodeMs) };
  });
  const measure = async (name, act) => {
    await page.evaluate(() => {
      globalThis.__clusterheatFrames = [];
      globalThis.__clusterheatCacheMs = [];
      globalThis.__rafGaps = [];
      let last = performance.now();
      const loop = (t) => {
        globalThis.__rafGaps.push(t - last);
        last = t;
        if (globalThis.__rafGaps) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    await act();
    await page.waitForTimeout(400);
    const { work, gaps, cache } = await page.evaluate(() => {
      const out = {
        work: globalThis.__clusterheatFrames,
        gaps: globalThis.__rafGaps.slice(1),
        cache: globalThis.__clusterheatCacheMs,
      };
      globalThis.__clusterheatFrames = undefined;
      globalThis.__clusterheatCacheMs = undefined;
      globalThis.__rafGaps = undefined;
      return out;
    });
    results.export[name] = { work: stats(work), rafInterval: stats(gaps) };
    // the zoomed-out picture of the grid, rebuilt once the view is still (outside the frames above)
    if (cache.length) results.export[name].cacheRebuildMs = cache.map((x) => +x.toFixed(1));
  };
  const box = await page.locator(".ch-stage").boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await measure("hover", async () => {
    for (let k = 0; k < 120; k++) await page.mouse.move(cx - 100 + (k % 40) * 5, cy - 200 + k * 3);
  });
  await measure("zoom (wheel, 40 steps in then out)", async () => {
    await page.mouse.move(cx, cy);
    for (let k = 0; k < 20; k++) await page.mouse.wheel(0, -120);
    for (let k = 0; k < 20; k++) await page.mouse.wheel(0, 120);
  });
  await page.keyboard.press("0");
  await measure("pan (drag, zoomed ×8 on rows)", async () => {
    await page.focus(".ch-stage");
    for (let k = 0; k < 6; k++) await page.mouse.wheel(0, -120);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let k = 0; k < 60; k++) await page.mouse.move(cx + k * 3, cy + k * 6);
    await page.mouse.up();
  });
  results.export.file = {
    rows: 20_000,
    cols: 100,
    megabytes: +(statSync(file).size / 1e6).toFixed(2),
    pipelineMs: Math.round(pipelineMs),
    exportMs: Math.round(exportMs),
  };
  results.export.firstPicture = {
    wallMs: Math.round(wall),
    inPageMs: ready.readyAt,
    decodeAndMountMs: ready.decodeMs,
  };
  results.export.requests = requests.length;
  await page.close();
}

// ── 2. the page ─────────────────────────────────────────────────────────────
if (!args.includes("--skip-page")) {
  const server = staticServer(outdir);
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  for (const n of sizes) {
    const file = ensureData(n);
    const text = readFileSync(file);
    let t0 = performance.now();
    await runPipeline({ matrix: { bytes: text, file } }, {}, { stop: "cluster" });
    const nodeMs = performance.now() - t0;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/`);
    // a person takes a moment to pick a file: the page and its worker have loaded by then, and the
    // worker has made its first clustering's memory ready (as in isolation.mjs)
    await page.waitForTimeout(1500);
    t0 = performance.now();
    await page.setInputFiles("#file-matrix", file);
    await page.waitForFunction(() => document.getElementById("app").dataset.state === "done", null, {
      timeout: 600_000,
    });
    const wall = performance.now() - t0;
    const workerMs = Number(await page.evaluate(() => document.getElementById("app").dataset.clusterMs));
    results.page.push({
      rows: n,
      cols: 50,
      workerPipelineMs: workerMs,
      toPictureMs: Math.round(wall),
      nodeOneThreadMs: Math.round(nodeMs),
    });
    console.error(
      `page ${n}: worker ${workerMs} ms, picture ${Math.round(wall)} ms, node ${Math.round(nodeMs)} ms`,
    );
    await page.close();
  }
  server.close();
}
await browser.close();
console.log(JSON.stringify(results, null, 2));
