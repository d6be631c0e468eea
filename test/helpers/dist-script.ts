/**
 * Runs a script against the build in dist/, in a child process: worker
 * threads load dist's .js files, and a script file (not "node -e") because
 * worker threads inherit the parent's execArgv. Build first (`npm run build`).
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

/**
 * The start of a script that clusters with the build (runDistScript passes
 * dist/ as argv[2]): D, clusterMatrix, nodeClusterContext, createMatrix,
 * randomSource.
 */
export const CLUSTER_SCRIPT_IMPORTS = `
const D = process.argv[2];
const { clusterMatrix } = await import(D + "/cluster/cluster-matrix.js");
const { nodeClusterContext } = await import(D + "/node/parallel.js");
const { createMatrix } = await import(D + "/matrix.js");
const { randomSource } = await import(D + "/cluster/random.js");
`;

/** Whether dist/ holds this file (e.g. "node/hclust-worker.js"): the tests that need it skip otherwise. */
export function built(file: string): boolean {
  return existsSync(join(DIST, file));
}

/** Writes `source` to a temporary file and runs `node file DIST ...args`; the file is removed after. */
export function runDistScript(
  source: string,
  args: string[] = [],
  options: { env?: NodeJS.ProcessEnv; timeout?: number } = {},
): SpawnSyncReturns<string> {
  const dir = mkdtempSync(join(tmpdir(), "clusterheat-script-"));
  const script = join(dir, "run.mjs");
  writeFileSync(script, source);
  try {
    return spawnSync(process.execPath, [script, DIST, ...args], {
      encoding: "utf8",
      env: options.env ?? process.env,
      timeout: options.timeout ?? 120_000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
