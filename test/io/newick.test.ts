import { describe, expect, it } from "vitest";
import { optimalLeafOrder } from "../../src/cluster/leaf-order.js";
import type { Tree } from "../../src/cluster/tree.js";
import { formatNewick, newickLabel } from "../../src/io/newick.js";
import { caseDist, caseTree, treeCases } from "../golden/trees/trees.js";

interface ParsedNode {
  label: string | null;
  length: number | null;
  children: ParsedNode[];
}

/** A small strict Newick reader: quoted labels, lengths, binary or not. */
function parseNewick(text: string): ParsedNode {
  let p = 0;
  const label = (): string | null => {
    if (text[p] === "'") {
      let out = "";
      p++;
      for (;;) {
        if (p >= text.length) throw new Error("unterminated quote");
        if (text[p] === "'") {
          if (text[p + 1] === "'") {
            out += "'";
            p += 2;
            continue;
          }
          p++;
          return out;
        }
        out += text[p++];
      }
    }
    const m = /^[^\s()[\]':;,]+/.exec(text.slice(p));
    if (!m) return null;
    p += m[0].length;
    return m[0]; // underscores kept, as ape and Biopython do
  };
  const node = (): ParsedNode => {
    const children: ParsedNode[] = [];
    if (text[p] === "(") {
      p++;
      children.push(node());
      while (text[p] === ",") {
        p++;
        children.push(node());
      }
      if (text[p++] !== ")") throw new Error(`expected ) at ${p - 1}`);
    }
    const name = label();
    let length: number | null = null;
    if (text[p] === ":") {
      p++;
      const m = /^[-+0-9.eE]+/.exec(text.slice(p))!;
      p += m[0].length;
      length = Number(m[0]);
    }
    return { label: name, length, children };
  };
  const root = node();
  if (text.slice(p) !== ";") throw new Error(`trailing text at ${p}: ${text.slice(p, p + 20)}`);
  return root;
}

/** Leaves left to right, each with its distance from the root. */
function leafDepths(root: ParsedNode): { label: string; depth: number; path: ParsedNode[] }[] {
  const out: { label: string; depth: number; path: ParsedNode[] }[] = [];
  const walk = (node: ParsedNode, depth: number, path: ParsedNode[]) => {
    const here = [...path, node];
    if (node.children.length === 0) out.push({ label: node.label ?? "", depth, path: here });
    for (const c of node.children) walk(c, depth + (c.length ?? 0), here);
  };
  walk(root, 0, []);
  return out;
}

/** The height of the merge that first joins observations a and b (R's cophenetic distance). */
function copheneticHeight(tree: Tree, a: number, b: number): number {
  const n = tree.labels.length;
  const members: Set<number>[] = [];
  for (let s = 0; s < n - 1; s++) {
    const set = new Set<number>();
    for (const e of [tree.merge[2 * s], tree.merge[2 * s + 1]]) {
      if (e < 0) set.add(-e - 1);
      else for (const x of members[e - 1]) set.add(x);
    }
    members.push(set);
    if (set.has(a) && set.has(b)) return tree.height[s];
  }
  throw new Error("not joined");
}

function smallTree(labels: string[]): Tree {
  return {
    labels,
    merge: Int32Array.from([-1, -2, -3, 1]),
    height: Float64Array.from([0.5, 2]),
    order: Int32Array.from([3, 1, 2]),
    method: "complete",
    distance: "euclidean",
  };
}

describe("formatNewick", () => {
  it("formatNewick(tree) writes children in drawn order with height differences as lengths", () => {
    expect(formatNewick(smallTree(["A", "B", "C"]))).toBe("(C:2,(A:0.5,B:0.5):1.5);");
  });

  it("formatNewick(tree) quotes labels that Newick cannot hold bare", () => {
    expect(formatNewick(smallTree(["Dex_1", "it's", "a b"]))).toBe("('a b':2,(Dex_1:0.5,'it''s':0.5):1.5);");
  });

  it("newickLabel(name) leaves plain names bare and quotes the rest", () => {
    expect(newickLabel("TNF")).toBe("TNF");
    expect(newickLabel("01005")).toBe("01005");
    expect(newickLabel("HLA-DRB1")).toBe("HLA-DRB1");
    expect(newickLabel("")).toBe("''");
    expect(newickLabel("Dex_1")).toBe("Dex_1");
    for (const s of ["a,b", "a:b", "a;b", "(a)", "[a]", "a\tb", "a b"]) expect(newickLabel(s)).toBe(`'${s}'`);
  });

  it("newickLabel(name) writes line breaks as spaces, so a tree stays on one line", () => {
    expect(newickLabel("a\nb")).toBe("'a b'");
    expect(newickLabel("it's\r\nhere")).toBe("'it''s  here'");
    expect(newickLabel("x\u2028y\u2029z\u0085w\vv\fu")).toBe("'x y z w v u'");
    expect(newickLabel("tab\tkept")).toBe("'tab\tkept'");
    const text = formatNewick(smallTree(["A\nB", "C\r", "D\tE"]));
    expect(text).toBe("('D\tE':2,('A B':0.5,'C ':0.5):1.5);");
    expect(text).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it("formatNewick(tree) on one and no leaves", () => {
    const one: Tree = {
      ...smallTree(["x"]),
      merge: new Int32Array(0),
      height: new Float64Array(0),
      order: Int32Array.of(1),
    };
    expect(formatNewick(one)).toBe("x;");
    expect(formatNewick({ ...one, labels: [], order: new Int32Array(0) })).toBe(";");
  });

  it("formatNewick(tree) writes a zero-length branch as 0, never -0", () => {
    const tree: Tree = { ...smallTree(["A", "B", "C"]), height: Float64Array.from([0, 0]) };
    expect(formatNewick(tree)).toBe("(C:0,(A:0,B:0):0);");
  });

  it.each(treeCases().map((c) => [c.name, c] as const))(
    "formatNewick(tree) reads back to the same tree on %s",
    (_, c) => {
      const tree = c.name.startsWith("dex30") ? optimalLeafOrder(caseTree(c), caseDist(c)) : caseTree(c);
      const leaves = leafDepths(parseNewick(formatNewick(tree)));
      // the leaves, left to right, are the drawn order
      expect(leaves.map((l) => l.label)).toEqual(Array.from(tree.order, (o) => tree.labels[o - 1]));
      // each leaf is at the root's height; two leaves meet at their cophenetic height
      const rootHeight = tree.height[c.n - 2];
      for (const leaf of leaves) expect(leaf.depth).toBeCloseTo(rootHeight, 9);
      const index = new Map(tree.labels.map((l, i) => [l, i]));
      for (let a = 0; a < leaves.length; a += 3) {
        for (let b = a + 1; b < leaves.length; b += 2) {
          let k = 0;
          while (leaves[a].path[k] === leaves[b].path[k]) k++;
          const meet = leaves[a].path[k - 1];
          const meetDepth = leaves[a].path.slice(1, k).reduce((sum, node) => sum + (node.length ?? 0), 0);
          expect(meet.children.length).toBe(2);
          const h = copheneticHeight(tree, index.get(leaves[a].label)!, index.get(leaves[b].label)!);
          expect(rootHeight - meetDepth).toBeCloseTo(h, 9);
        }
      }
    },
  );
});
