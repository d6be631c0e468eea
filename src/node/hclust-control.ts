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
   * 1: updates (updateRange over [A0, A1)); 2: rescans (rescanRows over [A0, A1) of the list);
   * 3: mirror (mirrorColumns of M columns into the active positions [A0, A1))
   */
  PHASE: 11,
  M: 12,
  LENGTH: 13,
} as const;

/**
 * Waits until ctrl[at] differs from `last` and returns the new value:
 * spins briefly (a step takes microseconds), then sleeps on the futex.
 * With `timeout` (ms), returns `last` unchanged when the time is up.
 */
export function spinWait(
  ctrl: Int32Array,
  at: number,
  last: number,
  timeout = Number.POSITIVE_INFINITY,
): number {
  for (let spin = 0; spin < 20000; spin++) {
    const v = Atomics.load(ctrl, at);
    if (v !== last) return v;
  }
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    Atomics.wait(ctrl, at, last, 50);
    const v = Atomics.load(ctrl, at);
    if (v !== last) return v;
  }
  return last;
}
