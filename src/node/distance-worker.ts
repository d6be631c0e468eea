/** Worker thread: fills a range of rows of a shared distance matrix (cluster/parallel/distances.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { type DistanceTask, runDistanceTask } from "../cluster/parallel/distances.js";

runDistanceTask(workerData as DistanceTask, (message) => parentPort?.postMessage(message));
