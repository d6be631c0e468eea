# Row clustering in R, as pheatmap does it, for the clustering benchmark.
#
# Usage: Rscript r-hclust.R <matrix.tsv> <average|ward> <stats|fastcluster> <tree-out.tsv>
#   average: hclust(dist(x), "average")                        (euclidean, matrix as is)
#   ward:    hclust(as.dist(1 - cor(t(scale_rows(x)))), "ward.D2")  (pheatmap's correlation)
# Writes the merge matrix and heights (R's hclust conventions) to <tree-out.tsv>
# and prints the in-process timings, in seconds, as one JSON line on stdout.

args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 4)
file <- args[1]
config <- args[2]
impl <- args[3]
out <- args[4]

elapsed <- function() proc.time()[["elapsed"]]

t0 <- elapsed()
x <- as.matrix(read.delim(file, row.names = 1, check.names = FALSE))
t1 <- elapsed()

# pheatmap's scale_rows: (x - rowMean) / rowSd
scale_rows <- function(x) {
  m <- apply(x, 1, mean, na.rm = TRUE)
  s <- apply(x, 1, sd, na.rm = TRUE)
  (x - m) / s
}

cluster <- if (impl == "fastcluster") fastcluster::hclust else stats::hclust

if (config == "average") {
  d <- dist(x)
  t2 <- elapsed()
  tree <- cluster(d, method = "average")
} else if (config == "ward") {
  d <- as.dist(1 - cor(t(scale_rows(x))))
  t2 <- elapsed()
  tree <- cluster(d, method = "ward.D2")
} else {
  stop("unknown config: ", config)
}
t3 <- elapsed()

writeLines(sprintf("%d\t%d\t%.17g", tree$merge[, 1], tree$merge[, 2], tree$height), out)
cat(sprintf('{"read": %.3f, "distance": %.3f, "linkage": %.3f}\n', t1 - t0, t2 - t1, t3 - t2))
