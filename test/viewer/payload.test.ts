import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../src/pipeline.js";
import {
  buildPayload,
  colorIndex,
  decodePayload,
  encodePayload,
  formatFloat32,
  fromBase64,
  toBase64,
} from "../../src/viewer/payload.js";

const read = (path: string) => ({ bytes: readFileSync(path), file: path });

describe("viewer payload", () => {
  it("encodePayload → decodePayload gives back every field (dex30, scaled, cut, annotated)", async () => {
    const result = await runPipeline(
      { matrix: read("examples/dex30.tsv"), annotationCol: read("examples/dex30.samples.tsv") },
      { scale: "row", clusteringDistanceRows: "correlation", cutreeRows: 2 },
    );
    const p = buildPayload(result);
    expect(p.scene?.groups.some((g) => g.name === "cells")).toBe(false);
    expect(p.original).not.toBeNull(); // scaled: drawn ≠ original
    const back = decodePayload(fromBase64(toBase64(encodePayload(p))));
    expect(back).toEqual(p);
    // original value of the first drawn cell is the input's value for that gene and sample
    const gene = p.rowNames[0];
    const sample = p.colNames[0];
    const i = result.input.rowNames.indexOf(gene);
    const j = result.input.colNames.indexOf(sample);
    expect(back.original?.[0]).toBe(Math.fround(result.input.values[i * result.input.ncol + j]));
    expect(back.rowClusters?.length).toBe(30);
    expect(back.colTracks[0].name).toBe("Group");
  });

  it("buildPayload leaves no original value for k-means centers and averaged groups", async () => {
    const result = await runPipeline(
      { matrix: read("examples/dex30.tsv"), annotationCol: read("examples/dex30.samples.tsv") },
      { kmeansRows: 3, aggregateColsBy: "Group" },
      { stop: "cluster" },
    );
    const p = buildPayload(result);
    expect(Array.from(p.originalRows)).toEqual([0, 0, 0]);
    expect(Array.from(p.originalCols)).toEqual([0, 0]);
    expect(p.scene).toBeNull();
    expect(decodePayload(encodePayload(p)).nrow).toBe(3);
  });

  it("encodePayload keeps a 20,000 × 50 matrix of 4-decimal values to a few MB", () => {
    let a = 7; // mulberry32
    const rand = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const nrow = 20_000;
    const ncol = 50;
    const values = Float32Array.from(
      { length: nrow * ncol },
      () => Math.round((4 + rand() * 10) * 1e4) / 1e4,
    );
    const p = {
      nrow,
      ncol,
      values,
      original: null,
      originalRows: new Uint8Array(nrow).fill(1),
      originalCols: new Uint8Array(ncol).fill(1),
      rowNames: Array.from({ length: nrow }, (_, i) => `GENE${i}`),
      colNames: Array.from({ length: ncol }, (_, j) => `S${j}`),
      rowClusters: null,
      colClusters: null,
      rowTracks: [],
      colTracks: [],
      rowTree: null,
      colTree: null,
      scale: { colors: ["#000000", "#ffffff"], breaks: [0, 7, 14], naColor: "#dddddd", palette: null },
      cellBorder: null,
      scene: null,
      valueLabel: "value",
      options: {},
      warnings: [],
      title: "big",
    };
    const t0 = performance.now();
    const base64 = toBase64(encodePayload(p));
    const t1 = performance.now();
    const back = decodePayload(fromBase64(base64)).values;
    const t2 = performance.now();
    console.log(
      `20000 x 50: ${(base64.length / 1e6).toFixed(2)} MB base64, encode ${(t1 - t0).toFixed(0)} ms, decode ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(base64.length).toBeLessThan(5_000_000);
    expect(back.length).toBe(values.length);
    expect(back.every((v, i) => v === values[i])).toBe(true);
  });

  it("formatFloat32 writes the shortest text of a float32; colorIndex follows pheatmap's breaks", () => {
    expect(formatFloat32(Math.fround(14.7634))).toBe("14.7634");
    expect(formatFloat32(Number.NaN)).toBe("NA");
    expect(formatFloat32(-0.5)).toBe("-0.5");
    const breaks = [0, 1, 2, 3];
    expect([0, 0.5, 1, 1.0001, 3, 9, -1, Number.NaN].map((v) => colorIndex(v, breaks))).toEqual([
      0, 0, 0, 1, 2, 2, 0, -1,
    ]);
  });
});
