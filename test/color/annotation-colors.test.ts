import { describe, expect, it } from "vitest";
import {
  ANNOTATION_NA_COLOR,
  annotationColors,
  cutBreaks,
  OKABE_ITO,
} from "../../src/color/annotation-colors.js";
import type { AnnotationTrack } from "../../src/matrix.js";
import { loadColorFixture, lower, parseAllR } from "./fixtures.js";

interface RTrack {
  name: string;
  kind: "categorical" | "continuous";
  values: string[];
  levels?: string[];
  colorLevels?: string[];
  colors: string[];
  cells: (string | null)[];
}
const fixture = loadColorFixture("annotation.json");

function toTrack(t: RTrack): AnnotationTrack {
  return t.kind === "continuous"
    ? { name: t.name, kind: "continuous", values: Float64Array.from(parseAllR(t.values)) }
    : {
        name: t.name,
        kind: "categorical",
        values: t.values.map((v) => (v === "NA" ? null : v)),
        levels: t.levels!,
      };
}

describe("annotationColors, pheatmap style, against generate_annotation_colours", () => {
  const cases = fixture.cases as { label: string; tracks: RTrack[] }[];
  it.each(cases)("continuous tracks of '$label' take pheatmap's ramps and cell colors", ({ tracks }) => {
    const given = Object.fromEntries(
      tracks
        .filter((t) => t.kind === "categorical")
        .map((t) => [t.name, Object.fromEntries(t.colorLevels!.map((l, i) => [l, t.colors[i]!]))]),
    );
    const got = annotationColors(tracks.map(toTrack), { style: "pheatmap", given });
    tracks.forEach((t, i) => {
      const g = got[i]!;
      expect(g.colors).toEqual(lower(t.colors));
      if (g.kind === "continuous") {
        const cells = parseAllR(t.values).map((v) => g.colorOf(v));
        // pheatmap draws NA as its NA color (NA in convert_annotations); ours is ANNOTATION_NA_COLOR.
        expect(cells).toEqual(
          t.cells.map((c) => (c === null || c === "NA" ? ANNOTATION_NA_COLOR : c.toLowerCase())),
        );
      } else {
        expect(g.levels).toEqual(t.colorLevels);
      }
    });
  });

  it.each(cases)("every track of '$label' takes pheatmap's colors and cell colors", ({ tracks }) => {
    const got = annotationColors(tracks.map(toTrack), { style: "pheatmap" });
    tracks.forEach((t, i) => {
      const g = got[i]!;
      expect(g.colors, t.name).toEqual(lower(t.colors));
      if (g.kind === "categorical") {
        expect(g.levels).toEqual(t.colorLevels);
        expect(t.values.map((v) => g.colorOf(v === "NA" ? null : v))).toEqual(
          t.cells.map((c) => (c === null || c === "NA" ? ANNOTATION_NA_COLOR : c.toLowerCase())),
        );
      }
    });
  });

  const given = (loadColorFixture("random.json") as { pheatmapGiven: GivenCase[] }).pheatmapGiven;
  it.each(given)("given colors of some tracks: '$label'", ({ tracks }) => {
    const got = annotationColors(
      tracks.map((t) => ({
        name: t.name,
        kind: "categorical",
        values: t.values,
        levels: t.levels,
      })),
      {
        style: "pheatmap",
        given: Object.fromEntries(
          tracks
            .filter((t) => t.given)
            .map((t) => [t.name, Object.fromEntries(t.colorLevels.map((l, i) => [l, t.colors[i]!]))]),
        ),
      },
    );
    tracks.forEach((t, i) => {
      expect(got[i]!.colors, t.name).toEqual(lower(t.colors));
    });
  });

  it("a categorical track without values takes no colors and leaves the wheel to the others", () => {
    const tracks: AnnotationTrack[] = [
      { name: "empty", kind: "categorical", values: [null], levels: ["a"] },
      { name: "g", kind: "categorical", values: ["Ctrl", "Dex"], levels: ["Ctrl", "Dex"] },
    ];
    const got = annotationColors(tracks, { style: "pheatmap" });
    expect(got[0]!.colors).toEqual([]);
    // as the one-factor fixture: the same wheel and the same draw
    expect(got[1]!.colors).toEqual(["#00dae0", "#ff9289"]);
  });
});

interface GivenCase {
  label: string;
  tracks: {
    name: string;
    values: (string | null)[];
    levels: string[];
    given: boolean;
    colorLevels: string[];
    colors: string[];
  }[];
}

describe("annotationColors, clusterheat style", () => {
  const tracks: AnnotationTrack[] = [
    {
      name: "Treatment",
      kind: "categorical",
      values: ["Dex", "Ctrl", null],
      levels: ["Ctrl", "Dex", "Unused"],
    },
    { name: "Depth", kind: "continuous", values: Float64Array.from([1, Number.NaN, 3]) },
    { name: "Batch", kind: "categorical", values: ["b1", "b2", "b3"], levels: ["b1", "b2", "b3"] },
    { name: "Age", kind: "continuous", values: Float64Array.from([20, 40, 60]) },
  ];
  const got = annotationColors(tracks, { style: "clusterheat" });

  it("categorical tracks take consecutive Okabe–Ito colors across tracks, present levels only", () => {
    expect(got[0]).toMatchObject({
      kind: "categorical",
      levels: ["Ctrl", "Dex"],
      colors: OKABE_ITO.slice(0, 2),
    });
    expect(got[2]).toMatchObject({ levels: ["b1", "b2", "b3"], colors: OKABE_ITO.slice(2, 5) });
  });

  it("continuous tracks take Blues, then Greens, light to dark", () => {
    expect(got[1]!.colors).toEqual(["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd"]);
    expect(got[3]!.colors).toEqual(["#edf8e9", "#bae4b3", "#74c476", "#31a354"]);
  });

  it("colorOf gives the NA color to missing values and the ramp ends to min and max", () => {
    const t = got[0]!;
    if (t.kind !== "categorical") throw new Error("expected categorical");
    expect(t.colorOf(null)).toBe(ANNOTATION_NA_COLOR);
    expect(t.colorOf("Dex")).toBe(OKABE_ITO[1]);
    const d = got[1]!;
    if (d.kind !== "continuous") throw new Error("expected continuous");
    expect([d.min, d.max]).toEqual([1, 3]);
    expect(d.colorOf(Number.NaN)).toBe(ANNOTATION_NA_COLOR);
    expect([d.colorOf(1), d.colorOf(3)]).toEqual(["#eff3ff", "#3182bd"]);
  });

  it("no two tracks share a color while the 24 colors last", () => {
    const many: AnnotationTrack[] = [0, 1, 2].map((k) => ({
      name: `t${k}`,
      kind: "categorical",
      values: Array.from({ length: 8 }, (_, i) => `l${i}`),
      levels: Array.from({ length: 8 }, (_, i) => `l${i}`),
    }));
    const colors = annotationColors(many, { style: "clusterheat" }).flatMap((t) => t.colors);
    expect(new Set(colors).size).toBe(24);
  });

  it("given colors win and must cover every present level", () => {
    const given = { Treatment: { Ctrl: "grey60", Dex: "firebrick3" } };
    expect(annotationColors([tracks[0]!], { style: "clusterheat", given })[0]!.colors).toEqual([
      "#999999",
      "#cd2626",
    ]);
    expect(() =>
      annotationColors([tracks[0]!], { style: "clusterheat", given: { Treatment: { Ctrl: "red" } } }),
    ).toThrow(/miss level "Dex"/);
  });
});

describe("cutBreaks", () => {
  it("cutBreaks(min, max, k) pushes the ends out by a thousandth of the range, as R's cut", () => {
    expect(cutBreaks(0, 10, 2)).toEqual([-0.01, 5, 10.01]);
    expect(cutBreaks(7, 7, 2)).toEqual([6.993, 7, 7.007]);
  });
});
