// The page's clustering with and without cross-origin isolation (issue 10):
// the same page, served by `clusterheat serve`'s server, once as it is
// (isolated: the distances on several workers, the linkage on two) and once
// with the isolation headers removed in flight (everything in one worker).
// Prints one line per run: rows, mode, the time in the page's worker, and the
// threads the page reports.
//
// Usage: node bench/viewer/isolation.mjs [--sizes 2000,5000] [--repeat 2] [--rerun]
import { join } from "node:path";
import { buildWeb } from "../../web/build.mjs";
import { ensureData } from "../cluster/make-data.mjs";
import { bundleForNode, launchChromium, root, VIEWER_LIBRARY } from "./common.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = option("--sizes", "2000,5000").split(",").map(Number);
const repeat = Number(option("--repeat", "2"));
const rerun = args.includes("--rerun"); // then cluster again twice, changing the method, as a user tuning the page

const lib = await bundleForNode("viewer-lib", VIEWER_LIBRARY);
const { outdir } = await buildWeb({ outdir: join(root, "bench", "tmp", "web-isolation") });
const server = lib.staticServer(outdir);
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const browser = await launchChromium();
for (let r = 0; r < repeat; r++) {
  for (const isolated of [true, false]) {
    for (const n of sizes) {
      const file = ensureData(n);
      const page = await browser.newPage();
      if (!isolated) {
        await page.route("**/*", async (route) => {
          const response = await route.fetch();
          const headers = { ...response.headers() };
          delete headers["cross-origin-opener-policy"];
          delete headers["cross-origin-embedder-policy"];
          await route.fulfill({ response, headers });
        });
      }
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      // a person takes a moment to pick a file: the page and its worker have loaded by then
      await page.waitForTimeout(1500);
      await page.setInputFiles("#file-matrix", file);
      await page.waitForFunction(() => document.getElementById("app").dataset.state === "done", null, {
        timeout: 600_000,
      });
      const d = await page.evaluate(() => ({
        ...document.getElementById("app").dataset,
        isolated: crossOriginIsolated,
      }));
      console.log(
        `${n} rows, ${d.isolated ? "isolated " : "one worker"}: ${d.clusterMs} ms in the page's worker ` +
          `(distance threads ${d.threads}, linkage threads ${d.linkageThreads}); phases ${d.phases}`,
      );
      // the next run, as after a change of an option (the worker reuses the memory of the last one)
      for (const method of rerun ? ["complete", "average"] : []) {
        // (the control may sit in a folded section: set it as the page's own code would see it)
        await page.evaluate((value) => {
          const select = document.getElementById("opt-clusteringMethod");
          select.value = value;
          select.dispatchEvent(new Event("change", { bubbles: true }));
        }, method);
        await page.waitForFunction(() => document.getElementById("app").dataset.state === "running");
        await page.waitForFunction(() => document.getElementById("app").dataset.state === "done", null, {
          timeout: 600_000,
        });
        const again = await page.evaluate(() => ({ ...document.getElementById("app").dataset }));
        console.log(`  again with ${method}: ${again.clusterMs} ms; phases ${again.phases}`);
      }
      await page.close();
    }
  }
}
await browser.close();
server.close();
