{
  "targets": [
    {
      "target_name": "huge_pages",
      "sources": ["native/huge-pages.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
