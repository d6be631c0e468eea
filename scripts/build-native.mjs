// Builds clusterheat's optional native helper (native/addon.c: huge pages for
// the distance matrix, and R's long double row sums; see src/node/native.ts)
// with node-gyp, which npm ships and puts on the PATH of install scripts.
// Runs as the package's `install` script. Optional by design: where it
// cannot be built (not Linux, no C compiler, no Node headers) clusterheat
// runs as before, with the same results, a little slower at 20,000 rows, so
// a failure here prints why and lets the install go on.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const say = (message) => process.stderr.write(`clusterheat: ${message}\n`);

if (process.platform !== "linux") {
  say("the native helper is built on Linux only; skipped (clusterheat works without it)");
  process.exit(0);
}
if (process.env.CLUSTERHEAT_NATIVE === "0") {
  say("CLUSTERHEAT_NATIVE=0: the native helper is not built");
  process.exit(0);
}
// npm's own node-gyp when run by npm, else the one beside npm
const gyp =
  process.env.npm_config_node_gyp ??
  [
    join(
      dirname(process.execPath),
      "..",
      "lib",
      "node_modules",
      "npm",
      "node_modules",
      "node-gyp",
      "bin",
      "node-gyp.js",
    ),
  ].find((p) => existsSync(p));
if (!gyp) {
  say("node-gyp not found: the native helper is not built (clusterheat works without it)");
  process.exit(0);
}
// Node's headers installed beside this node (Debian's nodejs-dev, official tarballs), so that nothing is downloaded
const headers = resolve(dirname(process.execPath), "..");
const nodedir = existsSync(join(headers, "include", "node", "node_api.h")) ? [`--nodedir=${headers}`] : [];
const run = spawnSync(process.execPath, [gyp, "rebuild", ...nodedir], { cwd: root, encoding: "utf8" });
if (run.status !== 0) {
  const lines = `${run.stderr ?? ""}\n${run.error ?? ""}`.split("\n").filter((l) => l.trim() !== "");
  const errors = lines.filter((l) => /error|ERR!/i.test(l));
  const why = (errors.length > 0 ? errors : lines).slice(-3).join("\n");
  say(`the native helper could not be built; clusterheat works without it\n${why}`);
  process.exit(0);
}
say("built the native helper (build/Release/clusterheat_native.node)");
