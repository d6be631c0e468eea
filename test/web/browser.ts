/**
 * Shared set-up of the browser tests: builds the web bundles into a fresh
 * folder (so a clean clone needs no earlier build) and launches Debian's
 * Chromium with the flags that keep it off the network.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { buildWeb } from "../../web/build.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

let built: Promise<string> | null = null;

/** Builds dist-like web assets once per test process; returns the folder. */
export function builtWeb(): Promise<string> {
  built ??= (async () => {
    const outdir = mkdtempSync(join(tmpdir(), "clusterheat-web-"));
    await buildWeb({ outdir, minify: true });
    return outdir;
  })();
  return built;
}

export async function viewerAssets(): Promise<{ script: string; style: string }> {
  const dir = await builtWeb();
  return {
    script: readFileSync(join(dir, "viewer.js"), "utf8"),
    style: readFileSync(join(dir, "viewer.css"), "utf8"),
  };
}

export const HOSTILE_GENE = "<img src=x onerror=alert(1)>";
export const HOSTILE_SAMPLE = "<script>alert(2)</script>";

/** dex30 with a hostile gene name and a hostile sample name. */
export function hostileDex30(): string {
  const lines = readFileSync("examples/dex30.tsv", "utf8").trimEnd().split("\n");
  const header = lines[0].split("\t");
  header[1] = HOSTILE_SAMPLE;
  lines[0] = header.join("\t");
  lines[1] = lines[1].replace(/^[^\t]+/, HOSTILE_GENE);
  return `${lines.join("\n")}\n`;
}
