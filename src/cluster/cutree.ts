/**
 * Cutting a tree into groups, with R's `cutree` semantics:
 * - by `k`: the first n − k merges are replayed (whatever their heights);
 * - by `h`: every merge with height ≤ h is applied, which needs non-decreasing
 *   heights (R: "the 'height' component of 'tree' is not sorted (increasingly)");
 *   centroid and median trees may have inversions and are refused, as in R.
 * Groups are numbered by first appearance scanning the observations 1 … n in
 * input order (not in dendrogram order), exactly as R numbers them.
 *
 * Complexity: O(n α(n)) with a union–find over the observations.
 */
import { UsageError } from "../errors.js";
import type { Tree } from "./tree.js";

/**
 * The group of each observation, 1-based, in input order: `cutree(tree, { k: 3 })`
 * or `cutree(tree, { h: 0.5 })`. `k` must be an integer in 1 … n; `h` any number
 * (below the lowest merge every observation is its own group).
 */
export function cutree(tree: Tree, by: { k: number } | { h: number }): Int32Array {
  const n = tree.labels.length;
  const merges = "k" in by ? mergesForK(n, by.k) : mergesForH(tree, by.h);
  return groupsAfter(tree.merge, n, merges);
}

/** Number of merges to replay for k groups: n − k. */
function mergesForK(n: number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new UsageError(`invalid k: ${k} (expected an integer between 1 and ${n}, the number of leaves)`);
  }
  return n - k;
}

/**
 * Number of merges with height ≤ h. R's rule — k = n + 1 − (index of the first
 * height > h) — counts the same thing once the heights are sorted.
 */
function mergesForH(tree: Tree, h: number): number {
  if (Number.isNaN(h)) throw new UsageError("invalid h: NaN (expected a number)");
  const height = tree.height;
  for (let s = 1; s < height.length; s++) {
    if (height[s] < height[s - 1]) {
      throw new UsageError(
        `cannot cut a ${tree.method} tree at a height: its merge heights are not sorted ` +
          `(step ${s + 1} is lower than step ${s}); cut it into k groups instead`,
      );
    }
  }
  let s = 0;
  while (s < height.length && height[s] <= h) s++;
  return s;
}

/**
 * Replays the first `steps` merges with a union–find and numbers the groups by
 * the first observation (in input order) that belongs to each.
 */
function groupsAfter(merge: Int32Array, n: number, steps: number): Int32Array {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // An observation standing for each cluster formed so far (cluster s ↦ 0-based observation).
  const member = new Int32Array(Math.max(n - 1, 0));
  const observation = (entry: number): number => (entry < 0 ? -entry - 1 : member[entry - 1]);
  for (let s = 0; s < steps; s++) {
    const a = find(observation(merge[2 * s]));
    const b = find(observation(merge[2 * s + 1]));
    parent[b] = a;
    member[s] = a;
  }
  const group = new Int32Array(n);
  const idOfRoot = new Int32Array(n); // 0 = not numbered yet
  let next = 0;
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if (idOfRoot[root] === 0) idOfRoot[root] = ++next;
    group[i] = idOfRoot[root];
  }
  return group;
}
