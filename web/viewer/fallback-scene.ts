/**
 * A plain figure for a payload without a Scene (a pipeline stopped after
 * clustering): the cell grid with its dendrograms and geometry, nothing else.
 * The export always carries the layout's Scene; this keeps the viewer usable
 * on results that never went through the layout.
 */
import type { Tree } from "../../src/cluster/tree.js";
import { layoutDendrogram } from "../../src/layout/dendrogram.js";
import type { BranchGeometry, Scene, SceneGroup } from "../../src/layout/scene.js";
import type { PayloadTree, ViewerPayload } from "../../src/viewer/payload.js";

function asTree(t: PayloadTree, labels: readonly string[]): Tree {
  return { ...t, labels, method: "complete", distance: "euclidean" };
}

export function fallbackScene(p: ViewerPayload): Scene {
  const tree = 50;
  const pad = 8;
  const cell = Math.max(0.05, Math.min(14, 700 / Math.max(p.nrow, 1), 700 / Math.max(p.ncol, 1)));
  const x0 = pad + (p.rowTree ? tree + 4 : 0);
  const y0 = pad + (p.colTree ? tree + 4 : 0);
  const rowStart = Array.from({ length: p.nrow }, (_, i) => y0 + i * cell);
  const colStart = Array.from({ length: p.ncol }, (_, j) => x0 + j * cell);
  const groups: SceneGroup[] = [];
  let rowTree: BranchGeometry[] | null = null;
  let colTree: BranchGeometry[] | null = null;
  if (p.rowTree) {
    const d = layoutDendrogram(asTree(p.rowTree, p.rowNames), {
      side: "left",
      centres: rowStart.map((s) => s + cell / 2),
      halfCell: cell / 2,
      base: x0 - 4,
      height: tree,
      stroke: "#000000",
      strokeWidth: 0.5,
    });
    groups.push({ name: "dendrogram-rows", items: [d.path] });
    rowTree = d.branches;
  }
  if (p.colTree) {
    const d = layoutDendrogram(asTree(p.colTree, p.colNames), {
      side: "top",
      centres: colStart.map((s) => s + cell / 2),
      halfCell: cell / 2,
      base: y0 - 4,
      height: tree,
      stroke: "#000000",
      strokeWidth: 0.5,
    });
    groups.push({ name: "dendrogram-cols", items: [d.path] });
    colTree = d.branches;
  }
  const width = x0 + p.ncol * cell + 120;
  const height = y0 + p.nrow * cell + 80;
  return {
    width,
    height,
    background: "#ffffff",
    fontFamily: "DejaVu Sans",
    groups,
    geometry: {
      cells: { x: x0, y: y0, width: p.ncol * cell, height: p.nrow * cell },
      rows: { names: p.rowNames, index: [], start: rowStart, size: cell, clusters: null },
      cols: { names: p.colNames, index: [], start: colStart, size: cell, clusters: null },
      rowTree,
      colTree,
    },
    provenance: { generator: "clusterheat", version: "", options: p.options },
  };
}
