/**
 * The one place where the stages meet, as numbered steps (vega-lite's
 * `compile`): normalize options → read → prepare → cluster → order → layout
 * → render. Every face calls it: the CLI commands, the library's `heatmap()`
 * and the viewer's Web Worker. It returns every intermediate value, so that
 * each face takes what it needs (the numbers behind the picture included).
 */
import type { AxisResult, ClusterContext, ClusterResult } from "./cluster/cluster-matrix.js";
import type { KmeansResult } from "./cluster/kmeans.js";
import { clusterAxes, type SplitResult } from "./cluster/split-cluster.js";
import { CancelledError, listSome, msg, opt, UsageError } from "./errors.js";
import { readAnnotation } from "./io/annotation.js";
import { readMatrix } from "./io/matrix-reader.js";
import { layoutHeatmap } from "./layout/heatmap.js";
import type { Scene } from "./layout/scene.js";
import { type Logger, silentLogger } from "./log.js";
import { type Annotation, type Matrix, selectCols, selectRows } from "./matrix.js";
import {
  type ClusterOptions,
  checkAgainstMatrix,
  checkCombinations,
  type FigureOptions,
  givenOptions,
  normalizeOptions,
  type Options,
  type PrepOptions,
  pickGroup,
} from "./options.js";
import { type CorrelationResult, correlate } from "./transform/correlate.js";
import { prepare } from "./transform/prepare.js";
import { VERSION } from "./version.js";

/** A file's content with the name used in messages (`expr.tsv:4:3: …`). */
export interface InputFile {
  bytes: Uint8Array | string;
  file: string;
}

/** What the pipeline reads: a matrix (or its file) and, optionally, sample and gene sheets. */
export interface PipelineInput {
  matrix: Matrix | InputFile;
  /** Sample sheet (matched to the column names), or an annotation already read. */
  annotationCol?: InputFile | Annotation;
  /** Gene sheet (matched to the row names). */
  annotationRow?: InputFile | Annotation;
}

/** How far to go: `prepare` stops after step 3, `cluster` after step 5, `figure` lays out the Scene. */
export type PipelineStop = "prepare" | "cluster" | "figure";

export interface PipelineContext extends Omit<ClusterContext, "logger" | "signal"> {
  logger?: Logger;
  /** Stops the work within about 100 ms (CancelledError). */
  signal?: AbortSignal;
  /** Default: `figure`. */
  stop?: PipelineStop;
}

/** Everything the stages made. */
export interface PipelineResult {
  /** The options as normalized (every default filled in). */
  options: Options;
  /** The matrix as read, annotations attached. */
  input: Matrix;
  /** After the prep steps (log2, filters, aggregation, scaling): what is clustered. */
  prepared: Matrix;
  /** With `correlation`: the correlation matrix (what is drawn and clustered instead) and its 1 − r distances. */
  correlation: CorrelationResult | null;
  /** The clustering (trees with leaf order, cutree clusters, k-means); null when stopped before. */
  clustered: ClusterResult | null;
  rows: AxisResult | null;
  cols: AxisResult | null;
  kmeans: KmeansResult | null;
  /**
   * Split axes (`splitRowsBy`/`kmeansSplitRows`, `splitColsBy`): the blocks in drawn order, each with
   * its own tree. `rows`/`cols` is then the blocks' trees joined by the splits' tree (`clusterSplits`),
   * else null: the trees are one per block here.
   */
  rowSplit: SplitResult | null;
  colSplit: SplitResult | null;
  /** Drawn order: 0-based indices into `clustered.matrix` (the prepared matrix, or the k-means centers). */
  rowOrder: number[];
  colOrder: number[];
  /** The clustered matrix in drawn order: what the heatmap shows, cell for cell. */
  drawn: Matrix;
  /** The figure, when the pipeline went as far. */
  scene: Scene | null;
  /** Every warning, in the library's words (also sent to the context's logger). */
  warnings: string[];
}

function isMatrix(x: Matrix | InputFile): x is Matrix {
  return "values" in x;
}

function isAnnotation(x: InputFile | Annotation): x is Annotation {
  return "tracks" in x;
}

/** Forwards to the caller's logger and keeps a copy of every warning. */
function recording(logger: Logger): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    warn(message) {
      warnings.push(String(message));
      logger.warn(message);
    },
    progress: logger.progress?.bind(logger),
  };
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Step 2: the matrix and its annotations. */
function read(input: PipelineInput, options: Options, logger: Logger): Matrix {
  let m = isMatrix(input.matrix)
    ? input.matrix
    : readMatrix(input.matrix.bytes, {
        file: input.matrix.file,
        duplicateRows: options.duplicateRows,
        logger,
      });
  const categorical = options.annotationCategorical ?? undefined;
  const sheet = (given: InputFile | Annotation, names: readonly string[], axis: "row" | "col") =>
    isAnnotation(given) ? given : readAnnotation(given.bytes, names, { file: given.file, axis, categorical });
  if (input.annotationCol) m = { ...m, colAnnotation: sheet(input.annotationCol, m.colNames, "col") };
  if (input.annotationRow) m = { ...m, rowAnnotation: sheet(input.annotationRow, m.rowNames, "row") };
  return options.annotationTracks ? keepTracks(m, options.annotationTracks) : m;
}

/** Keeps only the named annotation tracks, in the order named; a name found on neither axis is an error. */
function keepTracks(m: Matrix, names: readonly string[]): Matrix {
  const all = [...(m.colAnnotation?.tracks ?? []), ...(m.rowAnnotation?.tracks ?? [])].map((t) => t.name);
  const missing = names.filter((n) => !all.includes(n));
  if (missing.length > 0) {
    throw new UsageError(
      msg`${opt("annotationTracks")}: no field ${listSome(missing)} in the sheets (fields: ${listSome(all, 12)})`,
    );
  }
  const pick = (a: Annotation | undefined) =>
    a ? { tracks: names.flatMap((n) => a.tracks.filter((t) => t.name === n)) } : undefined;
  return { ...m, colAnnotation: pick(m.colAnnotation), rowAnnotation: pick(m.rowAnnotation) };
}

/**
 * Runs the stages in order and returns every intermediate value.
 * Throws UsageError for options that are invalid or make no sense together
 * (before any work), DataError for bad input, CancelledError when `signal`
 * aborts.
 */
export async function runPipeline(
  input: PipelineInput,
  given: Partial<Options> = {},
  ctx: PipelineContext = {},
): Promise<PipelineResult> {
  const logger = recording(ctx.logger ?? silentLogger);
  const stop = ctx.stop ?? "figure";
  const checkAbort = () => {
    if (ctx.signal?.aborted) throw new CancelledError();
  };

  // 1. Normalize the options once; refuse combinations that make no sense.
  const options = normalizeOptions(given);
  checkCombinations(options, logger);

  // 2. Read the matrix and the sheets.
  const matrix = read(input, options, logger);
  checkAbort();

  // 3. Prepare: log2, filters, aggregation, scaling.
  const prepared = prepare(matrix, pickGroup<PrepOptions>(options, "prep"), logger);
  // 3b. Correlate: with `correlation`, the figure is the gene–gene (or sample–sample) correlation matrix.
  const correlation =
    options.correlation === null ? null : correlate(prepared, options.correlation, options.correlationMethod);
  const shown = correlation?.matrix ?? prepared;
  const empty: PipelineResult = {
    options,
    input: matrix,
    prepared,
    correlation,
    clustered: null,
    rows: null,
    cols: null,
    kmeans: null,
    rowSplit: null,
    colSplit: null,
    rowOrder: identity(shown.nrow),
    colOrder: identity(shown.ncol),
    drawn: shown,
    scene: null,
    warnings: logger.warnings,
  };
  if (stop === "prepare") return empty;

  // 4. Check what depends on the prepared matrix before the long work.
  checkAgainstMatrix(options, prepared.nrow, prepared.ncol);
  checkAbort();

  // 5. Cluster rows, then columns on the row-ordered matrix (pheatmap's order); cutree; k-means;
  //    split axes block by block; a correlation matrix with one tree for both axes.
  const { logger: _l, signal: _s, stop: _t, ...clusterCtx } = ctx;
  const { rowSplit, colSplit, rowOrder, colOrder, ...clustered } = await clusterAxes(
    prepared,
    correlation,
    pickGroup<ClusterOptions>(options, "cluster"),
    { ...clusterCtx, logger, signal: ctx.signal },
  );

  // 6. The drawn order and the matrix as drawn.
  const drawn = selectCols(selectRows(clustered.matrix, rowOrder), colOrder);
  const result: PipelineResult = {
    ...empty,
    clustered,
    rows: clustered.rows,
    cols: clustered.cols,
    kmeans: clustered.kmeans ?? null,
    rowSplit,
    colSplit,
    rowOrder,
    colOrder,
    drawn,
  };
  if (stop === "cluster") return result;
  checkAbort();

  // 7. Layout: positions, colors, texts → Scene.
  const scene = layoutHeatmap(
    {
      matrix: clustered.matrix,
      rowOrder,
      colOrder,
      rows: clustered.rows,
      cols: clustered.cols,
      kmeans: clustered.kmeans ?? null,
      rowSplit,
      colSplit,
      correlation: correlation?.method ?? null,
      scale: options.scale,
      provenance: { generator: "clusterheat", version: VERSION, options: givenOptions(given) },
    },
    options satisfies FigureOptions,
    logger,
  );
  // 8. Rendering is format-specific: renderSvg(scene) (isomorphic), renderPng/renderPdf (clusterheat/node).
  return { ...result, scene };
}
