#!/usr/bin/env node
// The figure benchmark: one clustered heatmap of the N × 50 benchmark matrix
// (real ALL expression values, bench/cluster/make-data.mjs), drawn by each
// tool as a separate process on the same TSV file, in one run:
//   clusterheat  plot --scale row --clustering-distance-rows correlation --clustering-method average
//                (to PNG; also to SVG and PDF, for their sizes)
//   seaborn      clustermap(z_score=0, method="average", metric="correlation"), fastcluster installed
//   pheatmap     pheatmap(scale="row", clustering_distance_rows="correlation", clustering_method="average")
// Each run is timed whole (wall time and peak RSS by GNU time: reading,
// clustering, drawing and writing the file).
//
// Usage: node bench/figure/run.mjs [--size 20000] [--tools clusterheat,seaborn,pheatmap,clusterheat-svg,clusterheat-pdf]
//        [--cli dist/cli/main.js] [--timeout 1200] [--pause 15] [--report]
// --pause: seconds between two runs, so that each starts cold (bench/cluster/bench.mjs setPause)
// Results: bench/results/figure.json (a run replaces the earlier run of the same
// size and tool) and a markdown table on stdout. Figures go to bench/tmp/figure/.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure, setPause } from "../cluster/bench.mjs";
import { ensureData } from "../cluster/make-data.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const tmp = join(root, "bench", "tmp", "figure");
const resultsFile = join(root, "bench", "results", "figure.json");
const PYTHON = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const name = a.slice(2);
    if (name === "report") opts[name] = true;
    else if (i + 1 < argv.length) opts[name] = argv[++i];
    else throw new Error(`${a} needs a value`);
  }
  return opts;
}

const OURS_FLAGS = [
  "--scale",
  "row",
  "--clustering-distance-rows",
  "correlation",
  "--clustering-method",
  "average",
  "-q",
];

/** The tools, in the order they run; `command` gives argv, `out` the figure file. */
function tools(cli) {
  const ours = (ext) => ({
    label: `clusterheat plot → ${ext.toUpperCase()}`,
    out: (n) => join(tmp, `clusterheat-${n}.${ext}`),
    command: (file, out) => ["node", cli, "plot", file, ...OURS_FLAGS, "-o", out],
  });
  return {
    clusterheat: ours("png"),
    "clusterheat-svg": ours("svg"),
    "clusterheat-pdf": ours("pdf"),
    seaborn: {
      label: "seaborn clustermap (fastcluster) → PNG",
      out: (n) => join(tmp, `seaborn-${n}.png`),
      command: (file, out) => [PYTHON, join(here, "seaborn_clustermap.py"), file, out],
    },
    pheatmap: {
      label: "pheatmap → PNG",
      out: (n) => join(tmp, `pheatmap-${n}.png`),
      command: (file, out) => ["Rscript", join(here, "pheatmap.R"), file, out],
    },
  };
}

/** Width × height of a PNG file (IHDR), or null. */
function pngSize(path) {
  try {
    const b = readFileSync(path);
    if (b.toString("latin1", 12, 16) !== "IHDR") return null;
    return `${b.readUInt32BE(16)} × ${b.readUInt32BE(20)}`;
  } catch {
    return null;
  }
}

function machineInfo() {
  const quiet = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return null;
    }
  };
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    R: quiet("Rscript", ["-e", 'cat(R.version.string, "/ pheatmap", format(packageVersion("pheatmap")))']),
    python: quiet(PYTHON, [
      "-c",
      "import sys, seaborn, matplotlib, fastcluster, scipy; print('python', sys.version.split()[0], '/ seaborn', seaborn.__version__, '/ matplotlib', matplotlib.__version__, '/ fastcluster', fastcluster.__version__, '/ scipy', scipy.__version__)",
    ]),
    clusterheat: quiet("git", ["-C", root, "rev-parse", "--short", "HEAD"]),
  };
}

function table(runs) {
  const lines = [
    "| rows × cols | tool | wall time (s) | peak RSS (MB) | output | image (px) | status |",
    "| --- | --- | ---: | ---: | ---: | --- | --- |",
  ];
  for (const r of runs) {
    const size = r.outputBytes == null ? "–" : `${(r.outputBytes / 1e6).toFixed(2)} MB`;
    lines.push(
      `| ${r.size} × 50 | ${r.label} | ${r.wallSeconds.toFixed(1)} | ${r.peakRssMB ?? "–"} | ${size} | ${r.pixels ?? "–"} | ${r.status} |`,
    );
  }
  return lines.join("\n");
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const stored = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : { runs: [] };
  let runs = stored.runs;
  let machine = stored.machine;
  if (!opts.report) {
    mkdirSync(tmp, { recursive: true });
    setPause(Number(opts.pause ?? 15));
    const n = Number(opts.size ?? 20000);
    const cli = resolve(root, opts.cli ?? process.env.CLUSTERHEAT_CLI ?? join("dist", "cli", "main.js"));
    const all = tools(cli);
    const names = (opts.tools ?? "clusterheat,clusterheat-svg,clusterheat-pdf,seaborn,pheatmap").split(",");
    const file = ensureData(n, { log: (l) => process.stderr.write(`${l}\n`) });
    machine = machineInfo();
    for (const name of names) {
      const tool = all[name];
      if (!tool) throw new Error(`unknown tool ${name} (tools: ${Object.keys(all).join(", ")})`);
      const out = tool.out(n);
      rmSync(out, { force: true });
      process.stderr.write(`${name} ${n} × 50 … `);
      const load = loadavg()[0];
      const m = measure(tool.command(file, out), Number(opts.timeout ?? 1200), join(tmp, "time.txt"));
      const ok = m.status === "ok" && existsSync(out);
      const run = {
        size: n,
        tool: name,
        label: tool.label,
        date: new Date().toISOString(),
        status: ok ? "ok" : m.status,
        wallSeconds: m.wallSeconds,
        peakRssMB: m.peakRssMB,
        outputBytes: ok ? statSync(out).size : null,
        pixels: ok && out.endsWith(".png") ? pngSize(out) : null,
        inProcess:
          m.stdout
            .trim()
            .split("\n")
            .reverse()
            .find((l) => l.startsWith("{")) ?? null,
        loadBefore: Math.round(load * 100) / 100,
        ...(ok ? {} : { error: m.stderr.slice(-2000) }),
      };
      process.stderr.write(`${run.status} ${run.wallSeconds} s, ${run.peakRssMB} MB\n`);
      runs = [...runs.filter((r) => !(r.size === n && r.tool === name)), run];
    }
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify({ machine, runs }, null, 2)}\n`);
  }
  const order = ["clusterheat", "clusterheat-svg", "clusterheat-pdf", "seaborn", "pheatmap"];
  runs.sort((a, b) => a.size - b.size || order.indexOf(a.tool) - order.indexOf(b.tool));
  console.log(table(runs));
}

main();
