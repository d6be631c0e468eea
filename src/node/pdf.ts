/**
 * Scene → PDF (Node only) with pdfkit: one page of the scene's size in
 * points, no margins; rects and paths as vectors, text in DejaVu Sans
 * (embedded as a subset) with its baseline exactly at the scene's y, images
 * as embedded PNG drawn without interpolation. The Info dictionary carries
 * the title, the producer and the provenance JSON (key `Provenance`).
 */
import PDFDocument from "pdfkit";
import type { ImagePrimitive, PathPrimitive, RectPrimitive, Scene, TextPrimitive } from "../layout/scene.js";
import { dispatch, type PrimitiveHandlers, splitColor, textAngle } from "../render/handlers.js";
import { VERSION } from "../version.js";
import { fontFilePaths } from "./font-files.js";

export interface PdfOptions {
  /** The document's CreationDate. Default: now. Give a fixed date for byte-identical output. */
  creationDate?: Date;
}

const FONT_NORMAL = "clusterheat-normal";
const FONT_BOLD = "clusterheat-bold";

type Doc = PDFKit.PDFDocument;

function setFill(doc: Doc, color: string): void {
  const { rgb, opacity } = splitColor(color);
  doc.fillColor(rgb, opacity);
}

function setStroke(doc: Doc, color: string, width: number | undefined): void {
  const { rgb, opacity } = splitColor(color);
  doc.strokeColor(rgb, opacity).lineWidth(width ?? 1);
}

/** Paints the current path: filled and/or stroked. */
function paint(doc: Doc, fill: string | null | undefined, stroke: string | null | undefined): void {
  if (fill && stroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else if (stroke) doc.stroke();
}

/** Per-primitive PDF drawers. */
const pdfHandlers: PrimitiveHandlers<Doc, void> = {
  rect(r: RectPrimitive, doc) {
    if (!r.fill && !r.stroke) return;
    if (r.fill) setFill(doc, r.fill);
    if (r.stroke) setStroke(doc, r.stroke, r.strokeWidth);
    doc.rect(r.x, r.y, r.width, r.height);
    paint(doc, r.fill, r.stroke);
  },
  path(p: PathPrimitive, doc) {
    if (p.fill) setFill(doc, p.fill);
    setStroke(doc, p.stroke, p.strokeWidth);
    doc.lineCap(p.lineCap ?? "butt");
    doc.path(p.d);
    paint(doc, p.fill, p.stroke);
  },
  text(t: TextPrimitive, doc) {
    if (t.text === "") return;
    const angle = textAngle(t.angle);
    const shift = t.anchor === "end" ? t.width : t.anchor === "middle" ? t.width / 2 : 0;
    doc.save();
    if (angle !== 0) doc.rotate(angle, { origin: [t.x, t.y] });
    setFill(doc, t.fill);
    doc.font(t.fontWeight === "bold" ? FONT_BOLD : FONT_NORMAL).fontSize(t.fontSize);
    // The anchor comes from the width layout measured (the same font, the same kerning as pdfkit's).
    doc.text(t.text, t.x - shift, t.y, { lineBreak: false, baseline: "alphabetic" });
    doc.restore();
  },
  image(i: ImagePrimitive, doc) {
    doc.image(Buffer.from(i.png, "base64"), i.x, i.y, { width: i.width, height: i.height });
  },
};

/** Marks every image XObject /Interpolate false, so that viewers draw the cells nearest-neighbour. */
function noInterpolation(doc: Doc): void {
  const withRef = doc as unknown as { ref: (data: Record<string, unknown>) => unknown };
  const ref = withRef.ref.bind(doc);
  withRef.ref = (data) => {
    if (data && data.Subtype === "Image") data.Interpolate = false;
    return ref(data);
  };
}

function title(scene: Scene): string | undefined {
  const main = scene.provenance.options.main;
  return typeof main === "string" && main !== "" ? main : undefined;
}

/**
 * Renders `scene` as PDF bytes. Example:
 * `await renderPdf(scene, { creationDate: new Date(0) })` gives the same bytes every time.
 */
export function renderPdf(scene: Scene, options: PdfOptions = {}): Promise<Uint8Array> {
  const name = `clusterheat ${VERSION}`;
  const sceneTitle = title(scene);
  const doc = new PDFDocument({
    size: [scene.width, scene.height],
    margin: 0,
    autoFirstPage: false,
    info: {
      Creator: name,
      Producer: name,
      CreationDate: options.creationDate ?? new Date(),
      ...(sceneTitle ? { Title: sceneTitle } : {}),
    },
  });
  // A custom Info key (the typings list only the standard ones).
  (doc.info as unknown as Record<string, string>).Provenance = JSON.stringify(scene.provenance);
  noInterpolation(doc);
  const fonts = fontFilePaths();
  doc.registerFont(FONT_NORMAL, fonts.normal);
  doc.registerFont(FONT_BOLD, fonts.bold);
  doc.addPage({ size: [scene.width, scene.height], margin: 0 });

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  if (scene.background) {
    setFill(doc, scene.background);
    doc.rect(0, 0, scene.width, scene.height).fill();
  }
  for (const group of scene.groups) for (const item of group.items) dispatch(pdfHandlers, item, doc);
  doc.end();
  return done;
}
