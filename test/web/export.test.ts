/**
 * The single-file HTML export in real Chromium (file://): hover, search,
 * branch selection, SVG export, hostile names, and no request at all.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportHtml } from "../../src/node/html-export.js";
import { runPipeline } from "../../src/pipeline.js";
import { HOSTILE_GENE, HOSTILE_SAMPLE, hostileDex30, launchChromium, viewerAssets } from "./browser.js";

let browser: Browser;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];
let fileUrl = "";

type Probe = {
  clusterheat: {
    probe: {
      cell(r: number, c: number): [number, number];
      branch(a: string, s: number): [number, number] | null;
    };
  };
};

beforeAll(async () => {
  const [assets, b] = await Promise.all([viewerAssets(), launchChromium()]);
  browser = b;
  const result = await runPipeline(
    {
      matrix: { bytes: hostileDex30(), file: "dex30.tsv" },
      annotationCol: {
        bytes: readFileSync("examples/dex30.samples.tsv", "utf8").replace("Ctrl_1", HOSTILE_SAMPLE),
        file: "samples.tsv",
      },
    },
    {
      scale: "row",
      clusteringDistanceRows: "correlation",
      clusteringMethod: "ward.D2",
      cutreeRows: 2,
      main: HOSTILE_GENE,
    },
  );
  const dir = mkdtempSync(join(tmpdir(), "clusterheat-export-"));
  const file = join(dir, "dex30.html");
  writeFileSync(file, exportHtml(result, assets));
  fileUrl = pathToFileURL(file).href;
  page = await browser.newPage({ viewport: { width: 1200, height: 800 }, acceptDownloads: true });
  page.on("request", (r) => requests.push(r.url()));
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(fileUrl);
  await page.waitForSelector("[data-ready]");
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("HTML export in Chromium", () => {
  it("hovering a cell shows the tooltip: gene, sample, drawn and original value, cluster, annotation", async () => {
    const [x, y] = await page.evaluate(() => (window as unknown as Probe).clusterheat.probe.cell(0, 0));
    await page.mouse.move(x, y);
    const tooltip = page.locator(".ch-tooltip");
    await tooltip.waitFor({ state: "visible" });
    const text = await tooltip.textContent();
    expect(text).toContain("Gene");
    expect(text).toContain("Original value");
    expect(text).toContain("Gene cluster");
    expect(text).toContain("Group");
  });

  it("hostile names are shown as text and run nothing", async () => {
    // find the hostile gene: it becomes the selection's only line
    await page.fill(".ch-search", HOSTILE_GENE);
    await page.press(".ch-search", "Enter");
    await expect.poll(() => page.locator(".ch-list").inputValue()).toBe(HOSTILE_GENE);
    const row = await page.evaluate(
      (name) => Number((document.querySelector(".ch-stage") as HTMLElement).dataset.selected) && name,
      HOSTILE_GENE,
    );
    expect(row).toBe(HOSTILE_GENE);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.title()).toBe(HOSTILE_GENE);
    expect(dialogs).toEqual([]);
  });

  it("search highlights several pasted names and says which were not found", async () => {
    await page.fill(".ch-search", "IL1B, CCL2\nNOT_A_GENE");
    await page.press(".ch-search", "Enter");
    await expect.poll(() => page.locator(".ch-count").textContent()).toBe("2 genes");
    expect(await page.locator(".ch-missing").textContent()).toContain("NOT_A_GENE");
    expect((await page.locator(".ch-list").inputValue()).split("\n").sort()).toEqual(["CCL2", "IL1B"]);
    await page.dblclick(".ch-stage", { position: { x: 5, y: 5 } });
    // fitted again, the canvas' last row is background: nothing of the zoomed frame stays behind
    await page.waitForTimeout(100);
    const lastRow = await page.evaluate(() => {
      const c = document.querySelector(".ch-base") as HTMLCanvasElement;
      const d = (c.getContext("2d") as CanvasRenderingContext2D).getImageData(
        0,
        c.height - 1,
        c.width,
        1,
      ).data;
      let other = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) other++;
      return other;
    });
    expect(lastRow).toBe(0);
  });

  it("clicking a dendrogram branch selects its genes; a cluster button selects its genes", async () => {
    const at = await page.evaluate(() => (window as unknown as Probe).clusterheat.probe.branch("rows", 29));
    expect(at).not.toBeNull();
    await page.mouse.click(at![0], at![1]);
    await expect.poll(() => page.locator(".ch-side-title").textContent()).toBe("Branch of 30 genes");
    expect((await page.locator(".ch-list").inputValue()).split("\n")).toHaveLength(30);
    await page.getByRole("button", { name: /gene cluster 1,/ }).click();
    await expect.poll(() => page.locator(".ch-side-title").textContent()).toBe("Gene cluster 1");
  });

  it("the SVG button downloads a valid SVG of the view, names escaped", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "SVG" }).click(),
    ]);
    const path = await download.path();
    const svg = readFileSync(path, "utf8");
    expect(svg.startsWith("<svg") || svg.startsWith("<?xml")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<image");
    expect(svg).not.toContain("<img src=x");
    const valid = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return doc.getElementsByTagName("parsererror").length === 0 && doc.documentElement.nodeName === "svg";
    }, svg);
    expect(valid).toBe(true);
  });

  it("wheel zoom shows row labels and keyboard controls work", async () => {
    await page.focus(".ch-stage");
    await page.keyboard.press("0");
    const before = await page.evaluate(() =>
      JSON.parse((document.querySelector(".ch-stage") as HTMLElement).dataset.view!),
    );
    await page.keyboard.press("+");
    await expect
      .poll(async () => JSON.parse((await page.locator(".ch-stage").getAttribute("data-view"))!).ky)
      .toBeGreaterThan(before.ky);
  });

  it("makes no request beyond its own file", () => {
    expect(requests).toEqual([fileUrl]);
    expect(dialogs).toEqual([]);
  });
});
