/**
 * The page's second thread for the linkage (web/parallel.ts): says it is
 * ready, then runs the parallel hclust's worker loop on the shared state it
 * is sent (blocking in Atomics.wait between phases, as workers may).
 */
import { type HclustWorkerInit, runHclustWorker } from "../src/cluster/parallel/hclust-worker-loop.js";

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<HclustWorkerInit>) => void) | null;
};
scope.onmessage = (e) => runHclustWorker(e.data);
scope.postMessage("ready");
