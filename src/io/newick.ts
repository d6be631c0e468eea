/**
 * Newick text of a tree: `((A:0.1,B:0.1):0.2,C:0.3);`.
 *
 * - Leaves have height 0; the branch above a node is height(parent) − height(node),
 *   so the root-to-leaf path lengths add up to the merge heights (R's `ape`
 *   package halves them instead in `as.phylo.hclust`; with ours, the distance
 *   between two leaves along the tree is twice their cophenetic height).
 *   Centroid and median trees may have inversions: their branch lengths can be negative.
 * - Children are written in drawn order (`tree.order`), left first.
 * - A label is written bare unless it holds blanks, `()[]':;,`, control
 *   characters or nothing; then it is put in single quotes with `'` doubled,
 *   as the Newick standard says. Underscores are written bare: the standard
 *   reads a bare `_` as a blank, but the readers people use (R's ape,
 *   Biopython, ETE) keep it, and quoting every `Dex_1` or `1000_at` would
 *   leave the quotes in ape's tip labels (ape 5.7 keeps the quotes of quoted
 *   labels and cannot read a doubled `''`).
 * - A line break in a label (`\n`, `\r`, vertical tab, form feed, NEL,
 *   U+2028, U+2029) is written as a space, since quoted Newick labels cannot
 *   portably span lines and a Newick file holds one tree per line: the label
 *   `"a\nb"` is written `'a b'` (and so reads back as `a b`). A tab stays, in
 *   quotes, as do other control characters.
 * - Lengths are JavaScript's shortest round-trip form of the double (`0.1`,
 *   `1.5e-7`), which reads back to the same number.
 */
import { orientMerge } from "../cluster/leaf-order.js";
import type { Tree } from "../cluster/tree.js";

/** The tree in Newick format, ending with `;` (no line break). */
export function formatNewick(tree: Tree): string {
  const n = tree.labels.length;
  if (n === 0) return ";";
  if (n === 1) return `${newickLabel(tree.labels[0])};`;
  const merge = orientMerge(tree);
  const text: string[] = []; // the text of each cluster, built bottom-up
  const heightOf = (entry: number): number => (entry < 0 ? 0 : tree.height[entry - 1]);
  const part = (entry: number, parentHeight: number): string => {
    const body = entry < 0 ? newickLabel(tree.labels[-entry - 1]) : text[entry - 1];
    return `${body}:${formatLength(parentHeight - heightOf(entry))}`;
  };
  for (let s = 0; s < n - 1; s++) {
    const h = tree.height[s];
    text.push(`(${part(merge[2 * s], h)},${part(merge[2 * s + 1], h)})`);
  }
  return `${text[n - 2]};`;
}

/** Characters that force quoting: blanks and controls, and Newick punctuation. */
const NEEDS_QUOTES = /[\s()[\]':;,\p{Cc}]/u;

/** Line breaks, which a label cannot hold (each is written as a space). */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * A label, bare or in single quotes with `'` doubled (Newick's quoting rule);
 * line breaks become spaces (see the file comment), so that the label stays
 * on one line.
 */
export function newickLabel(label: string): string {
  if (label.length > 0 && !NEEDS_QUOTES.test(label)) return label;
  return `'${label.replace(LINE_BREAK, " ").replaceAll("'", "''")}'`;
}

/** A branch length: the shortest text that reads back to the same double; `-0` is written `0`. */
function formatLength(x: number): string {
  return Object.is(x, -0) ? "0" : String(x);
}
