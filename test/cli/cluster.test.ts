import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clusterheat, DEX30, tempDir, tsvCells } from "./run-cli.js";

/** pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation", clustering_method = "ward.D2", cutree_rows = 2) */
const REFERENCE_CALL = [
  "--scale",
  "row",
  "--clustering-distance-rows",
  "correlation",
  "--clustering-method",
  "ward.D2",
  "--cutree-rows",
  "2",
];
// R 4.2.2, pheatmap 1.0.12 (the reference figures of the dex30 data set)
const ROW_ORDER =
  "IL1B CCL2 CXCL2 CCL7 ICAM1 PTGS2 CCL11 IL6 MKI67 TNF CXCL8 CXCL1 VCAM1 MMP3 CXCL5 DDIT4 GADD45B TNFRSF9 ANGPTL4 RGS2 CDKN1C KLF9 TSC22D3 PDK4 PER1 SGK1 FKBP5 ZBTB16 DUSP1 CRISPLD2".split(
    " ",
  );
const COL_ORDER = ["Dex_2", "Dex_1", "Dex_3", "Ctrl_2", "Ctrl_1", "Ctrl_3"];

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
    const run = clusterheat(["cluster", DEX30, ...REFERENCE_CALL]);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { rows: TreeJson; cols: TreeJson };
    expect(json.rows.merge).toHaveLength(29);
    expect(json.rows.height).toHaveLength(29);
    expect(ordered(json.rows)).toEqual(ROW_ORDER);
    expect(ordered(json.cols)).toEqual(COL_ORDER);
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
    const both = clusterheat(["cluster", DEX30, ...REFERENCE_CALL, "--format", "newick"]);
    expect(both.status).toBe(0);
    const lines = both.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\(.*\);$/);
    expect(lines[0]).toContain("CRISPLD2");
    expect(lines[1]).toContain("Dex_2");
    const cols = clusterheat(["cluster", DEX30, ...REFERENCE_CALL, "--format", "newick", "--axis", "cols"]);
    expect(cols.stdout.trimEnd().split("\n")).toEqual([lines[1]]);
  });

  it("clusterheat cluster --format tsv writes name, cluster, position of the rows in drawn order", () => {
    const run = clusterheat(["cluster", DEX30, ...REFERENCE_CALL, "--format", "tsv"]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells[0]).toEqual(["name", "cluster", "position"]);
    expect(cells.slice(1).map((r) => r[0])).toEqual(ROW_ORDER);
    expect(cells.slice(1).map((r) => r[2])).toEqual(ROW_ORDER.map((_, i) => String(i + 1)));
  });

  it("clusterheat cluster with several -o writes each file in the format of its extension", () => {
    const dir = tempDir();
    const [json, nwk, tsv] = ["trees.json", "trees.nwk", "rows.tsv"].map((f) => join(dir, f));
    const run = clusterheat(["cluster", DEX30, ...REFERENCE_CALL, "-o", json, "-o", nwk, "-o", tsv]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(ordered(JSON.parse(readFileSync(json, "utf8")).rows)).toEqual(ROW_ORDER);
    expect(readFileSync(nwk, "utf8").trimEnd().split("\n")).toHaveLength(2);
    expect(tsvCells(readFileSync(tsv, "utf8"))[0]).toEqual(["name", "cluster", "position"]);
  });

  it("clusterheat cluster --format tsv --axis cols writes the column clusters", () => {
    const run = clusterheat([
      "cluster",
      DEX30,
      ...REFERENCE_CALL,
      "--cutree-cols",
      "2",
      "--format",
      "tsv",
      "--axis",
      "cols",
    ]);
    expect(run.status).toBe(0);
    const cells = tsvCells(run.stdout);
    expect(cells.slice(1).map((r) => r[0])).toEqual(COL_ORDER);
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
