/**
 * Command-line flags derived from the option table: the flag is the option's
 * kebab-case name, the help says its meaning, default and valid values, and a
 * value is read by the table's own kinds (`parseKind`), so that a flag, a
 * config key and a library option can never disagree. An invalid value is
 * thrown as the library's OptionError; the CLI words it with flags.
 */
import { type Command, Option } from "commander";
import { OptionError } from "../errors.js";
import { expectedOf, flagName, type OptionSpec, optionSpec, parseKind } from "../options.js";
import { type CliOptionSpec, FLAG_EXTRAS } from "./cli-options.js";

/** A library option (with its group) or a CLI-only option. */
export type AnySpec = OptionSpec | CliOptionSpec;

/** A spec as registered on a command: commander stores its value under `attribute`. */
export interface FlagBinding {
  spec: AnySpec;
  attribute: string;
}

/** The long flag of an option, e.g. `--clustering-distance-rows`. */
export function longFlag(spec: Pick<AnySpec, "name">): string {
  return `--${flagName(spec.name)}`;
}

/** How the CLI names an option in a message: its flag (library names that are not options stay as they are). */
export function flagWording(option: string): string {
  return optionSpec(option) ? longFlag({ name: option }) : `--${flagName(option)}`;
}

/** The value placeholder shown in help: `<n>`, `<x>`, `<none|row|column>`, `<name>`. */
function placeholder(spec: AnySpec): string {
  const extra = FLAG_EXTRAS[spec.name]?.placeholder;
  if (extra) return extra;
  const k = spec.kind;
  switch (k.type) {
    case "choice": {
      const all = k.choices.join("|");
      return all.length <= 24 ? `<${all}>` : "<name>";
    }
    case "angle":
      return `<${k.choices.join("|")}>`;
    case "integer":
      return "<n>";
    case "number":
      return "<x>";
    case "length":
      return k.unit === "in" ? "<inches>" : "<pt>";
    case "color":
      return "<color>";
    case "names":
    case "labels":
      return "<names>";
    case "numbers":
      return "<numbers>";
    default:
      return "<text>";
  }
}

function showDefault(d: unknown): string | null {
  if (typeof d === "string" || typeof d === "number") return `default: ${d}`;
  if (d === true) return "default";
  return null;
}

/** The help line: the table's description, then its valid values and default. */
export function helpText(spec: AnySpec): string {
  const extra: string[] = [];
  if (spec.kind.type === "choice" || spec.kind.type === "angle")
    extra.push(`one of: ${spec.kind.choices.join(", ")}`);
  const fromOption = "defaultFrom" in spec ? spec.defaultFrom : undefined;
  const d = fromOption ? null : showDefault(spec.default);
  if (d) extra.push(d);
  if ("pheatmap" in spec && spec.pheatmap) extra.push(`pheatmap: ${spec.pheatmap}`);
  const text = spec.description;
  if (extra.length === 0) return text;
  // "… (as pheatmap)" + "one of: …" → "… (as pheatmap; one of: …)", but not "… cor(x)" → "cor(x; …)"
  return endsWithAside(text) ? `${text.slice(0, -1)}; ${extra.join("; ")})` : `${text} (${extra.join("; ")})`;
}

/** Whether a text ends with a parenthesized aside: " (…)", not a call such as "cor(x)". */
function endsWithAside(text: string): boolean {
  if (!text.endsWith(")")) return false;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0) return i > 0 && text[i - 1] === " ";
  }
  return false;
}

/** Turns the text of a flag's value into the option's type, validated (OptionError otherwise). */
export function parseFlagValue(spec: AnySpec, text: string): unknown {
  // values that may name a file are resolved by the command, which reads files
  if (FLAG_EXTRAS[spec.name]?.file) return text;
  if (spec.kind.type === "text" || spec.kind.type === "names") {
    return spec.kind.type === "names" ? parseKind(spec.name, spec.kind, text) : text;
  }
  return parseKind(spec.name, spec.kind, text);
}

/** The commander options of one spec: one flag, or `--x` and `--no-x` for a boolean that defaults to true. */
function optionsOf(spec: AnySpec, heading: string): Option[] {
  const extra = FLAG_EXTRAS[spec.name] ?? {};
  const long = longFlag(spec);
  const flags = extra.short ? `-${extra.short}, ${long}` : long;
  if (spec.kind.type === "boolean") {
    const on = new Option(flags, helpText(spec)).helpGroup(heading);
    if (spec.default !== true) return [on];
    const off = new Option(`--no-${long.slice(2)}`, `turn off ${long}`).helpGroup(heading);
    return [on, off];
  }
  const option = new Option(`${flags} ${placeholder(spec)}`, helpText(spec)).helpGroup(heading);
  if (extra.repeatable) {
    option.argParser((text: string, previous: unknown) => [...((previous as string[]) ?? []), text]);
  } else {
    option.argParser((text: string) => parseFlagValue(spec, text));
  }
  return [option];
}

/** Adds the flags of these specs to a command under a help heading; returns how to read them back. */
export function addFlags(cmd: Command, specs: readonly AnySpec[], heading: string): FlagBinding[] {
  const bindings: FlagBinding[] = [];
  for (const spec of specs) {
    const options = optionsOf(spec, heading);
    for (const option of options) cmd.addOption(option);
    bindings.push({ spec, attribute: options[0].attributeName() });
  }
  return bindings;
}

/** The values given on the command line (not the defaults), keyed by option name. */
export function givenValues(cmd: Command, bindings: readonly FlagBinding[]): Record<string, unknown> {
  const opts = cmd.opts();
  const out: Record<string, unknown> = {};
  for (const { spec, attribute } of bindings) {
    if (cmd.getOptionValueSource(attribute) === "cli") out[spec.name] = opts[attribute];
  }
  return out;
}

/** A flag whose value is optional, as rewritten by expandFlagsAlone. */
export interface AloneExpansion {
  flag: string;
  spec: AnySpec;
  /** The argument after the flag that was not taken as its value. */
  next: string | undefined;
}

/**
 * Rewrites `--log2 in.tsv` as `--log2=1 in.tsv`: a flag whose value is
 * optional takes the next argument only when that argument is a number (for
 * a numeric option), so that the flag alone can come before the input file.
 * A flag whose value names a file (`--display-numbers`) takes one only with
 * `=` (`--display-numbers=stars.tsv`). Returns the arguments and the
 * expansions made (to explain a stray argument later).
 */
export function expandFlagsAlone(
  argv: readonly string[],
  specs: readonly AnySpec[],
): { argv: string[]; expansions: AloneExpansion[] } {
  const alone = new Map<string, { value: string; spec: AnySpec }>();
  for (const spec of specs) {
    const value = FLAG_EXTRAS[spec.name]?.alone;
    if (value !== undefined) alone.set(longFlag(spec), { value, spec });
  }
  const out: string[] = [];
  const expansions: AloneExpansion[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const preset = alone.get(arg);
    if (preset === undefined) {
      out.push(arg);
      continue;
    }
    const next = argv[i + 1];
    const numeric = preset.spec.kind.type === "number";
    const nextIsNumber = next !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(next.trim());
    if (numeric && nextIsNumber) {
      out.push(arg);
    } else {
      out.push(`${arg}=${preset.value}`);
      expansions.push({ flag: arg, spec: preset.spec, next });
    }
  }
  return { argv: out, expansions };
}

/**
 * When commander finds one argument too many after a flag whose value is
 * optional, the user most likely meant it as the flag's value
 * (`--log2 abc expr.tsv`): say that this value is invalid for that flag.
 */
export function strayValueError(
  expansions: readonly AloneExpansion[],
  isInput: (arg: string) => boolean,
): OptionError | null {
  for (const e of expansions) {
    if (e.next !== undefined && !e.next.startsWith("-") && !isInput(e.next)) {
      return new OptionError(e.spec.name, e.next, expectedOf(e.spec.kind));
    }
  }
  return null;
}
