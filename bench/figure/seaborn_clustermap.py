# seaborn clustermap of the benchmark matrix, as its docs show it:
# row z-scores, correlation distance, average linkage (fastcluster is installed,
# so scipy's linkage is replaced by it), saved as PNG at matplotlib's defaults.
# Usage: python3 seaborn_clustermap.py <matrix.tsv> <out.png> [dpi]
import sys
import time

t0 = time.perf_counter()
import matplotlib

matplotlib.use("Agg")
import fastcluster  # noqa: F401  (seaborn uses it when importable)
import pandas as pd
import seaborn as sns

path, out = sys.argv[1], sys.argv[2]
dpi = float(sys.argv[3]) if len(sys.argv) > 3 else None
data = pd.read_csv(path, sep="\t", index_col=0)
t1 = time.perf_counter()
g = sns.clustermap(data, z_score=0, method="average", metric="correlation", cmap="RdBu_r", center=0)
t2 = time.perf_counter()
g.savefig(out, dpi=dpi) if dpi else g.savefig(out)
t3 = time.perf_counter()
print('{"read": %.3f, "cluster_and_draw": %.3f, "save": %.3f}' % (t1 - t0, t2 - t1, t3 - t2))
