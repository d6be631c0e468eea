/**
 * A hierarchical clustering tree in the shape of R's `hclust` object, so that
 * users and tests can hold it against R directly.
 */
import type { Distance, Method } from "../options.js";

export interface Tree {
  /** Leaf labels, in the order of the input rows. */
  readonly labels: readonly string[];
  /**
   * Merges, (n − 1) × 2 row-major: step s joins `merge[2s]` and `merge[2s + 1]`;
   * a negative entry −j is observation j (1-based), a positive entry k is the
   * cluster formed at step k (1-based). R's conventions exactly.
   */
  readonly merge: Int32Array;
  /** The merge criterion of each step (non-decreasing except for centroid and median). */
  readonly height: Float64Array;
  /** The leaf order, 1-based observation numbers, left to right. */
  readonly order: Int32Array;
  readonly method: Method;
  readonly distance: Distance;
}

/** Number of leaves of a tree. */
export function leafCount(tree: Tree): number {
  return tree.labels.length;
}

/**
 * The leaf order R's hclust reports: depth-first from the last merge, the
 * first entry of each merge on the left. Returns 1-based observation numbers.
 */
export function hclustOrder(merge: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 1) {
    order[0] = 1;
    return order;
  }
  let k = 0;
  const stack: number[] = [n - 1];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node < 0) {
      order[k++] = -node;
      continue;
    }
    // push right first so that the left child is visited first
    stack.push(merge[2 * (node - 1) + 1], merge[2 * (node - 1)]);
  }
  return order;
}
