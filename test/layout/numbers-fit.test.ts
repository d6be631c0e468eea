import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TextPrimitive } from "../../src/layout/scene.js";
import { runPipeline } from "../../src/pipeline.js";

describe("layoutHeatmap with displayNumbers", () => {
  it("layoutHeatmap widens the default cells so that every printed number fits inside its cell", async () => {
    const matrix = { bytes: readFileSync("examples/dex30.tsv"), file: "dex30.tsv" };
    for (const numberFormat of ["%.2f", "%.4f"]) {
      const { scene } = await runPipeline({ matrix }, { displayNumbers: true, numberFormat });
      const cellWidth = scene!.geometry.cols.size;
      const numbers = scene!.groups.find((g) => g.name === "numbers")!.items as TextPrimitive[];
      expect(numbers).toHaveLength(180);
      const widest = Math.max(...numbers.map((t) => t.width));
      expect(widest, numberFormat).toBeLessThan(cellWidth);
    }
  });
});
