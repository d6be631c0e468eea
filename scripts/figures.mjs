/**
 * The example figures: the seeds' figures (the pheatmap tutorial's three
 * stages on dex30, the "log2 first, then average replicates" workflow, a
 * real large figure from the ALL leukemia set, the seaborn tutorial's three
 * figures on its simulated tumor vs normal matrix). `npm run demo` renders them
 * into out/, `npm run docs` into docs/ (the README's pictures); each entry is
 * the command line a user would type.
 */
const DEX30 = ["examples/dex30.tsv", "--annotation-col", "examples/dex30.samples.tsv"];
/** Stage 2 of the pheatmap tutorial; stage 3 adds its clustering options. */
const STAGE2 = [
  ...DEX30,
  "--color",
  "RdBu_r",
  "--scale",
  "row",
  "--border-color",
  "none",
  "--fontsize-row",
  "8",
  "--fontsize-col",
  "10",
];

export const FIGURES = [
  {
    name: "dex30-stage1",
    what: "pheatmap tutorial, stage 1: dex30 with every default",
    args: ["examples/dex30.tsv"],
  },
  {
    name: "dex30-stage2",
    what: "stage 2: RdBu palette, row z-score, Group annotation, no borders, row font 8, column font 10",
    args: STAGE2,
  },
  {
    name: "dex30-stage3",
    what: "stage 3: plus correlation distance, ward.D2 and two gene clusters",
    args: [
      ...STAGE2,
      "--clustering-distance-rows",
      "correlation",
      "--clustering-method",
      "ward.D2",
      "--cutree-rows",
      "2",
    ],
  },
  {
    name: "all-by-class",
    what: "linear (RPKM-like) values: log2 first, then the mean of each molecular class, row z-score, ward.D2",
    args: [
      "examples/all-subset-linear.tsv",
      "--annotation-col",
      "examples/all-subset.samples.tsv",
      "--log2",
      "--aggregate-cols-by",
      "mol.biol",
      "--scale",
      "row",
      "--clustering-method",
      "ward.D2",
      "--top-variable",
      "60",
    ],
  },
  {
    name: "all-top1000",
    what: "ALL leukemia set: the 1,000 most variable probe sets, annotated by BT and mol.biol, 4 gene clusters",
    args: [
      "examples/all.tsv.gz",
      "--annotation-col",
      "examples/all-subset.samples.tsv",
      "--top-variable",
      "1000",
      "--scale",
      "row",
      "--clustering-distance-rows",
      "correlation",
      "--clustering-method",
      "ward.D2",
      "--cutree-rows",
      "4",
      "--annotation-tracks",
      "BT,mol.biol",
      "--no-show-rownames",
      "--no-show-colnames",
    ],
  },
  {
    name: "tumor-plain",
    what: "seaborn tutorial, figure 1: a plain heatmap of the simulated 30 × 12 tumor vs normal matrix",
    args: [
      "examples/tumor30x12.tsv",
      "--no-cluster-rows",
      "--no-cluster-cols",
      "--border-color",
      "white",
      "--border-width",
      "0.5",
      "--xlab",
      "Samples",
      "--ylab",
      "Genes",
    ],
  },
  {
    name: "tumor-clustermap",
    what: "seaborn tutorial, figure 2: the clustermap with tumor/normal column colors, row z-score, ward",
    args: [
      "examples/tumor30x12.tsv",
      "--annotation-col",
      "examples/tumor30x12.samples.tsv",
      "--scale",
      "row",
      "--clustering-method",
      "ward.D2",
      "--center",
      "0",
    ],
  },
  {
    name: "tumor-correlation",
    what: "seaborn tutorial, figure 3: the gene-gene correlation matrix, upper triangle masked, clustered",
    args: ["examples/tumor30x12.tsv", "--correlation", "rows", "--mask", "upper"],
  },
];
