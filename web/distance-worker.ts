/** The page's distance worker (web/parallel.ts): fills its rows of the shared matrix. */
import { type DistanceTask, runDistanceTask } from "../src/cluster/parallel/distances.js";

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<DistanceTask>) => void) | null;
};
scope.onmessage = (e) => runDistanceTask(e.data, (message) => scope.postMessage(message));
