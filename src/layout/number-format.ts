/**
 * Number formats for the numbers printed in cells: C printf style, as R's
 * `sprintf` that pheatmap's `number_format` uses (`%.2f`, `%.1e`, `%g`,
 * `%d`, `%5.1f%%`), or Python's format spec (`.2f`, `{:.1%}`, `,.0f`).
 */

/** A parsed conversion: flags, width, precision and type letter. */
interface Spec {
  flags: string;
  width: number;
  precision: number | null;
  type: string;
  /** Python's `,` thousands separator. */
  group: boolean;
}

const PRINTF = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([dieEfFgG%])/;
const PYTHON = /^\{?:?([-+ 0#]*)(\d+)?(,)?(?:\.(\d+))?([dieEfFgG%])?\}?$/;

/** C's exponent: at least two digits (`1.5e+00`), where JavaScript writes `1.5e+0`. */
function cExponent(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** `%g`: precision significant digits, trailing zeros dropped unless `#`. */
function formatG(v: number, precision: number, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return alt ? (0).toFixed(p - 1) : "0";
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(p)))));
  let s = exp < -4 || exp >= p ? cExponent(v.toExponential(p - 1)) : v.toFixed(Math.max(0, p - 1 - exp));
  if (!alt) s = s.replace(/\.?0+(e|$)/, "$1").replace(/\.(e|$)/, "$1");
  return s;
}

function body(v: number, s: Spec): string {
  if (Number.isNaN(v)) return "NA";
  if (!Number.isFinite(v)) return v > 0 ? "Inf" : "-Inf";
  const abs = Math.abs(v);
  switch (s.type) {
    case "d":
    case "i":
      return Math.round(abs).toFixed(0);
    case "e":
    case "E": {
      const t = cExponent(abs.toExponential(s.precision ?? 6));
      return s.type === "E" ? t.toUpperCase() : t;
    }
    case "g":
    case "G": {
      const t = formatG(abs, s.precision ?? 6, s.flags.includes("#"));
      return s.type === "G" ? t.toUpperCase() : t;
    }
    case "%":
      return `${(abs * 100).toFixed(s.precision ?? 6)}%`;
    default:
      return abs.toFixed(s.precision ?? 6);
  }
}

function withGroups(digits: string): string {
  const [int, frac] = digits.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function apply(v: number, s: Spec): string {
  let b = body(v, s);
  if (s.group) b = withGroups(b);
  const negative = v < 0 || Object.is(v, -0);
  const sign = negative && b !== "NA" ? "-" : s.flags.includes("+") ? "+" : s.flags.includes(" ") ? " " : "";
  const text = sign + b;
  if (text.length >= s.width) return text;
  if (s.flags.includes("-")) return text.padEnd(s.width);
  if (s.flags.includes("0") && /^\d/.test(b)) return sign + b.padStart(s.width - sign.length, "0");
  return text.padStart(s.width);
}

/**
 * A formatter for `format`: printf style (the first `%…` conversion, with
 * text around it kept: `%.1f%%` → "12.5%") or Python style (`.2f`, `{:,.0f}`).
 * Returns null when `format` is neither.
 */
export function numberFormatter(format: string): ((v: number) => string) | null {
  const printf = PRINTF.exec(format);
  if (printf && printf[4] !== "%") {
    const [all, flags, width, precision, type] = printf;
    const spec: Spec = {
      flags,
      width: Number(width ?? 0),
      precision: precision === undefined ? null : Number(precision),
      type,
      group: false,
    };
    const before = format.slice(0, printf.index).replaceAll("%%", "%");
    const after = format.slice(printf.index + all.length).replaceAll("%%", "%");
    return (v) => before + apply(v, spec) + after;
  }
  const py = PYTHON.exec(format);
  if (py && format !== "") {
    const [, flags, width, group, precision, type] = py;
    const spec: Spec = {
      flags,
      width: Number(width ?? 0),
      precision: precision === undefined ? null : Number(precision),
      type: type ?? "g",
      group: group === ",",
    };
    if (type === undefined && spec.precision === null) spec.precision = 12;
    return (v) => apply(v, spec);
  }
  return null;
}
