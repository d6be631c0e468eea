# Golden numbers for src/color/r-random.ts: R's default RNG (Mersenne-Twister, set.seed scrambling,
# sample.kind = "Rejection"), made by R itself.
#
# Run from the project root:   Rscript test/golden/color/make-random.R
# Made with R 4.2.2 (Debian bookworm, x86-64), jsonlite.
#
# Doubles are JSON strings written with sprintf("%.17g") (exact); sample() results are integers.
#
# Writes test/golden/color/random.json:
#   runif    set.seed(seed); runif(n)          for assorted seeds (one long run crosses the 624-word refill)
#   sample   set.seed(seed); sample(n)         for assorted seeds and n = 1..1000 (and a few larger n)
#   partial  set.seed(seed); sample.int(n, k)  draws without replacement of k < n (bits > 16 included)
#   chain    set.seed(seed); sample(n1, k1); sample(n2, k2); ...  consecutive draws from one stream
#   pheatmapGiven  pheatmap:::generate_annotation_colours with some tracks' colors given: the given
#            tracks' levels still count for the hue wheel, but they draw nothing from the stream

suppressPackageStartupMessages(library(jsonlite))
stopifnot(identical(RNGkind(), c("Mersenne-Twister", "Inversion", "Rejection")))

num <- function(x) sprintf("%.17g", x)

seeds <- c(1, 42, 3453, 0, -1, 7, 123456789, -2147483647, 2147483647, 20240611)

runif_cases <- lapply(seeds, function(s) {
  set.seed(s)
  list(seed = s, n = 20, values = num(runif(20)))
})
set.seed(3453)
runif_cases[[length(runif_cases) + 1]] <- list(seed = 3453, n = 1500, values = num(runif(1500)))

sample_ns <- c(1, 2, 3, 4, 5, 10, 16, 17, 30, 31, 32, 33, 64, 65, 100, 255, 256, 257, 500, 999, 1000)
sample_cases <- list()
for (s in seeds[1:6]) {
  for (n in sample_ns) {
    set.seed(s)
    sample_cases[[length(sample_cases) + 1]] <- list(seed = s, n = n, result = I(sample(n)))
  }
}
set.seed(99)
for (n in sort(sample(1000, 20))) {
  s <- n * 31 + 5
  set.seed(s)
  sample_cases[[length(sample_cases) + 1]] <- list(seed = s, n = n, result = I(sample(n)))
}

partial_args <- list(
  c(3453, 10, 3), c(3453, 15, 2), c(1, 65536, 5), c(1, 65537, 5), c(2, 70000, 10), c(3, 1e6, 10),
  c(4, 123456789, 6), c(5, 2147483647, 6), c(6, 1e7, 4), c(7, 2, 1), c(8, 1, 1), c(9, 1000, 0)
)
partial_cases <- lapply(partial_args, function(a) {
  set.seed(a[1])
  list(seed = a[1], n = a[2], size = a[3], result = I(sample.int(a[2], a[3])))
})

chain_case <- function(seed, draws) {
  set.seed(seed)
  list(seed = seed, draws = lapply(draws, function(d) list(n = d[1], size = d[2], result = I(sample.int(d[1], d[2])))))
}
chain_cases <- list(
  chain_case(3453, list(c(17, 12), c(5, 3))),
  chain_case(3453, list(c(2, 2))),
  chain_case(11, list(c(100, 10), c(90, 40), c(50, 50), c(1, 1)))
)

given_case <- function(label, annotation, given) {
  colors <- pheatmap:::generate_annotation_colours(as.list(annotation), given, drop = TRUE)
  list(
    label = label,
    tracks = lapply(names(annotation), function(nm) {
      a <- annotation[[nm]]
      list(
        name = nm, values = as.character(a), levels = levels(a),
        given = !is.null(given[[nm]]), colorLevels = names(colors[[nm]]), colors = unname(colors[[nm]])
      )
    })
  )
}
given_cases <- list(
  given_case("first of three given", data.frame(
    Treatment = factor(c("Ctrl", "Dex", "Ctrl", "Dex", "Ctrl", "Dex")),
    Batch = factor(c("b1", "b1", "b2", "b2", "b3", "b3")),
    Cell = factor(c("T", "B", NA, "NK", "T", "T"), levels = c("T", "B", "NK", "Mono"))
  ), list(Treatment = c(Ctrl = "#FFFFFF", Dex = "#000000"))),
  given_case("middle of three given", data.frame(
    A = factor(c("x", "y", "z", "x")),
    B = factor(c("p", "q", "p", "q")),
    C = factor(c("u", "u", "v", "w"))
  ), list(B = c(p = "#FF0000", q = "#0000FF")))
)

out <- list(
  made_by = "test/golden/color/make-random.R",
  versions = list(r = R.version.string),
  description = "set.seed(seed) then runif(n) / sample(n) / sample.int(n, size) with R's default RNG kinds (Mersenne-Twister, Inversion, Rejection).",
  runif = runif_cases,
  sample = sample_cases,
  partial = partial_cases,
  chain = chain_cases,
  pheatmapGiven = given_cases
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "test/golden/color/random.json")
cat("test/golden/color/random.json\n")
