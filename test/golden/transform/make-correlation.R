# Makes correlation.json: R's cor() of the rows of a small matrix with missing
# values, pairwise-complete, for the three methods (the fixture of
# test/transform/correlate.test.ts). Run: Rscript make-correlation.R
# (R 4.2.2; no packages). Values written with 17 significant digits.
set.seed(7)
x <- matrix(round(rnorm(8 * 6, 10, 2), 2), nrow = 8,
            dimnames = list(paste0("g", 1:8), paste0("s", 1:6)))
x[2, 3] <- NA
x[5, 1] <- NA
x[5, 6] <- NA
x[7, ] <- x[1, ] * 2 + 1          # exactly correlated with g1
x[8, ] <- c(1, 1, 2, 2, 3, 3)      # ties (spearman, kendall)
num <- function(v) ifelse(is.na(v), "null", formatC(v, digits = 17, format = "g"))
arr <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, arr), collapse = ",\n    "), "]")
out <- c("{",
  paste0('  "rows": ', nrow(x), ', "cols": ', ncol(x), ","),
  paste0('  "values": ', arr(as.vector(t(x))), ","),
  paste0('  "pearson": ', mat(cor(t(x), use = "pairwise.complete.obs", method = "pearson")), ","),
  paste0('  "spearman": ', mat(cor(t(x), use = "pairwise.complete.obs", method = "spearman")), ","),
  paste0('  "kendall": ', mat(cor(t(x), use = "pairwise.complete.obs", method = "kendall")), ","),
  paste0('  "samples_pearson": ', mat(cor(x, use = "pairwise.complete.obs")), ","),
  paste0('  "r_version": "', R.version.string, '"'),
  "}")
writeLines(out, "correlation.json")
