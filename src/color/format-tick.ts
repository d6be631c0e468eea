/**
 * The text R's `as.character()` gives a number (R 4.2, default `scipen = 0`), which is how
 * pheatmap 1.0.12 labels its legend ticks (`names(legend) = legend`): the shortest decimal with at
 * most 15 significant digits, written in fixed notation unless scientific notation is strictly
 * narrower — `-2`, `0.5`, `0.001`, `123456`, but `1e-04`, `1e+05`, `2.5e-07` (exponent with at least
 * two digits and a sign). Checked against R on pheatmap-style ticks and a few other numbers
 * (test/golden/color/pretty.json). NaN gives `NaN`, infinities `Inf` / `-Inf`.
 */
export function formatTick(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Inf" : "-Inf";
  if (value === 0) return "0";
  const [mantissa, exponentText] = value.toExponential(14).split("e") as [string, string];
  const exponent = Number(exponentText);
  const digits = mantissa.replace("-", "").replace(".", "").replace(/0+$/, "");
  const negative = value < 0 ? 1 : 0;
  const significant = digits.length;
  const decimals = Math.max(0, significant - 1 - exponent);
  const fixedWidth = negative + (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
  const sciWidth = negative + (significant > 1 ? significant + 1 : 1) + (Math.abs(exponent) >= 100 ? 5 : 4);
  if (fixedWidth <= sciWidth) return value.toFixed(decimals);
  const sign = negative ? "-" : "";
  const lead = significant > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? "-" : "+";
  return `${sign}${lead}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}
