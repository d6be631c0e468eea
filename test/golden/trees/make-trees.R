# Golden fixtures for the tree utilities (cutree, reorder, optimal leaf
# ordering): R's hclust trees of random, tied and real (dex30) data, with what
# R's cutree, reorder.dendrogram and seriation's OLO make of them.
#
# Run from the project root:  Rscript test/golden/trees/make-trees.R
# Made with R 4.2.2 and seriation 1.4.1 (Debian bookworm: r-base-core, r-cran-seriation).
# Writes test/golden/trees/trees.json and kmeans.json. Numbers are written with 17 significant
# digits so that every double reads back bit for bit.

suppressMessages(library(seriation))

# --- a tiny JSON writer (jsonlite rounds to 15 digits) ----------------------
json <- function(v) {
  if (is.list(v)) {
    if (!is.null(names(v))) {
      parts <- vapply(names(v), function(k) paste0("\"", k, "\":", json(v[[k]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(v, json, ""), collapse = ",\n"), "]"))
  }
  if (is.character(v)) return(paste0("[", paste0("\"", v, "\"", collapse = ","), "]"))
  if (is.logical(v)) return(if (v) "true" else "false")
  if (is.integer(v)) return(paste0("[", paste(v, collapse = ","), "]"))
  paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
}
scalar <- function(x) structure(x, scalar = TRUE)

# Cut heights to test: each distinct height exactly, the midpoints between
# them, one below the lowest and one above the highest.
cut_heights <- function(h) {
  u <- sort(unique(h))
  mids <- if (length(u) > 1) (u[-1] + u[-length(u)]) / 2 else numeric(0)
  c(min(u) - 1, u, mids, max(u) + 1)
}

# Sum of distances between neighbours in a leaf order.
path_length <- function(d, order) {
  m <- as.matrix(d)
  sum(m[cbind(order[-length(order)], order[-1])])
}

make_case <- function(name, d, method, dist_method, weights) {
  hc <- hclust(d, method = method)
  n <- attr(d, "Size")
  ck <- lapply(seq_len(n), function(k) as.integer(cutree(hc, k = k)))
  sorted <- !is.unsorted(hc$height)
  hs <- cut_heights(hc$height)
  ch <- if (sorted) lapply(hs, function(h) as.integer(cutree(hc, h = h))) else list()
  h_error <- if (sorted) "" else tryCatch({ cutree(hc, h = hs[2]); "" }, error = function(e) conditionMessage(e))
  reordered <- order.dendrogram(reorder(as.dendrogram(hc), weights))
  olo <- get_order(seriate(d, method = "OLO", control = list(hclust = hc)))
  list(
    name = name,
    n = n,
    labels = hc$labels,
    method = method,
    dist_method = dist_method,
    dist = as.vector(d),
    merge = as.integer(t(hc$merge)),
    height = hc$height,
    order = as.integer(hc$order),
    cutree_k = ck,
    sorted = sorted,
    cut_h = if (sorted) hs else numeric(0),
    cutree_h = ch,
    h_error = h_error,
    weights = weights,
    reorder_order = as.integer(reordered),
    hclust_path_length = path_length(d, hc$order),
    olo_order = as.integer(olo),
    olo_path_length = path_length(d, olo)
  )
}

methods <- c("ward.D", "ward.D2", "single", "complete", "average", "mcquitty", "median", "centroid")
cases <- list()

# 1. random data, no ties
set.seed(20240601)
x <- matrix(rnorm(25 * 5), 25, dimnames = list(sprintf("g%02d", 1:25), paste0("s", 1:5)))
for (m in methods) cases[[length(cases) + 1]] <- make_case(paste0("random25-", m), dist(x), m, "euclidean", rowMeans(x))

# 2. small integers: many tied distances and tied weights
set.seed(7)
x <- matrix(sample(0:2, 20 * 4, replace = TRUE), 20, dimnames = list(paste0("t", 1:20), paste0("s", 1:4)))
for (m in methods) cases[[length(cases) + 1]] <- make_case(paste0("tied20-", m), dist(x, "manhattan"), m, "manhattan", rowMeans(x))

# 3. dex30: rows scaled, correlation distance (exact zeros), as pheatmap; raw euclidean; columns
dex <- as.matrix(read.delim("examples/dex30.tsv", row.names = 1, check.names = FALSE))
xs <- t(scale(t(dex)))
dcor <- as.dist(1 - cor(t(xs)))
for (m in c("complete", "average", "ward.D2", "single")) {
  cases[[length(cases) + 1]] <- make_case(paste0("dex30-correlation-", m), dcor, m, "correlation", rowMeans(dex))
}
cases[[length(cases) + 1]] <- make_case("dex30-euclidean-complete", dist(dex), "complete", "euclidean", rowMeans(dex))
cases[[length(cases) + 1]] <- make_case("dex30-cols-euclidean-complete", dist(t(dex)), "complete", "euclidean", colMeans(dex))

# scalars: the writer above writes vectors; unwrap the fields that are scalars
fix_scalars <- function(case) {
  out <- paste0(
    "{\"name\":\"", case$name, "\",\"n\":", case$n, ",\"method\":\"", case$method,
    "\",\"dist_method\":\"", case$dist_method, "\",\"sorted\":", json(case$sorted),
    ",\"h_error\":\"", case$h_error, "\"",
    ",\"hclust_path_length\":", sprintf("%.17g", case$hclust_path_length),
    ",\"olo_path_length\":", sprintf("%.17g", case$olo_path_length)
  )
  for (k in c("labels", "dist", "merge", "height", "order", "cutree_k", "cut_h", "cutree_h",
              "weights", "reorder_order", "olo_order")) {
    out <- paste0(out, ",\n\"", k, "\":", json(case[[k]]))
  }
  paste0(out, "}")
}
text <- paste0(
  "{\"made_with\":\"", R.version.string, ", seriation ", packageVersion("seriation"), "\",\n\"cases\":[\n",
  paste(vapply(cases, fix_scalars, ""), collapse = ",\n"), "]}\n"
)
writeLines(text, "test/golden/trees/trees.json", sep = "")
cat("wrote", length(cases), "cases\n")

# 4. k-means (Hartigan-Wong, R's default) on dex30 after row scaling, as
# pheatmap's kmeans_k would see it, with many starts so that R's result is
# (very likely) the best partition there is.
km_cases <- lapply(2:6, function(k) {
  set.seed(1)
  km <- kmeans(xs, k, iter.max = 100, nstart = 200)
  paste0(
    "{\"k\":", k, ",\"tot_withinss\":", sprintf("%.17g", km$tot.withinss),
    ",\"cluster\":", json(as.integer(km$cluster)), ",\"size\":", json(as.integer(km$size)), "}"
  )
})
writeLines(paste0(
  "{\"made_with\":\"", R.version.string, "\",\n\"rows\":", json(rownames(xs)),
  ",\n\"cols\":", json(colnames(xs)), ",\n\"values\":", json(as.vector(t(xs))),
  ",\n\"cases\":[\n", paste(unlist(km_cases), collapse = ",\n"), "]}\n"
), "test/golden/trees/kmeans.json", sep = "")
cat("wrote kmeans.json\n")
