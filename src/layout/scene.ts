/**
 * The Scene: what a figure is, before any format. Layout decides every
 * position, color and text width once; renderers (SVG, PNG, PDF, canvas)
 * only translate these primitives. Units are points (1/72 inch), origin at
 * the top left, y downwards. The Scene is plain JSON (no typed arrays, no
 * functions), so that it can be snapshot-tested and sent to a Web Worker.
 */

/** A color as the renderers accept it: `#rrggbb` or `#rrggbbaa` (lower case). */
export type Color = string;

/** A filled (and maybe stroked) axis-aligned rectangle. */
export interface RectPrimitive {
  type: "rect";
  x: number;
  y: number;
  width: number;
  height: number;
  /** `null` = not filled. */
  fill: Color | null;
  /** `null` or absent = no outline. */
  stroke?: Color | null;
  strokeWidth?: number;
}

/**
 * Straight line segments, as an SVG path string restricted to absolute
 * `M x y`, `L x y`, `H x`, `V y` and `Z` commands, numbers separated by
 * spaces (every renderer, PDF and canvas included, can replay it).
 */
export interface PathPrimitive {
  type: "path";
  d: string;
  stroke: Color;
  strokeWidth: number;
  /** Line ends: `butt` (default) or `square` (dendrograms: corners meet without gaps). */
  lineCap?: "butt" | "square";
  /** Fill of closed paths; absent = none. */
  fill?: Color | null;
}

/**
 * One line of text. `y` is the alphabetic baseline (layout computes it from
 * the font's metrics, so no renderer needs dominant-baseline); `anchor` says
 * where `x` lies on the text; `width` is the advance width that layout
 * measured with the shipped font (renderers that must place text themselves,
 * such as PDF, use it). `angle` rotates clockwise in degrees about (x, y):
 * 0 = horizontal, 90 = reading downwards, 270 (= −90) = reading upwards.
 */
export interface TextPrimitive {
  type: "text";
  x: number;
  y: number;
  text: string;
  fontSize: number;
  fontWeight?: "normal" | "bold";
  fill: Color;
  anchor: "start" | "middle" | "end";
  angle?: number;
  width: number;
}

/**
 * A raster image (large matrices draw their cells as one image): `png` is a
 * base64 PNG whose pixels are stretched over the box without smoothing
 * (nearest neighbour).
 */
export interface ImagePrimitive {
  type: "image";
  x: number;
  y: number;
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
  png: string;
}

export type Primitive = RectPrimitive | PathPrimitive | TextPrimitive | ImagePrimitive;

/**
 * A named group of primitives: `cells`, `dendrogram-rows`, `dendrogram-cols`,
 * `annotation-col`, `annotation-row`, `labels-rows`, `labels-cols`,
 * `legend`, `annotation-legend`, `title`, `numbers`, … The names become SVG
 * group ids (made unique) and let tests pick a part of the figure.
 */
export interface SceneGroup {
  name: string;
  items: Primitive[];
}

/** Where one axis' cells lie: the drawn order and the position of each. */
export interface AxisGeometry {
  /** Names in drawn order (top to bottom, left to right). */
  names: string[];
  /** Index in the prepared matrix of each drawn row/column. */
  index: number[];
  /** Top (rows) or left (columns) edge of each drawn row/column, in points. */
  start: number[];
  /** Height of a row / width of a column, in points. */
  size: number;
  /** Cutree cluster of each drawn row/column (R's numbering), or null. */
  clusters: number[] | null;
}

/** One merge of a dendrogram as drawn: its box and the drawn positions of its leaves. */
export interface BranchGeometry {
  /** The hclust step (1-based, as in `merge`). */
  step: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** First and last leaf covered, as 0-based positions in drawn order. */
  first: number;
  last: number;
}

/** What the viewer needs to map a pointer to a cell or a branch. */
export interface SceneGeometry {
  /** The box of the cell grid (gaps included). */
  cells: { x: number; y: number; width: number; height: number };
  rows: AxisGeometry;
  cols: AxisGeometry;
  rowTree: BranchGeometry[] | null;
  colTree: BranchGeometry[] | null;
}

/** Who made the figure and how, so that a figure in a paper can be remade. */
export interface Provenance {
  generator: "clusterheat";
  version: string;
  /** The options that made it (library names, only those given or derived). */
  options: Record<string, unknown>;
}

export interface Scene {
  /** Size of the whole figure in points. */
  width: number;
  height: number;
  /** Page background; `null` = transparent. */
  background: Color | null;
  /** The font family every text uses (shipped with the package). */
  fontFamily: string;
  groups: SceneGroup[];
  geometry: SceneGeometry;
  provenance: Provenance;
}
