import { describe, expect, it } from "vitest";
import { formatBar, formatDuration, stderrLogger } from "../../src/cli/progress.js";

/** A fake stderr and clock. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  let t = 0;
  return {
    stream: { isTTY, columns: 80, write: (s: string) => writes.push(s) },
    writes,
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe("stderrLogger", () => {
  it("stderrLogger(…).warn prefixes warnings with clusterheat: warning:", () => {
    const f = fakeStream(false);
    stderrLogger(f.stream, { now: f.now }).warn("2 names not found");
    expect(f.writes).toEqual(["clusterheat: warning: 2 names not found\n"]);
  });

  it("stderrLogger(…, {quiet}) prints neither warnings nor progress", () => {
    const f = fakeStream(true);
    const logger = stderrLogger(f.stream, { quiet: true, now: f.now });
    logger.warn("x");
    logger.progress?.("clustering rows", 0, 10);
    f.advance(5000);
    logger.progress?.("clustering rows", 5, 10);
    expect(f.writes).toEqual([]);
  });

  it("stderrLogger(…).progress draws nothing during the first second", () => {
    const f = fakeStream(true);
    const logger = stderrLogger(f.stream, { now: f.now });
    for (let i = 0; i <= 10; i++) {
      logger.progress?.("distances", i, 10);
      f.advance(90);
    }
    expect(f.writes).toEqual([]);
  });

  it("stderrLogger(…).progress on a terminal draws a bar with the time left, then clears it", () => {
    const f = fakeStream(true);
    const logger = stderrLogger(f.stream, { now: f.now });
    logger.progress?.("clustering rows", 0, 100);
    f.advance(2000);
    logger.progress?.("clustering rows", 40, 100);
    expect(f.writes).toHaveLength(1);
    expect(f.writes[0].startsWith("\r\x1b[K")).toBe(true);
    expect(f.writes[0]).toContain("clustering rows [");
    expect(f.writes[0]).toContain(" 40%");
    expect(f.writes[0]).toContain("about 3 s left");
    logger.progress?.("clustering rows", 41, 100); // within 100 ms: not redrawn
    expect(f.writes).toHaveLength(1);
    f.advance(200);
    logger.progress?.("clustering rows", 100, 100);
    expect(f.writes.at(-1)).toBe("\r\x1b[K");
  });

  it("stderrLogger(…).warn clears a drawn bar before the warning", () => {
    const f = fakeStream(true);
    const logger = stderrLogger(f.stream, { now: f.now });
    logger.progress?.("distances", 0, 10);
    f.advance(1500);
    logger.progress?.("distances", 5, 10);
    logger.warn("careful");
    expect(f.writes.slice(-2)).toEqual(["\r\x1b[K", "clusterheat: warning: careful\n"]);
  });

  it("stderrLogger(…).progress elsewhere prints at most four plain lines per phase", () => {
    const f = fakeStream(false);
    const logger = stderrLogger(f.stream, { now: f.now });
    for (let i = 0; i <= 1000; i++) {
      logger.progress?.("clustering rows", i, 1000);
      f.advance(10);
    }
    expect(f.writes.length).toBeLessThanOrEqual(4);
    expect(f.writes[0]).toMatch(/^clusterheat: clustering rows: \d+% \(about \d+ s left\)\n$/);
    expect(f.writes.at(-1)).toMatch(/^clusterheat: clustering rows: 100% \(done in 10 s\)\n$/);
  });

  it("stderrLogger(…).progress restarts when a phase starts again", () => {
    const f = fakeStream(false);
    const logger = stderrLogger(f.stream, { now: f.now });
    for (const _axis of ["rows", "cols"]) {
      for (let i = 0; i <= 100; i++) {
        logger.progress?.("distances", i, 100);
        f.advance(30);
      }
    }
    const done = f.writes.filter((w) => w.includes("100%"));
    expect(done).toHaveLength(2);
  });
});

describe("formatDuration", () => {
  it("formatDuration gives seconds, minutes, hours", () => {
    expect(formatDuration(4.4)).toBe("4 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
  });
});

describe("formatBar", () => {
  it("formatBar fits the terminal width", () => {
    const line = formatBar("clustering rows", 0.5, "about 1 min 05 s left", 40);
    expect(line.length).toBeLessThan(40);
    expect(formatBar("distances", 0.5, "", 80)).toContain("[###############---------------]  50%");
  });
});
