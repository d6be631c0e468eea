import { describe, expect, it } from "vitest";
import { freshMemoryCost, hugeProbeAdvised } from "../../src/cluster/memory-cost.js";

describe("the probe of fresh memory where huge pages are refused", () => {
  it("says that the probe was in plain pages, so that their threshold applies", () => {
    expect(hugeProbeAdvised()).toBe(false); // not measured yet
    const cost = freshMemoryCost(() => false);
    expect(cost).toBeGreaterThanOrEqual(0);
    expect(hugeProbeAdvised()).toBe(false);
  });
});
