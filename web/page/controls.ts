/**
 * The option controls, generated from the one option table (schema.ts): a
 * control per option, labelled with its `label` (the words a biologist
 * knows) and, beside it, the pheatmap argument (or the CLI flag when pheatmap
 * has none). Text is read with `parseKind`, as the CLI reads a flag; an error
 * names the option by its label. Only the options a person set are kept:
 * they are what the `--config` JSON holds.
 */

import { PALETTE_NAMES } from "../../src/color/palettes.js";
import { ClusterheatError } from "../../src/errors.js";
import type { SpecShape } from "../../src/options/schema.js";
import { flagName, OPTIONS, type OptionName, type Options, parseKind } from "../../src/options.js";
import { el, setChildren } from "../viewer/dom.js";

/** The options that matter most, shown first; every other option follows under "More options". */
export const PRIMARY: readonly OptionName[] = [
  "log2",
  "topVariable",
  "scale",
  "clusteringDistanceRows",
  "clusteringMethodRows",
  "clusteringDistanceCols",
  "clusteringMethodCols",
  "cutreeRows",
  "cutreeCols",
  "color",
  "clusterRows",
  "clusterCols",
  "aggregateColsBy",
  "main",
];

/** Options that take files the page does not read (the CLI reads them); their text form still works. */
const wording = (name: string) => (name in OPTIONS ? OPTIONS[name as OptionName].label : name);

export class OptionControls {
  readonly root: HTMLElement;
  /** The options set, library names → values. */
  readonly given: Partial<Record<OptionName, unknown>> = {};
  private readonly onChange: () => void;

  constructor(onChange: () => void) {
    this.onChange = onChange;
    const names = Object.keys(OPTIONS) as OptionName[];
    const rest = names.filter((n) => !PRIMARY.includes(n));
    const palettes = el(
      "datalist",
      { id: "cp-palettes" },
      ...PALETTE_NAMES.flatMap((p) => [el("option", { value: p }), el("option", { value: `${p}_r` })]),
    );
    this.root = el(
      "div",
      { class: "cp-options" },
      palettes,
      ...PRIMARY.map((n) => this.control(n)),
      el(
        "details",
        { class: "cp-more" },
        el("summary", {}, "More options"),
        ...rest.map((n) => this.control(n)),
      ),
    );
  }

  /** The options as given, for runPipeline and the `--config` JSON. */
  options(): Partial<Options> {
    return { ...this.given } as Partial<Options>;
  }

  private set(name: OptionName, value: unknown, isDefault: boolean): void {
    if (isDefault) delete this.given[name];
    else this.given[name] = value;
    this.onChange();
  }

  private control(name: OptionName): HTMLElement {
    const spec = OPTIONS[name] as SpecShape;
    const id = `opt-${name}`;
    const label = el("label", { for: id }, spec.label);
    const tag = el(
      "code",
      { title: spec.pheatmap ? "pheatmap argument" : "command-line flag" },
      spec.pheatmap ?? `--${flagName(name)}`,
    );
    const bad = el("span", { class: "cp-bad", role: "alert" });
    const common = { id, title: spec.description, "aria-description": spec.description, "data-option": name };
    const kind = spec.kind;
    if (kind.type === "boolean") {
      const box = el("input", { ...common, type: "checkbox" });
      box.checked = spec.default === true;
      box.addEventListener("change", () => this.set(name, box.checked, box.checked === spec.default));
      return el("div", { class: "cp-field cp-check" }, box, label, tag);
    }
    if (kind.type === "choice" || kind.type === "angle") {
      const select = el("select", common);
      const from = spec.defaultFrom ? (OPTIONS[spec.defaultFrom.option as OptionName] as SpecShape) : null;
      if (from) select.append(el("option", { value: "" }, `as ${from.label}`));
      for (const c of kind.choices) select.append(el("option", { value: String(c) }, String(c)));
      select.value = from ? "" : String(spec.default);
      select.addEventListener("change", () => {
        const value = kind.type === "angle" ? Number(select.value) : select.value;
        this.set(name, value, select.value === "" || (!from && value === spec.default));
      });
      return el("div", { class: "cp-field" }, label, tag, select);
    }
    const placeholder =
      spec.default === null
        ? spec.kind.type === "palette"
          ? "automatic"
          : "off / automatic"
        : `default: ${String(spec.default)}`;
    const input = el("input", {
      ...common,
      type: "text",
      placeholder,
      ...(kind.type === "palette" ? { list: "cp-palettes" } : {}),
    });
    input.addEventListener("change", () => {
      setChildren(bad, "");
      const text = input.value.trim();
      if (text === "") {
        this.set(name, null, true);
        return;
      }
      try {
        this.set(name, parseKind(name, kind, text), false);
      } catch (e) {
        setChildren(bad, e instanceof ClusterheatError ? e.describe(wording) : String(e));
        input.setAttribute("aria-invalid", "true");
        return;
      }
      input.removeAttribute("aria-invalid");
    });
    return el("div", { class: "cp-field" }, label, tag, input, bad);
  }
}
