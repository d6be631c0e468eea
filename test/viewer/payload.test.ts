import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../../src/pipeline.js";
import {
  buildPayload,
  colorIndex,
  decodePayload,
  encodePayload,
  formatDrawn,
  formatFloat32,
  fromBase64,
  toBase64,
  type ViewerPayload,
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
    // the drawn values are rebuilt from the originals: within 1e-5 and always the same color
    expect({ ...back, values: null }).toEqual({ ...p, values: null });
    expect(back.values.length).toBe(p.values.length);
    p.values.forEach((v, k) => {
      expect(Math.abs(back.values[k] - v)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)));
      expect(colorIndex(back.values[k], p.scale.breaks)).toBe(colorIndex(v, p.scale.breaks));
    });
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

  /** A 20,000 × 50 payload of 4-decimal values (8 gene programs, noise), as the export of the benchmark. */
  function bigPayload(scaled: boolean): ViewerPayload {
    let a = 7; // mulberry32
    const rand = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const nrow = 20_000;
    const ncol = 50;
    const effect = Array.from({ length: 32 }, () => (rand() - 0.5) * 4);
    const input = new Float64Array(nrow * ncol);
    for (let r = 0; r < nrow; r++) {
      const base = 4 + rand() * 8;
      for (let c = 0; c < ncol; c++)
        input[r * ncol + c] = Number((base + effect[(r % 8) * 4 + (c % 4)] + rand() - 0.5).toFixed(4));
    }
    // row z-scores, as the pipeline's scale: "row"
    const drawn = new Float64Array(input.length);
    for (let r = 0; r < nrow; r++) {
      const row = input.subarray(r * ncol, (r + 1) * ncol);
      const mean = row.reduce((s, x) => s + x, 0) / ncol;
      const sd = Math.sqrt(row.reduce((s, x) => s + (x - mean) ** 2, 0) / (ncol - 1));
      for (let c = 0; c < ncol; c++) drawn[r * ncol + c] = (row[c] - mean) / sd;
    }
    input[123] = Number.NaN; // a missing value
    drawn[123] = Number.NaN;
    return {
      nrow,
      ncol,
      values: Float32Array.from(scaled ? drawn : input),
      original: scaled ? Float32Array.from(input) : null,
      originalRows: new Uint8Array(nrow).fill(1),
      originalCols: new Uint8Array(ncol).fill(1),
      rowNames: Array.from({ length: nrow }, (_, i) => `GENE${i}`),
      colNames: Array.from({ length: ncol }, (_, j) => `S${j}`),
      rowLabels: null,
      colLabels: null,
      angleCol: 270,
      rowClusters: null,
      colClusters: null,
      rowTracks: [],
      colTracks: [],
      rowTree: null,
      colTree: null,
      scale: scaled
        ? {
            colors: Array.from({ length: 100 }, (_, i) => `#${i.toString(16).padStart(2, "0")}0000`),
            breaks: Array.from({ length: 101 }, (_, i) => -4 + (8 * i) / 100),
            naColor: "#dddddd",
            palette: null,
          }
        : { colors: ["#000000", "#ffffff"], breaks: [0, 7, 14], naColor: "#dddddd", palette: null },
      cellBorder: null,
      scene: null,
      log2: null,
      valueLabel: scaled ? "z-score" : "value",
      options: {},
      warnings: [],
      title: "big",
    };
  }

  it.each([
    ["as given", false, 3_000_000],
    ["row-scaled (drawn and original values)", true, 3_400_000],
  ])("a 20,000 × 50 matrix of 4-decimal values, %s, takes a few MB", (_, scaled, bound) => {
    const p = bigPayload(scaled);
    const t0 = performance.now();
    const base64 = toBase64(encodePayload(p));
    const t1 = performance.now();
    const back = decodePayload(fromBase64(base64));
    const t2 = performance.now();
    console.log(
      `20000 x 50 ${scaled ? "row-scaled" : "as given"}: ${(base64.length / 1e6).toFixed(2)} MB base64, encode ${(t1 - t0).toFixed(0)} ms, decode ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(base64.length).toBeLessThan(bound);
    // the originals come back exactly; the drawn values within 1e-5 and in the same color
    const want = p.original ?? p.values;
    const got = back.original ?? back.values;
    expect(got.every((v, i) => Object.is(v, want[i]))).toBe(true);
    let worst = 0;
    let colors = 0;
    p.values.forEach((v, k) => {
      const w = back.values[k];
      if (Number.isNaN(v) || Number.isNaN(w)) {
        if (Number.isNaN(v) !== Number.isNaN(w)) colors++;
        return;
      }
      worst = Math.max(worst, Math.abs(w - v) / Math.max(1, Math.abs(v)));
      if (colorIndex(w, p.scale.breaks) !== colorIndex(v, p.scale.breaks)) colors++;
    });
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(colors).toBe(0);
  });

  it("values that are not short decimals, or drawn values that no affine rule gives, still come back", () => {
    const nrow = 40;
    const ncol = 7;
    const original = Float32Array.from({ length: nrow * ncol }, (_, k) => Math.sin(k) * 1000 + 0.1234567);
    const values = Float32Array.from(original, (x, k) => (k % 3 === 0 ? x * x : Math.cbrt(x)));
    const p: ViewerPayload = {
      ...bigPayload(false),
      nrow,
      ncol,
      values,
      original,
      rowNames: Array.from({ length: nrow }, (_, i) => `g${i}`),
      colNames: Array.from({ length: ncol }, (_, j) => `s${j}`),
    };
    p.originalRows = new Uint8Array(nrow).fill(1);
    p.originalCols = new Uint8Array(ncol).fill(1);
    const back = decodePayload(encodePayload(p));
    expect(back).toEqual(p);
  });

  it("a log2 then row-scaled matrix is rebuilt from its originals", async () => {
    const result = await runPipeline(
      { matrix: read("examples/dex30.tsv") },
      { log2: 1, scale: "row" },
      { stop: "cluster" },
    );
    const p = buildPayload(result);
    expect(p.log2).toBe(1);
    const back = decodePayload(encodePayload(p));
    expect(back.original).toEqual(p.original);
    p.values.forEach((v, k) => {
      expect(Math.abs(back.values[k] - v)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(v)));
    });
  });

  it("labels are the figure's: labelsRow / labelsCol in drawn order, angleCol, k-means names", async () => {
    const matrix = read("examples/dex30.tsv");
    const plain = buildPayload(await runPipeline({ matrix }, { scale: "row" }));
    expect(plain.rowLabels).toBeNull();
    expect(plain.colLabels).toBeNull();
    expect(plain.angleCol).toBe(270);
    const input = (await runPipeline({ matrix }, {}, { stop: "cluster" })).input;
    const labelsRow = input.rowNames.map((n) => `gene ${n}`);
    const result = await runPipeline(
      { matrix },
      { scale: "row", labelsRow, labelsCol: { Dex_1: "dexamethasone 1" }, angleCol: 45 },
    );
    const p = buildPayload(result);
    expect(p.rowLabels).toEqual(p.rowNames.map((n) => `gene ${n}`));
    expect(p.colLabels).toEqual(p.colNames.map((n) => (n === "Dex_1" ? "dexamethasone 1" : n)));
    expect(p.angleCol).toBe(45);
    // the figure drew the same texts
    const figure = result.scene?.groups.find((g) => g.name === "labels-rows")?.items ?? [];
    expect(figure.map((t) => (t.type === "text" ? t.text : "")).sort()).toEqual(
      [...(p.rowLabels ?? [])].sort(),
    );
    const back = decodePayload(encodePayload(p));
    expect(back.rowLabels).toEqual(p.rowLabels);
    expect(back.angleCol).toBe(45);
    const km = buildPayload(await runPipeline({ matrix }, { kmeansRows: 3 }));
    expect((km.rowLabels ?? km.rowNames).every((l) => /^Cluster: \d Size: \d+$/.test(l))).toBe(true);
  });

  it("formatFloat32 writes the shortest text of a float32; colorIndex follows pheatmap's breaks", () => {
    expect(formatFloat32(Math.fround(14.7634))).toBe("14.7634");
    expect(formatFloat32(Number.NaN)).toBe("NA");
    expect(formatFloat32(-0.5)).toBe("-0.5");
    expect([-1.23456789, 0.0123456, 123.456, 12345.678, 2, -0.5, Number.NaN].map(formatDrawn)).toEqual([
      "-1.235",
      "0.01235",
      "123.5",
      "12345.7",
      "2",
      "-0.5",
      "NA",
    ]);
    const breaks = [0, 1, 2, 3];
    expect([0, 0.5, 1, 1.0001, 3, 9, -1, Number.NaN].map((v) => colorIndex(v, breaks))).toEqual([
      0, 0, 0, 1, 2, 2, 0, -1,
    ]);
  });
});
