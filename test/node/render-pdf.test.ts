import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPdf } from "../../src/node/pdf.js";
import { VERSION } from "../../src/version.js";
import { testScene } from "../render/scene-fixture.js";

const hasPdftotext = spawnSync("pdftotext", ["-v"]).error === undefined;
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

/** The value of an Info entry, following pdfkit's indirect references (`/Title 18 0 R` → `18 0 obj (…) endobj`). */
function infoValue(pdf: string, key: string): string | undefined {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf);
  if (!ref) return undefined;
  return new RegExp(`\\n${ref[1]} 0 obj\\n(.*)\\nendobj`).exec(pdf)?.[1];
}

describe("renderPdf", () => {
  it("renderPdf(scene) writes a one-page PDF of the scene's size with the font embedded", async () => {
    const scene = testScene();
    const pdf = latin1(await renderPdf(scene));
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(pdf).toContain("/FontFile2");
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(pdf).toContain(`/MediaBox [0 0 ${scene.width} ${scene.height}]`);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain("/Interpolate false");
  });

  it("renderPdf(scene) fills the Info dictionary: title, creator, producer, provenance", async () => {
    const pdf = latin1(await renderPdf(testScene()));
    expect(infoValue(pdf, "Title")).toBe("(Test figure)");
    expect(infoValue(pdf, "Creator")).toBe(`(clusterheat ${VERSION})`);
    expect(infoValue(pdf, "Producer")).toBe(`(clusterheat ${VERSION})`);
    expect(infoValue(pdf, "Provenance")).toBe(
      '({"generator":"clusterheat","version":"0.1.0","options":{"main":"Test figure"}})',
    );
  });

  it("renderPdf(scene, {creationDate}) is deterministic", async () => {
    const creationDate = new Date(Date.UTC(2024, 0, 1));
    const a = await renderPdf(testScene(), { creationDate });
    const b = await renderPdf(testScene(), { creationDate });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it.skipIf(!hasPdftotext)("renderPdf(scene) text can be extracted (needs poppler's pdftotext)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clusterheat-pdf-"));
    try {
      const file = join(dir, "scene.pdf");
      writeFileSync(file, await renderPdf(testScene()));
      const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
      // (pdftotext breaks the 45° label into pieces; the horizontal and vertical ones come out whole.)
      for (const label of [
        "Start AVToLT",
        "middle Ωµ±×",
        "end <&\"'> fi",
        "rot90 CCL2",
        "rot270 dex_1",
        "Bold title Tg",
      ]) {
        expect(text).toContain(label);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
