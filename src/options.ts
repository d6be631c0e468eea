/**
 * One schema of all options. A library option (`clusteringDistanceRows`),
 * a CLI flag (`--clustering-distance-rows`) and a viewer control are three
 * spellings of one entry here; names follow pheatmap's arguments.
 */
import { UsageError } from "./errors.js";

export const DISTANCES = [
  "euclidean",
  "maximum",
  "manhattan",
  "canberra",
  "binary",
  "minkowski",
  "correlation",
  "spearman",
  "kendall",
  "cosine",
] as const;
/** A distance between two rows: R's `dist()` methods, or 1 − a correlation / cosine similarity. */
export type Distance = (typeof DISTANCES)[number];

export const METHODS = [
  "ward.D",
  "ward.D2",
  "single",
  "complete",
  "average",
  "mcquitty",
  "median",
  "centroid",
] as const;
/** A linkage method of R's `hclust`. */
export type Method = (typeof METHODS)[number];

export const SCALES = ["none", "row", "column"] as const;
export type Scale = (typeof SCALES)[number];

export const LEAF_ORDERS = ["hclust", "optimal", "mean"] as const;
/** How the leaves of a tree are ordered: as hclust gives them, optimal leaf ordering, or by row means. */
export type LeafOrder = (typeof LEAF_ORDERS)[number];

export const DUPLICATE_ROWS = ["error", "first", "mean", "sum", "unique"] as const;
export type DuplicateRows = (typeof DUPLICATE_ROWS)[number];

export const AGGREGATES = ["mean", "median"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** Options of the prepare stage (`clusterheat prep`), applied in this order: log, filter, aggregate, scale. */
export interface PrepOptions {
  /** log2(x + pseudocount) when a number; `null` = no log. CLI: `--log2 [pseudocount]` (pseudocount 1). */
  log2: number | null;
  /** Keep only these rows (by name); names not found are warned about. `null` = all rows. */
  rows: string[] | null;
  /** With `rows`: keep the list's order instead of the file's. */
  keepOrder: boolean;
  /** Keep the N rows of highest variance (computed before scaling), in their original order. */
  topVariable: number | null;
  /** Average (or take the median of) the columns of each group of this column-annotation field. */
  aggregateColsBy: string | null;
  /** How `aggregateColsBy` combines a group's samples. */
  aggregate: Aggregate;
  /** Z-score rows or columns: (x − mean) / sd, sd with n − 1, NAs ignored (pheatmap's `scale`). */
  scale: Scale;
  /** Keep constant rows (sd 0) at 0 when scaling instead of dropping them with a warning. */
  keepConstant: boolean;
}

/** Options of the cluster stage (`clusterheat cluster`), named as pheatmap names them. */
export interface ClusterOptions {
  clusterRows: boolean;
  clusterCols: boolean;
  clusteringDistanceRows: Distance;
  clusteringDistanceCols: Distance;
  /** The power p of the minkowski distance. */
  minkowskiP: number;
  /** Linkage method for both axes unless one is given on its own. */
  clusteringMethod: Method;
  clusteringMethodRows: Method;
  clusteringMethodCols: Method;
  /** Number of row clusters (cutree by k); `null` = none. */
  cutreeRows: number | null;
  cutreeCols: number | null;
  /** Cut the row tree at this height instead of into k clusters. */
  cutreeRowsHeight: number | null;
  cutreeColsHeight: number | null;
  leafOrder: LeafOrder;
  /** Aggregate rows into k k-means clusters (pheatmap's `kmeans_k`); `null` = no k-means. */
  kmeansRows: number | null;
  /** Seed of the k-means random starts. */
  kmeansSeed: number;
  /** Number of k-means random starts; the best (least within-cluster sum of squares) is kept. */
  kmeansStarts: number;
}

type Kind =
  | { type: "choice"; choices: readonly string[] }
  | { type: "number"; min?: number; integer?: boolean; nullable?: boolean }
  | { type: "boolean" }
  | { type: "string"; nullable?: boolean }
  | { type: "list" };

/** One entry of the schema: what an option means, its default and its valid values. */
export interface OptionSpec {
  /** The library name (camelCase); the CLI flag is its kebab-case spelling. */
  name: string;
  group: "prep" | "cluster";
  kind: Kind;
  /** The default, or a function of the other options (cascading defaults). */
  default: unknown;
  description: string;
}

export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: "log2",
    group: "prep",
    kind: { type: "number", min: 0, nullable: true },
    default: null,
    description: "log2(x + pseudocount) before anything else; the flag alone means pseudocount 1",
  },
  {
    name: "rows",
    group: "prep",
    kind: { type: "list" },
    default: null,
    description: "keep only these rows: a file with one name per line, or a comma-separated list",
  },
  {
    name: "keepOrder",
    group: "prep",
    kind: { type: "boolean" },
    default: false,
    description: "with --rows, keep the list's order instead of the file's",
  },
  {
    name: "topVariable",
    group: "prep",
    kind: { type: "number", min: 1, integer: true, nullable: true },
    default: null,
    description: "keep the N rows of highest variance (before scaling), in their original order",
  },
  {
    name: "aggregateColsBy",
    group: "prep",
    kind: { type: "string", nullable: true },
    default: null,
    description: "one column per group of this sample-sheet field (needs --annotation-col)",
  },
  {
    name: "aggregate",
    group: "prep",
    kind: { type: "choice", choices: AGGREGATES },
    default: "mean",
    description: "how --aggregate-cols-by combines a group's samples",
  },
  {
    name: "scale",
    group: "prep",
    kind: { type: "choice", choices: SCALES },
    default: "none",
    description: "z-score rows or columns: (x - mean) / sd, sd with n - 1, NAs ignored (as pheatmap)",
  },
  {
    name: "keepConstant",
    group: "prep",
    kind: { type: "boolean" },
    default: false,
    description: "keep constant rows at 0 when scaling instead of dropping them",
  },
  {
    name: "clusterRows",
    group: "cluster",
    kind: { type: "boolean" },
    default: true,
    description: "cluster the rows",
  },
  {
    name: "clusterCols",
    group: "cluster",
    kind: { type: "boolean" },
    default: true,
    description: "cluster the columns",
  },
  {
    name: "clusteringDistanceRows",
    group: "cluster",
    kind: { type: "choice", choices: DISTANCES },
    default: "euclidean",
    description: "distance between rows",
  },
  {
    name: "clusteringDistanceCols",
    group: "cluster",
    kind: { type: "choice", choices: DISTANCES },
    default: "euclidean",
    description: "distance between columns",
  },
  {
    name: "minkowskiP",
    group: "cluster",
    kind: { type: "number", min: Number.MIN_VALUE },
    default: 2,
    description: "the power p of the minkowski distance",
  },
  {
    name: "clusteringMethod",
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: "complete",
    description: "linkage method of hclust, for both axes",
  },
  {
    name: "clusteringMethodRows",
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: (o: Partial<ClusterOptions>) => o.clusteringMethod ?? "complete",
    description: "linkage method for the rows (default: --clustering-method)",
  },
  {
    name: "clusteringMethodCols",
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: (o: Partial<ClusterOptions>) => o.clusteringMethod ?? "complete",
    description: "linkage method for the columns (default: --clustering-method)",
  },
  {
    name: "cutreeRows",
    group: "cluster",
    kind: { type: "number", min: 1, integer: true, nullable: true },
    default: null,
    description: "cut the row tree into k clusters",
  },
  {
    name: "cutreeCols",
    group: "cluster",
    kind: { type: "number", min: 1, integer: true, nullable: true },
    default: null,
    description: "cut the column tree into k clusters",
  },
  {
    name: "cutreeRowsHeight",
    group: "cluster",
    kind: { type: "number", nullable: true },
    default: null,
    description: "cut the row tree at this height",
  },
  {
    name: "cutreeColsHeight",
    group: "cluster",
    kind: { type: "number", nullable: true },
    default: null,
    description: "cut the column tree at this height",
  },
  {
    name: "leafOrder",
    group: "cluster",
    kind: { type: "choice", choices: LEAF_ORDERS },
    default: "hclust",
    description: "leaf order: as hclust, optimal leaf ordering (Bar-Joseph 2001), or by row means",
  },
  {
    name: "kmeansRows",
    group: "cluster",
    kind: { type: "number", min: 1, integer: true, nullable: true },
    default: null,
    description: "aggregate the rows into k k-means clusters before clustering (pheatmap's kmeans_k)",
  },
  {
    name: "kmeansSeed",
    group: "cluster",
    kind: { type: "number", integer: true },
    default: 1,
    description: "seed of the k-means random starts",
  },
  {
    name: "kmeansStarts",
    group: "cluster",
    kind: { type: "number", min: 1, integer: true },
    default: 10,
    description: "number of k-means random starts (the best is kept)",
  },
];

/** The kebab-case CLI spelling of an option name: `clusteringDistanceRows` → `clustering-distance-rows`. */
export function flagName(name: string): string {
  return name.replace(/[A-Z]+/g, (m) => `-${m.toLowerCase()}`);
}

function checkValue(spec: OptionSpec, value: unknown): unknown {
  const bad = (expected: string): never => {
    throw new UsageError(`invalid ${spec.name}: ${JSON.stringify(value)} (expected ${expected})`);
  };
  const k = spec.kind;
  switch (k.type) {
    case "choice":
      if (typeof value !== "string" || !k.choices.includes(value)) bad(`one of ${k.choices.join(", ")}`);
      return value;
    case "boolean":
      if (typeof value !== "boolean") bad("true or false");
      return value;
    case "string":
      if (value === null && k.nullable) return null;
      if (typeof value !== "string") bad("a text");
      return value;
    case "list":
      if (value === null) return null;
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) bad("a list of names");
      return value;
    case "number": {
      if (value === null && k.nullable) return null;
      const what = `${k.integer ? "an integer" : "a number"}${k.min !== undefined ? ` ≥ ${k.min}` : ""}`;
      if (typeof value !== "number" || !Number.isFinite(value)) bad(what);
      const v = value as number;
      if (k.integer && !Number.isInteger(v)) bad(what);
      if (k.min !== undefined && v < k.min) bad(what);
      return v;
    }
  }
}

function normalizeGroup<T>(group: OptionSpec["group"], given: Partial<T>): T {
  const known = new Set(OPTION_SPECS.filter((s) => s.group === group).map((s) => s.name));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!known.has(key)) throw new UsageError(`unknown option: ${key}`);
  }
  for (const spec of OPTION_SPECS) {
    if (spec.group !== group) continue;
    const value = (given as Record<string, unknown>)[spec.name];
    if (value !== undefined) out[spec.name] = checkValue(spec, value);
  }
  for (const spec of OPTION_SPECS) {
    if (spec.group !== group || out[spec.name] !== undefined) continue;
    out[spec.name] = typeof spec.default === "function" ? spec.default(out) : spec.default;
  }
  return out as T;
}

/** Validates prep options and fills in defaults; throws UsageError on an invalid value. */
export function normalizePrepOptions(given: Partial<PrepOptions> = {}): PrepOptions {
  return normalizeGroup<PrepOptions>("prep", given);
}

/** Validates cluster options and fills in defaults (the per-axis methods default to `clusteringMethod`). */
export function normalizeClusterOptions(given: Partial<ClusterOptions> = {}): ClusterOptions {
  return normalizeGroup<ClusterOptions>("cluster", given);
}
