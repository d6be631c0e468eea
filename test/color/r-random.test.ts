import { describe, expect, it } from "vitest";
import { RRandom } from "../../src/color/r-random.js";
import { expectSameNumbers, loadColorFixture, parseAllR } from "./fixtures.js";

const fixture = loadColorFixture("random.json") as {
  runif: { seed: number; n: number; values: string[] }[];
  sample: { seed: number; n: number; result: number[] }[];
  partial: { seed: number; n: number; size: number; result: number[] }[];
  chain: { seed: number; draws: { n: number; size: number; result: number[] }[] }[];
};

describe("RRandom against R 4.2.2 (Mersenne-Twister, Rejection)", () => {
  it.each(fixture.runif)("set.seed($seed); runif($n)", ({ seed, n, values }) => {
    expectSameNumbers(new RRandom(seed).runif(n), parseAllR(values), `runif, seed ${seed}`);
  });

  it("set.seed(s); sample(n) for assorted seeds and n = 1..1000", () => {
    for (const { seed, n, result } of fixture.sample) {
      expect(new RRandom(seed).sampleInt(n), `seed ${seed}, n ${n}`).toEqual(result);
    }
  });

  it.each(fixture.partial)("set.seed($seed); sample.int($n, $size)", ({ seed, n, size, result }) => {
    expect(new RRandom(seed).sampleInt(n, size)).toEqual(result);
  });

  it.each(fixture.chain)("consecutive draws after set.seed($seed)", ({ seed, draws }) => {
    const rng = new RRandom(seed);
    for (const d of draws) expect(rng.sampleInt(d.n, d.size)).toEqual(d.result);
  });

  it("sample(x) permutes the elements; bad arguments are refused", () => {
    expect(new RRandom(3453).sample(["a", "b", "c"])).toHaveLength(3);
    expect(() => new RRandom(1).sampleInt(3, 4)).toThrow(RangeError);
    expect(() => new RRandom(0.5)).toThrow(RangeError);
  });
});
