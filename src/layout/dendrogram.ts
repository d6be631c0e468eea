/**
 * A dendrogram as drawn: the hclust tree (R's shape, tree.ts) turned into
 * branch segments beside the matrix. Each merge is drawn as pheatmap draws
 * it, a "⊓": a leg up from each child to the merge height and a bar between
 * the legs. Leaves sit on the centres of their drawn cells (so with cutree
 * gaps they move with their blocks); a merge sits midway between its
 * children. Heights are relative to the tallest merge: the root reaches the
 * full tree height (pheatmap draws it at 1/1.05 of its viewport; we spend
 * that margin as the gap to the matrix instead).
 *
 * At the figure's resolution (many leaves per device pixel) the tree is cut
 * into the pixel grid: a subtree whose leaves span less than `minSpan`
 * points (a few device pixels, or a few line widths) is drawn as one leaf at
 * the mean position of its leaves, so the drawn legs never crowd into a solid
 * band and the tree's structure above them stays visible at 20,000 leaves.
 * With cutree clusters and `clusterColors`, each cluster's branches take its
 * color (the leg into a subtree belongs to that subtree), the tree above the
 * cut keeps `stroke`.
 */
import type { Tree } from "../cluster/tree.js";
import type { BranchGeometry, PathPrimitive } from "./scene.js";

/** Where the tree goes: `top` above the columns (leaves at the bottom), `left` of the rows. */
export type TreeSide = "top" | "left";

/** How a tree is placed on the page. */
export interface TreePlacement {
  side: TreeSide;
  /** Centre of each drawn position along the axis (x for top, y for left), in drawn order. */
  centres: readonly number[];
  /** Half the size of a cell along the axis (branch boxes cover whole cells). */
  halfCell: number;
  /** Page coordinate of the leaves' ends (y for top, x for left). */
  base: number;
  /** Distance from the leaves to the root, in points. */
  height: number;
  stroke: string;
  strokeWidth: number;
  /** Subtrees whose leaves span less than this (points) are drawn as one leaf; default 0 (none). */
  minSpan?: number;
  /** Cutree cluster (1-based) of each drawn position, to color branches by; default none. */
  clusters?: readonly number[] | null;
  /** Color of cluster c is clusterColors[(c - 1) % length]; default none (all `stroke`). */
  clusterColors?: readonly string[] | null;
}

/** The drawn tree: its paths (`stroke` first, then one per cluster color), and a box per merge for the viewer. */
export interface DrawnTree {
  /** The branches drawn in `stroke` (all of them without cluster colors). */
  path: PathPrimitive;
  /** Every path: `path`, then one per cluster color used. */
  paths: PathPrimitive[];
  branches: BranchGeometry[];
}

interface Node {
  /** Position along the axis where its parent's leg meets it. */
  along: number;
  /** Drawn distance from the leaves (points); 0 for a subtree drawn as one leaf. */
  depth: number;
  first: number;
  last: number;
  /** Sum of its leaves' centres and their count (the mean position of a collapsed subtree). */
  sum: number;
  count: number;
  /** Its color (the stroke, or its cluster's). */
  color: string;
}

/** Rounds page coordinates to 1/1000 pt so that paths are short and deterministic. */
function r(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/**
 * Lays out `tree` (its `order` must be the drawn order) as path segments.
 * Merge s covers leaves first…last (0-based drawn positions), contiguous
 * because R's order is depth-first. O(n).
 */
export function layoutDendrogram(tree: Tree, p: TreePlacement): DrawnTree {
  const n = tree.labels.length;
  const position = new Int32Array(n + 1); // observation (1-based) → drawn position
  tree.order.forEach((obs, k) => {
    position[obs] = k;
  });
  let maxHeight = 0;
  for (const h of tree.height) if (h > maxHeight) maxHeight = h;
  const depthOf = (h: number) => (maxHeight > 0 ? (Math.max(h, 0) / maxHeight) * p.height : 0);
  // page point of (along, depth)
  const point = (along: number, depth: number): string =>
    p.side === "top" ? `${r(along)} ${r(p.base - depth)}` : `${r(p.base - depth)} ${r(along)}`;
  const minSpan = p.minSpan ?? 0;
  const clusters = p.clusterColors && p.clusterColors.length > 0 ? (p.clusters ?? null) : null;
  const colorOf = (first: number, last: number): string => {
    if (!clusters || clusters[first] !== clusters[last]) return p.stroke;
    // cutree clusters are contiguous in drawn order: equal ends = one cluster
    const colors = p.clusterColors!;
    return colors[(((clusters[first] - 1) % colors.length) + colors.length) % colors.length];
  };

  const nodes: Node[] = [];
  const nodeOf = (entry: number): Node => {
    if (entry < 0) {
      const k = position[-entry];
      const c = p.centres[k];
      return { along: c, depth: 0, first: k, last: k, sum: c, count: 1, color: colorOf(k, k) };
    }
    return nodes[entry - 1];
  };
  const parts = new Map<string, string[]>([[p.stroke, []]]);
  const draw = (color: string, segment: string) => {
    let list = parts.get(color);
    if (!list) {
      list = [];
      parts.set(color, list);
    }
    list.push(segment);
  };
  const branches: BranchGeometry[] = [];
  for (let s = 0; s < n - 1; s++) {
    const a = nodeOf(tree.merge[2 * s]);
    const b = nodeOf(tree.merge[2 * s + 1]);
    const depth = depthOf(tree.height[s]);
    const first = Math.min(a.first, b.first);
    const last = Math.max(a.last, b.last);
    const sum = a.sum + b.sum;
    const count = a.count + b.count;
    const color = colorOf(first, last);
    const collapsed = minSpan > 0 && p.centres[last] - p.centres[first] < minSpan;
    if (collapsed) {
      // narrower than the pixel grid: one leaf at its leaves' mean position
      nodes.push({ along: sum / count, depth: 0, first, last, sum, count, color });
    } else {
      const top = depth;
      if (a.color === color && b.color === color) {
        draw(
          color,
          `M ${point(a.along, a.depth)} L ${point(a.along, top)} L ${point(b.along, top)} L ${point(b.along, b.depth)}`,
        );
      } else {
        draw(a.color, `M ${point(a.along, a.depth)} L ${point(a.along, top)}`);
        draw(color, `M ${point(a.along, top)} L ${point(b.along, top)}`);
        draw(b.color, `M ${point(b.along, top)} L ${point(b.along, b.depth)}`);
      }
      nodes.push({ along: (a.along + b.along) / 2, depth, first, last, sum, count, color });
    }
    const lo = p.centres[first] - p.halfCell;
    const hi = p.centres[last] + p.halfCell;
    const box =
      p.side === "top"
        ? { x: r(lo), y: r(p.base - depth), width: r(hi - lo), height: r(depth) }
        : { x: r(p.base - depth), y: r(lo), width: r(depth), height: r(hi - lo) };
    branches.push({ step: s + 1, ...box, first, last });
  }
  const paths: PathPrimitive[] = [...parts]
    .filter(([color, list]) => color === p.stroke || list.length > 0)
    .map(([color, list]) => ({
      type: "path",
      d: list.join(" "),
      stroke: color,
      strokeWidth: p.strokeWidth,
      lineCap: "square",
    }));
  return { path: paths[0], paths: paths.filter((q) => q.d !== ""), branches };
}
