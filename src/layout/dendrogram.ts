/**
 * A dendrogram as drawn: the hclust tree (R's shape, tree.ts) turned into
 * branch segments beside the matrix. Each merge is drawn as pheatmap draws
 * it, a "⊓": a leg up from each child to the merge height and a bar between
 * the legs. Leaves sit on the centres of their drawn cells (so with cutree
 * gaps they move with their blocks); a merge sits midway between its
 * children. Heights are relative to the tallest merge: the root reaches the
 * full tree height (pheatmap draws it at 1/1.05 of its viewport; we spend
 * that margin as the gap to the matrix instead).
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
}

/** The drawn tree: one path for all branches, and a box per merge for the viewer. */
export interface DrawnTree {
  path: PathPrimitive;
  branches: BranchGeometry[];
}

interface Node {
  /** Position along the axis. */
  along: number;
  /** Distance from the leaves (points). */
  depth: number;
  first: number;
  last: number;
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
  const point = (along: number, depth: number): [number, number] =>
    p.side === "top" ? [r(along), r(p.base - depth)] : [r(p.base - depth), r(along)];

  const nodes: Node[] = [];
  const nodeOf = (entry: number): Node => {
    if (entry < 0) {
      const k = position[-entry];
      return { along: p.centres[k], depth: 0, first: k, last: k };
    }
    return nodes[entry - 1];
  };
  const parts: string[] = [];
  const branches: BranchGeometry[] = [];
  for (let s = 0; s < n - 1; s++) {
    const a = nodeOf(tree.merge[2 * s]);
    const b = nodeOf(tree.merge[2 * s + 1]);
    const depth = depthOf(tree.height[s]);
    const [ax, ay] = point(a.along, a.depth);
    const [tx, ty] = point(a.along, depth);
    const [ux, uy] = point(b.along, depth);
    const [bx, by] = point(b.along, b.depth);
    parts.push(`M ${ax} ${ay} L ${tx} ${ty} L ${ux} ${uy} L ${bx} ${by}`);
    const node: Node = {
      along: (a.along + b.along) / 2,
      depth,
      first: Math.min(a.first, b.first),
      last: Math.max(a.last, b.last),
    };
    nodes.push(node);
    const lo = p.centres[node.first] - p.halfCell;
    const hi = p.centres[node.last] + p.halfCell;
    const box =
      p.side === "top"
        ? { x: r(lo), y: r(p.base - depth), width: r(hi - lo), height: r(depth) }
        : { x: r(p.base - depth), y: r(lo), width: r(depth), height: r(hi - lo) };
    branches.push({ step: s + 1, ...box, first: node.first, last: node.last });
  }
  return {
    path: {
      type: "path",
      d: parts.join(" "),
      stroke: p.stroke,
      strokeWidth: p.strokeWidth,
      lineCap: "square",
    },
    branches,
  };
}
