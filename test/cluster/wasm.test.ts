import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildGeneratedSource,
  buildLinkageSource,
  GENERATED_PATH,
  LINKAGE_GENERATED_PATH,
} from "../../scripts/build-wasm.mjs";
import { pairCount, pairIndex } from "../../src/cluster/dist-matrix.js";
import { randomSource } from "../../src/cluster/random.js";
import {
  euclideanRowsWasm,
  pearsonDotRowsWasm,
  releaseWasmKernels,
  wasmKernelsAvailable,
} from "../../src/cluster/wasm/kernels.js";

/** Reference: distance.ts's scalar euclidean loop (no NAs), pair by pair. */
function euclideanReference(
  x: Float64Array,
  n: number,
  p: number,
  i0: number,
  i1: number,
  out: Float64Array,
) {
  for (let i = i0; i < i1; i++) {
    const a = i * p;
    let idx = pairIndex(n, i, i + 1);
    for (let j = i + 1; j < n; j++) {
      const b = j * p;
      let s = 0;
      for (let k = 0; k < p; k++) {
        const d = x[a + k] - x[b + k];
        s += d * d;
      }
      out[idx++] = Math.sqrt(s);
    }
  }
}

/** Reference: distance.ts's fast Pearson dot product, 1 − clamp(Σ u_i u_j). */
function dotReference(unit: Float64Array, n: number, p: number, i0: number, i1: number, out: Float64Array) {
  for (let i = i0; i < i1; i++) {
    const a = i * p;
    let idx = pairIndex(n, i, i + 1);
    for (let j = i + 1; j < n; j++, idx++) {
      const b = j * p;
      let r = 0;
      for (let k = 0; k < p; k++) r += unit[a + k] * unit[b + k];
      out[idx] = 1 - (r >= 1 ? 1 : r <= -1 ? -1 : r);
    }
  }
}

type Values = "normal" | "wide" | "tiny" | "ties";

/** A seeded n × p matrix: normal-ish values, magnitudes over 1e±150, subnormal-range, or few distinct values. */
function randomMatrix(n: number, p: number, seed: number, kind: Values): Float64Array {
  const rnd = randomSource(seed);
  const x = new Float64Array(n * p);
  for (let k = 0; k < x.length; k++) {
    const u = rnd() - 0.5;
    if (kind === "normal") x[k] = u * 10;
    else if (kind === "wide") x[k] = u * 10 ** Math.floor(rnd() * 300 - 150);
    else if (kind === "tiny") x[k] = u * 1e-160;
    else x[k] = Math.floor(rnd() * 3);
  }
  return x;
}

/** Unit vectors as preparePearson makes them: (x − mean) / (sd √(p − 1)), in double. */
function unitRows(x: Float64Array, n: number, p: number): Float64Array {
  const u = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let k = 0; k < p; k++) m += x[i * p + k];
    m /= p;
    let ss = 0;
    for (let k = 0; k < p; k++) ss += (x[i * p + k] - m) ** 2;
    const f = Math.sqrt(ss);
    for (let k = 0; k < p; k++) u[i * p + k] = (x[i * p + k] - m) / f;
  }
  return u;
}

function expectIdentical(got: Float64Array, want: Float64Array) {
  expect(got.length).toBe(want.length);
  let bad = -1;
  for (let k = 0; k < want.length && bad < 0; k++) if (!Object.is(got[k], want[k])) bad = k;
  expect(bad < 0 ? "identical" : `differs at ${bad}: ${got[bad]} vs ${want[bad]}`).toBe("identical");
}

const SHAPES: [number, number][] = [
  [1, 5],
  [2, 1],
  [3, 7],
  [4, 2],
  [8, 3],
  [9, 1],
  [17, 13],
  [40, 50],
  [131, 11],
  [300, 4],
  [1030, 3],
];
const KINDS: Values[] = ["normal", "wide", "tiny", "ties"];

describe("wasm kernels", () => {
  it("wasmKernelsAvailable() is true on Node 20 (WebAssembly SIMD)", () => {
    expect(wasmKernelsAvailable()).toBe(true);
  });

  it("euclideanRowsWasm(job, 0, n, out) is bit-identical to the JavaScript loop", () => {
    let seed = 1;
    for (const [n, p] of SHAPES) {
      for (const kind of KINDS) {
        const data = randomMatrix(n, p, seed++, kind);
        const want = new Float64Array(pairCount(n));
        euclideanReference(data, n, p, 0, n, want);
        const got = new Float64Array(pairCount(n)).fill(-1);
        expect(euclideanRowsWasm({ n, p, data }, 0, n, got)).toBe(true);
        expectIdentical(got, want);
      }
    }
  });

  it("pearsonDotRowsWasm(job, 0, n, out) is bit-identical to the JavaScript loop, NaN rows included", () => {
    let seed = 100;
    for (const [n, p] of SHAPES) {
      for (const kind of KINDS) {
        const unit = unitRows(randomMatrix(n, p, seed++, kind), n, p);
        if (n > 2) unit.fill(0, p, 2 * p); // a row with NAs: preparePearson leaves zeros
        if (n > 5) {
          for (let k = 0; k < p; k++) unit[3 * p + k] = unit[k]; // r = Σ u² ≈ 1, maybe clamped
          for (let k = 0; k < p; k++) unit[4 * p + k] = -unit[k]; // r ≈ −1
          unit.fill(Number.NaN, 5 * p, 6 * p); // a constant row: 0 / 0
        }
        const want = new Float64Array(pairCount(n));
        dotReference(unit, n, p, 0, n, want);
        const got = new Float64Array(pairCount(n)).fill(-1);
        expect(pearsonDotRowsWasm({ n, p, pearson: { unit } }, 0, n, got, 0, () => {})).toBe(true);
        expectIdentical(got, want);
      }
    }
  });

  it("pearsonDotRowsWasm(job, i0, i1, out, below, onBelow) reports exactly the pairs not ≥ below, after writing them", () => {
    let seed = 200;
    for (const [n, p] of SHAPES) {
      for (const below of [0.3, 1, 2.5]) {
        const unit = unitRows(randomMatrix(n, p, seed++, "ties"), n, p);
        const want = new Float64Array(pairCount(n));
        dotReference(unit, n, p, 0, n, want);
        const wanted: number[] = [];
        for (let idx = 0; idx < want.length; idx++) if (!(want[idx] >= below)) wanted.push(idx);
        const got = new Float64Array(pairCount(n));
        const reported: number[] = [];
        let wrong = 0;
        const i0 = Math.floor(n / 4);
        for (const [a, b] of [
          [0, i0],
          [i0, n],
        ]) {
          pearsonDotRowsWasm({ n, p, pearson: { unit } }, a, b, got, below, (i, j, idx) => {
            if (idx !== pairIndex(n, i, j) || !Object.is(got[idx], want[idx])) wrong++;
            got[idx] = -1; // the caller's correction stays
            reported.push(idx);
          });
        }
        expect(wrong).toBe(0);
        expectIdentical(Float64Array.from(reported).sort(), Float64Array.from(wanted));
        for (const idx of wanted) want[idx] = -1;
        expectIdentical(got, want);
      }
    }
  });

  it("euclideanRowsWasm(job, i0, i1, out) fills exactly the pairs of rows i0 … i1−1", () => {
    const n = 203;
    const p = 9;
    const data = randomMatrix(n, p, 7, "normal");
    const want = new Float64Array(pairCount(n));
    euclideanReference(data, n, p, 0, n, want);
    const got = new Float64Array(pairCount(n)).fill(-1);
    const bounds = [0, 5, 6, 37, 90, 150, 202, 203];
    for (let t = 1; t < bounds.length; t++) {
      const i0 = bounds[t - 1];
      const i1 = bounds[t];
      const before = got.slice();
      expect(euclideanRowsWasm({ n, p, data }, i0, i1, got)).toBe(true);
      const from = i0 >= n - 1 ? got.length : pairIndex(n, i0, i0 + 1);
      const to = i1 >= n - 1 ? got.length : pairIndex(n, i1, i1 + 1);
      let changedOutside = 0;
      for (let idx = 0; idx < got.length; idx++) {
        if ((idx < from || idx >= to) && !Object.is(got[idx], before[idx])) changedOutside++;
      }
      expect(changedOutside).toBe(0);
    }
    expectIdentical(got, want);
  });

  it("euclideanRowsWasm() and pearsonDotRowsWasm() switch between matrices and write into shared memory", () => {
    const n = 50;
    const p = 6;
    const a = randomMatrix(n, p, 11, "normal");
    const b = randomMatrix(n, p, 12, "wide");
    for (const data of [a, b, a]) {
      const want = new Float64Array(pairCount(n));
      euclideanReference(data, n, p, 0, n, want);
      const got = new Float64Array(new SharedArrayBuffer(pairCount(n) * 8));
      expect(euclideanRowsWasm({ n, p, data }, 0, n, got)).toBe(true);
      expectIdentical(got, want);
      const unit = unitRows(data, n, p);
      dotReference(unit, n, p, 0, n, want);
      expect(pearsonDotRowsWasm({ n, p, pearson: { unit } }, 0, n, got, 0, () => {})).toBe(true);
      expectIdentical(got, want);
    }
    releaseWasmKernels();
    const want = new Float64Array(pairCount(n));
    euclideanReference(b, n, p, 0, n, want);
    const got = new Float64Array(pairCount(n));
    expect(euclideanRowsWasm({ n, p, data: b }, 0, n, got)).toBe(true);
    expectIdentical(got, want);
  });

  it("an array edited in place between two calls gives the new distances (no stale copy)", () => {
    const n = 41;
    const p = 5;
    const data = randomMatrix(n, p, 21, "normal");
    const unit = unitRows(data, n, p);
    const first = new Float64Array(pairCount(n));
    expect(euclideanRowsWasm({ n, p, data }, 0, n, first)).toBe(true);
    expect(pearsonDotRowsWasm({ n, p, pearson: { unit } }, 0, n, first, 0, () => {})).toBe(true);
    for (let k = 0; k < data.length; k += 3) data[k] = data[k] * 2 + 1;
    unit.set(unitRows(data, n, p));
    const want = new Float64Array(pairCount(n));
    const got = new Float64Array(pairCount(n));
    euclideanReference(data, n, p, 0, n, want);
    // in two ranges: the second call also must see the edit of rows of the first
    expect(euclideanRowsWasm({ n, p, data }, 0, 17, got)).toBe(true);
    data[40 * p] += 1000;
    euclideanReference(data, n, p, 0, n, want);
    expect(euclideanRowsWasm({ n, p, data }, 17, n, got)).toBe(true);
    expect(euclideanRowsWasm({ n, p, data }, 0, 17, got)).toBe(true);
    expectIdentical(got, want);
    dotReference(unit, n, p, 0, n, want);
    expect(pearsonDotRowsWasm({ n, p, pearson: { unit } }, 0, n, got, 0, () => {})).toBe(true);
    expectIdentical(got, want);
  });

  it("euclideanRowsWasm() returns false without columns or Pearson rows, writing nothing", () => {
    const out = new Float64Array(3).fill(-1);
    expect(euclideanRowsWasm({ n: 3, p: 0, data: new Float64Array(0) }, 0, 3, out)).toBe(false);
    expect(pearsonDotRowsWasm({ n: 3, p: 2, pearson: null }, 0, 3, out, 0, () => {})).toBe(false);
    expect(Array.from(out)).toEqual([-1, -1, -1]);
  });

  it("kernels-wasm.ts is what scripts/build-wasm.mjs makes of kernels.wat", async () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toBe(await buildGeneratedSource());
  });

  it("linkage-wasm.ts is what scripts/build-wasm.mjs makes of linkage.wat", async () => {
    expect(readFileSync(LINKAGE_GENERATED_PATH, "utf8")).toBe(await buildLinkageSource());
  });
});
