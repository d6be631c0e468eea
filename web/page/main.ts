/**
 * The drop-a-file page: pick or drop a matrix (TSV/CSV/GCT, gzipped or not)
 * and optionally a sample sheet, set options (controls generated from the
 * schema), and the picture updates. Clustering runs in a Web Worker with a
 * progress bar and Cancel; downloads come from the worker's last result.
 */
import type { InputFile } from "../../src/pipeline.js";
import type { ViewerPayload } from "../../src/viewer/payload.js";
import { download, el, setChildren } from "../viewer/dom.js";
import { mountViewer, type ViewerHandle } from "../viewer/viewer.js";
import type { DownloadKind, WorkerReply, WorkerRequest } from "../worker.js";
import { OptionControls } from "./controls.js";

const app = document.getElementById("app") as HTMLElement;

// ── files ──────────────────────────────────────────────────────────────────
const files: { matrix: InputFile | null; annotationCol: InputFile | null } = {
  matrix: null,
  annotationCol: null,
};

function dropZone(which: "matrix" | "annotationCol", title: string, hint: string): HTMLElement {
  const input = el("input", { type: "file", id: `file-${which}`, "aria-label": title });
  const shown = el("div", { class: "cp-file", "aria-live": "polite" });
  const zone = el(
    "label",
    { class: "cp-drop", for: `file-${which}` },
    el("strong", {}, title),
    el("small", {}, hint),
    input,
    shown,
  );
  const take = async (file: File) => {
    files[which] = { bytes: new Uint8Array(await file.arrayBuffer()), file: file.name };
    setChildren(shown, `${file.name} (${(file.size / 1024).toFixed(file.size < 10240 ? 1 : 0)} KB)`);
    scheduleRun(0);
  };
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) void take(f);
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("cp-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("cp-over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("cp-over");
    const f = e.dataTransfer?.files[0];
    if (f) void take(f);
  });
  return zone;
}

// ── layout ─────────────────────────────────────────────────────────────────
const controls = new OptionControls(() => scheduleRun(300));
const progress = el("progress", { max: 1, value: 0, "aria-label": "Progress" });
const phase = el("span", { class: "cp-phase", "aria-live": "polite" }, "Pick a file to start.");
const cancel = el("button", { type: "button", class: "ch-button", disabled: true }, "Cancel");
const error = el("pre", { class: "cp-error", role: "alert" });
const view = el(
  "div",
  { class: "cp-view" },
  el(
    "div",
    { class: "cp-empty" },
    "Drop an expression matrix on the left (genes in rows, samples in columns).",
  ),
);
const downloads = el("div", { class: "cp-downloads" }, el("span", {}, "Download"));
const left = el(
  "div",
  { class: "cp-left" },
  el(
    "section",
    { class: "cp-card", "aria-label": "Files" },
    el("h2", {}, "Data"),
    dropZone("matrix", "Expression matrix", "TSV, CSV or GCT, gzipped or not — drop it here or pick it"),
    dropZone("annotationCol", "Sample sheet (optional)", "one row per sample: name, then groups (TSV/CSV)"),
  ),
  el("section", { class: "cp-card", "aria-label": "Options" }, el("h2", {}, "Options"), controls.root),
);
const right = el(
  "div",
  { class: "cp-right" },
  el("div", { class: "cp-run" }, progress, phase, cancel),
  error,
  view,
  downloads,
);
app.append(left, right);

// ── the worker ─────────────────────────────────────────────────────────────
let worker = newWorker();
let runId = 0;
let current: number | null = null;
let viewer: ViewerHandle | null = null;
let timer = 0;
let hasResult = false;

function newWorker(): Worker {
  const w = new Worker("worker.js");
  w.onmessage = (e: MessageEvent<WorkerReply>) => receive(e.data);
  w.postMessage({ type: "warm" } satisfies WorkerRequest);
  return w;
}

function post(req: WorkerRequest, transfer: Transferable[] = []): void {
  worker.postMessage(req, transfer);
}

function scheduleRun(delay: number): void {
  clearTimeout(timer);
  timer = window.setTimeout(run, delay);
}

function run(): void {
  if (!files.matrix) return;
  if (current !== null) post({ type: "cancel", id: current });
  const id = ++runId;
  current = id;
  setChildren(error, "");
  progress.value = 0;
  progress.removeAttribute("value");
  setChildren(phase, "Reading…");
  cancel.disabled = false;
  app.dataset.state = "running";
  // copies: the bytes stay here for the next run
  post({
    type: "run",
    id,
    matrix: { bytes: files.matrix.bytes.slice(), file: files.matrix.file },
    ...(files.annotationCol
      ? { annotationCol: { bytes: files.annotationCol.bytes.slice(), file: files.annotationCol.file } }
      : {}),
    options: controls.options(),
    ...(THREADS_ALWAYS ? { threadsAlways: true } : {}),
  });
}

/** `?threads=always`: worker threads at any size, not only where they pay (tests, benchmarks). */
const THREADS_ALWAYS = new URLSearchParams(location.search).get("threads") === "always";

function finish(state: string, text: string): void {
  current = null;
  cancel.disabled = true;
  progress.value = state === "done" ? 1 : 0;
  setChildren(phase, text);
  app.dataset.state = state;
}

function receive(m: WorkerReply): void {
  if (m.type === "text") {
    pending.get(m.what)?.(m.text);
    pending.delete(m.what);
    return;
  }
  if (m.id !== current) return;
  if (m.type === "progress") {
    progress.value = m.total > 0 ? m.done / m.total : 0;
    setChildren(phase, `${m.phase}… ${m.total > 0 ? Math.round((100 * m.done) / m.total) : 0}%`);
  } else if (m.type === "done") {
    show(m.payload);
    finish("done", `${m.payload.nrow} × ${m.payload.ncol} clustered in ${(m.ms / 1000).toFixed(2)} s`);
    app.dataset.clusterMs = m.ms.toFixed(0);
    app.dataset.simd = String(m.simd);
    app.dataset.threads = String(m.threads);
    app.dataset.linkageThreads = String(m.linkageThreads);
    app.dataset.phases = JSON.stringify(m.phases);
  } else if (m.type === "error") {
    setChildren(error, m.message);
    finish("error", "Stopped: see the message.");
  } else if (m.type === "cancelled") {
    finish("cancelled", "Cancelled.");
  }
}

cancel.addEventListener("click", () => {
  if (current === null) return;
  const id = current;
  post({ type: "cancel", id });
  finish("cancelled", "Cancelled.");
  // a worker that does not answer within 100 ms is replaced (its last result goes with it)
  const w = worker;
  const check = (e: MessageEvent<WorkerReply>) => {
    if (e.data.id === id && e.data.type === "cancelled") clearTimeout(kill);
  };
  w.addEventListener("message", check);
  const kill = setTimeout(() => {
    w.terminate();
    worker = newWorker();
    hasResult = false;
  }, 100);
});

function show(payload: ViewerPayload): void {
  if (viewer) viewer.update(payload);
  else {
    view.replaceChildren();
    viewer = mountViewer(view, payload);
    (window as unknown as { clusterheat: unknown }).clusterheat = viewer;
  }
  hasResult = true;
  setDownloads(payload);
}

// ── downloads ──────────────────────────────────────────────────────────────
const pending = new Map<DownloadKind, (text: string | null) => void>();

function fromWorker(what: DownloadKind): Promise<string | null> {
  return new Promise((resolve) => {
    pending.set(what, resolve);
    post({ type: "download", id: runId, what });
  });
}

function base(): string {
  return (files.matrix?.file ?? "heatmap").replace(/\.(gz)$/i, "").replace(/\.[^.]+$/, "");
}

function button(text: string, action: () => void | Promise<void>): HTMLButtonElement {
  const b = el("button", { type: "button", class: "ch-button" }, text);
  b.addEventListener("click", () => void action());
  return b;
}

function setDownloads(p: ViewerPayload): void {
  const text =
    (what: DownloadKind, name: string, type = "text/tab-separated-values") =>
    async () => {
      if (!hasResult) return;
      const t = await fromWorker(what);
      if (t !== null) download(name, t, type);
    };
  const items = [
    button("Figure SVG", text("svg", `${base()}.svg`, "image/svg+xml")),
    button("View PNG", async () => {
      if (viewer) download(`${base()}.png`, await viewer.png());
    }),
    button("Gene clusters", text("rows-table", `${base()}.rows.tsv`)),
    ...(p.colTree || p.colClusters
      ? [button("Sample clusters", text("cols-table", `${base()}.cols.tsv`))]
      : []),
    button("Drawn matrix", text("matrix", `${base()}.drawn.tsv`)),
    ...(p.rowTree || p.colTree
      ? [button("Trees (Newick)", text("newick", `${base()}.nwk`, "text/plain"))]
      : []),
    button("Options (--config JSON)", () =>
      download(
        `${base()}.config.json`,
        `${JSON.stringify(controls.options(), null, 2)}\n`,
        "application/json",
      ),
    ),
  ];
  setChildren(downloads, el("span", {}, "Download"), ...items);
}
