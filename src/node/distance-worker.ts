/**
 * Worker thread: fills a range of rows of a shared condensed distance
 * matrix (see parallel.ts), posting progress after each chunk.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type DistanceJob, fillDistanceRows } from "../cluster/distance.js";

interface Task {
  job: DistanceJob;
  buffer: SharedArrayBuffer;
  i0: number;
  i1: number;
}

const { job, buffer, i0, i1 } = workerData as Task;
const out = new Float64Array(buffer);
const chunk = Math.max(1, Math.floor((i1 - i0) / 50));
for (let a = i0; a < i1; a += chunk) {
  const b = Math.min(i1, a + chunk);
  fillDistanceRows(job, a, b, out);
  let pairs = 0;
  for (let i = a; i < b; i++) pairs += job.n - 1 - i;
  parentPort!.postMessage({ pairs });
}
parentPort!.postMessage({ done: true });
