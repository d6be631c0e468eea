/*
 * R's row statistics in the CPU's own long double (x86-64: the x87 80-bit
 * format, 64-bit significand), the precision R accumulates `mean`, `var`,
 * `cov` and `cor` in. The same sums as src/numeric/rstats.ts, which emulates
 * that arithmetic in doubles (numeric/extended.ts) and is what runs where
 * this helper is not built, or where long double is not that format: there
 * rowMoments is not exported (src/node/native.ts then keeps the emulation).
 * The tests compare the two bit for bit (test/node/long-double.test.ts).
 *
 * rowMoments(x, nrow, ncol, mean, variance, centered | null): for each row i
 * of the row-major nrow × ncol Float64Array x, over its values that are not
 * NaN (na.rm = TRUE), in column order:
 *   mean[i]     = R's mean(): s = Σ x in long double, s /= n; if (double) s
 *                 is finite, s += Σ (x − s) / n; (double) s (NaN when n = 0);
 *   variance[i] = R's var() given that mean m (a double, as cov.c keeps it):
 *                 Σ ((long double) x − m)² in long double, / (n − 1), cast
 *                 to double (NaN when n < 2);
 *   centered    = when given (2 · nrow · ncol doubles), each (long double) x − m
 *                 as (hi, lo): hi = (double) c, lo = (double) (c − hi), and
 *                 (0, 0) where x is NaN (correlation.ts preparePearson).
 */
#include <float.h>
#include <math.h>
#include <stddef.h>

#include "addon.h"

#if LDBL_MANT_DIG == 64

static void row_moments(const double* x, size_t ncol, double* mean, double* variance, double* centered) {
  size_t n = 0;
  long double s = 0.0L;
  for (size_t j = 0; j < ncol; j++) {
    if (isnan(x[j])) continue;
    s += x[j];
    n++;
  }
  if (n == 0) {
    *mean = NAN;
    *variance = NAN;
    if (centered)
      for (size_t j = 0; j < 2 * ncol; j++) centered[j] = 0.0;
    return;
  }
  s /= (long double)n;
  if (isfinite((double)s)) {
    long double t = 0.0L;
    for (size_t j = 0; j < ncol; j++) {
      if (isnan(x[j])) continue;
      t += (x[j] - s);
    }
    s += t / (long double)n;
  }
  const double m = (double)s;
  *mean = m;
  long double q = 0.0L;
  for (size_t j = 0; j < ncol; j++) {
    if (isnan(x[j])) {
      if (centered) centered[2 * j] = centered[2 * j + 1] = 0.0;
      continue;
    }
    const long double c = (long double)x[j] - (long double)m;
    q += c * c;
    if (centered) {
      const double hi = (double)c;
      centered[2 * j] = hi;
      centered[2 * j + 1] = (double)(c - (long double)hi);
    }
  }
  *variance = n < 2 ? NAN : (double)(q / (long double)(n - 1));
}

/* The Float64Array argv[k]: its data and length, or NULL. */
static double* float64_data(napi_env env, napi_value value, size_t* length) {
  bool is_typed = false;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return NULL;
  napi_typedarray_type type;
  void* data = NULL;
  if (napi_get_typedarray_info(env, value, &type, length, &data, NULL, NULL) != napi_ok) return NULL;
  return type == napi_float64_array ? (double*)data : NULL;
}

napi_value row_moments_js(napi_env env, napi_callback_info info) {
  size_t argc = 6;
  napi_value argv[6];
  const char* usage = "rowMoments: expected (x, nrow, ncol, mean, variance, centered | null)";
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 6) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  double nrow_d = 0, ncol_d = 0;
  napi_get_value_double(env, argv[1], &nrow_d);
  napi_get_value_double(env, argv[2], &ncol_d);
  size_t lx = 0, lm = 0, lv = 0, lc = 0;
  double* x = float64_data(env, argv[0], &lx);
  double* mean = float64_data(env, argv[3], &lm);
  double* variance = float64_data(env, argv[4], &lv);
  napi_valuetype ct;
  napi_typeof(env, argv[5], &ct);
  double* centered = ct == napi_null ? NULL : float64_data(env, argv[5], &lc);
  const size_t nrow = (size_t)nrow_d, ncol = (size_t)ncol_d;
  if (!x || !mean || !variance || (ct != napi_null && !centered) || nrow_d < 0 || ncol_d < 0 ||
      (double)nrow != nrow_d || (double)ncol != ncol_d || lx < nrow * ncol || lm < nrow || lv < nrow ||
      (centered && lc < 2 * nrow * ncol)) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  for (size_t i = 0; i < nrow; i++) {
    row_moments(x + i * ncol, ncol, mean + i, variance + i, centered ? centered + 2 * i * ncol : NULL);
  }
  return NULL;
}

#endif
