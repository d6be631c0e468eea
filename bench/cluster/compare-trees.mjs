// Compare two hclust-shaped trees, as written by the benchmark's tools:
// one line per merge, "a<TAB>b<TAB>height", in R's merge conventions.

import { readFileSync } from "node:fs";

/** Read a tree file: { n, merge: Int32Array(2(n−1)), height: Float64Array(n−1) }. */
export function readTree(file) {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l !== "");
  const merge = new Int32Array(2 * lines.length);
  const height = new Float64Array(lines.length);
  lines.forEach((line, s) => {
    const [a, b, h] = line.split("\t");
    merge[2 * s] = Number(a);
    merge[2 * s + 1] = Number(b);
    height[s] = Number(h);
  });
  return { n: lines.length + 1, merge, height };
}

/**
 * The leaf set of every merge, as a key: two independent random 32-bit sums
 * over the leaves, and the size. Equal keys = equal clusters (collisions are
 * astronomically unlikely).
 */
function clusterKeys({ n, merge }) {
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) >>> 0;
  };
  const r1 = Uint32Array.from({ length: n }, rand);
  const r2 = Uint32Array.from({ length: n }, rand);
  const h1 = new Uint32Array(n);
  const h2 = new Uint32Array(n);
  const size = new Int32Array(n);
  const keys = [];
  const part = (v) => (v < 0 ? [r1[-v - 1], r2[-v - 1], 1] : [h1[v - 1], h2[v - 1], size[v - 1]]);
  for (let s = 0; s < n - 1; s++) {
    const a = part(merge[2 * s]);
    const b = part(merge[2 * s + 1]);
    h1[s] = (a[0] + b[0]) >>> 0;
    h2[s] = (a[1] + b[1]) >>> 0;
    size[s] = a[2] + b[2];
    keys.push(`${h1[s]}:${h2[s]}:${size[s]}`);
  }
  return keys;
}

/**
 * R's orientation of each merge row: a singleton before a cluster, two
 * singletons smaller observation first, two clusters smaller step first.
 */
function oriented(merge) {
  const out = Int32Array.from(merge);
  for (let i = 0; i < out.length; i += 2) {
    const [a, b] = [out[i], out[i + 1]];
    const swap = a < 0 && b < 0 ? -a > -b : a > 0 && (b < 0 || a > b);
    if (swap) [out[i], out[i + 1]] = [b, a];
  }
  return out;
}

const relDiff = (x, y) => (x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y)));

/**
 * Compare a tree with a reference (R's hclust).
 * - identical: the same merge matrix, entry for entry;
 * - sameMerges: the same merge matrix once each row is put in R's orientation;
 * - sameClusters: the same set of clusters (leaf sets), perhaps merged in another order;
 * - differing: how many of the n − 1 clusters of `tree` are not in `ref`;
 * - maxHeightRelDiff: over the clusters both trees have, the largest relative height difference.
 */
export function compareTrees(ref, tree) {
  if (ref.n !== tree.n)
    return {
      n: tree.n,
      identical: false,
      sameMerges: false,
      sameClusters: false,
      differing: NaN,
      maxHeightRelDiff: NaN,
    };
  const identical = ref.merge.every((v, i) => v === tree.merge[i]);
  const refOriented = oriented(ref.merge);
  const sameMerges = oriented(tree.merge).every((v, i) => v === refOriented[i]);
  const refKeys = clusterKeys(ref);
  const refHeight = new Map(refKeys.map((k, s) => [k, ref.height[s]]));
  let differing = 0;
  let maxHeightRelDiff = 0;
  clusterKeys(tree).forEach((k, s) => {
    const h = refHeight.get(k);
    if (h === undefined) differing++;
    else maxHeightRelDiff = Math.max(maxHeightRelDiff, relDiff(h, tree.height[s]));
  });
  return { n: tree.n, identical, sameMerges, sameClusters: differing === 0, differing, maxHeightRelDiff };
}

/** A short verdict for the results table. */
export function verdict(c) {
  if (!c) return "";
  const h = c.maxHeightRelDiff === 0 ? "heights equal" : `heights ±${c.maxHeightRelDiff.toExponential(0)}`;
  if (c.identical) return `identical (${h})`;
  if (c.sameMerges) return `same merges, pairs swapped (${h})`;
  if (c.sameClusters) return `same clusters, merge order differs (${h})`;
  return `differs: ${c.differing} of ${c.n - 1} clusters`;
}
