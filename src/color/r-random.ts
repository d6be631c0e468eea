/**
 * R's default random number generator, for the few places where pheatmap's output depends on it
 * (its annotation colors are drawn by `sample()` under `set.seed(3453)`).
 *
 * Reproduces R ≥ 3.6 with the default `RNGkind()`: "Mersenne-Twister", "Inversion", "Rejection".
 * - `set.seed(seed)`: the integer seed is scrambled by 50 steps of the linear congruential generator
 *   `seed ← 69069·seed + 1` (mod 2³²), then 625 more steps fill the generator's words: the first
 *   is the position in the state (set to 624, "refill before the next draw"), the other 624 the
 *   MT19937 state (see `?RNGkind` and `?set.seed`).
 * - `unif_rand()`: MT19937 (Matsumoto & Nishimura 1998) 32-bit output times 2⁻³², moved into the
 *   open interval (0, 1) as R does (0 → 2⁻³³, 1 → 1 − 2⁻³³).
 * - `sample.int(n, size)` without replacement: an index below m is drawn by rejection from
 *   ⌈log₂ m⌉-bit integers, each built from 16-bit chunks `floor(65536·unif_rand())`; the pool
 *   (1..n) loses each drawn element by moving its last element into the gap. For n > 10⁷ and
 *   size ≤ n/2, R draws from 1..n directly and redraws duplicates (its "hash" method) — also here.
 *
 * Bit-identical to R 4.2.2 (test/golden/color/random.json: runif and sample for assorted seeds).
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** 2⁻³²: R's `MT_genrand` scale. */
const TWO_POW_M32 = 2.3283064365386963e-10;
/** R's `i2_32m1` = 1/(2³² − 1), whose half replaces 0 and 1. */
const I2_32M1 = 2.328306437080797e-10;

/** A stream of R's random numbers; `new RRandom(seed)` is R's `set.seed(seed)`. */
export class RRandom {
  private readonly mt = new Uint32Array(N);
  private mti = N;

  /** `set.seed(seed)`: seed is an integer (as R's `as.integer`, −2³¹ < seed < 2³¹). */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || Math.abs(seed) > 2147483647) {
      throw new RangeError(`invalid seed ${seed}: expected an integer with |seed| < 2^31`);
    }
    let s = seed >>> 0;
    const step = (): number => {
      s = (Math.imul(69069, s) + 1) >>> 0;
      return s;
    };
    for (let j = 0; j < 50; j++) step();
    step(); // the first word is the state position, which R then sets to 624
    for (let j = 0; j < N; j++) this.mt[j] = step();
    this.mti = N;
  }

  /** R's `unif_rand()`: a double in (0, 1). */
  unifRand(): number {
    const x = this.genrand() * TWO_POW_M32;
    if (x <= 0) return 0.5 * I2_32M1;
    if (1 - x <= 0) return 1 - 0.5 * I2_32M1;
    return x;
  }

  /** R's `runif(n)` (min 0, max 1). */
  runif(n: number): number[] {
    return Array.from({ length: n }, () => this.unifRand());
  }

  /** R's `R_unif_index(dn)`: an integer in [0, dn) by rejection sampling of ⌈log₂ dn⌉ random bits. */
  unifIndex(dn: number): number {
    if (dn <= 0) return 0;
    let bits = 0;
    while (2 ** bits < dn) bits++;
    let dv: number;
    do dv = this.rbits(bits);
    while (dn <= dv);
    return dv;
  }

  /** R's `sample.int(n, size)` without replacement: `size` distinct integers of 1..n, 1-based. */
  sampleInt(n: number, size: number = n): number[] {
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(size) || size < 0) {
      throw new RangeError(`invalid sample.int(${n}, ${size})`);
    }
    if (size > n) throw new RangeError(`cannot take a sample of ${size} from ${n} without replacement`);
    const out = new Array<number>(size);
    if (n > 1e7 && size <= n / 2) {
      // R's sample2: draw from 1..n, redraw what was drawn already
      const seen = new Set<number>();
      for (let i = 0; i < size; ) {
        const v = this.unifIndex(n);
        if (seen.has(v)) continue;
        seen.add(v);
        out[i++] = v + 1;
      }
      return out;
    }
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    let left = n;
    for (let i = 0; i < size; i++) {
      const j = this.unifIndex(left);
      out[i] = pool[j]! + 1;
      pool[j] = pool[--left]!;
    }
    return out;
  }

  /** `x[sample.int(length(x), size)]`: R's `sample(x, size)` for a list of length ≠ 1 (R samples 1:x for one number x). */
  sample<T>(x: readonly T[], size: number = x.length): T[] {
    return this.sampleInt(x.length, size).map((i) => x[i - 1]!);
  }

  /** `bits` random bits (R's `rbits`): ⌊bits/16⌋ + 1 chunks of 16, the high ones masked away. */
  private rbits(bits: number): number {
    let v = 0;
    for (let k = 0; k <= bits; k += 16) {
      const v1 = Math.floor(this.unifRand() * 65536);
      v = 65536 * v + v1; // < 2^48 for bits ≤ 31: exact
    }
    return v % 2 ** bits;
  }

  /** The next 32-bit MT19937 output (tempered). */
  private genrand(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}
