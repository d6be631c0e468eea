/**
 * Normalizing options once (Observable Plot's `options.js`): unknown names
 * are refused, every given value is validated by its kind, defaults fill the
 * rest (`defaultFrom` cascades from another option), and combinations that
 * make no sense are refused up front (rules.ts).
 */
import { UsageError } from "../errors.js";
import { checkKind } from "./kinds.js";
import { OPTIONS, type SpecShape } from "./schema.js";
import type {
  ClusterOptions,
  FigureOptions,
  OptionGroup,
  OptionName,
  Options,
  PrepOptions,
  ReadOptionsGroup,
} from "./types.js";

/** One entry of the table with its name: what the CLI and the viewer iterate over. */
export interface OptionSpec extends SpecShape {
  readonly name: OptionName;
}

/** Every option, in the table's order. */
export const OPTION_SPECS: readonly OptionSpec[] = Object.entries(OPTIONS).map(
  ([name, spec]) => ({ ...(spec as SpecShape), name: name as OptionName }) as OptionSpec,
);

const BY_NAME = new Map<string, OptionSpec>(OPTION_SPECS.map((s) => [s.name, s]));

/** The spec of an option, or undefined. */
export function optionSpec(name: string): OptionSpec | undefined {
  return BY_NAME.get(name);
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

function unknownOption(key: string, allowed: readonly OptionSpec[]): UsageError {
  const near = allowed
    .map((s) => ({ name: s.name, d: distance(key.toLowerCase(), s.name.toLowerCase()) }))
    .filter((c) => c.d <= 2)
    .sort((a, b) => a.d - b.d)[0];
  return new UsageError(`unknown option: ${key}${near ? ` (did you mean ${near.name}?)` : ""}`, undefined, {
    found: key,
  });
}

/** The default of one option given the options normalized so far. */
function defaultOf(spec: OptionSpec, done: Record<string, unknown>): unknown {
  if (spec.defaultFrom) {
    const base = done[spec.defaultFrom.option];
    return typeof base === "number" && spec.defaultFrom.factor !== undefined
      ? base * spec.defaultFrom.factor
      : base;
  }
  return spec.default;
}

function normalizeGroups(
  given: Record<string, unknown>,
  groups: readonly OptionGroup[],
): Record<string, unknown> {
  const specs = OPTION_SPECS.filter((s) => groups.includes(s.group));
  const known = new Set<string>(specs.map((s) => s.name));
  for (const key of Object.keys(given)) {
    if (!known.has(key) && given[key] !== undefined) throw unknownOption(key, specs);
  }
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = given[spec.name];
    if (value !== undefined) out[spec.name] = checkKind(spec.name, spec.kind, value);
  }
  // defaults after all given values, in table order, so that defaultFrom sees what was given
  for (const spec of specs) {
    if (out[spec.name] === undefined) out[spec.name] = defaultOf(spec, out);
  }
  return out;
}

/** Validates every option and fills in the defaults; throws UsageError (OptionError) on an invalid value. */
export function normalizeOptions(given: Partial<Options> = {}): Options {
  return normalizeGroups(given, ["read", "prep", "cluster", "figure"]) as Options;
}

/** Validates the read options and fills in defaults. */
export function normalizeReadOptions(given: Partial<ReadOptionsGroup> = {}): ReadOptionsGroup {
  return normalizeGroups(given, ["read"]) as ReadOptionsGroup;
}

/** Validates prep options and fills in defaults; throws UsageError on an invalid value. */
export function normalizePrepOptions(given: Partial<PrepOptions> = {}): PrepOptions {
  return normalizeGroups(given, ["prep"]) as PrepOptions;
}

/** Validates cluster options and fills in defaults (the per-axis methods default to `clusteringMethod`). */
export function normalizeClusterOptions(given: Partial<ClusterOptions> = {}): ClusterOptions {
  return normalizeGroups(given, ["cluster"]) as ClusterOptions;
}

/** Validates figure options and fills in defaults (font sizes cascade from `fontsize`). */
export function normalizeFigureOptions(given: Partial<FigureOptions> = {}): FigureOptions {
  return normalizeGroups(given, ["figure"]) as FigureOptions;
}

/** Only the options of these groups, from a larger object. */
export function pickGroup<T>(options: Partial<Options>, group: OptionGroup): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const spec of OPTION_SPECS) {
    const v = (options as Record<string, unknown>)[spec.name];
    if (spec.group === group && v !== undefined) out[spec.name] = v;
  }
  return out as Partial<T>;
}

/** The options given (not defaulted) that differ from their default: what a figure's provenance records. */
export function givenOptions(options: Partial<Options>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of OPTION_SPECS) {
    const v = (options as Record<string, unknown>)[spec.name];
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(spec.default)) out[spec.name] = v;
  }
  return out;
}
