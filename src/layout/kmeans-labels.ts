/**
 * Row labels of a k-means heatmap: each row is a cluster's center, labelled
 * as pheatmap labels it (`Cluster: 1 Size: 23`).
 */
import type { KmeansResult } from "../cluster/kmeans.js";

/** pheatmap's label of each k-means center, in cluster order. */
export function kmeansLabels(km: Pick<KmeansResult, "size">): string[] {
  return Array.from(km.size, (size, i) => `Cluster: ${i + 1} Size: ${size}`);
}
