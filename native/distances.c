/*
 * Part of clusterheat's native helper (native/addon.c): euclidean distances
 * of rows without NAs in the CPU's widest vectors, for Node. The browser
 * and a Node without the helper run the WebAssembly kernel
 * (src/cluster/wasm/kernels.wat), whose SIMD has two lanes of doubles;
 * AVX-512 has eight, AVX2 four, and at 20,000 × 50 the distances are bound
 * by that arithmetic, not by memory.
 *
 * Every value is the one R's dist() gives and the other kernels give, bit
 * for bit: for each pair the sum of squared differences runs over the
 * columns in order, with a separate subtraction, multiplication and
 * addition (this file is built with -ffp-contract=off, so no fused
 * multiply-add), then one correctly rounded square root. The lanes hold
 * different pairs, never different columns of one pair, so vectors change
 * only how many pairs are summed at once. (x_j − x_i)² is (x_i − x_j)²
 * exactly, so a pair computed from either end has the same bits, which
 * lets the full layout compute its lower half instead of copying it.
 *
 * euclidRows(grouped, n, p, i0, i1, out, layout): for the rows i0 ≤ i < i1,
 *   layout 0: out[pairIndex(n, i, j)] for j > i (the condensed triangle,
 *             dist-matrix.ts);
 *   layout 1: out[i·n + j] for j > i (the full layout's upper half);
 *   layout 2: out[i·n + j] for every j, the diagonal 0 (the full layout).
 * `grouped` is the n × p matrix in groups of 8 rows (element (r, k) at
 * 8p·⌊r/8⌋ + 8k + r mod 8, rows past n zero), as kernels.wat lays it out.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "addon.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CLUSTERHEAT_X86 1
#include <immintrin.h>
#endif

/* The layouts: the condensed triangle, the full matrix's upper half, the full matrix. */
enum { CONDENSED = 0, FULL_UPPER = 1, FULL = 2 };

/* Where row i's pairs start: pair (i, j) at start + j (modulo 2^64 for row 0 of the triangle). */
static inline size_t row_start(size_t n, size_t i, int layout) {
  return layout == CONDENSED ? i * n - i * (i + 1) / 2 - i - 1 : i * n;
}

/* The first column written in row i. */
static inline size_t first_column(size_t i, int layout) { return layout == FULL ? 0 : i + 1; }

/* Stores the lanes of group g (columns 8g … 8g + 7) of row i that it owns: [max(j0, 8g), min(n, 8g + 8)). */
static inline void store_lanes(double* out, size_t start, size_t j0, size_t n, size_t g, const double* lanes) {
  const size_t lo = j0 > 8 * g ? j0 : 8 * g;
  const size_t hi = n < 8 * g + 8 ? n : 8 * g + 8;
  for (size_t j = lo; j < hi; j++) out[start + j] = lanes[j - 8 * g];
}

/* Any CPU: one pair at a time, as the JavaScript loop. */
static void euclid_scalar(const double* G, size_t n, size_t p, size_t i0, size_t i1, double* out, int layout) {
  for (size_t i = i0; i < i1; i++) {
    const double* xi = G + (i >> 3) * 8 * p + (i & 7);
    const size_t start = row_start(n, i, layout);
    for (size_t j = first_column(i, layout); j < n; j++) {
      const double* xj = G + (j >> 3) * 8 * p + (j & 7);
      double s = 0.0;
      for (size_t k = 0; k < p; k++) {
        const double d = xi[8 * k] - xj[8 * k];
        s += d * d;
      }
      out[start + j] = sqrt(s);
    }
  }
}

#ifdef CLUSTERHEAT_X86

/* Rows of i computed against each group at once: each group's columns are loaded once for all of them. */
#define ROWS 4

/*
 * AVX-512: 4 rows × one group of 8 columns per pass, one pair per lane.
 * The rows past i1 in the last pass repeat row i0 and are not stored.
 */
__attribute__((target("avx512f"))) static void euclid_avx512(const double* G, size_t n, size_t p, size_t i0,
                                                              size_t i1, double* out, int layout) {
  const size_t groups = (n + 7) / 8;
  double lanes[8];
  for (size_t ib = i0; ib < i1; ib += ROWS) {
    const size_t rows = i1 - ib < ROWS ? i1 - ib : ROWS;
    const double* x[ROWS];
    size_t start[ROWS], j0[ROWS];
    for (size_t r = 0; r < ROWS; r++) {
      const size_t i = r < rows ? ib + r : ib;
      x[r] = G + (i >> 3) * 8 * p + (i & 7);
      start[r] = row_start(n, i, layout);
      j0[r] = first_column(i, layout);
    }
    for (size_t g = j0[0] >> 3; g < groups; g++) {
      const double* col = G + g * 8 * p;
      __m512d s0 = _mm512_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
      for (size_t k = 0; k < p; k++) {
        const __m512d v = _mm512_loadu_pd(col + 8 * k);
        const __m512d d0 = _mm512_sub_pd(v, _mm512_set1_pd(x[0][8 * k]));
        const __m512d d1 = _mm512_sub_pd(v, _mm512_set1_pd(x[1][8 * k]));
        const __m512d d2 = _mm512_sub_pd(v, _mm512_set1_pd(x[2][8 * k]));
        const __m512d d3 = _mm512_sub_pd(v, _mm512_set1_pd(x[3][8 * k]));
        s0 = _mm512_add_pd(s0, _mm512_mul_pd(d0, d0));
        s1 = _mm512_add_pd(s1, _mm512_mul_pd(d1, d1));
        s2 = _mm512_add_pd(s2, _mm512_mul_pd(d2, d2));
        s3 = _mm512_add_pd(s3, _mm512_mul_pd(d3, d3));
      }
      const __m512d s[ROWS] = {_mm512_sqrt_pd(s0), _mm512_sqrt_pd(s1), _mm512_sqrt_pd(s2), _mm512_sqrt_pd(s3)};
      for (size_t r = 0; r < rows; r++) {
        if (8 * g >= j0[r] && 8 * g + 8 <= n) {
          _mm512_storeu_pd(out + start[r] + 8 * g, s[r]);
        } else if (8 * g + 8 > j0[r]) {
          _mm512_storeu_pd(lanes, s[r]);
          store_lanes(out, start[r], j0[r], n, g, lanes);
        }
      }
    }
  }
}

/* AVX2: the same, each group of 8 columns in two vectors of 4. */
__attribute__((target("avx2"))) static void euclid_avx2(const double* G, size_t n, size_t p, size_t i0, size_t i1,
                                                         double* out, int layout) {
  const size_t groups = (n + 7) / 8;
  double lanes[8];
  for (size_t ib = i0; ib < i1; ib += ROWS) {
    const size_t rows = i1 - ib < ROWS ? i1 - ib : ROWS;
    const double* x[ROWS];
    size_t start[ROWS], j0[ROWS];
    for (size_t r = 0; r < ROWS; r++) {
      const size_t i = r < rows ? ib + r : ib;
      x[r] = G + (i >> 3) * 8 * p + (i & 7);
      start[r] = row_start(n, i, layout);
      j0[r] = first_column(i, layout);
    }
    for (size_t g = j0[0] >> 3; g < groups; g++) {
      const double* col = G + g * 8 * p;
      __m256d lo[ROWS], hi[ROWS];
      for (size_t r = 0; r < ROWS; r++) lo[r] = hi[r] = _mm256_setzero_pd();
      for (size_t k = 0; k < p; k++) {
        const __m256d a = _mm256_loadu_pd(col + 8 * k);
        const __m256d b = _mm256_loadu_pd(col + 8 * k + 4);
        for (size_t r = 0; r < ROWS; r++) {
          const __m256d xr = _mm256_set1_pd(x[r][8 * k]);
          const __m256d da = _mm256_sub_pd(a, xr);
          const __m256d db = _mm256_sub_pd(b, xr);
          lo[r] = _mm256_add_pd(lo[r], _mm256_mul_pd(da, da));
          hi[r] = _mm256_add_pd(hi[r], _mm256_mul_pd(db, db));
        }
      }
      for (size_t r = 0; r < rows; r++) {
        if (8 * g + 8 <= j0[r]) continue;
        const __m256d sl = _mm256_sqrt_pd(lo[r]);
        const __m256d sh = _mm256_sqrt_pd(hi[r]);
        if (8 * g >= j0[r] && 8 * g + 8 <= n) {
          _mm256_storeu_pd(out + start[r] + 8 * g, sl);
          _mm256_storeu_pd(out + start[r] + 8 * g + 4, sh);
        } else {
          _mm256_storeu_pd(lanes, sl);
          _mm256_storeu_pd(lanes + 4, sh);
          store_lanes(out, start[r], j0[r], n, g, lanes);
        }
      }
    }
  }
}

#endif

typedef void (*euclid_kernel)(const double*, size_t, size_t, size_t, size_t, double*, int);

/* The widest kernel this CPU runs; CLUSTERHEAT_NATIVE_SIMD=avx2 or scalar narrows it (for the tests). */
static euclid_kernel choose_kernel(const char* limit) {
#ifdef CLUSTERHEAT_X86
  const int scalar = limit && strcmp(limit, "scalar") == 0;
  const int avx2 = limit && strcmp(limit, "avx2") == 0;
  __builtin_cpu_init();
  if (!scalar && !avx2 && __builtin_cpu_supports("avx512f")) return euclid_avx512;
  if (!scalar && __builtin_cpu_supports("avx2")) return euclid_avx2;
#else
  (void)limit;
#endif
  return euclid_scalar;
}

static const char* kernel_name(euclid_kernel k) {
#ifdef CLUSTERHEAT_X86
  if (k == euclid_avx512) return "avx512";
  if (k == euclid_avx2) return "avx2";
#endif
  return k == euclid_scalar ? "scalar" : "?";
}

/* Whether value is a Float64Array; its data (NULL when empty) and length. */
static int float64_array(napi_env env, napi_value value, double** data, size_t* length) {
  bool is_typed = false;
  if (napi_is_typedarray(env, value, &is_typed) != napi_ok || !is_typed) return 0;
  napi_typedarray_type type;
  void* at = NULL;
  if (napi_get_typedarray_info(env, value, &type, length, &at, NULL, NULL) != napi_ok) return 0;
  *data = (double*)at;
  return type == napi_float64_array;
}

static int whole_number(napi_env env, napi_value value, size_t* out) {
  double d = -1;
  if (napi_get_value_double(env, value, &d) != napi_ok || !(d >= 0) || d > 9007199254740992.0 || d != floor(d))
    return 0;
  *out = (size_t)d;
  return 1;
}

/* euclidRows(grouped, n, p, i0, i1, out, layout, simd?) → the kernel's name ("avx512", "avx2" or "scalar"). */
napi_value euclid_rows_js(napi_env env, napi_callback_info info) {
  static const char* usage =
      "euclidRows(grouped: Float64Array, n, p, i0, i1, out: Float64Array, layout: 0 | 1 | 2, simd?: string)";
  size_t argc = 8;
  napi_value argv[8];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 7) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  size_t lg = 0, lo = 0, n = 0, p = 0, i0 = 0, i1 = 0;
  double* grouped = NULL;
  double* out = NULL;
  size_t layout = 0;
  char limit[16] = "";
  if (argc > 7) {
    napi_valuetype t;
    napi_typeof(env, argv[7], &t);
    if (t == napi_string) napi_get_value_string_utf8(env, argv[7], limit, sizeof limit, NULL);
  }
  if (!float64_array(env, argv[0], &grouped, &lg) || !float64_array(env, argv[5], &out, &lo) || !whole_number(env, argv[1], &n) || !whole_number(env, argv[2], &p) ||
      !whole_number(env, argv[3], &i0) || !whole_number(env, argv[4], &i1) ||
      !whole_number(env, argv[6], &layout) || layout > FULL || i0 > i1 || i1 > n ||
      lg < (n + 7) / 8 * 8 * p || lo < (layout == CONDENSED ? n * (n - 1) / 2 : n * n)) {
    napi_throw_range_error(env, NULL, usage);
    return NULL;
  }
  const euclid_kernel kernel = choose_kernel(limit[0] ? limit : NULL);
  if (n > 1 && i0 < i1) kernel(grouped, n, p, i0, i1, out, (int)layout);
  napi_value name;
  napi_create_string_utf8(env, kernel_name(kernel), NAPI_AUTO_LENGTH, &name);
  return name;
}
