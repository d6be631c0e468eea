const DBL_EPSILON = 2 ** -52;
const DBL_MIN = 2 ** -1022;
/** R's `rounding_eps` in pretty (1e-10 since R 3.5), also used by GEPretty. */
const ROUNDING_EPS = 1e-10;

/**
 * Step 1 of R's axis ticks, `R_pretty` as `GEPretty` calls it (min.n = 1, shrink.sml = 0.25,
 * high.u.bias = 0.8, u5.bias = 1.7, eps.correct = 2): picks the unit (1, 2, 5 or 10 × 10^k) closest
 * to (range / ndiv), favouring the larger, and the integer multiples ns·unit ≤ lo, nu·unit ≥ up.
 */
function rPretty(lo: number, up: number, ndiv: number): { ns: number; nu: number; unit: number } {
  const h = 0.8;
  const h5 = 1.7;
  const minN = 1;
  const dx = up - lo;
  let cell: number;
  let small: boolean;
  if (dx === 0 && up === 0) {
    cell = 1;
    small = true;
  } else {
    cell = Math.max(Math.abs(lo), Math.abs(up));
    const u = (1 + (h5 >= 1.5 * h + 0.5 ? 1 / (1 + h) : 1.5 / (1 + h5))) * Math.max(1, ndiv) * DBL_EPSILON;
    small = dx < cell * u * 3;
  }
  if (small) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= 0.25;
  } else {
    cell = dx;
    if (ndiv > 1) cell /= ndiv;
  }
  cell = Math.min(Math.max(cell, 1.125 * DBL_MIN), Number.MAX_VALUE / 1.25);
  // C's pow(10, k) is correctly rounded; JavaScript's 10 ** k is not for k < 0 (10 ** -4 ≠ 1e-4).
  const base = Number(`1e${Math.floor(Math.log10(cell))}`);
  let unit = base;
  if (2 * base - cell < h * (cell - unit)) {
    unit = 2 * base;
    if (5 * base - cell < h5 * (cell - unit)) {
      unit = 5 * base;
      if (10 * base - cell < h * (cell - unit)) unit = 10 * base;
    }
  }
  let ns = Math.floor(lo / unit + ROUNDING_EPS);
  let nu = Math.ceil(up / unit - ROUNDING_EPS);
  // eps.correct = 2: widen the range by one ulp-ish before the covering loops.
  const lo2 = lo !== 0 ? lo * (1 - DBL_EPSILON) : -DBL_MIN;
  const up2 = up !== 0 ? up * (1 + DBL_EPSILON) : DBL_MIN;
  while (ns * unit > lo2 + ROUNDING_EPS * unit) ns--;
  while (nu * unit < up2 - ROUNDING_EPS * unit) nu++;
  const k = Math.trunc(0.5 + nu - ns);
  if (k < minN) {
    const missing = minN - k;
    const half = Math.trunc(missing / 2);
    if (ns >= 0) {
      nu += half;
      ns -= half + (missing % 2);
    } else {
      ns -= half;
      nu += half + (missing % 2);
    }
  }
  return { ns, nu, unit };
}

/**
 * R's `grid.pretty(c(lo, hi))` (n = 5), which pheatmap 1.0.12 uses for its legend ticks
 * (`grid.pretty(range(breaks))`): "nice" ticks — multiples of 1, 2 or 5 × 10^k — inside [lo, hi].
 *
 * Definition (R's `GEPretty` then `CreateAtVector`): `R_pretty` covers the range with multiples
 * ns·unit … nu·unit; an end multiple outside the range by more than 1e-10·unit is dropped (the
 * upper one only while two or more intervals remain); the ticks are `a + (i / m)·(b − a)` for
 * i = 0 … m with a = ns·unit, b = nu·unit, m = nu − ns, and a tick closer to 0 than
 * (b − a)/(100·m) is set to 0. Equal ends give one or two ticks, as R does (`c(5, 5)` → 5,
 * `c(-3, -3)` → −3, −2.5). A reversed range gives the ticks in reversed order.
 * Bit-identical to R 4.2.2 on the 100 ranges of test/golden/color/pretty.json.
 */
export function prettyTicks(lo: number, hi: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(hi - lo)) {
    throw new RangeError(`prettyTicks: infinite axis extents [${lo}, ${hi}]`);
  }
  const swap = lo > hi;
  if (swap) [lo, hi] = [hi, lo];
  let { ns, nu, unit } = rPretty(lo, hi, 5);
  if (nu >= ns + 1) {
    if (ns * unit < lo - ROUNDING_EPS * unit) ns++;
    if (nu > ns + 1 && nu * unit > hi + ROUNDING_EPS * unit) nu--;
  }
  let a = ns * unit;
  let b = nu * unit;
  if (swap) [a, b] = [b, a];
  const m = Math.trunc(Math.abs(nu - ns) + 0.25);
  const dm = Math.max(1, m);
  const range = b - a;
  const zero = Math.abs(range) / (100 * dm);
  const ticks: number[] = [];
  for (let i = 0; i <= m; i++) {
    const t = a + (i / dm) * range;
    ticks.push(Math.abs(t) < zero ? 0 : t);
  }
  return ticks;
}
