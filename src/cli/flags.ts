/**
 * Command-line flags derived from the option schema: the flag is the option's
 * kebab-case name, the help says its meaning, default and valid values, and a
 * value is validated by the schema itself (`normalize*Options`), so that a
 * flag, a config key and a library option can never disagree.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import { UsageError } from "../errors.js";
import { flagName, normalizeClusterOptions, normalizePrepOptions, type OptionSpec } from "../options.js";
import { type CliOptionSpec, FLAG_EXTRAS } from "./cli-options.js";

/** A library option (with its group) or a CLI-only option. */
export type AnySpec = OptionSpec | CliOptionSpec;

/** A spec as registered on a command: commander stores its value under `attribute`. */
export interface FlagBinding {
  spec: AnySpec;
  attribute: string;
}

/** The long flag of an option, e.g. `--clustering-distance-rows`. */
export function longFlag(spec: AnySpec): string {
  return `--${FLAG_EXTRAS[spec.name]?.flag ?? flagName(spec.name)}`;
}

/** The value placeholder shown in help: `<n>`, `<x>`, `<none|row|column>`, `<name>`. */
function placeholder(spec: AnySpec): string {
  const extra = FLAG_EXTRAS[spec.name]?.placeholder;
  if (extra) return extra;
  const k = spec.kind;
  switch (k.type) {
    case "choice": {
      const all = k.choices.join("|");
      return all.length <= 20 ? `<${all}>` : "<name>";
    }
    case "number":
      return k.integer ? "<n>" : "<x>";
    case "string":
      return "<text>";
    case "list":
      return "<names>";
    case "boolean":
      return "";
  }
}

/** The help line: the schema's description, then its valid values and default. */
export function helpText(spec: AnySpec): string {
  const extra: string[] = [];
  if (spec.kind.type === "choice") extra.push(`one of: ${spec.kind.choices.join(", ")}`);
  const d = spec.default;
  if (typeof d === "string" || typeof d === "number") extra.push(`default: ${d}`);
  else if (d === true) extra.push("default");
  const text = spec.description;
  if (extra.length === 0) return text;
  // "… (as pheatmap)" + "one of: …" → "… (as pheatmap; one of: …)"
  return text.endsWith(")") ? `${text.slice(0, -1)}; ${extra.join("; ")})` : `${text} (${extra.join("; ")})`;
}

/** Checks a value of a CLI-only option; the library options are checked by their normalizer. */
function checkCliValue(spec: CliOptionSpec, value: unknown): unknown {
  const k = spec.kind;
  const bad = (expected: string): never => {
    throw new UsageError(`invalid ${spec.name}: ${JSON.stringify(value)} (expected ${expected})`);
  };
  if (k.type === "choice" && !k.choices.includes(value as string)) bad(`one of ${k.choices.join(", ")}`);
  if (k.type === "number") {
    const what = `${k.integer ? "an integer" : "a number"}${k.min !== undefined ? ` ≥ ${k.min}` : ""}`;
    const v = value as number;
    if (!Number.isFinite(v) || (k.integer && !Number.isInteger(v)) || (k.min !== undefined && v < k.min)) {
      bad(what);
    }
  }
  return value;
}

/** Validates one value with the schema; returns it, or throws UsageError. */
export function checkValue(spec: AnySpec, value: unknown): unknown {
  if (!("group" in spec)) return checkCliValue(spec, value);
  const given = { [spec.name]: value };
  const normalized: Record<string, unknown> =
    spec.group === "prep" ? { ...normalizePrepOptions(given) } : { ...normalizeClusterOptions(given) };
  return normalized[spec.name];
}

/** Turns the text of a flag's value into the option's type, validated. */
function parseValue(spec: AnySpec, text: string): unknown {
  const k = spec.kind;
  // lists (`--rows FILE|LIST`, `-o`) are resolved by the command, which may read a file
  if (k.type === "list" || k.type === "string") return text;
  const value = k.type === "number" ? (text.trim() === "" ? Number.NaN : Number(text)) : text;
  try {
    return checkValue(spec, value);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // "invalid topVariable: -3 (expected an integer ≥ 1)" → "expected an integer ≥ 1"
    const expected = /\((expected .*)\)$/.exec(e.message);
    throw new InvalidArgumentError(expected ? expected[1] : e.message);
  }
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
    option.argParser((text: string) => parseValue(spec, text));
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

/**
 * Rewrites `--log2 in.tsv` as `--log2=1 in.tsv`: a flag whose value is optional
 * takes the next argument only when that argument is a number, so that the
 * flag alone can come before the input file.
 */
export function expandFlagsAlone(argv: readonly string[], specs: readonly AnySpec[]): string[] {
  const alone = new Map<string, number>();
  for (const spec of specs) {
    const value = FLAG_EXTRAS[spec.name]?.alone;
    if (value !== undefined) alone.set(longFlag(spec), value);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const preset = alone.get(arg);
    const next = argv[i + 1];
    const nextIsNumber = next !== undefined && next.trim() !== "" && Number.isFinite(Number(next));
    out.push(preset !== undefined && !nextIsNumber ? `${arg}=${preset}` : arg);
  }
  return out;
}
