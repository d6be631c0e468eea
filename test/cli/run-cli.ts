/**
 * Runs the built command-line program as a user would: `node dist/cli/main.js`
 * (build first: `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { randomSource } from "../../src/cluster/random.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist", "cli", "main.js");
export const DEX30 = "examples/dex30.tsv";
export const DEX30_SAMPLES = "examples/dex30.samples.tsv";
export const ALL_FIXTURE = "test/cli/fixtures/all-subset-200x12.tsv";

/** pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation", clustering_method = "ward.D2", cutree_rows = 2) */
export const PHEATMAP_CALL = [
  "--scale",
  "row",
  "--clustering-distance-rows",
  "correlation",
  "--clustering-method",
  "ward.D2",
  "--cutree-rows",
  "2",
];
// R 4.2.2, pheatmap 1.0.12 (the reference figures of the dex30 data set): the drawn orders of that call
export const PHEATMAP_ROWS =
  "IL1B CCL2 CXCL2 CCL7 ICAM1 PTGS2 CCL11 IL6 MKI67 TNF CXCL8 CXCL1 VCAM1 MMP3 CXCL5 DDIT4 GADD45B TNFRSF9 ANGPTL4 RGS2 CDKN1C KLF9 TSC22D3 PDK4 PER1 SGK1 FKBP5 ZBTB16 DUSP1 CRISPLD2".split(
    " ",
  );
export const PHEATMAP_COLS = ["Dex_2", "Dex_1", "Dex_3", "Ctrl_2", "Ctrl_1", "Ctrl_3"];

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `clusterheat …args` in the project folder (or `cwd`), with stdin `input`. */
export function clusterheat(
  args: readonly string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` before these tests`);
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, CLUSTERHEAT_DEBUG: "", ...options.env },
    timeout: 20_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A fresh temporary folder, removed when the calling test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "clusterheat-cli-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The cells of a TSV text: lines split on tabs, without the final empty line. */
export function tsvCells(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split("\t"));
}

/**
 * A TSV of n rows × p columns of small integers (0 … levels − 1, seeded):
 * tied distances everywhere, for the paths whose trees must equal one
 * thread's, ties included.
 */
export function tiedMatrix(n: number, p: number, seed = 3, levels = 6): string {
  const rnd = randomSource(seed);
  const lines = [["gene", ...Array.from({ length: p }, (_, j) => `s${j}`)].join("\t")];
  for (let i = 0; i < n; i++) {
    lines.push([`g${i}`, ...Array.from({ length: p }, () => String(Math.floor(rnd() * levels)))].join("\t"));
  }
  return `${lines.join("\n")}\n`;
}
