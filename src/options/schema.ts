/**
 * The one table of options. A library option (`clusteringDistanceRows`), a
 * config key (the same), a CLI flag (`--clustering-distance-rows`) and a
 * viewer control ("Row distance") are four spellings of one entry here; the
 * option types (types.ts), the defaults and the validation (normalize.ts),
 * the CLI flags and their help (cli/flags.ts) and the viewer's controls are
 * all derived from it. Names follow pheatmap's arguments (`pheatmap`).
 *
 * Each entry: `group` (the stage that uses it), `kind` (kinds.ts: what values
 * it takes), `default` (a value; `null` often means "decided from the data",
 * as `description` says), or `defaultFrom` (another option's value, times a
 * factor), `label` (the viewer's words), `description` (meaning, default,
 * values), `example` (a command-line use), and `pheatmap` (its argument name).
 */
import type { Kind } from "./kinds.js";

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
export const SCALES = ["none", "row", "column"] as const;
export const LEAF_ORDERS = ["hclust", "optimal", "mean"] as const;
export const DUPLICATE_ROWS = ["error", "first", "mean", "sum", "unique"] as const;
export const AGGREGATES = ["mean", "median"] as const;
export const STYLES = ["clusterheat", "pheatmap"] as const;
export const ANGLES = [0, 45, 90, 270, 315] as const;
export const STANDARD_SCALES = ["none", "row", "column"] as const;
export const CORRELATION_AXES = ["rows", "cols"] as const;
export const CORRELATION_METHODS = ["pearson", "spearman", "kendall"] as const;
export const MASKS = ["none", "upper", "lower"] as const;
export const RASTER_MODES = ["auto", "always", "never"] as const;
export const RASTER_SUMMARIES = ["mean", "max-abs"] as const;
export const LEGEND_POSITIONS = ["right", "bottom"] as const;

/** The shape every entry of the table satisfies. */
export interface SpecShape {
  readonly group: "read" | "prep" | "cluster" | "figure";
  readonly kind: Kind;
  readonly default: unknown;
  readonly defaultFrom?: { readonly option: string; readonly factor?: number };
  readonly label: string;
  readonly description: string;
  readonly example: string;
  readonly pheatmap?: string;
}

export const OPTIONS = {
  // ── reading ──────────────────────────────────────────────────────────────
  duplicateRows: {
    group: "read",
    kind: { type: "choice", choices: DUPLICATE_ROWS },
    default: "error",
    label: "Rows with the same name",
    description:
      "what to do with rows of the same name (gene symbols): stop and list them, keep the first, " +
      "average them, sum them, or make the names unique",
    example: "--duplicate-rows mean",
  },
  annotationCategorical: {
    group: "read",
    kind: { type: "names", nullable: true },
    default: null,
    label: "Fields read as groups",
    description:
      "sample- or gene-sheet fields read as categories even when every value is a number " +
      "(dose 0/10, batch 1/2); other numeric fields are continuous",
    example: "--annotation-categorical dose,batch",
  },
  annotationTracks: {
    group: "read",
    kind: { type: "names", nullable: true },
    default: null,
    label: "Tracks to show",
    description: "keep only these fields of the sample and gene sheets, in this order (default: all)",
    example: "--annotation-tracks BT,mol.biol",
  },
  // ── prep ─────────────────────────────────────────────────────────────────
  log2: {
    group: "prep",
    kind: { type: "number", min: 0, nullable: true },
    default: null,
    label: "log2(x + pseudocount)",
    description: "log2(x + pseudocount) before anything else; the flag alone means pseudocount 1",
    example: "--log2 or --log2 0.5",
  },
  rows: {
    group: "prep",
    kind: { type: "names", nullable: true },
    default: null,
    label: "Genes to keep",
    description: "keep only these rows: a file with one name per line, or a comma-separated list",
    example: "--rows genes.txt or --rows TP53,MYC",
  },
  keepOrder: {
    group: "prep",
    kind: { type: "boolean" },
    default: false,
    example: "--rows TP53,MYC,GAPDH --keep-order",
    label: "Keep the list's order",
    description: "with --rows, keep the list's order instead of the file's",
  },
  topVariable: {
    group: "prep",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    label: "Most variable genes",
    description: "keep the N rows of highest variance (R's var, before scaling), in their original order",
    example: "--top-variable 1000",
  },
  aggregateColsBy: {
    group: "prep",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Average replicates by",
    description: "one column per group of this sample-sheet field (needs --annotation-col)",
    example: "--aggregate-cols-by Group",
  },
  aggregate: {
    group: "prep",
    kind: { type: "choice", choices: AGGREGATES },
    default: "mean",
    example: "--aggregate median",
    label: "Combine replicates with",
    description: "how --aggregate-cols-by combines a group's samples",
  },
  scale: {
    group: "prep",
    kind: { type: "choice", choices: SCALES },
    default: "none",
    label: "Z-score",
    description: "z-score rows or columns: (x - mean) / sd, sd with n - 1, NAs ignored (as pheatmap)",
    example: "--scale row",
    pheatmap: "scale",
  },
  keepConstant: {
    group: "prep",
    kind: { type: "boolean" },
    default: false,
    example: "--scale row --keep-constant",
    label: "Keep constant genes",
    description: "keep constant rows at 0 when scaling instead of dropping them (pheatmap fails on them)",
  },
  standardScale: {
    group: "prep",
    kind: { type: "choice", choices: STANDARD_SCALES },
    default: "none",
    label: "Min–max to 0–1",
    description:
      "seaborn's standard_scale (0 = row, 1 = column): each row (or column) becomes (x - min) / (max - min), " +
      "NAs ignored, a constant one 0; instead of --scale (a usage error together)",
    example: "--standard-scale row",
  },
  correlation: {
    group: "prep",
    kind: { type: "choice", choices: CORRELATION_AXES, nullable: true },
    default: null,
    label: "Correlation matrix",
    description:
      "draw the gene-gene (rows) or sample-sample (cols) correlation matrix of the prepared matrix " +
      "instead of it (seaborn's heatmap(df.corr()), R's cor(t(x)) or cor(x), pairwise-complete with NAs): " +
      "square cells, RdBu_r from -1 to 1 centred at 0; clustered, both axes take the one tree of " +
      "hclust(as.dist(1 - r)) with the rows' linkage method (their distance is not used); prep writes the correlation matrix",
    example: "--correlation rows --mask upper",
  },
  correlationMethod: {
    group: "prep",
    kind: { type: "choice", choices: CORRELATION_METHODS },
    default: "pearson",
    label: "Correlation",
    description:
      "the correlation of --correlation, as R's cor(method = …) and pandas' DataFrame.corr(method)",
    example: "--correlation-method spearman",
  },
  // ── cluster ──────────────────────────────────────────────────────────────
  clusterRows: {
    group: "cluster",
    kind: { type: "boolean" },
    default: true,
    example: "--no-cluster-rows",
    label: "Cluster genes",
    description: "cluster the rows",
    pheatmap: "cluster_rows",
  },
  clusterCols: {
    group: "cluster",
    kind: { type: "boolean" },
    default: true,
    example: "--no-cluster-cols",
    label: "Cluster samples",
    description: "cluster the columns (on the matrix reordered by the row tree, as pheatmap)",
    pheatmap: "cluster_cols",
  },
  clusteringDistanceRows: {
    group: "cluster",
    kind: { type: "choice", choices: DISTANCES },
    default: "euclidean",
    label: "Gene distance",
    description:
      "distance between rows: R's dist methods, correlation (1 - Pearson, as pheatmap), spearman, " +
      "kendall, cosine; rows with NAs use pairwise-complete values",
    example: "--clustering-distance-rows correlation",
    pheatmap: "clustering_distance_rows",
  },
  clusteringDistanceCols: {
    group: "cluster",
    kind: { type: "choice", choices: DISTANCES },
    default: "euclidean",
    example: "--clustering-distance-cols correlation",
    label: "Sample distance",
    description: "distance between columns (as for rows)",
    pheatmap: "clustering_distance_cols",
  },
  minkowskiP: {
    group: "cluster",
    kind: { type: "number", positive: true },
    default: 2,
    example: "--clustering-distance-rows minkowski --minkowski-p 3",
    label: "Minkowski power",
    description: "the power p of the minkowski distance",
  },
  clusteringMethod: {
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: "complete",
    label: "Linkage",
    description: "linkage method of hclust, for both axes (ward.D2 is seaborn's ward)",
    example: "--clustering-method ward.D2",
    pheatmap: "clustering_method",
  },
  clusteringMethodRows: {
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: "complete",
    defaultFrom: { option: "clusteringMethod" },
    example: "--clustering-method-rows average",
    label: "Gene linkage",
    description: "linkage method for the rows (default: --clustering-method)",
  },
  clusteringMethodCols: {
    group: "cluster",
    kind: { type: "choice", choices: METHODS },
    default: "complete",
    defaultFrom: { option: "clusteringMethod" },
    example: "--clustering-method-cols ward.D2",
    label: "Sample linkage",
    description: "linkage method for the columns (default: --clustering-method)",
  },
  cutreeRows: {
    group: "cluster",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    label: "Gene clusters",
    description: "cut the row tree into k clusters (R's cutree numbering); the figure separates them",
    example: "--cutree-rows 4",
    pheatmap: "cutree_rows",
  },
  cutreeCols: {
    group: "cluster",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    example: "--cutree-cols 2",
    label: "Sample clusters",
    description: "cut the column tree into k clusters",
    pheatmap: "cutree_cols",
  },
  cutreeRowsHeight: {
    group: "cluster",
    kind: { type: "number", nullable: true },
    default: null,
    example: "--cutree-rows-height 1.5",
    label: "Cut genes at height",
    description: "cut the row tree at this height instead of into k clusters",
  },
  cutreeColsHeight: {
    group: "cluster",
    kind: { type: "number", nullable: true },
    default: null,
    example: "--cutree-cols-height 10",
    label: "Cut samples at height",
    description: "cut the column tree at this height",
  },
  leafOrder: {
    group: "cluster",
    kind: { type: "choice", choices: LEAF_ORDERS },
    default: "hclust",
    example: "--leaf-order optimal",
    label: "Leaf order",
    description:
      "leaf order: as hclust, optimal leaf ordering (Bar-Joseph 2001), or by row means as R's heatmap()",
  },
  kmeansRows: {
    group: "cluster",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    example: "--kmeans-rows 20",
    label: "k-means groups",
    description: "aggregate the rows into k k-means clusters before clustering (pheatmap's kmeans_k)",
    pheatmap: "kmeans_k",
  },
  kmeansSeed: {
    group: "cluster",
    kind: { type: "integer" },
    default: 1,
    example: "--kmeans-rows 20 --kmeans-seed 42",
    label: "k-means seed",
    description: "seed of the k-means random starts",
  },
  kmeansStarts: {
    group: "cluster",
    kind: { type: "integer", min: 1 },
    default: 10,
    example: "--kmeans-rows 20 --kmeans-starts 50",
    label: "k-means starts",
    description: "number of k-means random starts (the best is kept)",
  },
  splitRowsBy: {
    group: "cluster",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Split genes by",
    description:
      "ComplexHeatmap's row_split by a gene-sheet field: one block of rows per level (in the levels' order), " +
      "each clustered within itself, separated by gaps and titled; the pipeline's rows are then one tree " +
      "per block (one Newick line each), or one tree with --cluster-splits",
    example: "--annotation-row genes.tsv --split-rows-by pathway",
  },
  splitColsBy: {
    group: "cluster",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Split samples by",
    description: "ComplexHeatmap's column_split by a sample-sheet field (as --split-rows-by)",
    example: "--annotation-col samples.tsv --split-cols-by Group",
  },
  kmeansSplitRows: {
    group: "cluster",
    kind: { type: "integer", min: 1, nullable: true },
    default: null,
    label: "k-means blocks",
    description:
      "ComplexHeatmap's row_km: split the rows into k seeded k-means groups (--kmeans-seed, " +
      "--kmeans-starts), titled 1…k, each clustered within itself; --write-clusters lists each row's group",
    example: "--kmeans-split-rows 3",
  },
  clusterSplits: {
    group: "cluster",
    kind: { type: "boolean" },
    default: false,
    example: "--split-rows-by pathway --cluster-splits",
    label: "Order blocks by clustering",
    description:
      "ComplexHeatmap's cluster_row_slices: order the blocks of a split by clustering their mean profiles " +
      "(same distance and method) and draw that tree above the blocks' trees, joining them into one tree",
  },
  // ── figure ───────────────────────────────────────────────────────────────
  style: {
    group: "figure",
    kind: { type: "choice", choices: STYLES },
    default: "clusterheat",
    example: "--style pheatmap",
    label: "Style",
    description:
      "clusterheat's defaults, or pheatmap's look (its palette, grey60 borders, no legend titles, " +
      "hue-wheel annotation colors) for figures that must match pheatmap",
  },
  color: {
    group: "figure",
    kind: { type: "palette", nullable: true },
    default: null,
    label: "Palette",
    description:
      "a palette name (ColorBrewer, _r reverses: RdBu_r; viridis, magma, inferno, plasma, cividis; " +
      "RdBkGn) or a comma-separated list of colors; default: RdBu_r centred at 0 when the data are " +
      "scaled or cross 0, viridis otherwise",
    example: "--color RdBu_r or --color navy,white,firebrick3",
    pheatmap: "color",
  },
  colorSteps: {
    group: "figure",
    kind: { type: "integer", min: 2, max: 1024 },
    default: 100,
    example: "--color-steps 9",
    label: "Color steps",
    description: "number of colors the palette is ramped to (pheatmap's 100)",
  },
  colorClasses: {
    group: "figure",
    kind: { type: "integer", min: 3, max: 11, nullable: true },
    default: null,
    example: "--color Blues --color-classes 5",
    label: "ColorBrewer classes",
    description: "the ColorBrewer class count a named palette is built from (default 9, or its maximum)",
  },
  breaks: {
    group: "figure",
    kind: { type: "numbers", nullable: true },
    default: null,
    label: "Color breaks",
    description:
      "n + 1 increasing breaks for n colors; a value v takes color i when b[i-1] < v ≤ b[i]; default: " +
      "evenly from min to max (symmetric around 0 after scaling)",
    example: "--breaks -2,-1,0,1,2",
    pheatmap: "breaks",
  },
  center: {
    group: "figure",
    kind: { type: "number", nullable: true },
    default: null,
    label: "Color center",
    description:
      "seaborn's center: colors symmetric around this value (it takes the palette's middle; the limits are " +
      "center ± the farther of min and max), with a diverging palette (RdBu_r) unless --color is given",
    example: "--center 0",
  },
  robust: {
    group: "figure",
    kind: { type: "boolean" },
    default: false,
    example: "--robust",
    label: "Robust color limits",
    description:
      "seaborn's robust=True: color limits at the 2nd and 98th percentiles of the values (numpy's linear " +
      "percentile) instead of min and max; values beyond take the end colors",
  },
  borderColor: {
    group: "figure",
    kind: { type: "color", none: true, nullable: true },
    default: null,
    label: "Cell borders",
    description:
      "color of the cell borders, or none; default: white lines when cells are large enough, none " +
      "otherwise (borders are dropped under 3 pt, as pheatmap)",
    example: "--border-color white or --border-color none",
    pheatmap: "border_color",
  },
  borderWidth: {
    group: "figure",
    kind: { type: "number", positive: true, nullable: true },
    default: null,
    example: "--border-color white --border-width 1",
    label: "Border width",
    description:
      "width of the cell borders in points (default: 0.5, or pheatmap's 0.75 with --style pheatmap)",
  },
  cellwidth: {
    group: "figure",
    kind: { type: "length", unit: "pt", nullable: true },
    default: null,
    label: "Cell width",
    description: "width of a cell in points (default: fit the figure)",
    example: "--cellwidth 12",
    pheatmap: "cellwidth",
  },
  cellheight: {
    group: "figure",
    kind: { type: "length", unit: "pt", nullable: true },
    default: null,
    example: "--cellheight 10 or --cellheight 0.15in",
    label: "Cell height",
    description: "height of a cell in points (default: fit the figure)",
    pheatmap: "cellheight",
  },
  treeheightRow: {
    group: "figure",
    kind: { type: "number", min: 0 },
    default: 50,
    example: "--treeheight-row 0 (no row tree)",
    label: "Gene tree width",
    description: "width of the row dendrogram in points; 0 hides it",
    pheatmap: "treeheight_row",
  },
  treeheightCol: {
    group: "figure",
    kind: { type: "number", min: 0 },
    default: 50,
    example: "--treeheight-col 30",
    label: "Sample tree height",
    description: "height of the column dendrogram in points; 0 hides it",
    pheatmap: "treeheight_col",
  },
  legend: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-legend",
    label: "Color legend",
    description: "draw the color legend",
    pheatmap: "legend",
  },
  legendBreaks: {
    group: "figure",
    kind: { type: "numbers", nullable: true },
    default: null,
    example: "--legend-breaks -2,0,2",
    label: "Legend ticks",
    description: "the values marked on the color legend (default: R's pretty ticks inside the range)",
    pheatmap: "legend_breaks",
  },
  legendLabels: {
    group: "figure",
    kind: { type: "names", nullable: true },
    default: null,
    example: "--legend-breaks -2,0,2 --legend-labels low,0,high",
    label: "Legend tick labels",
    description: "labels of --legend-breaks, one each",
    pheatmap: "legend_labels",
  },
  legendTitle: {
    group: "figure",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Legend title",
    description:
      'title of the color legend (default: "z-score" after scaling, else "value"; none with --style pheatmap)',
    example: '--legend-title "log2 CPM"',
  },
  annotationColors: {
    group: "figure",
    kind: { type: "colorMap", nullable: true },
    default: null,
    example:
      '--annotation-colors \'{"Group": {"Ctrl": "grey60", "Dex": "firebrick"}}\' or --annotation-colors colors.json',
    label: "Annotation colors",
    description:
      'colors of annotation tracks as JSON: {"Group": {"Ctrl": "#999999", "Dex": "firebrick"}, "age": ' +
      '["white", "darkgreen"]} (default: color-blind-safe sets, distinct across tracks)',
    pheatmap: "annotation_colors",
  },
  annotationLegend: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-annotation-legend",
    label: "Annotation legend",
    description: "draw the legends of the annotation tracks",
    pheatmap: "annotation_legend",
  },
  annotationNamesRow: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-annotation-names-row",
    label: "Gene track names",
    description: "write the names of the row annotation tracks",
    pheatmap: "annotation_names_row",
  },
  annotationNamesCol: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-annotation-names-col",
    label: "Sample track names",
    description: "write the names of the column annotation tracks",
    pheatmap: "annotation_names_col",
  },
  dropLevels: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-drop-levels",
    label: "Drop unused levels",
    description: "leave out of the annotation legends the levels that no drawn row or column has",
    pheatmap: "drop_levels",
  },
  showRownames: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-show-rownames",
    label: "Gene names",
    description: "write the row names (those that fit at the font size)",
    pheatmap: "show_rownames",
  },
  showColnames: {
    group: "figure",
    kind: { type: "boolean" },
    default: true,
    example: "--no-show-colnames",
    label: "Sample names",
    description: "write the column names",
    pheatmap: "show_colnames",
  },
  main: {
    group: "figure",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Title",
    description: "the title above the figure",
    example: '--main "Dexamethasone response"',
    pheatmap: "main",
  },
  xlab: {
    group: "figure",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Column axis title",
    description: "a title below the column labels (matplotlib's xlabel of a seaborn heatmap)",
    example: "--xlab Samples",
  },
  ylab: {
    group: "figure",
    kind: { type: "text", nullable: true },
    default: null,
    label: "Row axis title",
    description: "a title beside the row labels, reading upwards (matplotlib's ylabel of a seaborn heatmap)",
    example: "--ylab Genes",
  },
  mask: {
    group: "figure",
    kind: { type: "choice", choices: MASKS },
    default: "none",
    label: "Hide a triangle",
    description:
      "with --correlation, leave out the cells above (upper) or below (lower) the diagonal, as seaborn's " +
      "mask=np.triu(...) (k=1: the diagonal stays): masked cells are not drawn at all",
    example: "--correlation rows --mask upper",
  },
  fontsize: {
    group: "figure",
    kind: { type: "number", positive: true },
    default: 10,
    example: "--fontsize 8",
    label: "Font size",
    description: "base font size in points",
    pheatmap: "fontsize",
  },
  fontsizeRow: {
    group: "figure",
    kind: { type: "number", positive: true },
    default: 10,
    defaultFrom: { option: "fontsize" },
    example: "--fontsize-row 6",
    label: "Gene name size",
    description: "font size of the row names (default: --fontsize)",
    pheatmap: "fontsize_row",
  },
  fontsizeCol: {
    group: "figure",
    kind: { type: "number", positive: true },
    default: 10,
    defaultFrom: { option: "fontsize" },
    example: "--fontsize-col 12",
    label: "Sample name size",
    description: "font size of the column names (default: --fontsize)",
    pheatmap: "fontsize_col",
  },
  angleCol: {
    group: "figure",
    kind: { type: "angle", choices: ANGLES },
    default: 270,
    example: "--angle-col 45",
    label: "Sample name angle",
    description:
      "angle of the column names in degrees, counter-clockwise as pheatmap: 270 = vertical reading downwards, " +
      "90 = vertical reading upwards, 0 = horizontal, 45 and 315 = diagonal",
    pheatmap: "angle_col",
  },
  displayNumbers: {
    group: "figure",
    kind: { type: "numbersTable" },
    default: false,
    label: "Numbers in cells",
    description:
      "print each cell's value in it (or, with --display-numbers=FILE, that table's texts, matched by row and column name)",
    example: "--display-numbers or --display-numbers=stars.tsv",
    pheatmap: "display_numbers",
  },
  numberFormat: {
    group: "figure",
    kind: { type: "text" },
    default: "%.2f",
    example: "--display-numbers --number-format %.1e",
    label: "Number format",
    description: 'format of the numbers in cells: printf style ("%.2f", "%.1e") or Python style (".2f")',
    pheatmap: "number_format",
  },
  numberColor: {
    group: "figure",
    kind: { type: "color", nullable: true },
    default: null,
    example: "--display-numbers --number-color black",
    label: "Number color",
    description: "color of the numbers in cells (default: dark or light, whichever reads on the cell)",
    pheatmap: "number_color",
  },
  fontsizeNumber: {
    group: "figure",
    kind: { type: "number", positive: true },
    default: 8,
    defaultFrom: { option: "fontsize", factor: 0.8 },
    example: "--display-numbers --fontsize-number 6",
    label: "Number size",
    description: "font size of the numbers in cells (default: 0.8 × --fontsize)",
    pheatmap: "fontsize_number",
  },
  gapsRow: {
    group: "figure",
    kind: { type: "numbers", integer: true, min: 1, nullable: true },
    default: null,
    label: "Gaps after genes",
    description:
      "gaps after these drawn rows (1-based); honoured also when rows are clustered (pheatmap drops it then)",
    example: "--gaps-row 10,20",
    pheatmap: "gaps_row",
  },
  gapsCol: {
    group: "figure",
    kind: { type: "numbers", integer: true, min: 1, nullable: true },
    default: null,
    example: "--no-cluster-cols --gaps-col 3",
    label: "Gaps after samples",
    description: "gaps after these drawn columns (1-based)",
    pheatmap: "gaps_col",
  },
  labelsRow: {
    group: "figure",
    kind: { type: "labels", nullable: true },
    default: null,
    example: "--labels-row symbols.tsv (probe<TAB>gene symbol)",
    label: "Gene labels",
    description:
      "labels instead of the row names: a list in the matrix's row order, or a file of name<TAB>label " +
      "lines; an empty label hides that row's label",
    pheatmap: "labels_row",
  },
  labelsCol: {
    group: "figure",
    kind: { type: "labels", nullable: true },
    default: null,
    example: "--labels-col A,B,C,D,E,F",
    label: "Sample labels",
    description: "labels instead of the column names (as --labels-row)",
    pheatmap: "labels_col",
  },
  width: {
    group: "figure",
    kind: { type: "length", unit: "in", nullable: true },
    default: null,
    example: "--width 7 or --width 18cm",
    label: "Width",
    description: "width of the figure in inches (or with a unit: 18cm); default: what the cells need",
    pheatmap: "width",
  },
  height: {
    group: "figure",
    kind: { type: "length", unit: "in", nullable: true },
    default: null,
    example: "--height 9",
    label: "Height",
    description: "height of the figure in inches (or with a unit); default: what the cells need",
    pheatmap: "height",
  },
  naCol: {
    group: "figure",
    kind: { type: "color" },
    default: "#dddddd",
    example: "--na-col white",
    label: "Missing values",
    description: "color of missing values (NA)",
    pheatmap: "na_col",
  },
  dpi: {
    group: "figure",
    kind: { type: "number", positive: true, max: 2400 },
    default: 300,
    example: "--dpi 600",
    label: "PNG resolution",
    description:
      "resolution of PNG outputs in dots per inch; also the resolution of raster cells (--raster) and of the " +
      "dendrograms' detail in every format",
  },
  raster: {
    group: "figure",
    kind: { type: "choice", choices: RASTER_MODES },
    default: "auto",
    label: "Cells as an image",
    description:
      "draw the cell grid as one embedded image (crisp, nearest neighbour, no cell borders) instead of one " +
      "rectangle per cell, while labels, trees and legends stay vector: auto = above 2,000 rows with more than " +
      "10 columns (or the other way round, as ComplexHeatmap) or when cells are under 1 pt; a 20,000 × 50 " +
      "heatmap then makes an SVG or PDF of a few hundred KB",
    example: "--raster always",
  },
  rasterSummary: {
    group: "figure",
    kind: { type: "choice", choices: RASTER_SUMMARIES },
    default: "mean",
    label: "Rows sharing a pixel",
    description:
      "how raster cells combine the rows (or columns) that share one pixel at --dpi (at most 600 dpi): mean = " +
      "the mean of their values (NAs left out), then colored; max-abs = the value farthest from 0, sign kept " +
      "(no extreme row disappears); every row counts, none is dropped",
    example: "--raster-summary max-abs",
  },
  colorBranches: {
    group: "figure",
    kind: { type: "boolean" },
    default: false,
    label: "Color the clusters' branches",
    description:
      "with --cutree-rows/--cutree-cols, draw each cluster's branches in its own color-blind-safe color " +
      "(Okabe–Ito, by cluster number), the tree above the cut in dark grey",
    example: "--cutree-rows 5 --color-branches",
  },
  labelRows: {
    group: "figure",
    kind: { type: "names", nullable: true },
    default: null,
    label: "Genes to label",
    description:
      "label only these rows (a comma-separated list or a file of names): their labels go beside the heatmap, " +
      "spread so they never overlap, with leader lines to their rows (ComplexHeatmap's anno_mark); names not " +
      "found are listed in one warning",
    example: "--label-rows TP53,MYC,CD19 or --label-rows genes.txt",
  },
  labelCols: {
    group: "figure",
    kind: { type: "names", nullable: true },
    default: null,
    label: "Samples to label",
    description: "label only these columns, below the heatmap with leader lines (as --label-rows)",
    example: "--label-cols S01,S17",
  },
  legendPosition: {
    group: "figure",
    kind: { type: "choice", choices: LEGEND_POSITIONS },
    default: "right",
    label: "Legend position",
    description:
      "where the legends go: right of the figure (stacked), or at the bottom (a horizontal color bar, the " +
      "annotation legends in a row below it)",
    example: "--legend-position bottom",
  },
} as const satisfies Record<string, SpecShape>;
