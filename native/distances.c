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
 * dotRows (below) computes Pearson's fast distances on unit rows the same
 * way: Σ_k u_ik u_jk in column order, a multiplication and an addition each,
 * then 1 − clamp(r, −1, 1), as kernels.wat and distance.ts.
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

/* One call's work: the pairs of rows [i0, i1) of the n × p matrix G (groups of 8 rows) into out. */
typedef struct {
  const double* G;
  size_t n, p, i0, i1;
  double* out;
  int layout;
  /* Pearson's fast path: 1 − clamp(Σ u_ik u_jk) instead of euclidean; flags as described at dotRows */
  int dot;
  double below;
  uint8_t* flags;
} Task;

/* Where row i's values (x_i0, x_i1, …) are in G: 8 doubles apart. */
static inline const double* row_of(const Task* t, size_t i) { return t->G + (i >> 3) * 8 * t->p + (i & 7); }

/* Pearson's clamp as JavaScript writes it: r ≥ 1 ? 1 : r ≤ −1 ? −1 : r (a NaN stays NaN), then 1 − it. */
static inline double dot_distance(double r) { return 1.0 - (r >= 1.0 ? 1.0 : r <= -1.0 ? -1.0 : r); }

/*
 * Writes the lanes of group g (columns 8g … 8g + 7) that row i owns,
 * [max(j0, 8g), min(n, 8g + 8)), and for dot flags the group when one of
 * them is not ≥ below.
 */
static inline void emit(const Task* t, size_t i, size_t g, const double* lanes) {
  const size_t j0 = first_column(i, t->layout);
  double* out = t->out + row_start(t->n, i, t->layout);
  if (!t->dot && j0 <= 8 * g && 8 * g + 8 <= t->n) {
    memcpy(out + 8 * g, lanes, 8 * sizeof(double)); /* the whole group: most of them */
    return;
  }
  const size_t lo = j0 > 8 * g ? j0 : 8 * g;
  const size_t hi = t->n < 8 * g + 8 ? t->n : 8 * g + 8;
  int flag = 0;
  for (size_t j = lo; j < hi; j++) {
    out[j] = lanes[j - 8 * g];
    flag |= !(lanes[j - 8 * g] >= t->below);
  }
  if (t->dot && lo < hi) t->flags[(i - t->i0) * ((t->n + 7) / 8) + g] = (uint8_t)flag;
}

/* Any CPU: one pair at a time, as the JavaScript loops. */
static void run_scalar(const Task* t) {
  double lanes[8];
  const size_t groups = (t->n + 7) / 8;
  for (size_t i = t->i0; i < t->i1; i++) {
    const double* xi = row_of(t, i);
    for (size_t g = first_column(i, t->layout) >> 3; g < groups; g++) {
      for (size_t l = 0; l < 8; l++) {
        const double* xj = row_of(t, 8 * g + l);
        double s = 0.0;
        if (t->dot) {
          for (size_t k = 0; k < t->p; k++) s += xi[8 * k] * xj[8 * k];
          lanes[l] = dot_distance(s);
        } else {
          for (size_t k = 0; k < t->p; k++) {
            const double d = xi[8 * k] - xj[8 * k];
            s += d * d;
          }
          lanes[l] = sqrt(s);
        }
      }
      emit(t, i, g, lanes);
    }
  }
}

#ifdef CLUSTERHEAT_X86

/* Rows of i computed against each group at once: each group's columns are loaded once for all of them. */
#define ROWS 4

/* The rows ib … ib + ROWS − 1 (those past i1 repeat row ib, and are not stored) into x; how many are real. */
static inline size_t row_block(const Task* t, size_t ib, const double** x) {
  const size_t rows = t->i1 - ib < ROWS ? t->i1 - ib : ROWS;
  for (size_t r = 0; r < ROWS; r++) x[r] = row_of(t, r < rows ? ib + r : ib);
  return rows;
}

/*
 * AVX-512: 4 rows × one group of 8 columns per pass, one pair per lane.
 */
__attribute__((target("avx512f"))) static void run_avx512(const Task* t) {
  const size_t groups = (t->n + 7) / 8, p = t->p;
  const __m512d one = _mm512_set1_pd(1.0), minusOne = _mm512_set1_pd(-1.0);
  double lanes[8];
  for (size_t ib = t->i0; ib < t->i1; ib += ROWS) {
    const double* x[ROWS];
    const size_t rows = row_block(t, ib, x);
    for (size_t g = first_column(ib, t->layout) >> 3; g < groups; g++) {
      const double* col = t->G + g * 8 * p;
      __m512d s[ROWS] = {_mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd()};
      if (t->dot) {
        for (size_t k = 0; k < p; k++) {
          const __m512d v = _mm512_loadu_pd(col + 8 * k);
          for (size_t r = 0; r < ROWS; r++) s[r] = _mm512_add_pd(s[r], _mm512_mul_pd(_mm512_set1_pd(x[r][8 * k]), v));
        }
        for (size_t r = 0; r < ROWS; r++) {
          __m512d c = _mm512_mask_mov_pd(s[r], _mm512_cmp_pd_mask(s[r], minusOne, _CMP_LE_OQ), minusOne);
          c = _mm512_mask_mov_pd(c, _mm512_cmp_pd_mask(s[r], one, _CMP_GE_OQ), one);
          s[r] = _mm512_sub_pd(one, c);
        }
      } else {
        for (size_t k = 0; k < p; k++) {
          const __m512d v = _mm512_loadu_pd(col + 8 * k);
          for (size_t r = 0; r < ROWS; r++) {
            const __m512d d = _mm512_sub_pd(v, _mm512_set1_pd(x[r][8 * k]));
            s[r] = _mm512_add_pd(s[r], _mm512_mul_pd(d, d));
          }
        }
        for (size_t r = 0; r < ROWS; r++) s[r] = _mm512_sqrt_pd(s[r]);
      }
      for (size_t r = 0; r < rows; r++) {
        if (8 * g + 8 <= first_column(ib + r, t->layout)) continue; /* left of the row's pairs */
        _mm512_storeu_pd(lanes, s[r]);
        emit(t, ib + r, g, lanes);
      }
    }
  }
}

/* AVX2: the same, each group of 8 columns in two vectors of 4. */
__attribute__((target("avx2"))) static void run_avx2(const Task* t) {
  const size_t groups = (t->n + 7) / 8, p = t->p;
  const __m256d one = _mm256_set1_pd(1.0), minusOne = _mm256_set1_pd(-1.0);
  double lanes[8];
  for (size_t ib = t->i0; ib < t->i1; ib += ROWS) {
    const double* x[ROWS];
    const size_t rows = row_block(t, ib, x);
    for (size_t g = first_column(ib, t->layout) >> 3; g < groups; g++) {
      const double* col = t->G + g * 8 * p;
      __m256d lo[ROWS], hi[ROWS];
      for (size_t r = 0; r < ROWS; r++) lo[r] = hi[r] = _mm256_setzero_pd();
      if (t->dot) {
        for (size_t k = 0; k < p; k++) {
          const __m256d a = _mm256_loadu_pd(col + 8 * k);
          const __m256d b = _mm256_loadu_pd(col + 8 * k + 4);
          for (size_t r = 0; r < ROWS; r++) {
            const __m256d xr = _mm256_set1_pd(x[r][8 * k]);
            lo[r] = _mm256_add_pd(lo[r], _mm256_mul_pd(xr, a));
            hi[r] = _mm256_add_pd(hi[r], _mm256_mul_pd(xr, b));
          }
        }
        for (size_t r = 0; r < ROWS; r++) {
          __m256d c = _mm256_blendv_pd(lo[r], minusOne, _mm256_cmp_pd(lo[r], minusOne, _CMP_LE_OQ));
          lo[r] = _mm256_sub_pd(one, _mm256_blendv_pd(c, one, _mm256_cmp_pd(lo[r], one, _CMP_GE_OQ)));
          c = _mm256_blendv_pd(hi[r], minusOne, _mm256_cmp_pd(hi[r], minusOne, _CMP_LE_OQ));
          hi[r] = _mm256_sub_pd(one, _mm256_blendv_pd(c, one, _mm256_cmp_pd(hi[r], one, _CMP_GE_OQ)));
        }
      } else {
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
        for (size_t r = 0; r < ROWS; r++) {
          lo[r] = _mm256_sqrt_pd(lo[r]);
          hi[r] = _mm256_sqrt_pd(hi[r]);
        }
      }
      for (size_t r = 0; r < rows; r++) {
        if (8 * g + 8 <= first_column(ib + r, t->layout)) continue; /* left of the row's pairs */
        _mm256_storeu_pd(lanes, lo[r]);
        _mm256_storeu_pd(lanes + 4, hi[r]);
        emit(t, ib + r, g, lanes);
      }
    }
  }
}

#endif

typedef void (*kernel_fn)(const Task*);

/* The widest kernel this CPU runs, or a narrower one when `limit` says "avx2" or "scalar" (for the tests). */
static kernel_fn choose_kernel(const char* limit) {
#ifdef CLUSTERHEAT_X86
  const int scalar = limit && strcmp(limit, "scalar") == 0;
  const int avx2 = limit && strcmp(limit, "avx2") == 0;
  __builtin_cpu_init();
  if (!scalar && !avx2 && __builtin_cpu_supports("avx512f")) return run_avx512;
  if (!scalar && __builtin_cpu_supports("avx2")) return run_avx2;
#else
  (void)limit;
#endif
  return run_scalar;
}

static const char* kernel_name(kernel_fn k) {
#ifdef CLUSTERHEAT_X86
  if (k == run_avx512) return "avx512";
  if (k == run_avx2) return "avx2";
#endif
  return k == run_scalar ? "scalar" : "?";
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

/*
 * Reads the arguments common to euclidRows and dotRows, (grouped, n, p, i0,
 * i1, out, layout), into t; false (a RangeError thrown) when one is wrong.
 */
static int read_task(napi_env env, napi_value* argv, Task* t, const char* usage) {
  size_t lg = 0, lo = 0, layout = 0;
  double* grouped = NULL;
  if (!float64_array(env, argv[0], &grouped, &lg) || !float64_array(env, argv[5], &t->out, &lo) ||
      !whole_number(env, argv[1], &t->n) || !whole_number(env, argv[2], &t->p) || !whole_number(env, argv[3], &t->i0) ||
      !whole_number(env, argv[4], &t->i1) || !whole_number(env, argv[6], &layout) || layout > FULL ||
      t->i0 > t->i1 || t->i1 > t->n || lg < (t->n + 7) / 8 * 8 * t->p ||
      lo < (layout == CONDENSED ? t->n * (t->n - 1) / 2 : t->n * t->n)) {
    napi_throw_range_error(env, NULL, usage);
    return 0;
  }
  t->G = grouped;
  t->layout = (int)layout;
  return 1;
}

/* The optional last argument: "avx2" or "scalar" narrows the kernel. */
static kernel_fn read_limit(napi_env env, size_t argc, napi_value* argv, size_t at) {
  char limit[16] = "";
  if (argc > at) {
    napi_valuetype t;
    napi_typeof(env, argv[at], &t);
    if (t == napi_string) napi_get_value_string_utf8(env, argv[at], limit, sizeof limit, NULL);
  }
  return choose_kernel(limit[0] ? limit : NULL);
}

/* Runs the task and returns the kernel's name ("avx512", "avx2" or "scalar"). */
static napi_value run(napi_env env, kernel_fn kernel, const Task* t) {
  if (t->n > 1 && t->i0 < t->i1 && t->p > 0) kernel(t);
  napi_value name;
  napi_create_string_utf8(env, kernel_name(kernel), NAPI_AUTO_LENGTH, &name);
  return name;
}

/* euclidRows(grouped, n, p, i0, i1, out, layout, simd?) → the kernel's name. */
napi_value euclid_rows_js(napi_env env, napi_callback_info info) {
  static const char* usage =
      "euclidRows(grouped: Float64Array, n, p, i0, i1, out: Float64Array, layout: 0 | 1 | 2, simd?: string)";
  size_t argc = 8;
  napi_value argv[8];
  Task t = {0};
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 7) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  if (!read_task(env, argv, &t, usage)) return NULL;
  return run(env, read_limit(env, argc, argv, 7), &t);
}

/*
 * dotRows(unit, n, p, i0, i1, out, layout, below, flags, simd?) → the
 * kernel's name: Pearson's fast distances 1 − clamp(Σ_k u_ik u_jk, −1, 1)
 * of the unit rows u (grouped as euclidRows' matrix), in layout 0 or 1, and
 * flags[(i − i0)·⌈n/8⌉ + g] = 1 where a distance of row i in group g (its
 * columns 8g … 8g + 7 past i) is not ≥ below (smaller, or NaN), else 0, for
 * the groups the row has pairs in; the caller recomputes those exactly.
 */
napi_value dot_rows_js(napi_env env, napi_callback_info info) {
  static const char* usage =
      "dotRows(unit: Float64Array, n, p, i0, i1, out: Float64Array, layout: 0 | 1, below: number, flags: "
      "Uint8Array, simd?: string)";
  size_t argc = 10;
  napi_value argv[10];
  Task t = {0};
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 9) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  if (!read_task(env, argv, &t, usage)) return NULL;
  bool typed = false;
  napi_typedarray_type type;
  size_t lf = 0;
  void* flags = NULL;
  if (t.layout == FULL || napi_get_value_double(env, argv[7], &t.below) != napi_ok ||
      napi_is_typedarray(env, argv[8], &typed) != napi_ok || !typed ||
      napi_get_typedarray_info(env, argv[8], &type, &lf, &flags, NULL, NULL) != napi_ok || type != napi_uint8_array ||
      lf < (t.i1 - t.i0) * ((t.n + 7) / 8)) {
    napi_throw_range_error(env, NULL, usage);
    return NULL;
  }
  t.dot = 1;
  t.flags = (uint8_t*)flags;
  return run(env, read_limit(env, argc, argv, 9), &t);
}
