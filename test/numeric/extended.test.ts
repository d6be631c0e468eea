/**
 * The long double emulation against an exact BigInt reference: every
 * operation must equal the exact result rounded once to a 64-bit
 * significand, ties to even — including cancellations and exact ties,
 * where the fast filtered paths must hand over to the exact one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ldAdd, ldAddDouble, ldDivInt, ldMul, ldSubFromDouble } from "../../src/numeric/extended.js";

/** An exact binary number m · 2^e. */
interface Exact {
  m: bigint;
  e: number;
}

const view = new DataView(new ArrayBuffer(8));
function exact(x: number): Exact {
  if (x === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  return { m: sign * m, e: (biased === 0 ? 1 : biased) - 1075 };
}
function add(a: Exact, b: Exact): Exact {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}
function mul(a: Exact, b: Exact): Exact {
  return { m: a.m * b.m, e: a.e + b.e };
}
function neg(a: Exact): Exact {
  return { m: -a.m, e: a.e };
}
/** Rounds to a 64-bit significand, ties to even. */
function round64(a: Exact): Exact {
  const neg_ = a.m < 0n;
  let m = neg_ ? -a.m : a.m;
  let e = a.e;
  const len = m.toString(2).length;
  if (m !== 0n && len > 64) {
    const sh = BigInt(len - 64);
    const rem = m & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    m >>= sh;
    e += len - 64;
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
  }
  return { m: neg_ ? -m : m, e };
}
/** Divides by a positive integer, rounding to 64 bits (enough extra bits to decide). */
function divRound64(a: Exact, n: number): Exact {
  const q = (a.m << 200n) / BigInt(n);
  const r = (a.m << 200n) % BigInt(n);
  // a sticky bit keeps inexact quotients off exact ties
  const m = r === 0n ? q : q * 2n + (q < 0n ? -1n : 1n);
  return round64({ m, e: a.e - 200 - (r === 0n ? 0 : 1) });
}
function equal(a: Exact, b: Exact): boolean {
  const d = add(a, neg(b));
  return d.m === 0n;
}
function ld(out: Float64Array): Exact {
  return add(exact(out[0]), exact(out[1]));
}

/**
 * Doubles of all magnitudes and some short ones that make exact ties likely.
 * (Subnormal results are not emulated — long double's range is wider than a
 * double pair's — so values stay well above the subnormal range.)
 */
const double = fc
  .oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1e-3, max: 1e-3, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -64, max: 64 }).map((k) => k / 8),
    fc.integer({ min: -60, max: 60 }).map((k) => 2 ** k),
    fc.integer({ min: -60, max: 0 }).map((k) => 1 + 2 ** k),
  )
  .filter((x) => x === 0 || Math.abs(x) > 1e-100);
/** A valid long double: a double plus a small part within its last 11 bits. */
const longDouble = fc.tuple(double, fc.integer({ min: -1023, max: 1023 })).map(([h, k]) => {
  const r = round64(add(exact(h), mul(exact(k), exact(Math.abs(h) * 2 ** -63 || 0))));
  const hi = Number(r.m) * 2 ** r.e;
  const lo = Number(add(r, neg(exact(hi))).m) * 2 ** add(r, neg(exact(hi))).e;
  return [hi, lo] as const;
});

const out = new Float64Array(2);
const runs = { numRuns: 3000, seed: 42 };

describe("long double emulation", () => {
  it("ldAdd rounds the exact sum once", () => {
    fc.assert(
      fc.property(longDouble, longDouble, ([ah, al], [bh, bl]) => {
        ldAdd(ah, al, bh, bl, out);
        expect(equal(ld(out), round64(add(add(exact(ah), exact(al)), add(exact(bh), exact(bl)))))).toBe(true);
      }),
      runs,
    );
  });
  it("ldAddDouble and ldSubFromDouble round the exact result once", () => {
    fc.assert(
      fc.property(longDouble, double, ([ah, al], b) => {
        const x = add(exact(ah), exact(al));
        ldAddDouble(ah, al, b, out);
        expect(equal(ld(out), round64(add(x, exact(b))))).toBe(true);
        ldSubFromDouble(b, ah, al, out);
        expect(equal(ld(out), round64(add(exact(b), neg(x))))).toBe(true);
      }),
      runs,
    );
  });
  it("ldMul rounds the exact product once", () => {
    fc.assert(
      fc.property(longDouble, longDouble, ([ah, al], [bh, bl]) => {
        ldMul(ah, al, bh, bl, out);
        const p = mul(add(exact(ah), exact(al)), add(exact(bh), exact(bl)));
        expect(equal(ld(out), round64(p))).toBe(true);
      }),
      runs,
    );
  });
  it("ldDivInt rounds the exact quotient once", () => {
    fc.assert(
      fc.property(longDouble, fc.integer({ min: 1, max: 100000 }), ([ah, al], n) => {
        ldDivInt(ah, al, n, out);
        expect(equal(ld(out), divRound64(add(exact(ah), exact(al)), n))).toBe(true);
      }),
      runs,
    );
  });
  it("ldAdd breaks an exact tie to even: 1 + 2^-64 rounds to 1", () => {
    ldAddDouble(1, 0, 2 ** -64, out);
    expect([out[0], out[1]]).toEqual([1, 0]);
    ldAddDouble(1 + 2 ** -52, 0, 2 ** -64, out); // odd last bit (…01 at 2^-63 scale? no: 2^-52 is bit 52) stays even rule
    expect(out[0] + out[1]).toBe(1 + 2 ** -52);
    ldAddDouble(1, 2 ** -63, 2 ** -64, out); // 1 + 3·2^-64: a tie between 1 + 2^-63 (odd) and 1 + 2^-62 (even)
    expect(out[1]).toBe(2 ** -62);
  });
});
