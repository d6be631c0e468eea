/** Worker thread: fills a range of rows of a shared distance matrix (cluster/parallel/distances.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { type DistanceTask, runDistanceTask } from "../cluster/parallel/distances.js";
import { useNativeDistances } from "./native.js";

const run = (task: DistanceTask) => {
  // as the thread that started it: the same bits either way, but the same speed too
  if (task.native) useNativeDistances();
  runDistanceTask(task, (message) => parentPort?.postMessage(message));
};
// started with its task, or ahead of it (nodeDistanceBackend's prestart): then the task comes as a message
if (workerData) run(workerData as DistanceTask);
else parentPort?.once("message", run);
