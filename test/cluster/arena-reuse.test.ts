/**
 * The page's worker keeps the linkage's WebAssembly memory between runs
 * (ClusterContext.reuseMemory, wasm/linkage.ts keepLinkageArena), so that
 * each change of an option writes memory already touched. A kept memory holds
 * the last run's distances and state: the next trees must not see any of
 * it, on every method and both layouts; a run that failed or was cancelled
 * keeps nothing (a distance worker might still write to its memory).
 */
import { afterEach, describe, expect, it } from "vitest";
import { clusterMatrix } from "../../src/cluster/cluster-matrix.js";
import { randomSource } from "../../src/cluster/random.js";
import {
  createLinkageArena,
  dropKeptLinkageArenas,
  keepLinkageArena,
  reserveLinkageMemory,
} from "../../src/cluster/wasm/linkage.js";
import { CancelledError } from "../../src/errors.js";
import { createMatrix } from "../../src/matrix.js";
import { METHODS } from "../../src/options.js";

function matrix(n: number, p: number, seed: number) {
  const rnd = randomSource(seed);
  return createMatrix(
    Float64Array.from({ length: n * p }, () => Math.floor(rnd() * 4)), // ties everywhere
    Array.from({ length: n }, (_, i) => `g${i}`),
    Array.from({ length: p }, (_, j) => `s${j}`),
  );
}

/** Takes the kept memory (of a local, not shared, arena), fills it with garbage, and keeps it again. */
function spoilKept(): WebAssembly.Memory | undefined {
  const arena = createLinkageArena(2, false, "packed", true);
  if (!arena) return undefined;
  const bytes = new Uint8Array(arena.memory.buffer);
  for (let i = 0; i < bytes.length; i += 7) bytes[i] = (i * 31) & 255;
  keepLinkageArena(arena);
  return arena.memory;
}

const tree = (r: Awaited<ReturnType<typeof clusterMatrix>>) =>
  JSON.stringify(
    [r.rows?.tree.merge, r.rows?.tree.height, r.rows?.tree.order].map((a) => Array.from(a ?? [])),
  );

describe("reusing the linkage's memory", () => {
  afterEach(dropKeptLinkageArenas);

  it("gives the trees of fresh memory, whatever the kept memory holds", async () => {
    const big = matrix(260, 5, 1);
    const small = matrix(190, 4, 2);
    for (const method of METHODS) {
      for (const linkage of ["full", "packed"] as const) {
        const options = { clusteringMethod: method, clusterCols: false };
        const fresh = await clusterMatrix(small, options, { linkage });
        dropKeptLinkageArenas();
        await clusterMatrix(big, options, { linkage, reuseMemory: true });
        const kept = spoilKept();
        expect(kept).toBeDefined();
        const reused = await clusterMatrix(small, options, { linkage, reuseMemory: true });
        expect(tree(reused)).toBe(tree(fresh));
        // the same memory served the second run, and was kept again
        const again = createLinkageArena(2, false, "packed", true);
        expect(again?.memory).toBe(kept);
      }
    }
  });

  it("keeps nothing without reuseMemory, or from a run that was cancelled", async () => {
    const m = matrix(120, 3, 3);
    await clusterMatrix(m, { clusterCols: false }, {});
    const fresh = createLinkageArena(2, false, "packed", true);
    expect(fresh).not.toBeNull();
    // cancelled while the distances are filled, and halfway through the linkage
    for (const when of ["distances", "clustering"]) {
      await clusterMatrix(m, { clusterCols: false }, { reuseMemory: true });
      const kept = spoilKept();
      const stop = new AbortController();
      const logger = {
        warn() {},
        progress: (phase: string, done: number, total: number) => {
          if (phase.startsWith(when) && done >= total / 2) stop.abort();
        },
      };
      const run = clusterMatrix(
        m,
        { clusterCols: false },
        { reuseMemory: true, signal: stop.signal, logger },
      );
      await expect(run).rejects.toThrow(CancelledError);
      const after = createLinkageArena(2, false, "packed", true);
      expect(after?.memory).not.toBe(kept);
    }
  });

  it("does not reuse a memory too small for the matrix", async () => {
    await clusterMatrix(matrix(40, 3, 4), { clusterCols: false }, { reuseMemory: true });
    const kept = spoilKept();
    const big = matrix(400, 3, 5);
    const want = await clusterMatrix(big, { clusterCols: false }, {});
    const got = await clusterMatrix(big, { clusterCols: false }, { reuseMemory: true });
    expect(tree(got)).toBe(tree(want));
    const after = createLinkageArena(2, false, "packed", true);
    expect(after).not.toBeNull();
    expect(after?.memory).not.toBe(kept);
    expect(after?.memory.buffer.byteLength).toBeGreaterThanOrEqual((400 * 399 * 4) | 0);
  });

  it("reserves a memory ahead, touched page by page, which the next clustering that fits takes", async () => {
    const touch = reserveLinkageMemory(4 * 65536, false);
    expect(touch).not.toBeNull();
    // nothing more is reserved while one is kept
    expect(reserveLinkageMemory(65536, false)).toBeNull();
    // 64 pages of 4 KB in slices of 100 KB: 3 slices, the last says none are left
    expect([touch!(100_000), touch!(100_000), touch!(100_000)]).toEqual([true, true, false]);
    const m = matrix(120, 4, 6);
    const want = await clusterMatrix(m, { clusterCols: false }, {});
    const again = reserveLinkageMemory(4 * 65536, false);
    expect(again).toBeNull(); // still kept: not taken by the clustering without reuse
    let arenaMemory: ArrayBufferLike | undefined;
    const got = await clusterMatrix(
      m,
      { clusterCols: false },
      {
        linkage: "packed",
        reuseMemory: true,
        // the matrix handed to the distances is in the reserved memory
        distances: async (job, out, report, signal, first) => {
          arenaMemory = out.buffer;
          const { inThreadDistances } = await import("../../src/cluster/cluster-matrix.js");
          return inThreadDistances(job, out, report, signal, first);
        },
      },
    );
    expect(tree(got)).toBe(tree(want));
    expect(arenaMemory?.byteLength).toBe(4 * 65536);
  });

  it("never writes a reserved memory once a clustering has taken it", () => {
    const touch = reserveLinkageMemory(2 * 65536, false)!;
    const arena = createLinkageArena(20, false, "packed", true)!;
    expect(arena.memory.buffer.byteLength).toBe(2 * 65536); // the reserved memory
    arena.values.fill(0.1); // every byte of 0.1 is non-zero
    expect(touch(2 * 65536)).toBe(false);
    expect(arena.values.every((v) => v === 0.1)).toBe(true);
  });
});
