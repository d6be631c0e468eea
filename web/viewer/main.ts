/**
 * The entry of the single-file HTML export: reads the payload from its
 * non-executed container (`<script type="application/octet-stream">`),
 * decodes it and mounts the viewer. Nothing is fetched.
 */
import { decodePayload, fromBase64 } from "../../src/viewer/payload.js";
import { el } from "./dom.js";
import { mountViewer } from "./viewer.js";

export const PAYLOAD_ID = "clusterheat-data";

function start(): void {
  const root =
    document.getElementById("clusterheat") ?? document.body.appendChild(el("main", { id: "clusterheat" }));
  const data = document.getElementById(PAYLOAD_ID);
  try {
    if (!data?.textContent) throw new Error("this file holds no heatmap data");
    const t0 = performance.now();
    const payload = decodePayload(fromBase64(data.textContent));
    document.title = payload.title;
    (window as unknown as { clusterheat: unknown }).clusterheat = mountViewer(root, payload);
    root.dataset.decodeMs = (performance.now() - t0).toFixed(1);
    requestAnimationFrame(() => {
      root.dataset.readyAt = performance.now().toFixed(1);
      root.dataset.ready = "1";
    });
  } catch (e) {
    root.replaceChildren(
      el("p", { class: "ch-error", role: "alert" }, `Cannot show the heatmap: ${(e as Error).message}`),
    );
  }
}

start();
