/**
 * Options: one table (options/schema.ts) from which the types, defaults,
 * validation, CLI flags and viewer controls are derived. This module gathers
 * the option API for the rest of the code.
 */
export {
  checkKind,
  expectedOf,
  type Kind,
  parseKind,
  type TextTable,
  type TrackColors,
} from "./options/kinds.js";
export {
  givenOptions,
  normalizeClusterOptions,
  normalizeFigureOptions,
  normalizeOptions,
  normalizePrepOptions,
  normalizeReadOptions,
  OPTION_SPECS,
  type OptionSpec,
  optionSpec,
  pickGroup,
} from "./options/normalize.js";
export { checkAgainstMatrix, checkCombinations } from "./options/rules.js";
export {
  AGGREGATES,
  ANGLES,
  DISTANCES,
  DUPLICATE_ROWS,
  LEAF_ORDERS,
  METHODS,
  OPTIONS,
  SCALES,
  STYLES,
} from "./options/schema.js";
export type {
  Aggregate,
  ClusterOptions,
  Distance,
  DuplicateRows,
  FigureOptions,
  LeafOrder,
  Method,
  OptionGroup,
  OptionName,
  Options,
  PrepOptions,
  ReadOptionsGroup,
  Scale,
} from "./options/types.js";

/** The kebab-case CLI spelling of an option name: `clusteringDistanceRows` → `clustering-distance-rows`. */
export function flagName(name: string): string {
  return name.replace(/[A-Z]+/g, (m) => `-${m.toLowerCase()}`);
}
