/**
 * clusterheat/node — what needs Node: worker threads for the clustering, and
 * the PNG, PDF and single-file HTML outputs.
 */
export { exportHtml } from "./html-export.js";
export { type NodeThreadOptions, nodeClusterContext, nodeDistanceBackend } from "./parallel.js";
export { type PdfOptions, renderPdf } from "./pdf.js";
export { type PngOptions, renderPng } from "./png.js";
