# Golden fixtures for clusterheat's distances and hclust, made with R itself.
#
# Run from the repository root:   Rscript test/golden/cluster/make-fixtures.R
# Made with R 4.2.2 (Debian r-base-core) and pheatmap 1.0.12 (r-cran-pheatmap).
#
# Writes, next to this script, one JSON file per data set:
#   random25x7.json     1. standard normal 25 x 7
#   random25x7-na.json  2. the same matrix with ~5% of the cells set to NA
#   int30x5.json        3. small integers sample(0:3), 30 x 5: many exact ties in
#                          euclidean / manhattan / maximum distances
#   binary20x10.json    4. 0/1 data, 20 x 10 (for the "binary" distance)
#   dex30.json          5. examples/dex30.tsv as read
#   dex30-scaled.json   6. dex30 row-scaled exactly as pheatmap's scale_rows does it:
#                          m = apply(x, 1, mean, na.rm = TRUE); s = apply(x, 1, sd, na.rm = TRUE);
#                          (x - m) / s        (NOT t(scale(t(x))), whose arithmetic differs)
#   dup20x6.json        7. 12 distinct normal rows plus 8 exact copies of some of them, 20 x 6
# and pheatmap-dex30.json: pheatmap() itself on dex30 in a few configurations.
#
# Each data-set file holds the matrix and, for each distance,
#   dist:   as.vector(d) of the dist object (lower triangle by columns = upper triangle by rows)
#   hclust: for each of the 8 methods, hclust(d, method)$merge (row-major), $height, $order
# Distances:
#   euclidean, maximum, manhattan, canberra, minkowski (p = 3), binary: stats::dist
#     (binary only on binary20x10 and int30x5)
#   correlation: as.dist(1 - cor(t(x)))                                  (pheatmap's definition)
#   spearman:    as.dist(1 - cor(t(x), method = "spearman"))
#   kendall:     as.dist(1 - cor(t(x), method = "kendall"))
#     on data with NAs the three correlations use use = "pairwise.complete.obs"
#   cosine:      xx = tcrossprod(x); as.dist(1 - xx / sqrt(outer(diag(xx), diag(xx))))
#     (no R builtin; this is our definition, see cosine_dist. Not computed on data with NAs.)
# A combination whose distances contain NA/NaN (e.g. a constant row under a correlation)
# is not written; it is listed under "skipped" with the reason.
#
# Number format: every double is written twice, as C99 hex ("%a", exact: the tests
# compare bits with it) and as decimal ("%.17g", round-trips, for people); NA is null.

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
out_dir <- if (length(script) == 1) dirname(normalizePath(script)) else "test/golden/cluster"
repo_root <- normalizePath(file.path(out_dir, "..", "..", ".."))

library(pheatmap)

versions <- list(
  r = R.version.string,
  stats = as.character(packageVersion("stats")),
  pheatmap = as.character(packageVersion("pheatmap")),
  platform = R.version$platform,
  # tcrossprod (cosine) goes through the BLAS; dist, cor, hclust do not
  blas = basename(sessionInfo()$BLAS)
)

# ---------------------------------------------------------------- JSON writing
# A tiny writer, so that the decimal text is exactly "%.17g" and nothing else.

json_string <- function(s) paste0('"', gsub('(["\\\\])', "\\\\\\1", s), '"')

hex_of <- function(x) ifelse(is.na(x), "null", paste0('"', sprintf("%a", x), '"'))
dec_of <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))

# A vector of doubles as {"hex": [...], "dec": [...]}.
json_doubles <- function(x) {
  x <- as.double(x)
  paste0('{"hex":[', paste(hex_of(x), collapse = ","), '],"dec":[', paste(dec_of(x), collapse = ","), "]}")
}

json_ints <- function(x) paste0("[", paste(as.integer(x), collapse = ","), "]")
json_strings <- function(x) paste0("[", paste(vapply(x, json_string, ""), collapse = ","), "]")

# An object from a named list of already-encoded JSON texts.
json_object <- function(fields, sep = ",") {
  paste0("{", paste(paste0(json_string(names(fields)), ":", unlist(fields)), collapse = sep), "}")
}
json_array <- function(items, sep = ",") paste0("[", paste(unlist(items), collapse = sep), "]")

# ---------------------------------------------------------------- hclust objects

json_hclust <- function(h) {
  json_object(list(
    # merge is (n-1) x 2; written row-major, as the Tree type stores it
    merge = json_ints(as.vector(t(h$merge))),
    height = json_doubles(h$height),
    order = json_ints(h$order)
  ))
}

METHODS <- c("ward.D", "ward.D2", "single", "complete", "average", "mcquitty", "median", "centroid")

# ---------------------------------------------------------------- distances

has_na <- function(x) any(is.na(x))

correlation_dist <- function(x, method) {
  use <- if (has_na(x)) "pairwise.complete.obs" else "everything"
  as.dist(1 - cor(t(x), method = method, use = use))
}

# 1 - cosine similarity. The norms are taken from the diagonal of the same
# tcrossprod as the dot products, not from rowSums(x^2): rowSums accumulates in
# long double, tcrossprod (BLAS dsyrk) in double, so with rowSums two identical
# rows need not be at distance exactly 0 (dup20x6: 4 of its 13 duplicate pairs
# only), and the trees would be decided by that artefact. With the diagonal,
# and the reference BLAS (sequential sums over the columns, recorded in
# "versions"), this is 1 - Σxy / sqrt(Σx² Σy²) in double.
cosine_dist <- function(x) {
  xx <- tcrossprod(x)
  ss <- diag(xx)
  as.dist(1 - xx / sqrt(outer(ss, ss)))
}

# Returns the dist object, or a character reason why the combination is skipped.
compute_dist <- function(x, distance) {
  switch(distance,
    euclidean = , maximum = , manhattan = , canberra = , binary = dist(x, method = distance),
    minkowski = dist(x, method = "minkowski", p = 3),
    correlation = correlation_dist(x, "pearson"),
    spearman = correlation_dist(x, "spearman"),
    kendall = correlation_dist(x, "kendall"),
    cosine = if (has_na(x)) "cosine is not defined here on data with NAs" else cosine_dist(x)
  )
}

DISTANCES <- c(
  "euclidean", "maximum", "manhattan", "canberra", "binary", "minkowski",
  "correlation", "spearman", "kendall", "cosine"
)

# ---------------------------------------------------------------- one data set

write_dataset <- function(name, description, x, distances = setdiff(DISTANCES, "binary")) {
  stopifnot(!is.null(rownames(x)), !is.null(colnames(x)))
  entries <- list()
  skipped <- list()
  for (distance in distances) {
    d <- compute_dist(x, distance)
    if (is.character(d)) {
      skipped[[length(skipped) + 1]] <- json_object(list(distance = json_string(distance), reason = json_string(d)))
      next
    }
    v <- as.vector(d)
    if (any(!is.finite(v))) {
      reason <- sprintf("%d of %d distances are NA/NaN/Inf (constant rows or too few shared columns)", sum(!is.finite(v)), length(v))
      skipped[[length(skipped) + 1]] <- json_object(list(distance = json_string(distance), reason = json_string(reason)))
      next
    }
    trees <- lapply(METHODS, function(method) json_hclust(hclust(d, method = method)))
    names(trees) <- METHODS
    entries[[length(entries) + 1]] <- json_object(list(
      distance = json_string(distance),
      minkowskiP = if (distance == "minkowski") "3" else "null",
      dist = json_doubles(v),
      hclust = json_object(trees, sep = ",\n")
    ), sep = ",\n")
  }
  text <- json_object(list(
    generator = json_string("test/golden/cluster/make-fixtures.R"),
    versions = json_object(lapply(versions, json_string)),
    name = json_string(name),
    description = json_string(description),
    data = json_object(list(
      nrow = as.character(nrow(x)),
      ncol = as.character(ncol(x)),
      rowNames = json_strings(rownames(x)),
      colNames = json_strings(colnames(x)),
      # row-major, as the Matrix type stores it
      values = json_doubles(as.vector(t(x)))
    )),
    distances = json_array(entries, sep = ",\n"),
    skipped = json_array(skipped)
  ), sep = ",\n")
  writeLines(text, file.path(out_dir, paste0(name, ".json")))
  cat(sprintf("%-18s %2d x %2d  %d distances, %d skipped\n", name, nrow(x), ncol(x), length(entries), length(skipped)))
}

named <- function(x, row_prefix = "r", col_prefix = "c") {
  rownames(x) <- paste0(row_prefix, seq_len(nrow(x)))
  colnames(x) <- paste0(col_prefix, seq_len(ncol(x)))
  x
}

# Redraws constant rows (which would make the correlations NaN), deterministically.
without_constant_rows <- function(x, draw_row) {
  repeat {
    constant <- apply(x, 1, function(r) length(unique(r)) == 1)
    if (!any(constant)) return(x)
    for (i in which(constant)) x[i, ] <- draw_row()
  }
}

# pheatmap's scale_rows (pheatmap 1.0.12), used exactly so
scale_rows <- function(x) {
  m <- apply(x, 1, mean, na.rm = TRUE)
  s <- apply(x, 1, sd, na.rm = TRUE)
  (x - m) / s
}

# 1. random normal
set.seed(20240601)
random <- named(matrix(rnorm(25 * 7), nrow = 25, ncol = 7))
write_dataset("random25x7", "set.seed(20240601); matrix(rnorm(25 * 7), 25, 7)", random)

# 2. the same with ~5% NAs (9 of 175 cells, no row left with fewer than 5 values)
set.seed(20240602)
random_na <- random
repeat {
  cells <- sample(length(random), 9)
  trial <- random
  trial[cells] <- NA
  if (all(rowSums(!is.na(trial)) >= 5)) break
}
random_na <- trial
write_dataset(
  "random25x7-na",
  "random25x7 with 9 of its 175 cells set to NA: set.seed(20240602); sample(175, 9), redrawn until every row keeps >= 5 values; correlations with use = 'pairwise.complete.obs'",
  random_na
)

# 3. small integers: many exact ties
set.seed(20240603)
ints <- named(matrix(sample(0:3, 30 * 5, replace = TRUE), nrow = 30, ncol = 5) + 0)
ints <- without_constant_rows(ints, function() sample(0:3, 5, replace = TRUE) + 0)
write_dataset(
  "int30x5",
  "set.seed(20240603); matrix(sample(0:3, 150, replace = TRUE), 30, 5), constant rows redrawn with sample(0:3, 5, replace = TRUE); many exact ties",
  ints,
  distances = DISTANCES
)

# 4. binary 0/1
set.seed(20240604)
bin <- named(matrix(rbinom(20 * 10, 1, 0.4), nrow = 20, ncol = 10) + 0)
bin <- without_constant_rows(bin, function() rbinom(10, 1, 0.4) + 0)
write_dataset(
  "binary20x10",
  "set.seed(20240604); matrix(rbinom(200, 1, 0.4), 20, 10), constant rows redrawn with rbinom(10, 1, 0.4)",
  bin,
  distances = DISTANCES
)

# 5. dex30 as read
dex <- as.matrix(read.delim(file.path(repo_root, "examples", "dex30.tsv"), row.names = 1, check.names = FALSE))
write_dataset("dex30", "examples/dex30.tsv: as.matrix(read.delim(file, row.names = 1, check.names = FALSE))", dex)

# 6. dex30 row-scaled as pheatmap does
dex_scaled <- scale_rows(dex)
write_dataset(
  "dex30-scaled",
  "dex30 scaled as pheatmap's scale_rows: m = apply(x, 1, mean, na.rm = TRUE); s = apply(x, 1, sd, na.rm = TRUE); (x - m) / s",
  dex_scaled
)

# 7. exact duplicate rows
set.seed(20240607)
base <- matrix(round(rnorm(12 * 6), 2), nrow = 12, ncol = 6)
which_rows <- c(1:12, sample(12, 8, replace = TRUE))
dup <- named(base[sample(which_rows), , drop = FALSE])
write_dataset(
  "dup20x6",
  "set.seed(20240607); base = round(matrix(rnorm(72), 12, 6), 2); rows c(1:12, sample(12, 8, replace = TRUE)) in the order sample(...): 8 exact copies",
  dup
)

# ---------------------------------------------------------------- pheatmap itself

pheatmap_case <- function(name, call_text, args) {
  p <- do.call(pheatmap, c(list(dex, silent = TRUE), args))
  tree_json <- function(tree) {
    if (!inherits(tree, "hclust")) return("null")
    json_object(list(
      labels = json_strings(tree$labels),
      method = json_string(tree$method),
      distance = json_string(tree$dist.method),
      merge = json_ints(as.vector(t(tree$merge))),
      height = json_doubles(tree$height),
      order = json_ints(tree$order)
    ))
  }
  k <- args$cutree_rows
  json_object(list(
    name = json_string(name),
    call = json_string(call_text),
    options = json_object(list(
      scale = json_string(if (is.null(args$scale)) "none" else args$scale),
      clusteringDistanceRows = json_string(if (is.null(args$clustering_distance_rows)) "euclidean" else args$clustering_distance_rows),
      clusteringDistanceCols = json_string(if (is.null(args$clustering_distance_cols)) "euclidean" else args$clustering_distance_cols),
      clusteringMethod = json_string(if (is.null(args$clustering_method)) "complete" else args$clustering_method),
      cutreeRows = if (is.null(k)) "null" else as.character(k)
    )),
    rowOrder = json_strings(rownames(dex)[p$tree_row$order]),
    colOrder = json_strings(colnames(dex)[p$tree_col$order]),
    # cutree(tree_row, k) in the input row order, cluster ids by first appearance (R's cutree)
    rowClusters = if (is.null(k)) "null" else json_ints(cutree(p$tree_row, k)),
    treeRow = tree_json(p$tree_row),
    treeCol = tree_json(p$tree_col)
  ), sep = ",\n")
}

cases <- list(
  pheatmap_case(
    "scale-row-correlation-ward.D2-cutree2",
    'pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation", clustering_method = "ward.D2", cutree_rows = 2, silent = TRUE)',
    list(scale = "row", clustering_distance_rows = "correlation", clustering_method = "ward.D2", cutree_rows = 2)
  ),
  pheatmap_case(
    "defaults",
    "pheatmap(dex30, silent = TRUE)",
    list()
  ),
  pheatmap_case(
    "scale-row-average",
    'pheatmap(dex30, scale = "row", clustering_method = "average", silent = TRUE)',
    list(scale = "row", clustering_method = "average")
  ),
  pheatmap_case(
    "scale-row-correlation-both-average-cutree3",
    'pheatmap(dex30, scale = "row", clustering_distance_rows = "correlation", clustering_distance_cols = "correlation", clustering_method = "average", cutree_rows = 3, silent = TRUE)',
    list(scale = "row", clustering_distance_rows = "correlation", clustering_distance_cols = "correlation", clustering_method = "average", cutree_rows = 3)
  )
)
writeLines(json_object(list(
  generator = json_string("test/golden/cluster/make-fixtures.R"),
  versions = json_object(lapply(versions, json_string)),
  description = json_string("pheatmap() on examples/dex30.tsv; its tree_row and tree_col. pheatmap clusters the columns of the matrix already reordered by the row tree."),
  data = json_string("dex30"),
  cases = json_array(cases, sep = ",\n")
), sep = ",\n"), file.path(out_dir, "pheatmap-dex30.json"))
cat("pheatmap-dex30     ", length(cases), "cases\n")
