import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  clusterheat,
  DEX30,
  DEX30_SAMPLES,
  PHEATMAP_CALL,
  PHEATMAP_COLS,
  PHEATMAP_ROWS,
  tempDir,
  tsvCells,
} from "./run-cli.js";

/** the pheatmap reference call with the sample sheet, in RdBu_r */
const STAGE3 = [DEX30, "--annotation-col", DEX30_SAMPLES, ...PHEATMAP_CALL, "--color", "RdBu_r"];

describe("clusterheat plot", () => {
  it("clusterheat plot writes SVG, PNG and PDF by extension, each recording the version and the options", () => {
    const dir = tempDir();
    const out = ["svg", "png", "pdf"].flatMap((ext) => ["-o", join(dir, `fig.${ext}`)]);
    const run = clusterheat(["plot", ...STAGE3, "--dpi", "150", ...out]);
    expect(run.status).toBe(0);
    const svg = readFileSync(join(dir, "fig.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(">CRISPLD2</text>");
    expect(svg).toMatch(/<metadata>[^<]*clusterheat[^<]*cutreeRows/);
    const png = readFileSync(join(dir, "fig.png"));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    const width = png.readUInt32BE(16);
    const points = Number(/width="([\d.]+)pt"/.exec(svg)![1]);
    expect(width).toBe(Math.round((points * 150) / 72));
    expect(png.includes(Buffer.from("cutreeRows"))).toBe(true);
    const pdf = readFileSync(join(dir, "fig.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.includes(Buffer.from("/FontFile2"))).toBe(true);
  });

  it("clusterheat plot --write-* hands back the numbers behind the picture: pheatmap's order and clusters", () => {
    const dir = tempDir();
    const files = ["clusters.tsv", "matrix.tsv", "trees.nwk", "trees.json"].map((f) => join(dir, f));
    const run = clusterheat([
      "plot",
      ...STAGE3,
      "-o",
      join(dir, "fig.svg"),
      "--write-clusters",
      files[0],
      "--write-matrix",
      files[1],
      "--write-newick",
      files[2],
      "--write-tree",
      files[3],
    ]);
    expect(run.status).toBe(0);
    const clusters = tsvCells(readFileSync(files[0], "utf8"));
    expect(clusters[0]).toEqual(["axis", "name", "cluster", "position"]);
    const rows = clusters.filter((c) => c[0] === "row");
    expect(rows.map((c) => c[1])).toEqual(PHEATMAP_ROWS);
    expect(new Set(rows.slice(0, 15).map((c) => c[2])).size).toBe(1);
    expect(rows[0][2]).not.toBe(rows[29][2]);
    expect(clusters.filter((c) => c[0] === "col").map((c) => c[1])).toEqual(PHEATMAP_COLS);
    const matrix = tsvCells(readFileSync(files[1], "utf8"));
    expect(matrix[0].slice(1)).toEqual(PHEATMAP_COLS);
    expect(matrix.slice(1).map((r) => r[0])).toEqual(PHEATMAP_ROWS);
    expect(readFileSync(files[2], "utf8").trimEnd().split("\n")).toHaveLength(2);
    const trees = JSON.parse(readFileSync(files[3], "utf8"));
    expect(trees.rows.order.map((i: number) => trees.rows.labels[i - 1])).toEqual(PHEATMAP_ROWS);
  });

  it("clusterheat plot --config takes the library's option names; flags override it", () => {
    const dir = tempDir();
    const config = join(dir, "options.json");
    writeFileSync(config, JSON.stringify({ scale: "row", cutreeRows: 3, main: "from the config" }));
    const run = clusterheat([
      "plot",
      DEX30,
      "--config",
      config,
      "--cutree-rows",
      "2",
      "-o",
      join(dir, "f.svg"),
      "--write-clusters",
      join(dir, "c.tsv"),
    ]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "f.svg"), "utf8")).toContain(">from the config</text>");
    const clusters = tsvCells(readFileSync(join(dir, "c.tsv"), "utf8")).filter((c) => c[0] === "row");
    expect(new Set(clusters.map((c) => c[2])).size).toBe(2);
  });

  it("clusterheat plot --config with an unknown or invalid option names the file and the option", () => {
    const dir = tempDir();
    const config = join(dir, "bad.json");
    writeFileSync(config, JSON.stringify({ cutreeRow: 3 }));
    const run = clusterheat(["plot", DEX30, "--config", config, "-o", join(dir, "f.svg")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${config}: unknown option: cutreeRow (did you mean cutreeRows?)`);
  });

  it("clusterheat plot names that would be markup stay text in the SVG", () => {
    const dir = tempDir();
    const matrix = join(dir, "m.tsv");
    writeFileSync(matrix, "gene\ts1\ts2\n<img src=x onerror=alert(1)>\t1\t2\nB&\"'\t3\t1\nC\t2\t2\n");
    const run = clusterheat(["plot", matrix, "-o", join(dir, "f.svg")]);
    expect(run.status).toBe(0);
    const svg = readFileSync(join(dir, "f.svg"), "utf8");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(svg).toContain("B&amp;&quot;&apos;");
  });
});
