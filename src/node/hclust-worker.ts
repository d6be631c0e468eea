/** Worker thread of the parallel hclust in Node (parallel-hclust.ts). */
import { workerData } from "node:worker_threads";
import { type HclustWorkerInit, runHclustWorker } from "../cluster/parallel/hclust-worker-loop.js";

runHclustWorker(workerData as HclustWorkerInit);
