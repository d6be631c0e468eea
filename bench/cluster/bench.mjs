// The clustering benchmark: row clustering of N × 50 matrices by each tool,
// each run as a separate process on the same TSV file, timed as a whole
// (wall time and peak RSS by GNU time), plus the tool's own in-process
// timings, and each tree compared with R's hclust.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compareTrees, readTree, verdict } from "./compare-trees.mjs";
import { ensureData } from "./make-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const tmp = join(root, "bench", "tmp");
const PYTHON = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

export const SIZES = [2000, 5000, 10000, 20000];

/** The two configurations of the issue. */
export const CONFIGS = {
  average: { label: "euclidean + average", ours: ["--clustering-method", "average"] },
  ward: {
    label: "row scale + correlation + ward.D2",
    ours: ["--scale", "row", "--clustering-distance-rows", "correlation", "--clustering-method", "ward.D2"],
  },
};

/** The tools, in the order they run (ours last); `command` gives argv for one run. */
export const TOOLS = {
  "r-hclust": {
    label: "R dist + hclust",
    command: (file, config, out) => ["Rscript", join(here, "r-hclust.R"), file, config, "stats", out],
  },
  "r-fastcluster": {
    label: "R dist + fastcluster",
    command: (file, config, out) => ["Rscript", join(here, "r-hclust.R"), file, config, "fastcluster", out],
  },
  scipy: {
    label: "scipy pdist + linkage",
    command: (file, config, out) => [PYTHON, join(here, "scipy_linkage.py"), file, config, out],
  },
  "ml-hclust": {
    label: "ml-hclust agnes (npm)",
    command: (file, config, out) => ["node", join(here, "ml-hclust.mjs"), file, config, out],
  },
  ours: {
    label: "clusterheat CLI",
    command: (file, config, out) => oursCommand(file, config, out, []),
    convert: (out) => writeOursTree(out.replace(/\.tsv$/, ".json"), out),
  },
  "ours-1thread": {
    label: "clusterheat CLI, 1 thread",
    command: (file, config, out) => oursCommand(file, config, out, ["--threads", "1"]),
    convert: (out) => writeOursTree(out.replace(/\.tsv$/, ".json"), out),
  },
  "ours-lib": {
    label: "clusterheat library",
    command: (file, config, out) => ["node", join(here, "ours-lib.mjs"), file, config, out],
  },
};

/** Our CLI, writing hclust-shaped JSON next to the tree file (converted after the run). */
function oursCommand(file, config, out, extra) {
  const main = join(root, "dist", "cli", "main.js");
  const json = out.replace(/\.tsv$/, ".json");
  return [
    "node",
    main,
    "cluster",
    file,
    "--no-cluster-cols",
    ...CONFIGS[config].ours,
    ...extra,
    "-q",
    "-o",
    json,
  ];
}

/** Short names accepted by --tools ("ours" = all three runs of ours). */
const ALIASES = {
  r: ["r-hclust", "r-fastcluster"],
  fastcluster: ["r-fastcluster"],
  hclust: ["r-hclust"],
  ml: ["ml-hclust"],
  ours: ["ours", "ours-1thread", "ours-lib"],
};

/** Expand a --tools list ("r,ours") into tool ids, in run order. */
export function selectTools(list) {
  if (!list) return Object.keys(TOOLS);
  const wanted = new Set();
  for (const name of list.split(",")) {
    const ids = ALIASES[name] ?? [name];
    for (const id of ids) {
      if (!TOOLS[id])
        throw new Error(`unknown tool "${name}"; known: ${Object.keys(TOOLS).join(", ")}, r, ml`);
      wanted.add(id);
    }
  }
  return Object.keys(TOOLS).filter((id) => wanted.has(id));
}

/**
 * Find the row tree in our CLI's JSON output and write it as a tree file.
 * Accepts a bare hclust object or one under `rows` / `rowTree` / `trees.rows`;
 * `merge` either flat (R's column-major or row-major pairs are told apart by
 * the `n − 1` length) or as [a, b] pairs.
 */
function writeOursTree(json, out) {
  const doc = JSON.parse(readFileSync(json, "utf8"));
  const tree = [doc.rows, doc.rowTree, doc.trees?.rows, doc.row, doc].find((t) => t?.merge);
  if (!tree) throw new Error(`no row tree in ${json}`);
  const height = tree.height;
  const pairs = Array.isArray(tree.merge[0])
    ? tree.merge
    : height.map((_, s) => [tree.merge[2 * s], tree.merge[2 * s + 1]]);
  writeFileSync(out, pairs.map(([a, b], s) => `${a}\t${b}\t${height[s]}\n`).join(""));
}

/**
 * Runs argv under GNU time with a timeout: wall seconds, peak RSS (MB), exit
 * status, output. `timeFile` is where GNU time writes (default bench/tmp/time.txt).
 */
let pauseSeconds = 15;
let lastEnded = Number.NEGATIVE_INFINITY;

/**
 * Seconds between the end of one measured run and the start of the next
 * (default 15). In a VM that hands freed memory back to its host (page
 * reporting, measured here: within ~3–10 s), a process started sooner gets
 * the last one's memory back without the host's first-touch cost: 1.6 GB in
 * huge pages took 0.27 s right after another run, 1.7 s after 3 s, 3.2 s
 * after 10 s and 3.4 s after 20 s (2026-12-02). Each tool starts cold.
 */
export function setPause(seconds) {
  pauseSeconds = seconds;
}

export function measure(argv, timeoutSeconds, timeFile = join(tmp, "time.txt")) {
  const wait = lastEnded + pauseSeconds * 1000 - performance.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
  rmSync(timeFile, { force: true });
  const started = performance.now();
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "%e %M", "-o", timeFile, "timeout", "-k", "10", String(timeoutSeconds), ...argv],
    { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  lastEnded = performance.now();
  const wall = (lastEnded - started) / 1000;
  const timeLines = existsSync(timeFile) ? readFileSync(timeFile, "utf8").trim().split("\n") : [];
  const [elapsed, maxKB] = (timeLines.at(-1) ?? "").split(" ").map(Number);
  return {
    status: r.status === 124 || r.status === 137 ? "timeout" : r.status === 0 ? "ok" : "failed",
    exitCode: r.status,
    wallSeconds: Number.isFinite(elapsed) ? elapsed : Math.round(wall * 100) / 100,
    peakRssMB: Number.isFinite(maxKB) ? Math.round(maxKB / 1024) : null,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
  };
}

/** The last JSON object a tool printed: its in-process timings. */
function inProcessTimings(stdout) {
  const line = stdout
    .trim()
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("{"));
  if (!line) return null;
  try {
    const t = JSON.parse(line);
    const round = (v) => (typeof v === "number" ? Math.round(v * 1000) / 1000 : undefined);
    const layout = typeof t.layout === "string" && t.layout ? { layout: t.layout } : {};
    return { read: round(t.read), distance: round(t.distance), linkage: round(t.linkage), ...layout };
  } catch {
    return null;
  }
}

function treeFile(n, config, tool) {
  return join(tmp, "trees", `${n}-${config}-${tool}.tsv`);
}

/** Whether the build of our CLI has the cluster command. */
export function oursReady() {
  const main = join(root, "dist", "cli", "main.js");
  if (!existsSync(main)) return false;
  return spawnSync("node", [main, "cluster", "--help"], { encoding: "utf8" }).status === 0;
}

/**
 * Run the benchmark. Options: sizes, configs, tools (ids), timeout (s),
 * mlMax (largest size for ml-hclust), log (progress lines).
 * Returns the list of run records.
 */
export function runClusterBench({ sizes, configs, tools, timeout, mlMax, log }) {
  mkdirSync(join(tmp, "trees"), { recursive: true });
  const runs = [];
  for (const n of sizes) {
    const file = ensureData(n, { log });
    for (const config of configs) {
      for (const tool of tools) {
        const base = { size: n, config, tool, date: new Date().toISOString() };
        if (tool === "ml-hclust" && n > mlMax) {
          runs.push({ ...base, status: "skipped", note: `O(n³), skipped above ${mlMax} rows (--ml-max)` });
          continue;
        }
        if (tool.startsWith("ours") && !oursReady()) {
          runs.push({ ...base, status: "skipped", note: "dist/cli/main.js cluster not built" });
          continue;
        }
        const out = treeFile(n, config, tool);
        rmSync(out, { force: true });
        const load = loadavg()[0];
        log(`${n} × 50, ${config}, ${tool} (load ${load.toFixed(2)}) …`);
        const m = measure(TOOLS[tool].command(file, config, out), timeout);
        const run = {
          ...base,
          status: m.status,
          wallSeconds: m.wallSeconds,
          peakRssMB: m.peakRssMB,
          inProcess: inProcessTimings(m.stdout),
          loadBefore: Math.round(load * 100) / 100,
          loadAfter: Math.round(loadavg()[0] * 100) / 100,
        };
        if (m.status !== "ok") run.note = (m.stderr.trim().split("\n").at(-1) ?? "").slice(0, 200);
        else if (TOOLS[tool].convert) TOOLS[tool].convert(out);
        runs.push(run);
        log(
          `  ${run.status} ${m.wallSeconds.toFixed(2)} s, ${m.peakRssMB} MB${run.note ? `: ${run.note}` : ""}`,
        );
      }
      // compare every tree of this size and config with R's hclust (also one kept from an earlier run)
      const ref = treeFile(n, config, "r-hclust");
      for (const run of runs.filter((r) => r.size === n && r.config === config && r.status === "ok")) {
        if (run.tool === "r-hclust") run.sameTreeAsR = { reference: true };
        else if (existsSync(ref) && statSync(ref).mtimeMs > statSync(file).mtimeMs)
          run.sameTreeAsR = compareTrees(readTree(ref), readTree(treeFile(n, config, run.tool)));
        else run.sameTreeAsR = null;
      }
    }
  }
  return runs;
}

/** Versions of the tools and a description of the machine. */
export function machineInfo() {
  const quiet = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  const os = quiet("sh", ["-c", ". /etc/os-release && echo $PRETTY_NAME"]);
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    freeMemoryGB: Math.round(freemem() / 2 ** 30),
    os,
    node: process.version,
    R: quiet("Rscript", [
      "-e",
      'cat(R.version.string, "/ fastcluster", format(packageVersion("fastcluster")))',
    ]),
    scipy: quiet(PYTHON, [
      "-c",
      "import sys, scipy, numpy; print('python', sys.version.split()[0], '/ scipy', scipy.__version__, '/ numpy', numpy.__version__)",
    ]),
    mlHclust: pkg("ml-hclust"),
    clusterheat: quiet("git", ["-C", root, "describe", "--always", "--dirty"]),
  };
}

/**
 * Merge new runs into earlier results: a run replaces the earlier one of the
 * same size, config and tool, except that a skipped run keeps a measurement.
 */
export function mergeRuns(old, fresh) {
  const key = (r) => `${r.size}/${r.config}/${r.tool}`;
  const byKey = new Map(old.map((r) => [key(r), r]));
  for (const r of fresh) {
    const earlier = byKey.get(key(r));
    if (r.status === "skipped" && earlier && earlier.status !== "skipped") continue;
    byKey.set(key(r), r);
  }
  const toolRank = Object.keys(TOOLS);
  const configRank = Object.keys(CONFIGS);
  return [...byKey.values()].sort(
    (a, b) =>
      configRank.indexOf(a.config) - configRank.indexOf(b.config) ||
      a.size - b.size ||
      toolRank.indexOf(a.tool) - toolRank.indexOf(b.tool),
  );
}

/** One line describing the machine and the tools' versions, and the dates of the runs. */
export function machineLine(info, runs) {
  const dates = runs.map((r) => r.date.slice(0, 16).replace("T", " ")).sort();
  const span = dates.length ? `runs from ${dates[0]} to ${dates.at(-1)} UTC` : "no runs";
  return (
    `${info.cpu}, ${info.cores} cores, ${info.memoryGB} GB, ${info.os}; node ${info.node}; ` +
    `${info.R}; ${info.scipy}; ml-hclust ${info.mlHclust}; clusterheat ${info.clusterheat}; ${span}.`
  );
}

const fmt = (v, digits = 2) => (typeof v === "number" ? v.toFixed(digits) : "");

/** The results as markdown tables, one per configuration. */
export function markdownTables(runs) {
  const parts = [];
  for (const [config, { label }] of Object.entries(CONFIGS)) {
    const rows = runs.filter((r) => r.config === config);
    if (rows.length === 0) continue;
    parts.push(`#### ${label} (\`${config}\`)\n`);
    parts.push(
      "| rows | tool | wall time (s) | × fastcluster | in process: read / distance / linkage (s) | peak RSS (MB) | same tree as R hclust | load before |",
    );
    parts.push("| ---: | --- | ---: | ---: | --- | ---: | --- | --- |");
    for (const r of rows) {
      const fc = runs.find((x) => x.size === r.size && x.config === config && x.tool === "r-fastcluster");
      const label = TOOLS[r.tool]?.label ?? r.tool;
      const n = r.size.toLocaleString("en-US");
      if (r.status !== "ok") {
        parts.push(`| ${n} | ${label} | ${r.status} |  |  |  | ${r.note ?? ""} |  |`);
        continue;
      }
      const ratio = fc?.status === "ok" ? `${(r.wallSeconds / fc.wallSeconds).toFixed(2)}` : "";
      const ip = r.inProcess
        ? [r.inProcess.read, r.inProcess.distance, r.inProcess.linkage].map((v) => fmt(v)).join(" / ") +
          (r.inProcess.layout ? ` (${r.inProcess.layout})` : "")
        : "";
      const same = r.sameTreeAsR?.reference
        ? "(reference)"
        : r.sameTreeAsR
          ? verdict(r.sameTreeAsR)
          : "no R tree";
      const load = fmt(r.loadBefore);
      parts.push(
        `| ${n} | ${label} | ${fmt(r.wallSeconds)} | ${ratio} | ${ip} | ${r.peakRssMB} | ${same} | ${load} |`,
      );
    }
    parts.push("");
  }
  return parts.join("\n");
}
