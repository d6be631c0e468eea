import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tournament } from "../../src/cluster/tournament.js";

/** The first index of the least key, as a plain scan. */
function firstMin(key: Float64Array): number {
  let best = -1;
  for (let i = 0; i < key.length; i++) if (best < 0 || key[i] < key[best]) best = i;
  return best;
}

describe("Tournament", () => {
  it("Tournament.min is the first index of the least key after any updates (ties, infinities)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 70 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(99))), {
          maxLength: 60,
        }),
        (init, changes) => {
          const key = Float64Array.from(init);
          const t = new Tournament(key);
          expect(t.min).toBe(firstMin(key));
          for (const [at, v] of changes) {
            const i = at % key.length;
            key[i] = v === 99 ? Number.POSITIVE_INFINITY : v;
            t.update(i);
            expect(t.min).toBe(firstMin(key));
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it("a NaN key never wins over a number (Tournament.min is the first least non-NaN key)", () => {
    /** The first index of the least non-NaN key; the first index when every key is NaN. */
    const firstNumberMin = (key: Float64Array): number => {
      let best = -1;
      for (let i = 0; i < key.length; i++) {
        if (Number.isNaN(key[i])) continue;
        if (best < 0 || key[i] < key[best]) best = i;
      }
      return best < 0 && key.length > 0 ? 0 : best;
    };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(-1)), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(-1))), {
          maxLength: 40,
        }),
        (init, changes) => {
          const key = Float64Array.from(init, (v) => (v < 0 ? Number.NaN : v));
          const t = new Tournament(key);
          expect(t.min).toBe(firstNumberMin(key));
          for (const [at, v] of changes) {
            const i = at % key.length;
            key[i] = v < 0 ? Number.NaN : v;
            t.update(i);
            expect(t.min).toBe(firstNumberMin(key));
          }
        },
      ),
      { numRuns: 300, seed: 6 },
    );
    expect(new Tournament(Float64Array.of(Number.NaN, 3, 2)).min).toBe(2);
  });
});
