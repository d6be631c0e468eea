/**
 * Emulation of x87 80-bit `long double` arithmetic (64-bit significand,
 * round to nearest, ties to even), the precision in which R accumulates
 * `mean`, `var`, `cov` and `cor` on x86-64.
 *
 * Why: which pairs of rows are at correlation distance exactly 0 — and so
 * how ties in hclust are broken — depends on these last bits
 * (README, "Why the trees are the same as R's": dex30 after row scaling has 12 such pairs in R; plain
 * double finds 8, exact arithmetic 4). To draw the same tree as R we
 * compute the same bits.
 *
 * Representation: a value v with a 64-bit significand is held as two
 * doubles (hi, lo) with hi = v rounded to the nearest double and
 * lo = v − hi exactly, so `hi` is also what a C cast `(double)v` gives.
 *
 * Method: every operation first forms its exact result as a
 * non-overlapping expansion of doubles (Shewchuk 1997, "Adaptive Precision
 * Floating-Point Arithmetic", Two-Sum, Two-Product with Veltkamp/Dekker
 * splitting, Grow-Expansion), then rounds that expansion once to a 64-bit
 * significand. Division by an integer uses a quotient accurate to about
 * 150 bits, which rounds correctly because a/n (n < 2^31) is never closer
 * than 2^−97 (relative) to a rounding midpoint unless exact.
 * Subnormal results are not emulated (they never arise from expression data).
 *
 * Each operation writes its result into `out[0]` (hi) and `out[1]` (lo).
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp splitting constant for doubles

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer); // little-endian: words[1] is the high word

/** The binary exponent E of a normal double x ≠ 0 (x = ±1.f × 2^E). */
function exponentOf(x: number): number {
  bits[0] = x;
  return ((words[1] >>> 20) & 0x7ff) - 1023;
}

/** True when |x| is an exact power of two. */
function isPowerOfTwo(x: number): boolean {
  bits[0] = x;
  return (words[1] & 0xfffff) === 0 && words[0] === 0;
}

/** 2^e for an integer e in the normal range. */
function pow2(e: number): number {
  words[0] = 0;
  words[1] = (e + 1023) << 20;
  return bits[0];
}

const qbits = new Float64Array(1);
const qwords = new Uint32Array(qbits.buffer);

/**
 * Rounds the exact value s + e, where s = RN53(s + e) and |e| ≤ ulp(s)/2
 * (the output of Two-Sum or Two-Product), to a 64-bit significand.
 * Returns false, leaving out untouched, in the rare case it cannot decide
 * cheaply (a power-of-two s pulled into the binade below).
 */
function round2(s: number, e: number, out: Float64Array): boolean {
  if (e === 0) {
    out[0] = s;
    out[1] = 0;
    return true;
  }
  bits[0] = s;
  const hw = words[1];
  if ((hw & 0xfffff) === 0 && words[0] === 0) return false;
  const biased = (hw >>> 20) & 0x7ff;
  if (biased < 64) return false; // near the subnormal range: leave it to the general path
  qwords[0] = 0;
  qwords[1] = (biased - 63) << 20; // q = 2^(E − 63)
  const q = qbits[0];
  const t = e / q;
  let k = Math.round(t);
  if (k - t === 0.5 && k % 2 !== 0) k -= 1; // ties to even (Math.round rounds halves up)
  const add = k * q;
  const hi = s + add;
  out[0] = hi;
  out[1] = add - (hi - s);
  return true;
}

/** Two-Sum: the exact a + b as (sum, error) in ts[0], ts[1]. */
const ts = new Float64Array(2);
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bv = s - a;
  ts[0] = s;
  ts[1] = a - (s - bv) + (b - bv);
}

/** The exact error a × b − p of the product p = fl(a × b) (Dekker's Two-Product, Veltkamp splitting). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}

/**
 * Scratch space for one expansion. Components are kept in increasing
 * order of magnitude, non-overlapping, zeros eliminated.
 */
class Expansion {
  readonly c = new Float64Array(16);
  m = 0;

  clear(): this {
    this.m = 0;
    return this;
  }

  /** Adds the double b exactly (Shewchuk's Grow-Expansion with zero elimination). */
  add(b: number): this {
    if (b === 0) return this;
    let q = b;
    let k = 0;
    const c = this.c;
    for (let i = 0; i < this.m; i++) {
      const e = c[i];
      const s = q + e;
      const bv = s - q;
      const h = q - (s - bv) + (e - bv);
      q = s;
      if (h !== 0) c[k++] = h;
    }
    if (q !== 0) c[k++] = q;
    this.m = k;
    return this;
  }

  /** Adds the exact product a × b (Dekker's Two-Product). */
  addProduct(a: number, b: number): this {
    const p = a * b;
    return this.add(p).add(productError(a, b, p));
  }

  /** Copies another expansion's components. */
  copy(from: Expansion): this {
    this.c.set(from.c.subarray(0, from.m));
    this.m = from.m;
    return this;
  }

  /** The value rounded to a double (sum from the smallest part up; within an ulp or so). */
  estimate(): number {
    let s = 0;
    for (let i = 0; i < this.m; i++) s += this.c[i];
    return s;
  }

  /**
   * Rounds the exact value to a 64-bit significand (ties to even) and
   * writes it as (hi, lo) into out. Uses `rest` as scratch.
   */
  round64(out: Float64Array, rest: Expansion): void {
    if (this.m === 0) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    // Split the value into top + rest with top a double and |rest| ≤ ulp(top)/2.
    let top = this.estimate();
    rest.copy(this).add(-top);
    let r = rest.estimate();
    if (r !== 0 && Math.abs(r) >= pow2(exponentOf(top) - 53)) {
      top += r;
      rest.copy(this).add(-top);
      r = rest.estimate();
    }
    // Exponent of the value: that of top, one less when top is a power of two
    // and the rest pulls the value below it.
    let e = exponentOf(top);
    if (r !== 0 && isPowerOfTwo(top) && r < 0 !== top < 0) e -= 1;
    const q = pow2(e - 63); // unit in the last place of a 64-bit significand; top is a multiple of it
    // Round the rest to a multiple of q, largest parts first.
    const c = rest.c;
    let k = 0;
    for (let i = rest.m - 1; i >= 0; i--) {
      const t = c[i] / q;
      const whole = Math.floor(t);
      const frac = t - whole;
      k += whole;
      if (frac !== 0) {
        // Smaller parts lie below frac's last bit: they matter only at an exact half.
        const below = i > 0 ? Math.sign(c[i - 1]) : 0;
        if (frac > 0.5 || (frac === 0.5 && (below > 0 || (below === 0 && k % 2 !== 0)))) k += 1;
        break;
      }
    }
    const add = k * q;
    const s = top + add;
    const bv = s - top;
    out[0] = s;
    out[1] = top - (s - bv) + (add - bv);
  }
}

const ex = new Expansion();
const rest = new Expansion();
const tmp = new Float64Array(2);

/**
 * Fast path of a + b + c (a, b doubles, c small): exact when the partial
 * errors combine without loss; false to ask for the general path.
 */
function addThree(a: number, b: number, c: number, out: Float64Array): boolean {
  twoSum(a, b);
  const s = ts[0];
  const e = ts[1];
  if (c === 0) return round2(s, e, out);
  twoSum(e, c);
  if (ts[1] !== 0) return false;
  twoSum(s, ts[0]);
  return round2(ts[0], ts[1], out);
}

/**
 * Filtered product: the exact xh·yh by Two-Product plus the small cross
 * terms in double (error ≤ 2^−100 of the product); decides the rounding
 * unless the remainder lies within 2^−30 ulp64 of a midpoint, where it asks
 * for the exact general path.
 */
function mulFiltered(xh: number, xl: number, yh: number, yl: number, out: Float64Array): boolean {
  const p = xh * yh;
  const e = productError(xh, yh, p);
  if (xl === 0 && yl === 0) return round2(p, e, out);
  const c1 = xh * yl;
  const c2 = xl * yh;
  const cross = c1 + c2 + xl * yl;
  const low = e + cross;
  twoSum(p, low);
  return roundFiltered(ts[0], ts[1], 2 ** -50 * (Math.abs(c1) + Math.abs(c2) + Math.abs(low)), out);
}

/**
 * Rounds s + r to 64 bits when r is only approximate, with absolute error
 * at most err: decides when err is below 2^−32 ulp64 and r is not within
 * 2^−30 ulp64 of a rounding midpoint (s not a power of two); otherwise
 * returns false to ask for the exact general path.
 */
function roundFiltered(s: number, r: number, err: number, out: Float64Array): boolean {
  bits[0] = s;
  const hw = words[1];
  if ((hw & 0xfffff) === 0 && words[0] === 0) return false;
  const biased = (hw >>> 20) & 0x7ff;
  if (biased < 64) return false;
  qwords[0] = 0;
  qwords[1] = (biased - 63) << 20;
  const q = qbits[0];
  if (err > q * 2 ** -32) return false;
  const u = r / q;
  const frac = u - Math.floor(u);
  if (Math.abs(frac - 0.5) < 2 ** -30) return false;
  return round2(s, r, out);
}

/** out = x + y for long doubles x = (xh, xl), y = (yh, yl). */
export function ldAdd(xh: number, xl: number, yh: number, yl: number, out: Float64Array): void {
  if (xl === 0 && addThree(xh, yh, yl, out)) return;
  if (yl === 0 && addThree(xh, yh, xl, out)) return;
  // Filtered: exact xh + yh, the small parts added in double (error ≤ 2^−104 of the sum).
  twoSum(xh, yh);
  const s = ts[0];
  const small = xl + yl;
  const low = ts[1] + small;
  twoSum(s, low);
  if (roundFiltered(ts[0], ts[1], 2 ** -51 * (Math.abs(small) + Math.abs(low)), out)) return;
  ex.clear().add(xl).add(yl).add(xh).add(yh).round64(out, rest);
}

/** out = x + b for a long double x = (xh, xl) and a double b (`sum += b` with `LDOUBLE sum`). */
export function ldAddDouble(xh: number, xl: number, b: number, out: Float64Array): void {
  if (addThree(xh, b, xl, out)) return;
  ex.clear().add(xl).add(xh).add(b).round64(out, rest);
}

/** out = a − y for a double a and a long double y = (yh, yl). */
export function ldSubFromDouble(a: number, yh: number, yl: number, out: Float64Array): void {
  if (addThree(a, -yh, -yl, out)) return;
  ex.clear().add(-yl).add(-yh).add(a).round64(out, rest);
}

/** out = x × y for long doubles x, y. */
export function ldMul(xh: number, xl: number, yh: number, yl: number, out: Float64Array): void {
  if (mulFiltered(xh, xl, yh, yl, out)) return;
  ex.clear().addProduct(xl, yl).addProduct(xh, yl).addProduct(xl, yh).addProduct(xh, yh).round64(out, rest);
}

/** out = x / n for a long double x and a positive integer n < 2^31. */
export function ldDivInt(xh: number, xl: number, n: number, out: Float64Array): void {
  // Quotient digits q1 + q2 + q3, each from the exact remainder of the previous.
  const q1 = xh / n;
  ex.clear().add(xl).add(xh).addProduct(-q1, n);
  let r = ex.estimate();
  const q2 = r / n;
  ex.addProduct(-q2, n);
  r = ex.estimate();
  const q3 = r / n;
  ex.clear().add(q3).add(q2).add(q1).round64(out, rest);
}

/** out = x / y for long doubles x, y (y ≠ 0), correctly rounded to 64 bits. */
export function ldDiv(xh: number, xl: number, yh: number, yl: number, out: Float64Array): void {
  // q1 + q2 + q3 from exact remainders x − q·y (each product of doubles is exact as an expansion).
  const q1 = xh / yh;
  ex.clear().add(xl).add(xh).addProduct(-q1, yh).addProduct(-q1, yl);
  let r = ex.estimate();
  const q2 = r / yh;
  ex.addProduct(-q2, yh).addProduct(-q2, yl);
  r = ex.estimate();
  const q3 = r / yh;
  ex.clear().add(q3).add(q2).add(q1).round64(out, rest);
}

/** out = sqrt(x) for a long double x ≥ 0, correctly rounded to 64 bits (C's sqrtl). */
export function ldSqrt(xh: number, xl: number, out: Float64Array): void {
  if (xh <= 0) {
    out[0] = xh === 0 ? 0 : Number.NaN;
    out[1] = 0;
    return;
  }
  // s1 + s2 + s3 by Newton steps on the exact residual x − s², each s² exact as an expansion.
  const s1 = Math.sqrt(xh);
  ex.clear().add(xl).add(xh).addProduct(-s1, s1);
  let r = ex.estimate();
  const s2 = r / (2 * s1);
  ex.addProduct(-2 * s1, s2).addProduct(-s2, s2);
  r = ex.estimate();
  const s3 = r / (2 * s1);
  ex.clear().add(s3).add(s2).add(s1).round64(out, rest);
}

/**
 * A long double accumulator, as `LDOUBLE s = 0; s += x[k]; …` in C.
 * `value` is `(double) s`.
 */
export class LongDouble {
  hi = 0;
  lo = 0;

  constructor(hi = 0, lo = 0) {
    this.hi = hi;
    this.lo = lo;
  }

  set(hi: number, lo = 0): this {
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** this += b (a double). */
  addDouble(b: number): this {
    ldAddDouble(this.hi, this.lo, b, tmp);
    return this.set(tmp[0], tmp[1]);
  }

  /** this += y (a long double). */
  add(y: LongDouble): this {
    ldAdd(this.hi, this.lo, y.hi, y.lo, tmp);
    return this.set(tmp[0], tmp[1]);
  }

  /** this += x × y for long doubles x = (xh, xl), y = (yh, yl), each operation rounded as C does. */
  addProduct(xh: number, xl: number, yh: number, yl: number): this {
    ldMul(xh, xl, yh, yl, tmp);
    ldAdd(this.hi, this.lo, tmp[0], tmp[1], tmp);
    return this.set(tmp[0], tmp[1]);
  }

  /** this /= n (a positive integer). */
  divInt(n: number): this {
    ldDivInt(this.hi, this.lo, n, tmp);
    return this.set(tmp[0], tmp[1]);
  }

  /** (double) this. */
  get value(): number {
    return this.hi;
  }
}
