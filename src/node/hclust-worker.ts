/** Worker thread of the parallel hclust in Node (parallel-hclust.ts). */
import { workerData } from "node:worker_threads";
import { type HclustWorkerInit, runHclustWorker } from "../cluster/parallel/hclust-worker-loop.js";
import { useNativeLinkage } from "./native.js";

const init = workerData as HclustWorkerInit;
// as the driver's thread: the same tree either way, but the same speed too
if (init.native) useNativeLinkage();
runHclustWorker(init);
