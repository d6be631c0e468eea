/** The control block shared by the parallel hclust and its worker. */
export const C = {
  SEQ: 0,
  DONE: 1,
  STOP: 2,
  STEP: 3,
  I2: 4,
  J2: 5,
  PI: 6,
  POS: 7,
  NACTIVE: 8,
  A0: 9,
  A1: 10,
  /**
   * 1: updates (updateRange over [A0, A1)); 2: rescans (the second half of each of the rows list[0 … A1): rescanHalf);
   * 3: mirror (mirrorColumns of M columns into the active positions [0, A1), in chunks from NEXT);
   * 4: step 0 (initRows over the rows [A0, A1), squaring when SQUARED is 1)
   */
  PHASE: 11,
  M: 12,
  SQUARED: 13,
  /** 3: the next position to mirror, taken by both threads with Atomics.add (mirrorColumnChunks) */
  NEXT: 14,
  LENGTH: 15,
} as const;

/** Rows per chunk of a mirror batch that the two threads share out (mirrorColumnChunks). */
export const MIRROR_CHUNK = 256;

/**
 * How long a waiting thread spins before it sleeps (ms). The gap between two
 * hand-offs of a step is tens of microseconds to a few milliseconds; waking a
 * sleeping thread costs hundreds of microseconds in a virtual machine (the
 * idle vCPU is halted), which made two threads slower than one at 5,000–10,000
 * rows when the spin was 20,000 loads (~30 µs).
 */
const SPIN_MS = 3;

/**
 * Waits until ctrl[at] differs from `last` and returns the new value:
 * spins for up to SPIN_MS (a step takes microseconds), then sleeps on the
 * futex. With `timeout` (ms), returns `last` unchanged when the time is up.
 */
export function spinWait(
  ctrl: Int32Array,
  at: number,
  last: number,
  timeout = Number.POSITIVE_INFINITY,
): number {
  const spinEnd = performance.now() + Math.min(SPIN_MS, timeout);
  do {
    for (let spin = 0; spin < 1000; spin++) {
      const v = Atomics.load(ctrl, at);
      if (v !== last) return v;
    }
  } while (performance.now() < spinEnd);
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    Atomics.wait(ctrl, at, last, 50);
    const v = Atomics.load(ctrl, at);
    if (v !== last) return v;
  }
  return last;
}
