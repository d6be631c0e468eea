/* clusterheat's native helper: the functions each file adds (native/addon.c registers them). */
#ifndef CLUSTERHEAT_ADDON_H
#define CLUSTERHEAT_ADDON_H
#include <float.h>
#include <node_api.h>

napi_value advise_huge_pages(napi_env env, napi_callback_info info);
napi_value euclid_rows_js(napi_env env, napi_callback_info info);
napi_value dot_rows_js(napi_env env, napi_callback_info info);
napi_value update_packed_js(napi_env env, napi_callback_info info);

/* Only where long double is the x87 format R uses on x86-64 (64-bit significand). */
#if LDBL_MANT_DIG == 64
#define CLUSTERHEAT_ROW_MOMENTS 1
napi_value row_moments_js(napi_env env, napi_callback_info info);
#endif

#endif
