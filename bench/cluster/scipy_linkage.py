"""Row clustering with scipy, for the clustering benchmark.

Usage: python3 scipy_linkage.py <matrix.tsv> <average|ward> <tree-out.tsv>
  average: linkage(pdist(x, "euclidean"), "average")
  ward:    linkage(pdist(scale_rows(x), "correlation"), "ward")
           scipy's "ward" on given distances is R's ward.D2 (Lance-Williams on
           squared distances, heights reported unsquared).
Writes the merge matrix and heights in R's hclust conventions to <tree-out.tsv>
and prints the in-process timings, in seconds, as one JSON line on stdout.
"""

import json
import sys
import time

import numpy as np
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import pdist

file, config, out = sys.argv[1:4]

t0 = time.perf_counter()
with open(file) as f:
    ncol = len(f.readline().rstrip("\n").split("\t"))
x = np.loadtxt(file, delimiter="\t", skiprows=1, usecols=range(1, ncol), ndmin=2)
t1 = time.perf_counter()

if config == "average":
    d = pdist(x, "euclidean")
    method = "average"
elif config == "ward":
    # pheatmap's scale_rows: (x - rowMean) / rowSd, sd with n - 1
    x = (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, ddof=1, keepdims=True)
    d = pdist(x, "correlation")
    method = "ward"
else:
    sys.exit(f"unknown config: {config}")
t2 = time.perf_counter()
z = linkage(d, method)
t3 = time.perf_counter()

# scipy: 0-based ids, id < n a leaf, id >= n the cluster formed at step id - n.
# R: -j for observation j (1-based), +k for the cluster formed at step k (1-based).
n = x.shape[0]
ids = z[:, :2].astype(np.int64)
merge = np.where(ids < n, -(ids + 1), ids - n + 1)
with open(out, "w") as f:
    for (a, b), h in zip(merge, z[:, 2]):
        f.write(f"{a}\t{b}\t{h!r}\n")
print(json.dumps({"read": round(t1 - t0, 3), "distance": round(t2 - t1, 3), "linkage": round(t3 - t2, 3)}))
