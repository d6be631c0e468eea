import { describe, expect, it } from "vitest";
import { OptionError, type UsageError } from "../../src/errors.js";
import { collectingLogger } from "../../src/log.js";
import {
  checkAgainstMatrix,
  checkCombinations,
  normalizeClusterOptions,
  normalizeFigureOptions,
  normalizeOptions,
  OPTION_SPECS,
  OPTIONS,
  type Options,
  parseKind,
} from "../../src/options.js";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("the option table", () => {
  it("OPTIONS: every option has a group, a kind, a label and a description; pheatmap names are snake_case", () => {
    for (const spec of OPTION_SPECS) {
      expect(["read", "prep", "cluster", "figure"]).toContain(spec.group);
      expect(spec.label.length, spec.name).toBeGreaterThan(2);
      expect(spec.description.length, spec.name).toBeGreaterThan(10);
      expect(spec.example, spec.name).toMatch(/^--[a-z]/);
      if (spec.pheatmap) expect(spec.pheatmap).toMatch(/^[a-z_]+$/);
    }
  });

  it("OPTIONS: every default is a valid value of its own kind", () => {
    const defaults = normalizeOptions({});
    for (const spec of OPTION_SPECS) {
      const value = (defaults as Record<string, unknown>)[spec.name];
      expect(() => normalizeOptions({ [spec.name]: value } as Partial<Options>), spec.name).not.toThrow();
    }
  });

  it("OPTIONS names every pheatmap argument of the figure issue", () => {
    const names = new Set(OPTION_SPECS.map((s) => s.pheatmap).filter(Boolean));
    for (const arg of [
      "color",
      "breaks",
      "border_color",
      "cellwidth",
      "cellheight",
      "scale",
      "cluster_rows",
      "cluster_cols",
      "clustering_distance_rows",
      "clustering_distance_cols",
      "clustering_method",
      "cutree_rows",
      "cutree_cols",
      "treeheight_row",
      "treeheight_col",
      "legend",
      "legend_breaks",
      "legend_labels",
      "annotation_colors",
      "annotation_legend",
      "annotation_names_row",
      "annotation_names_col",
      "drop_levels",
      "show_rownames",
      "show_colnames",
      "main",
      "fontsize",
      "fontsize_row",
      "fontsize_col",
      "angle_col",
      "display_numbers",
      "number_format",
      "number_color",
      "fontsize_number",
      "gaps_row",
      "gaps_col",
      "labels_row",
      "labels_col",
      "width",
      "height",
      "na_col",
      "kmeans_k",
    ]) {
      expect(names.has(arg), arg).toBe(true);
    }
  });
});

describe("normalizeOptions", () => {
  it("normalizeOptions fills defaults, cascading: per-axis methods from clusteringMethod, font sizes from fontsize", () => {
    const o = normalizeOptions({ clusteringMethod: "ward.D2", fontsize: 12 });
    expect(o.clusteringMethodRows).toBe("ward.D2");
    expect(o.clusteringMethodCols).toBe("ward.D2");
    expect(o.fontsizeRow).toBe(12);
    expect(o.fontsizeNumber).toBeCloseTo(9.6, 12);
    expect(
      normalizeOptions({ clusteringMethod: "ward.D2", clusteringMethodCols: "average" }).clusteringMethodCols,
    ).toBe("average");
    expect(OPTIONS.scale.default).toBe("none");
  });

  it("normalizeOptions refuses an invalid value with structured fields (option, found, expected)", () => {
    const e = thrown(() => normalizeOptions({ topVariable: 0 })) as OptionError;
    expect(e).toBeInstanceOf(OptionError);
    expect(e.option).toBe("topVariable");
    expect(e.found).toBe(0);
    expect(e.expected).toBe("an integer ≥ 1");
    expect(e.message).toBe("invalid topVariable: 0 (expected an integer ≥ 1)");
  });

  it("normalizeOptions refuses an unknown option and suggests the near one", () => {
    const e = thrown(() => normalizeOptions({ cutreeRow: 2 } as unknown as Partial<Options>)) as UsageError;
    expect(e.message).toBe("unknown option: cutreeRow (did you mean cutreeRows?)");
  });

  it("normalizeFigureOptions canonicalizes colors and keeps 'none'", () => {
    const o = normalizeFigureOptions({
      naCol: "grey60",
      borderColor: "none",
      color: ["navy", "white", "#B22222"],
    });
    expect(o.naCol).toBe("#999999");
    expect(o.borderColor).toBe("none");
    expect(o.color).toEqual(["#000080", "#ffffff", "#b22222"]);
    expect(() => normalizeFigureOptions({ naCol: "notacolor" })).toThrow(OptionError);
    expect(() => normalizeFigureOptions({ angleCol: 30 as 45 })).toThrow(
      "expected one of 0, 45, 90, 270, 315",
    );
  });

  it("normalizeClusterOptions keeps the library's shape for the cluster stage", () => {
    expect(normalizeClusterOptions({}).clusteringDistanceRows).toBe("euclidean");
    expect(() => normalizeClusterOptions({ scale: "row" } as never)).toThrow("unknown option: scale");
  });
});

describe("parseKind (text from a flag or a field)", () => {
  const spec = (name: keyof typeof OPTIONS) => OPTIONS[name].kind;

  it("parseKind refuses hexadecimal, exponent and Infinity spellings of integers", () => {
    for (const text of ["0x3", "1e1", "Infinity", "3.0", "", " "]) {
      expect(() => parseKind("cutreeRows", spec("cutreeRows"), text), text).toThrow(OptionError);
    }
    expect(parseKind("cutreeRows", spec("cutreeRows"), "3")).toBe(3);
  });

  it("parseKind reads numbers in decimal only (exponents allowed for real numbers)", () => {
    expect(parseKind("minkowskiP", spec("minkowskiP"), "1.5")).toBe(1.5);
    expect(parseKind("minkowskiP", spec("minkowskiP"), "1e-3")).toBe(0.001);
    expect(() => parseKind("minkowskiP", spec("minkowskiP"), "0x10")).toThrow(OptionError);
    expect(() => parseKind("minkowskiP", spec("minkowskiP"), "0")).toThrow("expected a number > 0");
  });

  it("parseKind reads lengths with units into the option's unit", () => {
    expect(parseKind("width", spec("width"), "7")).toBe(7);
    expect(parseKind("width", spec("width"), "18cm")).toBeCloseTo(18 / 2.54, 12);
    expect(parseKind("cellheight", spec("cellheight"), "0.25in")).toBe(18);
    expect(parseKind("cellheight", spec("cellheight"), "12pt")).toBe(12);
    expect(() => parseKind("cellheight", spec("cellheight"), "12furlongs")).toThrow(OptionError);
  });

  it("parseKind reads lists of numbers, palettes and colors", () => {
    expect(parseKind("breaks", spec("breaks"), "-2,-1,0,1,2")).toEqual([-2, -1, 0, 1, 2]);
    expect(parseKind("gapsRow", spec("gapsRow"), "10, 20")).toEqual([10, 20]);
    expect(() => parseKind("gapsRow", spec("gapsRow"), "10,x")).toThrow(OptionError);
    expect(parseKind("color", spec("color"), "RdBu_r")).toBe("RdBu_r");
    expect(parseKind("color", spec("color"), "navy,white,red")).toEqual(["#000080", "#ffffff", "#ff0000"]);
    expect(parseKind("borderColor", spec("borderColor"), "none")).toBe("none");
  });
});

describe("checkCombinations", () => {
  const check = (given: Partial<Options>) => {
    const logger = collectingLogger();
    checkCombinations(normalizeOptions(given), logger);
    return logger.warnings;
  };

  it("checkCombinations refuses cutreeRows with cutreeRowsHeight, and cutree on an axis not clustered", () => {
    expect(() => check({ cutreeRows: 2, cutreeRowsHeight: 1 })).toThrow(
      "cutreeRows and cutreeRowsHeight cannot be used together",
    );
    expect(() => check({ cutreeCols: 2, clusterCols: false })).toThrow("cutreeCols needs clustered columns");
    expect(() => check({ legendLabels: ["a"], legendBreaks: [1, 2] })).toThrow("one label for each break");
    expect(() => check({ breaks: [1, 0] })).toThrow("increasing");
  });

  it("checkCombinations warns about minkowskiP without minkowski and keepOrder without rows", () => {
    expect(check({ minkowskiP: 3 })).toEqual(["minkowskiP is ignored: no axis uses the minkowski distance"]);
    expect(check({ minkowskiP: 3, clusteringDistanceCols: "minkowski" })).toEqual([]);
    expect(check({ keepOrder: true })).toEqual(["keepOrder is ignored without rows"]);
  });

  it("checkAgainstMatrix refuses a k larger than the rows left after the prep steps", () => {
    const e = thrown(() => checkAgainstMatrix(normalizeOptions({ cutreeRows: 31 }), 30, 6)) as UsageError;
    expect(e.message).toBe("cutreeRows 31 is more than the 30 rows left after the prep steps");
    expect(e.option).toBe("cutreeRows");
    expect(() => checkAgainstMatrix(normalizeOptions({ cutreeCols: 7 }), 30, 6)).toThrow("6 columns");
    expect(() => checkAgainstMatrix(normalizeOptions({ kmeansRows: 5, cutreeRows: 6 }), 30, 6)).toThrow(
      "5 k-means clusters",
    );
    expect(() => checkAgainstMatrix(normalizeOptions({ cutreeRows: 30 }), 30, 6)).not.toThrow();
  });
});
