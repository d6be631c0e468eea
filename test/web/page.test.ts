/**
 * The drop-a-file page served by `clusterheat serve`'s server, in real
 * Chromium: picking a file renders, a broken file shows the CLI's message
 * with its line, options rerun, a large file clusters on several threads
 * with the same tree, Cancel stops, and nothing leaves the origin.
 */

import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveStatic, staticServer } from "../../src/cli/serve-command.js";
import { formatNewick } from "../../src/io/newick.js";
import { runPipeline } from "../../src/pipeline.js";
import { builtWeb, launchChromium } from "./browser.js";

let browser: Browser;
let server: Server;
let page: Page;
let origin = "";
const requests: string[] = [];
const dialogs: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  const [dir, b] = await Promise.all([builtWeb(), launchChromium()]);
  browser = b;
  server = staticServer(dir);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("worker", (w) => w.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text())));
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(`${origin}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const state = () => page.locator("#app").getAttribute("data-state");

describe("web page in Chromium", () => {
  it("picking a matrix file renders the heatmap", async () => {
    await page.setInputFiles("#file-matrix", "examples/dex30.tsv");
    await expect.poll(state, { timeout: 15_000 }).toBe("done");
    expect(await page.locator(".ch-stage canvas").count()).toBe(2);
    expect(await page.locator(".cp-phase").textContent()).toContain("30 × 6");
    // the distances ran on the WebAssembly SIMD kernels: the page's policy lets the worker compile them
    expect(await page.locator("#app").getAttribute("data-simd")).toBe("true");
    expect(consoleErrors.filter((t) => /Content Security Policy|WebAssembly/i.test(t))).toEqual([]);
  });

  it("controls come from the schema with label and pheatmap name; changing one reruns", async () => {
    const field = page.locator(".cp-field", { has: page.locator("#opt-scale") });
    expect(await field.textContent()).toContain("Z-score");
    expect(await field.locator("code").textContent()).toBe("scale");
    await page.fill("#opt-cutreeRows", "3");
    await page.locator("#opt-cutreeRows").dispatchEvent("change");
    await expect.poll(() => page.locator(".ch-chip").count(), { timeout: 15_000 }).toBe(3);
    await page.fill("#opt-topVariable", "zero");
    await page.locator("#opt-topVariable").dispatchEvent("change");
    expect(
      await page
        .locator(".cp-field", { has: page.locator("#opt-topVariable") })
        .locator(".cp-bad")
        .textContent(),
    ).toContain("Most variable genes");
    await page.fill("#opt-topVariable", "");
    await page.locator("#opt-topVariable").dispatchEvent("change");
  });

  it("a broken file shows the CLI's message: file, line, column, what was found", async () => {
    await page.setInputFiles("#file-matrix", {
      name: "broken.tsv",
      mimeType: "text/tab-separated-values",
      buffer: Buffer.from("gene\ta\tb\nG1\t1\t2\nG2\t3\tabc\n"),
    });
    await expect.poll(state, { timeout: 15_000 }).toBe("error");
    const message = await page.locator(".cp-error").textContent();
    expect(message).toMatch(/^broken\.tsv:3:3: /);
    expect(message).toContain("abc");
  });

  it("clusters on several threads when served isolated, with the tree of one thread, ties included", async () => {
    // 3,500 rows of small integers: many tied distances; the page splits the
    // work only from ~10,000 rows (where it pays in Chromium), so the threads
    // are asked for at any size (?threads=always), every step of the linkage split
    await page.goto(`${origin}/?threads=always`);
    const n = 3500;
    const p = 12;
    const lines = [`gene\t${Array.from({ length: p }, (_, j) => `S${j}`).join("\t")}`];
    let a = 7;
    for (let i = 0; i < n; i++) {
      const cells: number[] = [];
      for (let j = 0; j < p; j++) {
        a = (a * 16807) % 2147483647;
        cells.push(a % 6);
      }
      lines.push(`G${i}\t${cells.join("\t")}`);
    }
    const text = `${lines.join("\n")}\n`;
    await page.setInputFiles("#file-matrix", {
      name: "tied.tsv",
      mimeType: "text/plain",
      buffer: Buffer.from(text),
    });
    await expect.poll(state, { timeout: 60_000 }).toBe("done");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(Number(await page.locator("#app").getAttribute("data-threads"))).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#app").getAttribute("data-linkage-threads")).toBe("2");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Trees (Newick)" }).click(),
    ]);
    const fromPage = readFileSync((await download.path()) as string, "utf8");
    // the same pipeline on this thread only (no worker threads)
    const one = await runPipeline(
      { matrix: { bytes: new TextEncoder().encode(text), file: "tied.tsv" } },
      {},
      { stop: "cluster" },
    );
    const trees = [one.rows?.tree, one.cols?.tree].filter((t) => !!t).map((t) => formatNewick(t!));
    expect(fromPage).toBe(`${trees.join("\n")}\n`);
    // the figure's SVG of this many rows draws its cells as one embedded image, with pixels
    const [svgDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Figure SVG" }).click(),
    ]);
    const svg = readFileSync((await svgDownload.path()) as string, "utf8");
    const png = /data:image\/png;base64,([A-Za-z0-9+/=]*)/.exec(svg);
    expect(png?.[1].length ?? 0).toBeGreaterThan(1000);
    await page.goto(`${origin}/`); // the page as served, for the tests after
  }, 90_000);

  it("Cancel stops a long clustering within about 100 ms", async () => {
    const rows = [`gene\t${Array.from({ length: 40 }, (_, j) => `S${j}`).join("\t")}`];
    let a = 1;
    for (let i = 0; i < 8000; i++) {
      const cells: string[] = [];
      for (let j = 0; j < 40; j++) {
        a = (a * 16807) % 2147483647;
        cells.push((a / 2147483647).toFixed(4));
      }
      rows.push(`G${i}\t${cells.join("\t")}`);
    }
    await page.setInputFiles("#file-matrix", {
      name: "big.tsv",
      mimeType: "text/plain",
      buffer: Buffer.from(rows.join("\n")),
    });
    await expect.poll(state, { timeout: 5_000 }).toBe("running");
    await page.waitForTimeout(150);
    const t0 = Date.now();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(state, { timeout: 2_000 }).toBe("cancelled");
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForTimeout(300);
    expect(await state()).toBe("cancelled");
  });

  it("makes no request beyond its own origin; serve refuses paths outside its folder", async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:"))).toEqual([]);
    expect(dialogs).toEqual([]);
    const dir = await builtWeb();
    expect(resolveStatic(dir, "/../package.json")).toBeNull();
    expect(resolveStatic(dir, "/%2e%2e/%2e%2e/etc/passwd")).toBeNull();
    expect(resolveStatic(dir, "/index.html")).not.toBeNull();
    const res = await fetch(`${origin}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(404);
    const headers = (await fetch(`${origin}/`)).headers;
    expect(headers.get("content-security-policy")).toContain("default-src 'self'");
    // WebAssembly may be compiled, JavaScript may not be evaluated
    expect(headers.get("content-security-policy")).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(headers.get("content-security-policy")).not.toContain("'unsafe-eval'");
    // isolated: the workers share memory
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(headers.get("cross-origin-embedder-policy")).toBe("require-corp");
  });
});
