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

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, "dist", "cli", "main.js");
export const DEX30 = "examples/dex30.tsv";
export const DEX30_SAMPLES = "examples/dex30.samples.tsv";
export const ALL_FIXTURE = "test/cli/fixtures/all-subset-200x12.tsv";

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
