/**
 * clusterheat/node — what needs Node: worker threads for the clustering, and
 * the PNG, PDF and single-file HTML outputs. Importing it also moves R's
 * long double sums (scaling, --top-variable, correlation) to the CPU's own
 * long double, the euclidean distances to its widest vectors and the packed
 * linkage's updates to native loops, where the native helper has them: the
 * same bits, faster (native.ts useNativeHelper).
 */
import { useNativeHelper } from "./native.js";

useNativeHelper();

export { exportHtml } from "./html-export.js";
export { useNativeDistances, useNativeHelper, useNativeLinkage, useNativeLongDouble } from "./native.js";
export { type NodeThreadOptions, nodeClusterContext, nodeDistanceBackend } from "./parallel.js";
export { type PdfOptions, renderPdf } from "./pdf.js";
export { type PngOptions, renderPng } from "./png.js";
