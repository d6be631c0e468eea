{
  "targets": [
    {
      "target_name": "clusterheat_native",
      "sources": ["native/addon.c", "native/huge-pages.c", "native/distances.c", "native/linkage.c", "native/long-double.c"],
      "cflags": ["-O2", "-Wall", "-Wextra", "-fno-fast-math", "-ffp-contract=off"]
    }
  ]
}
