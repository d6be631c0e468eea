/*
 * Part of clusterheat's native helper (native/addon.c): asks Linux to back a typed
 * array's memory with transparent huge pages, madvise(MADV_HUGEPAGE), before
 * it is first written. Node cannot ask this itself, and V8 maps WebAssembly
 * and shared memory with plain 4 KB pages.
 *
 * Why (src/node/huge-pages.ts has the numbers): the distance matrix is one
 * buffer of 1.6 GB at 20,000 rows. Where the kernel's THP setting is
 * "madvise" (Debian's default), every 4 KB page of it is faulted in
 * separately, and in a VM whose host backs each new page on first touch that
 * costs 3–5 ms per MB; huge pages also spare the linkage a TLB miss on each
 * value it reads down a column of the triangle.
 *
 * adviseHugePages(view) → bytes advised (0: nothing to advise: too small, or
 * not Linux), or −errno when madvise refused. Any typed array, over an
 * ArrayBuffer, a SharedArrayBuffer or a WebAssembly memory.
 */
#include "addon.h"
#include <stddef.h>
#include <stdint.h>

#if defined(__linux__)
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

static napi_value throw_type_error(napi_env env, const char* message) {
  napi_throw_type_error(env, NULL, message);
  return NULL;
}

napi_value advise_huge_pages(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1)
    return throw_type_error(env, "adviseHugePages: expected a typed array");
  bool is_typed = false;
  if (napi_is_typedarray(env, argv[0], &is_typed) != napi_ok || !is_typed)
    return throw_type_error(env, "adviseHugePages: expected a typed array");
  napi_typedarray_type type;
  size_t length = 0;
  void* data = NULL;
  if (napi_get_typedarray_info(env, argv[0], &type, &length, &data, NULL, NULL) != napi_ok)
    return throw_type_error(env, "adviseHugePages: cannot read the typed array");
  size_t element = 1;
  switch (type) {
    case napi_int16_array:
    case napi_uint16_array:
      element = 2;
      break;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array:
      element = 4;
      break;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array:
      element = 8;
      break;
    default:
      element = 1;
  }
  double result = 0;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (data != NULL && length > 0) {
    /* madvise wants page-aligned bounds: the whole pages inside the array */
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t start = ((uintptr_t)data + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)data + length * element) & ~(page - 1);
    if (end > start) {
      result = madvise((void*)start, end - start, MADV_HUGEPAGE) == 0 ? (double)(end - start) : -(double)errno;
    }
  }
#else
  (void)data;
  (void)length;
  (void)element;
#endif
  napi_value out;
  napi_create_double(env, result, &out);
  return out;
}
