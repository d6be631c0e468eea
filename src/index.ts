/**
 * clusterheat — the public API. This file only re-exports.
 */

export * from "./cluster/tree.js";
export * from "./errors.js";
export * from "./log.js";
export * from "./matrix.js";
export * from "./options.js";
