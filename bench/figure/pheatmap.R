# pheatmap of the benchmark matrix: row scale, correlation distance, average linkage, to PNG.
# Usage: Rscript pheatmap.R <matrix.tsv> <out.png>
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
suppressPackageStartupMessages(library(pheatmap))
m <- as.matrix(read.delim(args[1], row.names = 1, check.names = FALSE))
t1 <- proc.time()[["elapsed"]]
pheatmap(m, scale = "row", clustering_distance_rows = "correlation", clustering_method = "average",
         filename = args[2])
t2 <- proc.time()[["elapsed"]]
cat(sprintf('{"read": %.3f, "cluster_and_draw": %.3f}\n', t1 - t0, t2 - t1))
