/*
 * clusterheat's one native helper (optional; src/node/native.ts loads it):
 *   adviseHugePages (native/huge-pages.c): the distance matrix in huge pages;
 *   euclidRows, dotRows (native/distances.c): euclidean and Pearson distances
 *     in AVX-512 or AVX2;
 *   updatePacked (native/linkage.c): one hclust step of the packed layout;
 *   rowMoments (native/long-double.c): R's row means and variances in the
 *     CPU's long double, where it is the x87 format R uses on x86-64.
 */
#include "addon.h"

static void add(napi_env env, napi_value exports, const char* name, napi_callback fn) {
  napi_value value;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &value);
  napi_set_named_property(env, exports, name, value);
}

NAPI_MODULE_INIT() {
  add(env, exports, "adviseHugePages", advise_huge_pages);
  add(env, exports, "euclidRows", euclid_rows_js);
  add(env, exports, "dotRows", dot_rows_js);
  add(env, exports, "updatePacked", update_packed_js);
#ifdef CLUSTERHEAT_ROW_MOMENTS
  add(env, exports, "rowMoments", row_moments_js);
#endif
  return exports;
}
