// The README's screenshots of the viewer, taken in Debian's Chromium:
// docs/viewer-export.png (the ALL subset export, a cluster selected, a tooltip),
// docs/viewer-export-dex30.png (dex30 after a search, then a double-click fit, a tooltip) and
// docs/viewer-page.png (the drop-a-file page with dex30 and its sample sheet).
// Usage: node bench/viewer/screenshots.mjs [--out docs]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { buildWeb } from "../../web/build.mjs";
import { bundleForNode, launchChromium, root, tmp, VIEWER_LIBRARY, viewerAssets } from "./common.mjs";

const args = process.argv.slice(2);
const out = resolve(root, args.includes("--out") ? args[args.indexOf("--out") + 1] : "docs");
mkdirSync(tmp, { recursive: true });
mkdirSync(out, { recursive: true });
const { outdir } = await buildWeb({ outdir: join(tmp, "screenshots-web"), minify: true });
const { runPipeline, exportHtml, staticServer } = await bundleForNode(
  "viewer-screenshots-lib",
  VIEWER_LIBRARY,
);
const assets = viewerAssets(outdir);
const read = (path) => ({ bytes: readFileSync(join(root, path)), file: path });

const browser = await launchChromium(["--hide-scrollbars"]);
const probe = (page, r, c) => page.evaluate(([r, c]) => window.clusterheat.probe.cell(r, c), [r, c]);

async function exportPage(name, input, options) {
  const result = await runPipeline(input, options);
  const file = join(tmp, `${name}.html`);
  writeFileSync(file, exportHtml(result, assets));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("[data-ready]");
  await page.waitForTimeout(400);
  return page;
}

// 1. the ALL subset, cluster 2 of the genes selected, a tooltip
{
  const page = await exportPage(
    "all-subset",
    { matrix: read("examples/all-subset.tsv"), annotationCol: read("examples/all-subset.samples.tsv") },
    { scale: "row", cutreeRows: 4, cutreeCols: 2, main: "ALL subset: 200 genes × 128 patients" },
  );
  await page.getByRole("button", { name: /gene cluster 2,/ }).click();
  const [x, y] = await probe(page, 120, 40);
  await page.mouse.move(x, y);
  await page.locator(".ch-tooltip").waitFor({ state: "visible" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, "viewer-export.png") });
  await page.close();
}

// 2. dex30: three genes found, the whole figure again (double-click), a tooltip
{
  const page = await exportPage(
    "dex30",
    { matrix: read("examples/dex30.tsv"), annotationCol: read("examples/dex30.samples.tsv") },
    { scale: "row", clusteringDistanceRows: "correlation", clusteringMethod: "ward.D2", cutreeRows: 2 },
  );
  await page.fill(".ch-search", "IL1B CXCL8 FKBP5");
  await page.press(".ch-search", "Enter");
  await page.waitForTimeout(200);
  await page.dblclick(".ch-stage", { position: { x: 12, y: 12 } });
  await page.waitForTimeout(300);
  const [x, y] = await probe(page, 17, 4);
  await page.mouse.move(x, y);
  await page.locator(".ch-tooltip").waitFor({ state: "visible" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, "viewer-export-dex30.png") });
  await page.close();
}

// 3. the page: dex30 and its sample sheet, rows cut in two
{
  const server = staticServer(outdir);
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const page = await browser.newPage({ viewport: { width: 1400, height: 1160 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.setInputFiles("#file-matrix", join(root, "examples/dex30.tsv"));
  const done = () => page.waitForFunction(() => document.getElementById("app").dataset.state === "done");
  await done();
  if (await page.locator("#file-annotationCol").count()) {
    await page.setInputFiles("#file-annotationCol", join(root, "examples/dex30.samples.tsv"));
    await done();
  }
  if (await page.locator("#opt-cutreeRows").count()) {
    await page.fill("#opt-cutreeRows", "2");
    await page.locator("#opt-cutreeRows").dispatchEvent("change");
    await page.waitForTimeout(300);
    await done();
  }
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, "viewer-page.png") });
  await page.close();
  server.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
