/**
 * The page's Web Worker: runs the pipeline exactly as the CLI does
 * (runPipeline with the file bytes, an AbortSignal and a logger), so the page
 * never freezes; where the page is cross-origin isolated, with worker threads
 * of its own for the distances and the linkage (parallel.ts); sends progress, then the viewer's payload (typed arrays
 * transferred, not copied). Keeps the last result to make the downloads
 * (tables, matrix, trees, the figure's SVG) on request.
 */

import { wasmKernelsAvailable } from "../src/cluster/wasm/kernels.js";
import { reserveLinkageMemory } from "../src/cluster/wasm/linkage.js";
import { ClusterheatError } from "../src/errors.js";
import { formatClusterTable } from "../src/io/cluster-table.js";
import { formatNewick } from "../src/io/newick.js";
import { formatMatrixTsv } from "../src/io/write-tsv.js";
import { OPTIONS, type Options } from "../src/options.js";
import { type InputFile, type PipelineResult, runPipeline } from "../src/pipeline.js";
import { renderSvg } from "../src/render/svg.js";
import { buildPayload, type ViewerPayload } from "../src/viewer/payload.js";
import { isolated, pageThreads } from "./parallel.js";

export type WorkerRequest =
  | {
      type: "run";
      id: number;
      matrix: InputFile;
      annotationCol?: InputFile;
      options: Partial<Options>;
      /** Threads at any size (the page's `?threads=always`, for tests and benchmarks). */
      threadsAlways?: boolean;
    }
  | { type: "cancel"; id: number }
  | { type: "download"; id: number; what: DownloadKind }
  /** Make the first clustering's memory ready while the page waits for a file (warmUp). */
  | { type: "warm" };

export type DownloadKind = "svg" | "rows-table" | "cols-table" | "matrix" | "newick";

export type WorkerReply =
  | { type: "progress"; id: number; phase: string; done: number; total: number }
  | {
      type: "done";
      id: number;
      payload: ViewerPayload;
      ms: number;
      simd: boolean;
      threads: number;
      linkageThreads: number;
      /** Milliseconds from the start to each phase's first and last report, and to the pipeline's end ("pipeline"). */
      phases: Record<string, [number, number]>;
    }
  | { type: "error"; id: number; message: string }
  | { type: "cancelled"; id: number }
  | { type: "text"; id: number; what: DownloadKind; text: string | null };

const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
};

let running: { id: number; controller: AbortController } | null = null;
let last: PipelineResult | null = null;

/** Option names worded as the page's controls: their labels. */
const wording = (name: string) => (name in OPTIONS ? OPTIONS[name as keyof typeof OPTIONS].label : name);

async function run(req: Extract<WorkerRequest, { type: "run" }>): Promise<void> {
  running?.controller.abort();
  const controller = new AbortController();
  running = { id: req.id, controller };
  let lastPost = 0;
  const t0 = performance.now();
  const phases: Record<string, [number, number]> = {};
  const threads = pageThreads(req.threadsAlways === true);
  try {
    const result = await runPipeline(
      { matrix: req.matrix, ...(req.annotationCol ? { annotationCol: req.annotationCol } : {}) },
      req.options,
      {
        ...threads.context,
        // each change of an option clusters again: reuse the memory the last run touched
        reuseMemory: true,
        signal: controller.signal,
        logger: {
          warn() {},
          progress(phase, done, total) {
            const now = performance.now();
            const at = Math.round(now - t0);
            phases[phase] ??= [at, at];
            phases[phase][1] = at;
            if (now - lastPost < 50 && done < total) return;
            lastPost = now;
            scope.postMessage({ type: "progress", id: req.id, phase, done, total });
          },
        },
      },
    );
    if (controller.signal.aborted) throw new DOMException("aborted", "AbortError");
    last = result;
    phases.pipeline = [0, Math.round(performance.now() - t0)];
    const payload = buildPayload(result);
    const transfer = [payload.values.buffer, payload.original?.buffer].filter((b): b is ArrayBuffer => !!b);
    const ms = performance.now() - t0;
    // whether the distances ran on the WebAssembly SIMD kernels (the page's policy must allow them)
    scope.postMessage(
      {
        type: "done",
        id: req.id,
        payload,
        ms,
        simd: wasmKernelsAvailable(),
        threads: threads.threads,
        linkageThreads: threads.linkageThreads(),
        phases,
      },
      transfer,
    );
  } catch (e) {
    if (controller.signal.aborted) scope.postMessage({ type: "cancelled", id: req.id });
    else if (e instanceof ClusterheatError)
      scope.postMessage({ type: "error", id: req.id, message: e.describe(wording) });
    else
      scope.postMessage({
        type: "error",
        id: req.id,
        message: `Unexpected error: ${(e as Error)?.message ?? e}`,
      });
  } finally {
    threads.close();
    if (running?.id === req.id) running = null;
  }
}

function text(what: DownloadKind): string | null {
  const r = last;
  if (!r) return null;
  const header = r.input.rowHeader || "gene";
  switch (what) {
    case "svg":
      return r.scene ? renderSvg(r.scene) : null;
    case "rows-table":
      return r.clustered
        ? formatClusterTable(
            r.rows?.tree ?? null,
            r.clustered.matrix.rowNames,
            r.rows?.clusters ?? null,
            header,
          )
        : null;
    case "cols-table":
      return r.clustered
        ? formatClusterTable(
            r.cols?.tree ?? null,
            r.clustered.matrix.colNames,
            r.cols?.clusters ?? null,
            "sample",
          )
        : null;
    case "matrix":
      return formatMatrixTsv(r.drawn);
    case "newick": {
      const trees = [r.rows?.tree, r.cols?.tree].filter((t) => !!t).map((t) => formatNewick(t!));
      return trees.length ? `${trees.join("\n")}\n` : null;
    }
  }
}

/**
 * Memory made ready while the page waits for a file: the first clustering
 * otherwise writes fresh memory, which costs up to 3–5 ms per MB on some
 * machines (the benchmark VM), 0.3 s of the 0.46 s of distances at 5,000
 * rows. 128 MB holds the packed matrix of 5,600 rows (the full one of
 * 4,000): "auto" chooses the packed layout from 4,000 rows exactly where
 * fresh memory is costly. It is touched in slices of 8 MB between messages,
 * and the first clustering that fits takes it (linkage.ts reserveLinkageMemory).
 */
const WARM_BYTES = 128 * 1024 * 1024;
const WARM_SLICE = 8 * 1024 * 1024;

function warmUp(): void {
  const touch = reserveLinkageMemory(WARM_BYTES, isolated());
  if (!touch) return;
  const step = () => {
    if (touch(WARM_SLICE)) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === "run") void run(req);
  else if (req.type === "cancel") {
    if (running?.id === req.id) running.controller.abort();
  } else if (req.type === "download") {
    scope.postMessage({ type: "text", id: req.id, what: req.what, text: text(req.what) });
  } else if (req.type === "warm") warmUp();
};
