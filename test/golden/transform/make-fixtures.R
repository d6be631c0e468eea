# Golden numbers for src/transform, made by R and pheatmap themselves.
#
# Run from the project root:   Rscript test/golden/transform/make-fixtures.R
# Made with R 4.2.2 (Debian bookworm, x86-64, 80-bit long double accumulation),
# pheatmap 1.0.12, jsonlite 1.8.4. The versions are written into every fixture.
#
# Every number is written as a JSON string with sprintf("%.17g"): 17 significant
# digits identify a double exactly, so the tests can check bit-equality.
# R's NA is written "NA", NaN "NaN", infinities "Inf" / "-Inf".
#
# One fixture per data set (test/golden/transform/<name>.json):
#   input        the matrix (row-major) and the sample groups used for aggregation
#   scaleRow     pheatmap:::scale_mat(x, "row")    (constant rows come out NaN)
#   scaleColumn  pheatmap:::scale_mat(x, "column")
#   rowMean, rowSd, rowVar   apply(x, 1, mean / sd / var, na.rm = TRUE)
#   topVariableOrder   row names by order(rowVar, decreasing = TRUE)
#                      (stable: ties keep the earlier row first; NA last)
#   topVariable        for n = 1, 5, 10: the n first of that order, in original row order
#   aggregateMean / aggregateMedian   one column per group (order of first appearance),
#                      mean / median of the group's samples with na.rm = TRUE;
#                      samples whose group is NA are left out
#   log2         log2(x + pseudocount) on count-like inputs

suppressPackageStartupMessages({
  library(jsonlite)
  library(pheatmap)
})

out_dir <- "test/golden/transform"
stopifnot(dir.exists(out_dir))

num <- function(x) sprintf("%.17g", as.vector(x))
# Row-major: R stores matrices column-major, so write t(x).
rowmajor <- function(x) num(t(x))

read_matrix <- function(path) {
  d <- read.delim(path, check.names = FALSE, colClasses = "character", quote = "")
  x <- as.matrix(d[, -1, drop = FALSE])
  storage.mode(x) <- "double"
  rownames(x) <- d[[1]]
  x
}

aggregate_cols <- function(x, groups, how) {
  lev <- unique(groups[!is.na(groups)])
  res <- sapply(lev, function(g) {
    cols <- which(!is.na(groups) & groups == g)
    apply(x[, cols, drop = FALSE], 1, how, na.rm = TRUE)
  })
  res <- matrix(res, nrow = nrow(x), dimnames = list(rownames(x), lev))
  list(colNames = lev, values = rowmajor(res))
}

top_variable <- function(x, v, n) {
  o <- order(v, decreasing = TRUE)
  rownames(x)[sort(head(o, n))]
}

log2_case <- function(counts, pseudocount) {
  list(
    pseudocount = num(pseudocount),
    values = rowmajor(counts),
    result = rowmajor(suppressWarnings(log2(counts + pseudocount)))
  )
}

fixture <- function(name, x, groups, log_cases) {
  v <- apply(x, 1, var, na.rm = TRUE)
  o <- order(v, decreasing = TRUE)
  f <- list(
    made_by = "test/golden/transform/make-fixtures.R",
    r_version = R.version.string,
    pheatmap_version = as.character(packageVersion("pheatmap")),
    input = list(
      rowNames = rownames(x),
      colNames = colnames(x),
      values = rowmajor(x),
      groups = groups
    ),
    scaleRow = rowmajor(pheatmap:::scale_mat(x, "row")),
    scaleColumn = rowmajor(pheatmap:::scale_mat(x, "column")),
    rowMean = num(apply(x, 1, mean, na.rm = TRUE)),
    rowSd = num(apply(x, 1, sd, na.rm = TRUE)),
    rowVar = num(v),
    topVariableOrder = rownames(x)[o],
    topVariable = lapply(c(`1` = 1, `5` = 5, `10` = 10), function(n) I(top_variable(x, v, n))),
    aggregateMean = aggregate_cols(x, groups, mean),
    aggregateMedian = aggregate_cols(x, groups, median),
    log2 = log_cases
  )
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(f, auto_unbox = TRUE, pretty = TRUE, na = "null"), path)
  cat("wrote", path, "\n")
}

# --- dex30: log2 CPM, 30 genes x 6 samples, groups Ctrl / Dex ----------------
dex <- read_matrix("examples/dex30.tsv")
dex_samples <- read.delim("examples/dex30.samples.tsv", colClasses = "character")
dex_groups <- dex_samples$Group[match(colnames(dex), dex_samples$sample)]
dex_counts <- round(2^dex) # count-like values for log2(x + pc)
fixture("dex30", dex, dex_groups, list(
  log2_case(dex_counts, 1),
  log2_case(dex_counts, 0.5)
))

# --- random: seeded, with NAs, ties and the awkward rows ---------------------
set.seed(20240501)
nr <- 20
nc <- 9
x <- matrix(round(rnorm(nr * nc, mean = 8, sd = 2), 2), nr, nc,
  dimnames = list(sprintf("g%02d", seq_len(nr)), sprintf("s%d", seq_len(nc)))
)
x[sample(length(x), 18)] <- NA
x["g03", ] <- 3                      # constant row (also in the constant column)
x["g03", 4] <- NA                    # ... with a missing value
x["g07", ] <- NA                     # one value only: sd is NA
x["g07", 2] <- 7.5
x["g11", ] <- x["g02", ] + 0.12      # a decimal shift of another row (same variance in R?)
x["g15", ] <- x["g09", ]             # an exact copy: tied variance
x["g18", ] <- NA                     # entirely missing
x[, "s6"] <- ifelse(is.na(x[, "s6"]), NA, 3) # a constant column (for column scaling)
x["g18", "s6"] <- NA
random_groups <- c("b", "a", "b", NA, "c", "a", "b", "c", "a")
# counts with zeros and negatives for log2: x + 1 <= 0 gives -Inf (= 0) or NaN (< 0)
random_counts <- round(x - 7)
random_counts["g01", 1:2] <- c(-1, 0)
fixture("random", x, random_groups, list(
  log2_case(random_counts, 1),
  log2_case(abs(random_counts), 0)
))

# --- all-subset: a slice of the ALL leukemia set, if another helper made it ---
# Its first 40 rows only, to keep the fixture small; groups = mol.biol.
if (file.exists("examples/all-subset.tsv")) {
  all <- read_matrix("examples/all-subset.tsv")
  all <- all[seq_len(min(40, nrow(all))), , drop = FALSE]
  sheet <- "examples/all-subset.samples.tsv"
  if (!file.exists(sheet)) sheet <- "examples/all.samples.tsv"
  all_groups <- rep(NA_character_, ncol(all))
  if (file.exists(sheet)) {
    s <- read.delim(sheet, colClasses = "character", check.names = FALSE, na.strings = c("NA", ""))
    all_groups <- s[["mol.biol"]][match(colnames(all), s[[1]])]
  }
  fixture("all-subset", all, all_groups, list())
}
