/**
 * Distance matrices on several worker threads that fill row ranges of one
 * shared buffer: the backend (this thread) and the task each worker runs.
 * Each pair is computed exactly as on one thread, so the result does not
 * depend on the number of threads. Node (node/parallel.ts) and the page
 * (web/parallel.ts) each supply the way to start a worker.
 */
import { CancelledError } from "../../errors.js";
import type { DistanceBackend } from "../cluster-matrix.js";
import { fillRowsInThread, inThreadDistances } from "../cluster-matrix.js";
import { pairCount } from "../dist-matrix.js";
import { type DistanceJob, fillDistanceRows, hasNativeDistances, splitRows } from "../distance.js";
import { firstNeighbourFinder, firstNeighboursOf, nextMacrotask } from "../hclust.js";

/**
 * Below this many pair × column operations (about 30 ms on one thread),
 * threads cost more than they save: starting a worker takes ~30 ms in Node
 * and ~40 ms in Chromium (measured on the 50 columns of a 5,000-row matrix,
 * 6·10⁶ operations: 41 ms with two workers in the page).
 */
const PARALLEL_MIN_WORK = 5e7;

/**
 * What a distance worker is started with: fill, of the matrix in `buffer`,
 * the chunks of rows [bounds[c], bounds[c + 1]) whose numbers c it takes
 * from the shared counter (Atomics.add on `counter`[0]), as the other
 * threads do, until none is left; and find hclust's step 0 for its rows
 * into `first` when given.
 */
export interface DistanceTask {
  job: DistanceJob;
  /** The matrix: `length` doubles from byte `offset` of `buffer` (which may hold more, e.g. hclust's state). */
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
  bounds: number[];
  counter: SharedArrayBuffer;
  first?: SharedArrayBuffer;
  /** Whether the thread that started it has the native distance kernels (distance.ts), as the worker then should. */
  native?: boolean;
}

/**
 * What a distance worker posts: pairs done since its last message, then
 * done, with the first non-finite pair of its rows (−1 when none).
 */
export type DistanceMessage = { pairs: number } | { done: true; bad: [number, number] };

/** The next chunk of rows from the shared counter, or null when all are taken. */
function takeChunk(bounds: readonly number[], counter: Int32Array): [number, number] | null {
  const c = Atomics.add(counter, 0, 1);
  return c + 1 < bounds.length ? [bounds[c], bounds[c + 1]] : null;
}

/** The worker's side: fills the chunks it takes, posting progress after each. */
export function runDistanceTask(task: DistanceTask, post: (message: DistanceMessage) => void): void {
  const { job, buffer, bounds } = task;
  const out = new Float64Array(buffer, task.offset, task.length);
  const counter = new Int32Array(task.counter);
  const first = task.first ? firstNeighbourFinder(out, job.n, new Float64Array(task.first)) : null;
  for (let rows = takeChunk(bounds, counter); rows; rows = takeChunk(bounds, counter)) {
    const [a, b] = rows;
    fillDistanceRows(job, a, b, out);
    first?.rows(a, b);
    let pairs = 0;
    for (let i = a; i < b; i++) pairs += job.n - 1 - i;
    post({ pairs });
  }
  post({ done: true, bad: first ? [first.bad[0], first.bad[1]] : [-1, -1] });
}

/**
 * Chunks per thread: about 80 ms each at 20,000 × 50, so that the threads
 * end within one chunk of each other whatever each row costs on each thread
 * (this one also draws the progress).
 */
const CHUNKS_PER_THREAD = 32;

/** A started distance worker. */
export interface DistanceWorker {
  terminate(): unknown;
}

/**
 * Starts a worker on `task`, calling `message` with what it posts and
 * `failed` when it stops without finishing.
 */
export type SpawnDistanceWorker = (
  task: DistanceTask,
  message: (m: DistanceMessage) => void,
  failed: (e: Error) => void,
) => DistanceWorker;

/**
 * A distance backend on `threads` threads, this one and workers (one thread
 * below `minWork` pair × column operations, default PARALLEL_MIN_WORK, or
 * without shared memory).
 */
export function workerDistanceBackend(
  spawn: SpawnDistanceWorker,
  threads: number,
  minWork = PARALLEL_MIN_WORK,
): DistanceBackend {
  return async (job, out, report, signal, first) => {
    if (threads < 2 || pairCount(job.n) * job.p < minWork || !(out.buffer instanceof SharedArrayBuffer)) {
      return inThreadDistances(job, out, report, signal, first);
    }
    // step 0 on the workers too, when its buffer is shared (else hclust does it)
    const firstShared = first?.buffer instanceof SharedArrayBuffer ? first : undefined;
    // the first non-finite pair in row order: the smallest over the threads (each takes its rows in order)
    let bad: [number, number] = [-1, -1];
    const found = (b: ArrayLike<number>) => {
      if (b[0] >= 0 && (bad[0] < 0 || b[0] < bad[0])) bad = [b[0], b[1]];
    };
    const buffer = out.buffer;
    // chunks of about equal numbers of pairs, handed out in order to whichever thread asks
    const bounds = splitRows(job.n, threads * CHUNKS_PER_THREAD);
    const counterBuffer = new SharedArrayBuffer(4);
    const counter = new Int32Array(counterBuffer);
    const total = pairCount(job.n);
    let done = 0;
    const counted = (pairs: number) => {
      done += pairs;
      report(done, total);
    };
    const workers: DistanceWorker[] = [];
    const stop = new AbortController();
    if (signal?.aborted) stop.abort();
    signal?.addEventListener("abort", () => stop.abort(), { once: true });
    try {
      const started = Array.from(
        { length: threads - 1 },
        () =>
          new Promise<void>((resolve, reject) => {
            const abort = () => reject(new CancelledError());
            signal?.addEventListener("abort", abort, { once: true });
            const task: DistanceTask = {
              job,
              buffer,
              offset: out.byteOffset,
              length: out.length,
              bounds,
              counter: counterBuffer,
              native: hasNativeDistances(),
              ...(firstShared ? { first: firstShared.buffer as SharedArrayBuffer } : {}),
            };
            const message = (m: DistanceMessage) => {
              if ("pairs" in m) return counted(m.pairs);
              found(m.bad);
              resolve();
            };
            workers.push(spawn(task, message, reject));
          }),
      );
      // this thread takes chunks too: one worker fewer, whose heap and
      // WebAssembly memory would add to the peak beside the matrix (stopped
      // when a worker fails, so that it does not go on alone)
      const first = firstShared ? firstNeighbourFinder(out, job.n, firstShared) : null;
      const here = (async () => {
        for (let rows = takeChunk(bounds, counter); rows; rows = takeChunk(bounds, counter)) {
          await fillRowsInThread(job, out, rows[0], rows[1], counted, stop.signal, first);
          await nextMacrotask(); // the workers' progress messages
        }
        if (first) found(first.bad);
      })();
      here.catch(() => {}); // its error, if any, is awaited below
      await Promise.all([here, ...started]);
    } catch (e) {
      stop.abort();
      throw e;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    if (firstShared) firstNeighboursOf(firstShared, job.n).meta.set([bad[0], bad[1], 1]);
  };
}
