/**
 * Snapshot goldens of layout: the Scene as deterministic JSON (numbers
 * rounded to 1/1000, one primitive per line) and the SVG that renderSvg
 * makes of it, under test/golden/layout/<name>.json|.svg. On a mismatch the
 * new output is written beside the golden as <name>-changed.json|.svg and
 * the test fails; UPDATE_GOLDEN=1 rewrites the goldens instead. A missing
 * golden is written, except in CI (CI=true), where it fails the test.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect } from "vitest";
import type { Scene } from "../../src/layout/scene.js";
import { renderSvg } from "../../src/render/svg.js";

const DIR = new URL("../golden/layout/", import.meta.url);

function rounded(_key: string, value: unknown): unknown {
  return typeof value === "number" ? Math.round(value * 1000) / 1000 : value;
}

/** The Scene as stable JSON text: the top level and each primitive on a line of its own. */
export function sceneJson(scene: Scene): string {
  const line = (v: unknown) => JSON.stringify(v, rounded);
  const groups = scene.groups
    .map(
      (g) =>
        `    {"name": ${line(g.name)}, "items": [\n${g.items.map((p) => `      ${line(p)}`).join(",\n")}\n    ]}`,
    )
    .join(",\n");
  return (
    "{\n" +
    `  "width": ${line(scene.width)}, "height": ${line(scene.height)}, "background": ${line(scene.background)}, "fontFamily": ${line(scene.fontFamily)},\n` +
    `  "groups": [\n${groups}\n  ],\n` +
    `  "geometry": ${line(scene.geometry)},\n` +
    `  "provenance": ${line(scene.provenance)}\n}\n`
  );
}

function check(name: string, ext: string, actual: string): string | null {
  const golden = new URL(`${name}.${ext}`, DIR);
  const changed = new URL(`${name}-changed.${ext}`, DIR);
  // a golden missing in CI is a failure, not a new golden
  if (!existsSync(golden) && process.env.CI)
    return `${name}.${ext} has no golden: run the tests locally and commit it`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(golden)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(golden, actual);
    if (existsSync(changed)) rmSync(changed);
    return null;
  }
  if (readFileSync(golden, "utf8") === actual) {
    if (existsSync(changed)) rmSync(changed);
    return null;
  }
  writeFileSync(changed, actual);
  return `${name}.${ext} differs from its golden: see test/golden/layout/${name}-changed.${ext} (UPDATE_GOLDEN=1 to accept)`;
}

/** Compares the Scene and its SVG with their goldens (writing them when missing). */
export function expectSnapshot(name: string, scene: Scene): void {
  const problems = [check(name, "json", sceneJson(scene)), check(name, "svg", renderSvg(scene))].filter(
    (p): p is string => p !== null,
  );
  if (problems.length > 0) expect.fail(problems.join("\n"));
}
