import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { heatmap } from "../src/heatmap.js";
import { readMatrix } from "../src/io/matrix-reader.js";
import { collectingLogger } from "../src/log.js";
import { runPipeline } from "../src/pipeline.js";

const dex30 = () => ({ bytes: readFileSync("examples/dex30.tsv"), file: "dex30.tsv" });

describe("runPipeline", () => {
  it("runPipeline returns every intermediate value: input, prepared, trees, drawn order and matrix, Scene", async () => {
    const r = await runPipeline(
      {
        matrix: dex30(),
        annotationCol: { bytes: readFileSync("examples/dex30.samples.tsv"), file: "s.tsv" },
      },
      { scale: "row", clusteringDistanceRows: "correlation", clusteringMethod: "ward.D2", cutreeRows: 2 },
    );
    expect(r.input.nrow).toBe(30);
    expect(r.input.colAnnotation?.tracks.map((t) => t.name)).toEqual(["Group"]);
    expect(r.prepared.nrow).toBe(30);
    expect(r.options.clusteringMethodRows).toBe("ward.D2");
    expect(r.rows?.clusters).toHaveLength(30);
    expect(r.drawn.rowNames.slice(0, 3)).toEqual(["IL1B", "CCL2", "CXCL2"]);
    expect(r.drawn.colNames).toEqual(["Dex_2", "Dex_1", "Dex_3", "Ctrl_2", "Ctrl_1", "Ctrl_3"]);
    // the drawn matrix is the prepared one, reordered
    const i = r.rowOrder[0];
    const j = r.colOrder[0];
    expect(r.drawn.values[0]).toBe(r.prepared.values[i * r.prepared.ncol + j]);
    expect(r.scene?.geometry.rows.names).toEqual(r.drawn.rowNames);
    expect(r.warnings).toEqual([]);
  });

  it("runPipeline with kmeansRows: clustered.matrix is the k-means centers, prepared stays the rows", async () => {
    const r = await runPipeline({ matrix: dex30() }, { kmeansRows: 4, scale: "row" }, { stop: "cluster" });
    expect(r.prepared.nrow).toBe(30);
    expect(r.clustered?.matrix.nrow).toBe(4);
    expect(r.kmeans?.cluster).toHaveLength(30);
    expect(r.drawn.nrow).toBe(4);
    expect(r.scene).toBeNull();
  });

  it("runPipeline stops where asked: prepare gives no trees", async () => {
    const r = await runPipeline({ matrix: dex30() }, { topVariable: 5 }, { stop: "prepare" });
    expect(r.prepared.nrow).toBe(5);
    expect(r.clustered).toBeNull();
    expect(r.drawn).toBe(r.prepared);
  });

  it("runPipeline sends warnings to the logger and keeps them in the result", async () => {
    const logger = collectingLogger();
    const r = await runPipeline({ matrix: dex30() }, { minkowskiP: 3 }, { logger, stop: "cluster" });
    expect(logger.warnings).toEqual(["minkowskiP is ignored: no axis uses the minkowski distance"]);
    expect(r.warnings).toEqual(logger.warnings);
  });

  it("runPipeline refuses options that conflict before reading the input", async () => {
    const unreadable = { bytes: "not\ta\nmatrix", file: "bad.tsv" };
    await expect(runPipeline({ matrix: unreadable }, { cutreeRows: 2, cutreeRowsHeight: 1 })).rejects.toThrow(
      "cutreeRows and cutreeRowsHeight cannot be used together",
    );
  });
});

describe("heatmap", () => {
  it("heatmap(matrix, options) returns the Scene with the trees, clusters and drawn matrix", async () => {
    const m = readMatrix(readFileSync("examples/dex30.tsv"), { file: "dex30.tsv" });
    const fig = await heatmap(m, { scale: "row", cutreeRows: 3, main: "dex30" });
    expect(fig.scene.width).toBeGreaterThan(100);
    expect(fig.scene.groups.map((g) => g.name)).toContain("cells");
    expect(new Set(fig.rows?.clusters).size).toBe(3);
    expect(fig.drawn.nrow).toBe(30);
  });
});
