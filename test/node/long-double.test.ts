/**
 * R's row statistics in the CPU's long double (native/long-double.c, set by
 * node/native.ts useNativeLongDouble) give the bits of the emulation
 * (numeric/extended.ts) and of R: on random rows of every kind that
 * expression data has (log values, z-scores, integers with ties, wide
 * magnitudes, cancellation, missing values), and on R's fixtures through
 * the functions that use them (scaling, row variances, correlation).
 */
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { preparePearson } from "../../src/cluster/correlation.js";
import { randomSource } from "../../src/cluster/random.js";
import { nativeHelper, useNativeLongDouble } from "../../src/node/native.js";
import { emulatedRowMoments, rowMoments, setNativeRowMoments } from "../../src/numeric/rstats.js";
import { rowVariances } from "../../src/transform/filter.js";
import { prepare } from "../../src/transform/prepare.js";
import { DATASETS, expectBitEqual, inputMatrix, loadFixture, parseAll } from "../transform/fixtures.js";

const built = existsSync(new URL("../../build/Release/clusterheat_native.node", import.meta.url));
/** Where long double is R's x86-64 format, the helper must have rowMoments. */
const x87 = process.arch === "x64" || process.arch === "ia32";
const native = () => nativeHelper()?.rowMoments;

/** Rows of `p` columns drawn from one of several kinds, row-major. */
function rows(nrow: number, p: number, seed: number): Float64Array {
  const rnd = randomSource(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const x = new Float64Array(nrow * p);
  for (let i = 0; i < nrow; i++) {
    const kind = i % 9;
    const offset = 10 ** Math.floor(rnd() * 9 - 2);
    for (let j = 0; j < p; j++) {
      let v: number;
      if (kind === 0)
        v = 2 + 12 * rnd(); // log2 expression
      else if (kind === 1)
        v = normal(); // z-scores
      else if (kind === 2)
        v = Math.floor(rnd() * 4); // integers, ties, constant rows
      else if (kind === 3)
        v = (rnd() < 0.5 ? -1 : 1) * 10 ** (rnd() * 16 - 8); // wide magnitudes
      else if (kind === 4)
        v = offset * (1 + 1e-9 * normal()); // cancellation around a large mean
      else if (kind === 5)
        v = i % 3 === 0 ? 5 : 5 + (j === 0 ? 1e-12 : 0); // near-constant
      else if (kind === 6) v = rnd() * 100;
      // heavy cancellation, where R's second pass of the mean changes the double
      else if (kind === 7) v = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 30);
      else v = 1e17 * (rnd() - 0.5) + rnd();
      x[i * p + j] = rnd() < 0.08 && kind !== 5 ? Number.NaN : v;
    }
  }
  return x;
}

/**
 * The values with −0 as 0: where x − m is a double, the low part of the long
 * double (hi, lo) is zero, −0 in the emulation and +0 in C; (hi, lo) is the
 * same long double either way.
 */
const zeroSigned = (a: Float64Array) => a.map((v) => (v === 0 ? 0 : v));

/**
 * Rows whose mean R's second pass (s += Σ (x − s) / n) changes in the double:
 * found by searching random rows with the emulation.
 */
const SECOND_PASS_ROWS = [
  [
    -41076960018835960, 15531925158575178, -21280624694190920, -8322110353037715, -7148127164691687,
    12382369837723672, 49836903414689010,
  ],
  [
    24349562474.526466, -138.81507189944386, 2.497259401716292e27, 369.70272404141724, 2.5066254031844436e21,
    290710283.67616236, -1.063883521128446e24, -4.85215607099235e22, 23.253065068274736,
    -3.124387946445495e28, 4.606958944350481e22, 2.8590511041693393e28, -34227114147506655000,
  ],
];

afterEach(() => setNativeRowMoments(null));

describe("R's long double in the CPU", () => {
  it.runIf(built && x87 && process.platform === "linux")("is built where long double is x87's", () => {
    expect(typeof native()).toBe("function");
  });

  it.runIf(built && x87)("gives the emulation's bits on random rows of every kind", () => {
    const kernel = native()!;
    for (const [nrow, p, seed] of [
      [700, 1, 1],
      [700, 2, 2],
      [700, 3, 3],
      [500, 6, 4],
      [400, 12, 5],
      [300, 50, 6],
      [100, 200, 7],
    ]) {
      const x = rows(nrow, p, seed);
      const want = {
        mean: new Float64Array(nrow),
        variance: new Float64Array(nrow),
        centered: new Float64Array(2 * nrow * p),
      };
      emulatedRowMoments(x, nrow, p, want.mean, want.variance, want.centered);
      const got = {
        mean: new Float64Array(nrow),
        variance: new Float64Array(nrow),
        centered: new Float64Array(2 * nrow * p).fill(9),
      };
      kernel(x, nrow, p, got.mean, got.variance, got.centered);
      expectBitEqual(got.mean, want.mean);
      expectBitEqual(got.variance, want.variance);
      expectBitEqual(zeroSigned(got.centered), zeroSigned(want.centered));
      // without the centered values, the same moments
      const alone = rowMoments(x, nrow, p);
      setNativeRowMoments(kernel);
      const nativeAlone = rowMoments(x, nrow, p);
      setNativeRowMoments(null);
      expectBitEqual(nativeAlone.mean, alone.mean);
      expectBitEqual(nativeAlone.variance, alone.variance);
    }
  });

  it.runIf(built && x87)("gives R's scaled rows, row variances and correlations", () => {
    expect(useNativeLongDouble()).toBe(true);
    for (const name of DATASETS) {
      const f = loadFixture(name);
      const m = inputMatrix(f);
      expectBitEqual(rowVariances(m), parseAll(f.rowVar));
      const scaled = prepare(m, { scale: "row", keepConstant: true }).values;
      if (name === "dex30") expectBitEqual(scaled, parseAll(f.scaleRow));
      setNativeRowMoments(null);
      expectBitEqual(scaled, prepare(m, { scale: "row", keepConstant: true }).values);
      // the correlation distances' rows: the same as with the emulation
      setNativeRowMoments(native()!);
      const fast = preparePearson(m.values, m.nrow, m.ncol);
      setNativeRowMoments(null);
      const slow = preparePearson(m.values, m.nrow, m.ncol);
      expectBitEqual(fast.sd, slow.sd);
      expectBitEqual(zeroSigned(fast.centered), zeroSigned(slow.centered));
      expectBitEqual(fast.unit, slow.unit);
      setNativeRowMoments(native()!);
    }
  });

  it.runIf(built && x87)("takes R's second pass of the mean", () => {
    const kernel = native()!;
    for (const row of SECOND_PASS_ROWS) {
      const x = Float64Array.from(row);
      const got = { mean: new Float64Array(1), variance: new Float64Array(1) };
      kernel(x, 1, x.length, got.mean, got.variance, null);
      const want = rowMoments(x, 1, x.length);
      expectBitEqual(got.mean, want.mean);
      expectBitEqual(got.variance, want.variance);
    }
  });

  it("CLUSTERHEAT_LONG_DOUBLE=0 keeps the emulation", () => {
    const before = process.env.CLUSTERHEAT_LONG_DOUBLE;
    process.env.CLUSTERHEAT_LONG_DOUBLE = "0";
    try {
      expect(useNativeLongDouble()).toBe(false);
    } finally {
      if (before === undefined) delete process.env.CLUSTERHEAT_LONG_DOUBLE;
      else process.env.CLUSTERHEAT_LONG_DOUBLE = before;
    }
  });
});
