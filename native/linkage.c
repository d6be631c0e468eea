/*
 * Part of clusterheat's native helper (native/addon.c): the packed layout's
 * Lance–Williams update of one hclust step, for Node. The same loop as
 * updatePacked in src/cluster/wasm/linkage.wat (and updateRange in
 * src/cluster/hclust.ts), over the same WebAssembly memory, with the same
 * operations in the same order, so every distance and every choice is
 * bit-identical: each formula is written as updates.ts evaluates it, and
 * this file is built with -ffp-contract=off (no fused multiply-add).
 *
 * Why: in the packed triangle, a step reads the columns i2 and j2 of the
 * rows before them, one cache line and one page per value (2·10⁸ of them
 * at 20,000 rows). WebAssembly runs that loop with one body for every
 * method and position; here each method and each of the three kinds of
 * positions has its own tight loop, which keeps about twice as many reads
 * in flight (bench/README.md).
 *
 * updatePacked(memory, params): `memory` is a Uint8Array over the whole
 * WebAssembly memory; params is a Float64Array of
 *   [method, diss, rowBase, size, active, nn, disnn, settled, rescan,
 *    step, i2, j2, pi, pos, a0, a1, dij, mi, mj, …4 results]
 * with the pointers as byte offsets into memory, as linkage.wat takes them
 * (d(i, k) is the double at diss + 8·(rowBase[i] + k), i < k); the results
 * go to params[19 … 22]: the first strict minimum over k > i2, its k (−1
 * when none), the number of rows listed for a rescan (at rescan[a0 …]) and
 * of rows whose DISNN was lowered (at rescan[… a1), downwards).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "addon.h"

enum { WARD = 0, SINGLE = 1, COMPLETE = 2, AVERAGE = 3, MCQUITTY = 4, MEDIAN = 5, CENTROID = 6 };

enum { PARAMS = 19, RESULTS = 4 };

typedef struct {
  uint8_t* base;
  uint32_t diss;
  const int32_t* rowBase;
  const double* size;
  const int32_t* active;
  int32_t* nn;
  double* disnn;
  int32_t* settled;
  int32_t* rescan;
  int32_t step, i2, j2, pi, pos, a0, a1;
  double dij, mi, mj, mij;
} Step;

/*
 * d(i, k), i < k, where the matrix stores it: its address. In 64 bits: row
 * 0's offset is −1 (the pair (0, k) is at k − 1), which WebAssembly's 32-bit
 * arithmetic wraps and a pointer to the row's start could not hold.
 */
static inline double* at(const Step* s, int32_t i, int32_t k) {
  return (double*)(s->base + s->diss + 8 * ((int64_t)s->rowBase[i] + k));
}

/*
 * The three loops for one formula F(dik, djk, mk) (a macro, so that each
 * method gets its own loops): positions before pi (k < i2: both distances
 * in row k), between pi and pos (i2 < k < j2: d(i2, k) in row i2, d(k, j2)
 * in row k), and from pos on (k > j2: both in rows i2 and j2).
 */
#define UPDATE_LOOPS(F)                                                                  \
  do {                                                                                   \
    const int32_t end0 = s->a1 < s->pi ? s->a1 : s->pi;                                  \
    for (int32_t a = s->a0; a < end0; a++) {                                             \
      const int32_t k = s->active[a];                                                    \
      double* ik = at(s, k, s->i2);                                                      \
      const double dik = *ik, djk = *at(s, k, s->j2), mk = s->size[k];                   \
      const double d = (F);                                                              \
      (void)mk;                                                                          \
      *ik = d;                                                                           \
      if (d < s->disnn[k]) {                                                             \
        s->disnn[k] = d;                                                                 \
        s->nn[k] = s->i2;                                                                \
        s->settled[k] = s->step + 1;                                                     \
        s->rescan[--nSettled] = k;                                                       \
      } else if (s->nn[k] == s->i2 || s->nn[k] == s->j2) {                               \
        s->rescan[nRescan++] = k;                                                        \
      }                                                                                  \
    }                                                                                    \
    const int32_t start1 = s->a0 > s->pi + 1 ? s->a0 : s->pi + 1;                        \
    const int32_t end1 = s->a1 < s->pos ? s->a1 : s->pos;                                \
    for (int32_t a = start1; a < end1; a++) {                                            \
      const int32_t k = s->active[a];                                                    \
      double* ik = at(s, s->i2, k);                                                      \
      const double dik = *ik, djk = *at(s, k, s->j2), mk = s->size[k];                   \
      const double d = (F);                                                              \
      (void)mk;                                                                          \
      *ik = d;                                                                           \
      if (d < smin) {                                                                    \
        smin = d;                                                                        \
        sjj = k;                                                                         \
      }                                                                                  \
      if (s->nn[k] == s->j2) s->rescan[nRescan++] = k;                                   \
    }                                                                                    \
    const int32_t start2 = s->a0 > s->pos ? s->a0 : s->pos;                              \
    const int32_t start2b = start2 > s->pi + 1 ? start2 : s->pi + 1;                     \
    for (int32_t a = start2b; a < s->a1; a++) {                                          \
      const int32_t k = s->active[a];                                                    \
      double* ik = at(s, s->i2, k);                                                      \
      const double dik = *ik, djk = *at(s, s->j2, k), mk = s->size[k];                   \
      const double d = (F);                                                              \
      (void)mk;                                                                          \
      *ik = d;                                                                           \
      if (d < smin) {                                                                    \
        smin = d;                                                                        \
        sjj = k;                                                                         \
      }                                                                                  \
    }                                                                                    \
  } while (0)

static void update_packed(int32_t method, Step* s, double* results) {
  double smin = INFINITY;
  int32_t sjj = -1;
  int32_t nRescan = s->a0;
  int32_t nSettled = s->a1;
  const double dij = s->dij, mi = s->mi, mj = s->mj, mij = s->mij;
  (void)dij;
  (void)mij;
  switch (method) {
    case WARD:
      UPDATE_LOOPS(((mi + mk) * dik + (mj + mk) * djk - mk * dij) / (mij + mk));
      break;
    case SINGLE:
      UPDATE_LOOPS(dik < djk ? dik : djk);
      break;
    case COMPLETE:
      UPDATE_LOOPS(dik > djk ? dik : djk);
      break;
    case AVERAGE:
      UPDATE_LOOPS((mi * dik + mj * djk) / mij);
      break;
    case MCQUITTY:
      UPDATE_LOOPS(0.5 * dik + 0.5 * djk);
      break;
    case MEDIAN:
      UPDATE_LOOPS(0.5 * dik + 0.5 * djk - 0.25 * dij);
      break;
    default:
      UPDATE_LOOPS((mi * dik + mj * djk - mi * mj * dij / mij) / mij);
      break;
  }
  results[0] = smin;
  results[1] = sjj;
  results[2] = nRescan - s->a0;
  results[3] = s->a1 - nSettled;
}

napi_value update_packed_js(napi_env env, napi_callback_info info) {
  static const char* usage = "updatePacked(memory: Uint8Array, params: Float64Array(23))";
  size_t argc = 2;
  napi_value argv[2];
  napi_typedarray_type mt, pt;
  size_t ml = 0, pl = 0;
  void *m = NULL, *p = NULL;
  bool typed = false;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_is_typedarray(env, argv[0], &typed) != napi_ok || !typed ||
      napi_get_typedarray_info(env, argv[0], &mt, &ml, &m, NULL, NULL) != napi_ok || mt != napi_uint8_array ||
      napi_is_typedarray(env, argv[1], &typed) != napi_ok || !typed ||
      napi_get_typedarray_info(env, argv[1], &pt, &pl, &p, NULL, NULL) != napi_ok || pt != napi_float64_array ||
      pl < PARAMS + RESULTS) {
    napi_throw_type_error(env, NULL, usage);
    return NULL;
  }
  double* q = (double*)p;
  uint8_t* base = (uint8_t*)m;
  Step s = {
      .base = base,
      .diss = (uint32_t)q[1],
      .rowBase = (const int32_t*)(base + (uint32_t)q[2]),
      .size = (const double*)(base + (uint32_t)q[3]),
      .active = (const int32_t*)(base + (uint32_t)q[4]),
      .nn = (int32_t*)(base + (uint32_t)q[5]),
      .disnn = (double*)(base + (uint32_t)q[6]),
      .settled = (int32_t*)(base + (uint32_t)q[7]),
      .rescan = (int32_t*)(base + (uint32_t)q[8]),
      .step = (int32_t)q[9],
      .i2 = (int32_t)q[10],
      .j2 = (int32_t)q[11],
      .pi = (int32_t)q[12],
      .pos = (int32_t)q[13],
      .a0 = (int32_t)q[14],
      .a1 = (int32_t)q[15],
      .dij = q[16],
      .mi = q[17],
      .mj = q[18],
      .mij = q[17] + q[18],
  };
  /* the arrays must lie in the memory (the matrix is checked by the caller's arena) */
  const size_t end = ml;
  if (q[2] + 4.0 * (s.j2 + 1) > end || q[4] + 4.0 * s.a1 > end || q[8] + 4.0 * s.a1 > end || s.a0 < 0 ||
      s.a0 > s.a1 || s.i2 < 0 || s.j2 <= s.i2) {
    napi_throw_range_error(env, NULL, usage);
    return NULL;
  }
  update_packed((int32_t)q[0], &s, q + PARAMS);
  return NULL;
}
