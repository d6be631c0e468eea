/**
 * A small seeded pseudo-random generator, passed in wherever randomness is
 * needed (k-means starts), never global — the same seed gives the same result
 * on every platform.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, 2017), a 32-bit state generator with a
 * period of 2^32; good enough to pick starting points, not for statistics or
 * cryptography. Deterministic because it only uses 32-bit integer operations
 * (`Math.imul`, shifts) whose results JavaScript defines exactly.
 */
import { UsageError } from "../errors.js";

/** A source of uniform numbers in [0, 1). Each call advances the generator. */
export type RandomSource = () => number;

/**
 * A mulberry32 generator seeded with `seed` (a finite number; its integer part
 * modulo 2^32 is the state). Returns uniform doubles in [0, 1) with 32 random bits.
 */
export function randomSource(seed: number): RandomSource {
  if (!Number.isFinite(seed)) throw new UsageError(`invalid seed: ${seed} (expected a finite number)`);
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in 0 … n − 1 (n ≥ 1) drawn from `random`. */
export function randomInt(random: RandomSource, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
