/**
 * The kinds of option values: what each accepts from a program (JSON, the
 * library) and from text (a CLI flag, a viewer's text field), and the
 * TypeScript type it stands for. The schema (schema.ts) gives every option
 * a kind; the option types are derived from the kinds, never written twice.
 */
import { parseColor } from "../color/parse.js";
import { OptionError } from "../errors.js";

/** A cell-text matrix matched to the heatmap by row and column names (pheatmap's `display_numbers` matrix). */
export interface TextTable {
  rowNames: string[];
  colNames: string[];
  /** Row-major texts, rowNames.length × colNames.length. */
  cells: string[];
}

/** Colors of one annotation track: level → color (categorical), or a list of colors (continuous ramp). */
export type TrackColors = Readonly<Record<string, string>> | readonly string[];

export type Kind =
  | { type: "choice"; choices: readonly string[]; nullable?: boolean }
  | { type: "angle"; choices: readonly number[] }
  | { type: "integer"; min?: number; max?: number; nullable?: boolean }
  | { type: "number"; min?: number; max?: number; positive?: boolean; nullable?: boolean }
  | { type: "boolean" }
  | { type: "text"; nullable?: boolean }
  | { type: "names"; nullable?: boolean }
  | { type: "numbers"; integer?: boolean; min?: number; nullable?: boolean }
  | { type: "color"; none?: boolean; nullable?: boolean }
  | { type: "palette"; nullable?: boolean }
  | { type: "length"; unit: "pt" | "in"; nullable?: boolean }
  | { type: "colorMap"; nullable?: boolean }
  | { type: "labels"; nullable?: boolean }
  | { type: "numbersTable" };

type Base<K> = K extends { type: "choice"; choices: readonly (infer C)[] }
  ? C
  : K extends { type: "angle"; choices: readonly (infer A)[] }
    ? A
    : K extends { type: "integer" | "number" | "length" }
      ? number
      : K extends { type: "boolean" }
        ? boolean
        : K extends { type: "text" | "color" }
          ? string
          : K extends { type: "names" }
            ? string[]
            : K extends { type: "numbers" }
              ? number[]
              : K extends { type: "palette" }
                ? string | string[]
                : K extends { type: "colorMap" }
                  ? Record<string, TrackColors>
                  : K extends { type: "labels" }
                    ? string[] | Record<string, string>
                    : K extends { type: "numbersTable" }
                      ? boolean | TextTable
                      : never;

/** The TypeScript type of a kind's values (`null` included when the kind is nullable: "decided from the data"). */
export type ValueOf<K> = K extends { nullable: true } ? Base<K> | null : Base<K>;

/** Strict decimal spellings: no hex, no `Infinity`, no empty text. */
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LENGTH = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(pt|in|cm|mm|px)?$/;

/** Points per unit; px at 96 per inch as CSS. */
const PER_INCH: Record<string, number> = { in: 1, cm: 1 / 2.54, mm: 1 / 25.4, pt: 1 / 72, px: 1 / 96 };

/** Converts a length given in `from` units to `to` units (`pt` or `in`). */
function convertLength(value: number, from: string, to: "pt" | "in"): number {
  const inches = value * PER_INCH[from];
  return to === "in" ? inches : inches * 72;
}

function describeNumber(k: { min?: number; max?: number; positive?: boolean }, what: string): string {
  if (k.positive) return `a ${what} > 0`;
  if (k.min !== undefined && k.max !== undefined) return `${withArticle(what)} from ${k.min} to ${k.max}`;
  if (k.min !== undefined) return `${withArticle(what)} ≥ ${k.min}`;
  return withArticle(what);
}

function withArticle(what: string): string {
  return /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`;
}

/** What a kind expects, in words (the `expected` of an OptionError, and the help). */
export function expectedOf(kind: Kind): string {
  switch (kind.type) {
    case "choice":
      return `one of ${kind.choices.join(", ")}`;
    case "angle":
      return `one of ${kind.choices.join(", ")}`;
    case "integer":
      return describeNumber(kind, "integer");
    case "number":
      return describeNumber(kind, "number");
    case "boolean":
      return "true or false";
    case "text":
      return "a text";
    case "names":
      return "a list of names";
    case "numbers":
      return kind.integer ? "a list of integers" : "a list of numbers";
    case "color":
      return `a color (#rrggbb or an R color name${kind.none ? ", or none" : ""})`;
    case "palette":
      return "a palette name or a list of colors";
    case "length":
      return `a length > 0 (a number in ${kind.unit === "in" ? "inches" : "points"}, or with a unit: pt, in, cm, mm)`;
    case "colorMap":
      return "an object: track name → {level: color} or a list of colors";
    case "labels":
      return "a list of labels, or an object name → label";
    case "numbersTable":
      return "true, false, or a table of texts";
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkNumber(
  k: { min?: number; max?: number; positive?: boolean },
  v: number,
  integer: boolean,
): boolean {
  if (!Number.isFinite(v)) return false;
  if (integer && !Number.isInteger(v)) return false;
  if (k.positive && !(v > 0)) return false;
  if (k.min !== undefined && v < k.min) return false;
  if (k.max !== undefined && v > k.max) return false;
  return true;
}

/**
 * Validates a value given by a program (the library, a JSON config) and
 * returns it in its canonical form (colors lower-cased `#rrggbb`); throws
 * OptionError naming `option`.
 */
export function checkKind(option: string, kind: Kind, value: unknown): unknown {
  const bad = (): never => {
    throw new OptionError(option, value, expectedOf(kind));
  };
  if (value === null && "nullable" in kind && kind.nullable) return null;
  switch (kind.type) {
    case "choice":
      if (typeof value !== "string" || !kind.choices.includes(value)) bad();
      return value;
    case "angle":
      if (typeof value !== "number" || !kind.choices.includes(value)) bad();
      return value;
    case "integer":
    case "number":
      if (typeof value !== "number" || !checkNumber(kind, value, kind.type === "integer")) bad();
      return value;
    case "length":
      if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) bad();
      return value;
    case "boolean":
      if (typeof value !== "boolean") bad();
      return value;
    case "text":
      if (typeof value !== "string") bad();
      return value;
    case "names":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) bad();
      return value;
    case "numbers":
      if (!Array.isArray(value)) bad();
      for (const v of value as unknown[]) {
        if (typeof v !== "number" || !checkNumber(kind, v, kind.integer ?? false)) bad();
      }
      return value;
    case "color":
      // `none` (or R's NA) = no color at all, e.g. no cell borders
      if (kind.none && (value === "none" || value === "NA")) return "none";
      if (typeof value !== "string") bad();
      return colorOrBad(value as string, bad);
    case "palette":
      if (typeof value === "string" && value !== "") return value;
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) bad();
      return (value as string[]).map((c) => colorOrBad(c, bad));
    case "colorMap": {
      if (!isRecord(value)) bad();
      const out: Record<string, TrackColors> = {};
      for (const [track, colors] of Object.entries(value as Record<string, unknown>)) {
        if (Array.isArray(colors) && colors.every((c) => typeof c === "string")) {
          out[track] = colors.map((c) => colorOrBad(c, bad));
        } else if (isRecord(colors) && Object.values(colors).every((c) => typeof c === "string")) {
          out[track] = Object.fromEntries(
            Object.entries(colors).map(([level, c]) => [level, colorOrBad(c as string, bad)]),
          );
        } else bad();
      }
      return out;
    }
    case "labels":
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
      if (isRecord(value) && Object.values(value).every((v) => typeof v === "string")) return value;
      return bad();
    case "numbersTable": {
      if (typeof value === "boolean") return value;
      if (!isRecord(value)) bad();
      const t = value as Partial<TextTable>;
      const ok =
        Array.isArray(t.rowNames) &&
        Array.isArray(t.colNames) &&
        Array.isArray(t.cells) &&
        t.cells.length === t.rowNames.length * t.colNames.length;
      if (!ok) bad();
      return value;
    }
  }
}

function colorOrBad(text: string, bad: () => never): string {
  try {
    return parseColor(text);
  } catch {
    return bad();
  }
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Reads a value from text (a CLI flag, a viewer's field) and validates it.
 * Numbers must be written in decimal (`0x3` and `Infinity` are not numbers;
 * `1e1` is a number but not an integer). Lists are comma-separated.
 * `names`, `labels`, `colorMap` and `numbersTable` from files are read by the
 * face (which can read files) and passed to `checkKind`.
 */
export function parseKind(option: string, kind: Kind, text: string): unknown {
  try {
    return parseText(option, kind, text);
  } catch (e) {
    // the value as the user typed it, not as it was converted
    if (e instanceof OptionError && e.found !== text)
      throw new OptionError(option, text, e.expected ?? expectedOf(kind));
    throw e;
  }
}

function parseText(option: string, kind: Kind, text: string): unknown {
  const t = text.trim();
  const bad = (): never => {
    throw new OptionError(option, text, expectedOf(kind));
  };
  if ("nullable" in kind && kind.nullable && (t === "none" || t === "null") && kind.type !== "color") {
    return null;
  }
  switch (kind.type) {
    case "integer":
      if (!INTEGER.test(t)) bad();
      return checkKind(option, kind, Number(t));
    case "number":
      if (!DECIMAL.test(t)) bad();
      return checkKind(option, kind, Number(t));
    case "angle":
      if (!INTEGER.test(t)) bad();
      return checkKind(option, kind, Number(t));
    case "length": {
      const m = LENGTH.exec(t);
      if (!m) return bad();
      const value = convertLength(Number(m[1]), m[2] ?? kind.unit, kind.unit);
      if (!(value > 0) || !Number.isFinite(value)) bad();
      return value;
    }
    case "boolean":
      if (/^(true|yes|on|1)$/i.test(t)) return true;
      if (/^(false|no|off|0)$/i.test(t)) return false;
      return bad();
    case "numbers": {
      const parts = splitList(t);
      const re = kind.integer ? INTEGER : DECIMAL;
      if (parts.some((p) => !re.test(p))) bad();
      return checkKind(option, kind, parts.map(Number));
    }
    case "names":
    case "labels":
      return splitList(text);
    case "palette": {
      const parts = splitList(t);
      return checkKind(option, kind, parts.length > 1 ? parts : t);
    }
    case "numbersTable":
      if (/^(true|yes|on|1)$/i.test(t)) return true;
      if (/^(false|no|off|0)$/i.test(t)) return false;
      return bad();
    case "colorMap":
      try {
        return checkKind(option, kind, JSON.parse(t));
      } catch (e) {
        if (e instanceof SyntaxError) return bad();
        throw e;
      }
    default:
      return checkKind(option, kind, text);
  }
}
