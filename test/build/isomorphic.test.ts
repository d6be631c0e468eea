/**
 * The isomorphic rule (README, "Layout of the code"): everything outside src/cli and src/node
 * runs in the browser too. The lint rule refuses `node:` imports there, and
 * the library's entry bundles for the browser.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-cli.js";

/**
 * Lints `code` as if it were the file at `path` of the project: the
 * project's biome.json is copied into a temporary folder beside the file.
 */
function lint(path: string, code: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "clusterheat-lint-"));
  try {
    const config = JSON.parse(readFileSync(join(ROOT, "biome.json"), "utf8"));
    delete config.$schema;
    delete config.vcs;
    writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), code);
    const biome = join(ROOT, "node_modules/@biomejs/biome/bin/biome");
    const run = spawnSync(process.execPath, [biome, "lint", path], { cwd: dir, encoding: "utf8" });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the isomorphic rule", () => {
  const probe = 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n';

  it("biome lint refuses a node: import in src/layout, src/transform and src/pipeline.ts", () => {
    for (const path of ["src/layout/probe.ts", "src/transform/probe.ts", "src/pipeline.ts"]) {
      const r = lint(path, probe);
      expect(r.status, path).not.toBe(0);
      expect(r.output).toContain("noRestrictedImports");
    }
    expect(
      lint("src/color/probe.ts", 'import { gzipSync } from "zlib";\nexport const z = gzipSync;\n').status,
    ).not.toBe(0);
  });

  it("biome lint allows node: imports in src/cli and src/node", () => {
    expect(lint("src/cli/probe.ts", probe).status).toBe(0);
    expect(lint("src/node/probe.ts", probe).status).toBe(0);
  });

  it("src/index.ts bundles for the browser (esbuild, platform browser) with no Node built-in", async () => {
    const result = await build({
      entryPoints: [`${ROOT}/src/index.ts`],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|worker_threads)["']\)/);
    expect(code.length).toBeGreaterThan(10_000);
  });
});
