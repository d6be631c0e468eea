/**
 * The option types, derived from the table (schema.ts): nothing here is
 * written by hand beside it.
 */
import type { ValueOf } from "./kinds.js";
import type {
  AGGREGATES,
  DISTANCES,
  DUPLICATE_ROWS,
  LEAF_ORDERS,
  METHODS,
  OPTIONS,
  SCALES,
} from "./schema.js";

type Specs = typeof OPTIONS;

/** The name of an option (library spelling). */
export type OptionName = keyof Specs;

/** Every option with its value type. */
export type Options = { -readonly [K in OptionName]: ValueOf<Specs[K]["kind"]> };

/** The group a stage reads. */
export type OptionGroup = Specs[OptionName]["group"];

type GroupOptions<G extends OptionGroup> = {
  -readonly [K in OptionName as Specs[K]["group"] extends G ? K : never]: Options[K];
};

/** Options of reading (`readMatrix`, `readAnnotation`). */
export type ReadOptionsGroup = GroupOptions<"read">;
/** Options of the prepare stage (`clusterheat prep`), applied in order: log, filter, aggregate, scale. */
export type PrepOptions = GroupOptions<"prep">;
/** Options of the cluster stage (`clusterheat cluster`), named as pheatmap names them. */
export type ClusterOptions = GroupOptions<"cluster">;
/** Options of the figure (layout and rendering), named as pheatmap names them. */
export type FigureOptions = GroupOptions<"figure">;

/** A distance between two rows: R's `dist()` methods, or 1 − a correlation / cosine similarity. */
export type Distance = (typeof DISTANCES)[number];
/** A linkage method of R's `hclust`. */
export type Method = (typeof METHODS)[number];
export type Scale = (typeof SCALES)[number];
/** How the leaves of a tree are ordered: as hclust gives them, optimal leaf ordering, or by row means. */
export type LeafOrder = (typeof LEAF_ORDERS)[number];
export type DuplicateRows = (typeof DUPLICATE_ROWS)[number];
export type Aggregate = (typeof AGGREGATES)[number];
