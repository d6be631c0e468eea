/**
 * What the tooltip says about a cell: gene, sample, the drawn value, the
 * original value, the clusters, the sample's (and gene's) annotations. Pure
 * data → lines; the viewer puts them into the DOM as text.
 */
import {
  formatDrawn,
  formatFloat32,
  type PayloadTrack,
  type ViewerPayload,
} from "../../src/viewer/payload.js";

export interface TooltipLine {
  label: string;
  value: string;
}

function trackValue(t: PayloadTrack, i: number): string {
  const v = t.values[i];
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) return "NA";
  return typeof v === "number" ? formatFloat32(v) : v;
}

/** The lines for drawn row r, drawn column c. */
export function tooltipLines(p: ViewerPayload, r: number, c: number): TooltipLine[] {
  const k = r * p.ncol + c;
  const lines: TooltipLine[] = [
    { label: "Gene", value: p.rowNames[r] },
    { label: "Sample", value: p.colNames[c] },
  ];
  if (p.original === null) {
    lines.push({ label: "Value", value: formatFloat32(p.values[k]) });
  } else {
    lines.push({
      label: p.valueLabel === "value" ? "Drawn value" : `Drawn (${p.valueLabel})`,
      value: formatDrawn(p.values[k]),
    });
    const known = p.originalRows[r] === 1 && p.originalCols[c] === 1;
    let original = known ? formatFloat32(p.original[k]) : "";
    if (!known)
      original =
        p.originalRows[r] !== 1 ? "— (a k-means cluster: no single value)" : "— (a group of samples)";
    lines.push({ label: "Original value", value: original });
  }
  if (p.rowClusters) lines.push({ label: "Gene cluster", value: String(p.rowClusters[r]) });
  if (p.colClusters) lines.push({ label: "Sample cluster", value: String(p.colClusters[c]) });
  for (const t of p.colTracks) lines.push({ label: t.name, value: trackValue(t, c) });
  for (const t of p.rowTracks) lines.push({ label: t.name, value: trackValue(t, r) });
  return lines;
}
