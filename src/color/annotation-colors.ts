import { UsageError } from "../errors.js";
import type { AnnotationTrack } from "../matrix.js";
import { brewerPal } from "./brewer.js";
import { colorIndex } from "./color-scale.js";
import { huePal } from "./hue-pal.js";
import { parseColor } from "./parse.js";
import { RRandom } from "./r-random.js";
import { colorRampPalette } from "./ramp.js";
import { rSeq } from "./seq.js";

/** Colors of one annotation track, with the color of any value. */
export type TrackColors =
  | {
      name: string;
      kind: "categorical";
      /** Levels shown in the legend, in order (levels absent from the values are dropped, as pheatmap). */
      levels: string[];
      colors: string[];
      naColor: string;
      /** The color of a level; `naColor` for null or an unknown level. */
      colorOf(value: string | null): string;
    }
  | {
      name: string;
      kind: "continuous";
      min: number;
      max: number;
      /** The colors the legend ramps through (pheatmap: 4). */
      colors: string[];
      naColor: string;
      /** pheatmap's cell color: `colorRampPalette(colors)(100)[cut(x, breaks = 100)]`; `naColor` for NaN. */
      colorOf(value: number): string;
    };

/** What the user gave for a track: level → color, or the colors of a continuous ramp. */
export type GivenTrackColors = Readonly<Record<string, string>> | readonly string[];

export interface AnnotationColorOptions {
  /** `clusterheat`: Okabe–Ito then Set2 then Dark2; `pheatmap`: pheatmap 1.0.12's defaults. */
  style: "clusterheat" | "pheatmap";
  /** Colors given by the user, by track name (pheatmap's `annotation_colors`). */
  given?: Readonly<Record<string, GivenTrackColors>>;
}

/** Okabe & Ito (2008) colour-blind-safe set, black last; the first seven are distinct hues. */
export const OKABE_ITO = [
  "#e69f00",
  "#56b4e9",
  "#009e73",
  "#f0e442",
  "#0072b2",
  "#d55e00",
  "#cc79a7",
  "#000000",
];

/** Sequential ColorBrewer schemes for continuous tracks in clusterheat style, one per track. */
const CLUSTERHEAT_SEQUENTIAL = ["Blues", "Greens", "Oranges", "Purples", "Reds", "Greys", "BuPu", "YlGn"];

/** pheatmap's order of sequential schemes (scales' `brewer$seq`); its k-th continuous track takes k + 1. */
const PHEATMAP_SEQUENTIAL = [
  "Blues", "BuGn", "BuPu", "GnBu", "Greens", "Greys", "Oranges", "OrRd", "PuBu",
  "PuBuGn", "PuRd", "Purples", "RdPu", "Reds", "YlGn", "YlGnBu", "YlOrBr", "YlOrRd",
]; // biome-ignore format: a table

/** Color of missing annotation values (listed in the legend as "NA"). */
export const ANNOTATION_NA_COLOR = "#bdbdbd";

/**
 * Default colors of annotation tracks.
 *
 * `clusterheat` style: categorical tracks take consecutive colors from Okabe–Ito (black last), then
 * ColorBrewer Set2, then Dark2, continuing across tracks so that no two tracks share a color while
 * the 24 colors last (then the cycle restarts); continuous tracks take a sequential ColorBrewer
 * scheme each (Blues, Greens, Oranges, Purples, Reds, Greys, BuPu, YlGn, cycling), light to dark:
 * `brewer.pal(5, scheme)[1:4]` as pheatmap. Missing values: {@link ANNOTATION_NA_COLOR}.
 *
 * `pheatmap` style (pheatmap 1.0.12's `generate_annotation_colours`), reproduced color for color:
 * continuous tracks take `brewer.pal(5, scheme)[1:4]` of the sequential schemes in scales' order
 * starting at the second (BuGn, BuPu, GnBu, …). Categorical tracks share one hue wheel,
 * `scales::hue_pal(l = 75)(count)` with count the present levels of all categorical tracks (given
 * ones included); with R's random stream after `set.seed(3453)`, each track without given colors
 * in turn takes `sample()` of as many of the wheel's remaining colors as it has levels, and those
 * leave the wheel. pheatmap takes the tracks row tracks first, then column tracks: pass them in
 * that order to get its colors. (A categorical track without any value takes no colors; pheatmap
 * would empty the wheel there and give later tracks NA colors.)
 *
 * Given colors (`options.given[track]`) are used as they are: a level → color map for a categorical
 * track (every present level must have one), a color list for a continuous one.
 */
export function annotationColors(
  tracks: readonly AnnotationTrack[],
  options: AnnotationColorOptions,
): TrackColors[] {
  const palette = [...OKABE_ITO, ...brewerPal(8, "Set2")!, ...brewerPal(8, "Dark2")!];
  let nextCategorical = 0;
  let nextContinuous = 0;
  const wheel = options.style === "pheatmap" ? pheatmapWheel(tracks) : null;
  return tracks.map((track) => {
    const given = options.given?.[track.name];
    if (track.kind === "categorical") {
      const levels = presentLevels(track);
      let colors: string[];
      if (given !== undefined) colors = givenLevelColors(track.name, levels, given);
      else if (wheel !== null) colors = wheel.take(levels.length);
      else colors = levels.map(() => palette[nextCategorical++ % palette.length]!);
      return categorical(track.name, levels, colors);
    }
    let colors: string[];
    if (given !== undefined) {
      if (!Array.isArray(given) || given.length === 0) {
        throw new UsageError(
          `invalid annotation colors for ${JSON.stringify(track.name)}: expected a color list`,
        );
      }
      colors = given.map(parseColor);
    } else {
      const schemes = options.style === "pheatmap" ? PHEATMAP_SEQUENTIAL.slice(1) : CLUSTERHEAT_SEQUENTIAL;
      colors = brewerPal(5, schemes[nextContinuous++ % schemes.length]!)!.slice(0, 4);
    }
    return continuous(track.name, track.values, colors);
  });
}

/**
 * pheatmap's hue wheel for categorical tracks: `hue_pal(l = 75)` colors for every present level of
 * every categorical track, drawn from by `sample()` in R's stream after `set.seed(3453)`.
 */
function pheatmapWheel(tracks: readonly AnnotationTrack[]): { take(n: number): string[] } {
  let count = 0;
  for (const t of tracks) if (t.kind === "categorical") count += presentLevels(t).length;
  let pool = count > 0 ? huePal(count, { l: 75 }) : [];
  const rng = new RRandom(3453);
  return {
    take(n) {
      if (n === 0) return [];
      const drawn = rng.sampleInt(pool.length, n).map((i) => i - 1);
      const colors = drawn.map((i) => pool[i]!);
      const gone = new Set(drawn);
      pool = pool.filter((_, i) => !gone.has(i));
      return colors;
    },
  };
}

/** Levels that occur in the values, in the track's level order (pheatmap's `drop_levels = TRUE`). */
function presentLevels(track: Extract<AnnotationTrack, { kind: "categorical" }>): string[] {
  const present = new Set(track.values.filter((v): v is string => v !== null));
  return track.levels.filter((level) => present.has(level));
}

function givenLevelColors(name: string, levels: readonly string[], given: GivenTrackColors): string[] {
  if (Array.isArray(given)) {
    throw new UsageError(
      `invalid annotation colors for ${JSON.stringify(name)}: expected level → color pairs`,
    );
  }
  const map = given as Readonly<Record<string, string>>;
  return levels.map((level) => {
    const color = map[level];
    if (color === undefined) {
      throw new UsageError(
        `annotation colors for ${JSON.stringify(name)} miss level ${JSON.stringify(level)} (expected a color for every level)`,
      );
    }
    return parseColor(color);
  });
}

function categorical(name: string, levels: string[], colors: string[]): TrackColors {
  const index = new Map(levels.map((level, i) => [level, i]));
  return {
    name,
    kind: "categorical",
    levels,
    colors,
    naColor: ANNOTATION_NA_COLOR,
    colorOf: (value) =>
      value === null ? ANNOTATION_NA_COLOR : (colors[index.get(value) ?? -1] ?? ANNOTATION_NA_COLOR),
  };
}

function continuous(name: string, values: Float64Array, colors: string[]): TrackColors {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) [min, max] = [0, 1];
  const ramp = colorRampPalette(colors, 100);
  const breaks = cutBreaks(min, max, 100);
  return {
    name,
    kind: "continuous",
    min,
    max,
    colors,
    naColor: ANNOTATION_NA_COLOR,
    colorOf: (value) => (Number.isNaN(value) ? ANNOTATION_NA_COLOR : ramp[colorIndex(value, breaks)]!),
  };
}

/**
 * R's `cut(x, breaks = k)` breaks: k + 1 evenly spaced over [min, max], the ends pushed out by
 * (max − min)/1000; a constant range becomes `seq(a − d, a + d)` with d = |a|/1000 (1 when a = 0).
 */
export function cutBreaks(min: number, max: number, k: number): number[] {
  const dx = max - min;
  if (dx === 0) {
    const d = min !== 0 ? Math.abs(min) / 1000 : 1;
    return rSeq(min - d, max + d, k + 1);
  }
  const breaks = rSeq(min, max, k + 1);
  breaks[0] = min - dx / 1000;
  breaks[k] = max + dx / 1000;
  return breaks;
}
