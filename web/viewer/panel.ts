/**
 * The side panel: the current selection (a branch, a cutree cluster, search
 * hits) with its count, its names in a read-only list, Copy and Download;
 * and the cutree clusters as buttons that select them.
 */
import type { ViewerPayload } from "../../src/viewer/payload.js";
import { copyText, download, el, setChildren } from "./dom.js";

export interface Selection {
  axis: "rows" | "cols";
  /** Drawn positions, ascending. */
  positions: number[];
  title: string;
  /** Searched names that were not found. */
  missing?: string[];
}

export class SidePanel {
  readonly root: HTMLElement;
  private readonly heading = el("h2", { class: "ch-side-title" }, "Selection");
  private readonly count = el("p", { class: "ch-count", "aria-live": "polite" });
  private readonly missing = el("p", { class: "ch-missing" });
  private readonly list = el("textarea", {
    class: "ch-list",
    readonly: true,
    rows: 12,
    "aria-label": "Selected names, one per line",
    spellcheck: "false",
  });
  private readonly copy = el("button", { type: "button", class: "ch-button" }, "Copy");
  private readonly save = el("button", { type: "button", class: "ch-button" }, "Download .txt");
  private readonly clear = el("button", { type: "button", class: "ch-button" }, "Clear");
  private readonly clusters = el("div", { class: "ch-clusters" });
  private names: string[] = [];
  private onClear: (() => void) | null = null;

  constructor() {
    this.root = el(
      "aside",
      { class: "ch-side", "aria-label": "Selection" },
      this.heading,
      this.count,
      this.missing,
      this.list,
      el("div", { class: "ch-group" }, this.copy, this.save, this.clear),
      this.clusters,
    );
    this.copy.addEventListener("click", async () => {
      const ok = await copyText(this.names.join("\n"));
      setChildren(this.copy, ok ? "Copied" : "Copy failed");
      setTimeout(() => setChildren(this.copy, "Copy"), 1500);
    });
    this.save.addEventListener("click", () => download("selection.txt", `${this.names.join("\n")}\n`));
    this.clear.addEventListener("click", () => this.onClear?.());
  }

  private payload: ViewerPayload | null = null;

  /** Buttons for the cutree clusters of both axes. */
  setClusters(p: ViewerPayload, select: (s: Selection | null) => void): void {
    this.payload = p;
    this.onClear = () => select(null);
    const parts: HTMLElement[] = [];
    const add = (axis: "rows" | "cols", clusters: Int32Array | null, what: string) => {
      if (!clusters) return;
      const members = new Map<number, number[]>();
      clusters.forEach((k, i) => {
        const m = members.get(k);
        if (m) m.push(i);
        else members.set(k, [i]);
      });
      const buttons = [...members.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, positions]) => {
          const b = el("button", { type: "button", class: "ch-chip" }, `${k} · ${positions.length}`);
          b.setAttribute("aria-label", `${what} cluster ${k}, ${positions.length} ${what}s`);
          b.addEventListener("click", () =>
            select({ axis, positions, title: `${what[0].toUpperCase()}${what.slice(1)} cluster ${k}` }),
          );
          return b;
        });
      parts.push(
        el("h3", {}, `${what[0].toUpperCase()}${what.slice(1)} clusters`),
        el("div", { class: "ch-chips" }, ...buttons),
      );
    };
    add("rows", p.rowClusters, "gene");
    add("cols", p.colClusters, "sample");
    setChildren(this.clusters, ...parts);
  }

  show(s: Selection | null): void {
    const p = this.payload;
    const empty = !s || !p;
    this.names = empty ? [] : s.positions.map((i) => (s.axis === "rows" ? p.rowNames[i] : p.colNames[i]));
    setChildren(this.heading, empty ? "Selection" : s.title);
    const what = s?.axis === "cols" ? "sample" : "gene";
    setChildren(
      this.count,
      empty
        ? "Click a tree branch or a cluster, or find genes, to list them here."
        : `${this.names.length} ${what}${this.names.length === 1 ? "" : "s"}`,
    );
    setChildren(this.missing, s?.missing?.length ? `Not found: ${s.missing.join(", ")}` : "");
    this.list.value = this.names.join("\n");
    this.copy.disabled = this.save.disabled = this.names.length === 0;
  }
}
