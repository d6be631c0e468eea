#!/usr/bin/env node
// `npm run bench`: runs the benchmarks against the peers and prints the tables.
//
//   npm run bench                                  everything
//   npm run bench -- --sizes 2000,5000 --tools r,ours
//   npm run bench -- --only cluster --configs ward --timeout 600
//
// Options (clustering benchmark):
//   --sizes 2000,5000,10000,20000   matrix rows (× 50 columns)
//   --configs average,ward          euclidean + average | row scale + correlation + ward.D2
//   --tools r-hclust,r-fastcluster,scipy,ml-hclust,ours   (also: r = both R tools, ml)
//   --timeout 1200                  seconds per process
//   --ml-max 2000                   largest size ml-hclust is run at (it is O(n³))
//   --pause 15                      seconds between two runs: in a VM that hands freed memory back
//                                   to its host (page reporting, ~2–10 s after it is freed), a
//                                   process started sooner reuses the last one's memory for free
//   --update-readme                 write the merged table into bench/README.md
//   --report                        run nothing: print (and --update-readme) the stored results
//   --only cluster|read             run one benchmark only
// Results: bench/results/cluster.json (merged with earlier runs: a run replaces
// the earlier run of the same size, configuration and tool) and the markdown
// table on stdout. Data and trees go to bench/tmp/.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CONFIGS,
  machineInfo,
  machineLine,
  markdownTables,
  mergeRuns,
  runClusterBench,
  SIZES,
  selectTools,
  setPause,
} from "./cluster/bench.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) throw new Error(`unexpected argument: ${a}`);
    const name = a.slice(2);
    if (name === "update-readme" || name === "report") opts[name] = true;
    else if (i + 1 < argv.length) opts[name] = argv[++i];
    else throw new Error(`${a} needs a value`);
  }
  return opts;
}

const list = (s, dflt) => (s ? s.split(",").map((x) => x.trim()) : dflt);
const log = (line) => process.stderr.write(`${line}\n`);

function runCluster(opts) {
  const resultsFile = join(here, "results", "cluster.json");
  const stored = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : { runs: [] };
  let machine = stored.machine;
  let runs = stored.runs;
  if (!opts.report) {
    const sizes = list(opts.sizes, SIZES).map(Number);
    const configs = list(opts.configs, Object.keys(CONFIGS));
    for (const c of configs) if (!CONFIGS[c]) throw new Error(`unknown config "${c}"; known: average, ward`);
    setPause(Number(opts.pause ?? 15));
    const fresh = runClusterBench({
      sizes,
      configs,
      tools: selectTools(opts.tools),
      timeout: Number(opts.timeout ?? 1200),
      mlMax: Number(opts["ml-max"] ?? 2000),
      log,
    });
    runs = mergeRuns(runs, fresh);
    machine = machineInfo();
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify({ machine, runs }, null, 2)}\n`);
  }
  if (!machine) throw new Error(`no results in ${resultsFile}`);
  const tables = `${machineLine(machine, runs)}\n\n${markdownTables(runs)}`;
  console.log(`## Clustering (rows × 50)\n\n${tables}`);
  if (opts["update-readme"]) updateReadme(tables);
}

/** Replace the table between the markers in bench/README.md. */
function updateReadme(tables) {
  const readme = join(here, "README.md");
  const text = readFileSync(readme, "utf8");
  const start = "<!-- cluster-table:start -->";
  const end = "<!-- cluster-table:end -->";
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`markers ${start} … ${end} not found in ${readme}`);
  writeFileSync(readme, `${text.slice(0, i + start.length)}\n${tables}\n${text.slice(j)}`);
  // the project's formatter aligns markdown tables; `npm run lint` checks it
  spawnSync(join(here, "..", "node_modules", ".bin", "biome"), ["format", "--write", readme], {
    stdio: "ignore",
  });
  log(`updated ${readme}`);
}

/** The read benchmark lives in bench/read/ with its own runner, if present. */
function runRead() {
  const runner = join(here, "read", "run.mjs");
  if (!existsSync(runner)) {
    log("bench/read/run.mjs not found: read benchmark skipped");
    return;
  }
  const r = spawnSync("node", [runner], { stdio: "inherit" });
  if (r.status !== 0) log(`read benchmark failed (exit ${r.status})`);
}

try {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.only && !["cluster", "read"].includes(opts.only))
    throw new Error(`--only cluster|read, not ${opts.only}`);
  if (opts.only !== "read") runCluster(opts);
  if (opts.only !== "cluster") runRead();
} catch (e) {
  log(`bench: ${e.message}`);
  process.exitCode = 2;
}
