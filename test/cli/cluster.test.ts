import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  clusterheat,
  DEX30,
  PHEATMAP_CALL,
  PHEATMAP_COLS,
  PHEATMAP_ROWS,
  tempDir,
  tsvCells,
} from "./run-cli.js";

interface TreeJson {
  labels: string[];
  merge: [number, number][];
  height: number[];
  order: number[];
  clusters?: number[];
}

const ordered = (t: TreeJson) => t.order.map((i) => t.labels[i - 1]);

describe("clusterheat cluster", () => {
  it("clusterheat cluster writes hclust-shaped JSON of both trees with pheatmap's orders", () => {
    const run = clusterheat(["cluster", DEX30, ...PHEATMAP_CALL]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { rows: TreeJson; cols: TreeJson };
    expect(json.rows.merge).toHaveLength(29);
    expect(json.rows.height).toHaveLength(29);
    expect(ordered(json.rows)).toEqual(PHEATMAP_ROWS);
    expect(ordered(json.cols)).toEqual(PHEATMAP_COLS);
    expect(new Set(json.rows.clusters)).toEqual(new Set([1, 2]));
    expect(json.cols.clusters).toBeUndefined();
  });

  it("clusterheat cluster --no-cluster-cols writes null for the columns", () => {
    const run = clusterheat(["cluster", DEX30, "--no-cluster-cols"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.cols).toBeNull();
    expect(json.rows.labels).toHaveLength(30);
  });

  it("clusterheat cluster --format newick writes the row tree, then the column tree", () => {
    const both = clusterheat(["cluster", DEX30, ...PHEATMAP_CALL, "--format", "newick"]);
    expect(both.status).toBe(0);
    const lines = both.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\(.*\);$/);
    expect(lines[0]).toContain("CRISPLD2");
    expect(lines[1]).toContain("Dex_2");
    const cols = clusterheat(["cluster", DEX30, ...PHEATMAP_CALL, "--format", "newick", "--axis", "cols"]);
    expect(cols.stdout.trimEnd().split("\n")).toEqual([lines[1]]);
  });

  it("clusterheat cluster --format tsv writes name, cluster, position of the rows in drawn order", () => {
    const run = clusterheat(["cluster", DEX30, ...PHEATMAP_CALL, "--format", "tsv"]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells[0]).toEqual(["name", "cluster", "position"]);
    expect(cells.slice(1).map((r) => r[0])).toEqual(PHEATMAP_ROWS);
    expect(cells.slice(1).map((r) => r[2])).toEqual(PHEATMAP_ROWS.map((_, i) => String(i + 1)));
  });

  it("clusterheat cluster with several -o writes each file in the format of its extension", () => {
    const dir = tempDir();
    const [json, nwk, tsv] = ["trees.json", "trees.nwk", "rows.tsv"].map((f) => join(dir, f));
    const run = clusterheat(["cluster", DEX30, ...PHEATMAP_CALL, "-o", json, "-o", nwk, "-o", tsv]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(ordered(JSON.parse(readFileSync(json, "utf8")).rows)).toEqual(PHEATMAP_ROWS);
    expect(readFileSync(nwk, "utf8").trimEnd().split("\n")).toHaveLength(2);
    expect(tsvCells(readFileSync(tsv, "utf8"))[0]).toEqual(["name", "cluster", "position"]);
  });

  it("clusterheat cluster --format tsv --axis cols writes the column clusters", () => {
    const run = clusterheat([
      "cluster",
      DEX30,
      ...PHEATMAP_CALL,
      "--cutree-cols",
      "2",
      "--format",
      "tsv",
      "--axis",
      "cols",
    ]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells.slice(1).map((r) => r[0])).toEqual(PHEATMAP_COLS);
    // cutree numbers clusters by first appearance in input order: Ctrl_1 is in cluster 1
    expect(cells.slice(1).map((r) => r[1])).toEqual(["2", "2", "2", "1", "1", "1"]);
  });

  it("clusterheat cluster --kmeans-rows adds the k-means clusters of the input rows to the JSON", () => {
    const run = clusterheat(["cluster", DEX30, "--scale", "row", "--kmeans-rows", "3"]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.rows.labels).toHaveLength(3);
    expect(json.kmeans.names).toHaveLength(30);
    expect(json.kmeans.cluster).toHaveLength(30);
    expect(json.kmeans.size.reduce((a: number, b: number) => a + b, 0)).toBe(30);
  });
});
