/**
 * The optional native helper that backs the distance matrix with huge pages
 * (src/node/huge-pages.ts, native/huge-pages.c, loaded by src/node/native.ts): on Linux, where `npm
 * install` built it, it advises a typed array's whole pages, over any kind of
 * buffer; CLUSTERHEAT_HUGE_PAGES=0 turns it off; the Node context passes it
 * to clusterMatrix, and the trees are those of the plain context.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adviseHugePages, hugePagesAvailable } from "../../src/node/huge-pages.js";
import { built as builtDist, CLUSTER_SCRIPT_IMPORTS, runDistScript } from "../helpers/dist-script.js";

const built = existsSync(new URL("../../build/Release/clusterheat_native.node", import.meta.url));
const linux = process.platform === "linux";
const PAGE = 4096;
const THP = "/sys/kernel/mm/transparent_hugepage/enabled";

/** This process's anonymous memory in huge pages, in kB. */
function anonHugeKB(): number {
  return Number(/AnonHugePages:\s+(\d+)/.exec(readFileSync("/proc/self/smaps_rollup", "utf8"))?.[1] ?? 0);
}

describe("huge pages", () => {
  it.runIf(linux && process.env.CI)("are built by npm install on Linux (CI)", () => {
    expect(built).toBe(true);
    expect(hugePagesAvailable()).toBe(true);
  });

  it.runIf(linux && built)("advises the whole pages of a typed array over any buffer", () => {
    const bytes = 8 * 1024 * 1024;
    const buffers = [
      new ArrayBuffer(bytes),
      new SharedArrayBuffer(bytes),
      new WebAssembly.Memory({ initial: bytes / 65536, maximum: bytes / 65536, shared: true }).buffer,
      new WebAssembly.Memory({ initial: bytes / 65536 }).buffer,
    ];
    for (const buffer of buffers) {
      const advised = adviseHugePages(new Float64Array(buffer));
      expect(advised).toBeGreaterThan(bytes - 2 * PAGE);
      expect(advised).toBeLessThanOrEqual(bytes);
      expect(advised % PAGE).toBe(0);
      // a view inside the buffer: only the pages it covers whole
      const inner = new Uint8Array(buffer, 100, 3 * PAGE);
      expect(adviseHugePages(inner)).toBe(2 * PAGE);
    }
    // less than a whole page: nothing to advise
    expect(adviseHugePages(new Float64Array(new SharedArrayBuffer(PAGE), 8, 16))).toBe(0);
    expect(() => adviseHugePages({} as unknown as Float64Array)).toThrow(TypeError);
    // the values are untouched
    const values = Float64Array.from({ length: 1 << 20 }, (_, i) => i / 3);
    adviseHugePages(values);
    expect(values.every((v, i) => v === i / 3)).toBe(true);
  });

  // where only memory that asks gets huge pages, the advice is what gives them
  const madviseOnly = linux && existsSync(THP) && readFileSync(THP, "utf8").includes("[madvise]") && built;
  it.runIf(madviseOnly)("backs the advised memory with huge pages once it is written", () => {
    const bytes = 64 * 1024 * 1024;
    const memory = new WebAssembly.Memory({ initial: bytes / 65536, maximum: bytes / 65536, shared: true });
    const before = anonHugeKB();
    expect(adviseHugePages(new Float64Array(memory.buffer))).toBeGreaterThan(0);
    const view = new Uint8Array(memory.buffer);
    for (let i = 0; i < bytes; i += PAGE) view[i] = 1;
    // at least half of it in 2 MB pages (the ends may not be aligned to one)
    expect(anonHugeKB() - before).toBeGreaterThanOrEqual(bytes / 1024 / 2);
  });

  it.runIf(linux && built && builtDist("node/huge-pages.js"))(
    "the Node context passes them to clusterMatrix, with the same trees; CLUSTERHEAT_HUGE_PAGES=0 turns them off",
    () => {
      const run = (env: NodeJS.ProcessEnv) => {
        const r = runDistScript(SCRIPT, [], { env: { ...process.env, ...env } });
        expect(r.stderr).toBe("");
        return JSON.parse(r.stdout) as { told: boolean[]; context: boolean; tree: string };
      };
      const on = run({ CLUSTERHEAT_HUGE_PAGES: "" });
      const off = run({ CLUSTERHEAT_HUGE_PAGES: "0" });
      expect(on.context).toBe(true);
      // the rows' 300 × 299 / 2 doubles span whole pages; the columns' 15 do not
      expect(on.told).toEqual([true, false]);
      expect(off.context).toBe(false);
      expect(off.told).toEqual([false, false]);
      expect(on.tree).toBe(off.tree);
    },
  );
});

/** Clusters 300 rows with the Node context (two threads); prints what it was told and the tree. */
const SCRIPT = `${CLUSTER_SCRIPT_IMPORTS}const rnd = randomSource(11);
const n = 300;
const m = createMatrix(
  Float64Array.from({ length: n * 6 }, () => Math.round(rnd() * 8)),
  Array.from({ length: n }, (_, i) => "g" + i),
  Array.from({ length: 6 }, (_, j) => "s" + j),
);
const told = [];
const ctx = nodeClusterContext(2);
const r = await clusterMatrix(m, { clusteringMethod: "average" }, { ...ctx, onLinkage: (i) => told.push(i.hugePages) });
const tree = JSON.stringify([Array.from(r.rows.tree.merge), Array.from(r.rows.tree.height), Array.from(r.cols.tree.merge)]);
process.stdout.write(JSON.stringify({ told, context: ctx.hugePages !== undefined, tree }));
`;
