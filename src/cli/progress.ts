/**
 * The logger of the command line: warnings and progress on stderr.
 * A phase shows progress only once it has run for more than a second: on a
 * terminal as a bar redrawn in place with the time left, elsewhere (a log
 * file, CI) as at most four plain lines per phase (at 25, 50, 75, 100 %).
 */

import { describeText } from "../errors.js";
import type { Logger } from "../log.js";
import { flagWording } from "./flags.js";

/** Where the logger writes: stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface StderrLoggerOptions {
  /** No progress and no warnings. */
  quiet?: boolean;
  /** Milliseconds a phase must run before its progress is shown (default 1000). */
  delay?: number;
  /** The clock, in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** A Logger that draws on stderr; call `finish()` before printing anything else. */
export interface StderrLogger extends Logger {
  finish(): void;
}

const REDRAW_MS = 100;
const PLAIN_STEPS = 4;
const CLEAR_LINE = "\r\x1b[K";

/** Seconds as a short duration: `12 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** The time left, extrapolated linearly from the time taken so far. */
function timeLeft(elapsedMs: number, done: number, total: number): string {
  if (done <= 0) return "";
  const seconds = ((elapsedMs / done) * (total - done)) / 1000;
  return seconds < 1 ? "less than 1 s left" : `about ${formatDuration(seconds)} left`;
}

/** One bar line: `clustering rows [#########-----------]  45%  about 3 s left`, cut to the width. */
export function formatBar(phase: string, fraction: number, eta: string, columns: number): string {
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  // the bar's width leaves room for the longest time-left text, so that it does not jump
  const width = Math.max(10, Math.min(30, columns - phase.length - 32));
  const full = Math.round(fraction * width);
  const bar = `[${"#".repeat(full)}${"-".repeat(width - full)}]`;
  return `${phase} ${bar} ${percent}  ${eta}`.slice(0, Math.max(1, columns - 1));
}

/** A logger printing `clusterheat: warning: …` and the progress of long phases on `stream`. */
export function stderrLogger(stream: ProgressStream, options: StderrLoggerOptions = {}): StderrLogger {
  const quiet = options.quiet ?? false;
  const delay = options.delay ?? 1000;
  const now = options.now ?? (() => performance.now());
  let phase = "";
  let start = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let plainStep = 0;
  let drawn = false;
  let lastDone = 0;

  const clear = () => {
    if (drawn) stream.write(CLEAR_LINE);
    drawn = false;
  };

  const drawTty = (t: number, done: number, total: number) => {
    if (done < total && t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    if (done >= total) return clear();
    const columns = stream.columns || 80;
    stream.write(`${CLEAR_LINE}${formatBar(phase, done / total, timeLeft(t - start, done, total), columns)}`);
    drawn = true;
  };

  const drawPlain = (t: number, done: number, total: number) => {
    const step = Math.floor((done / total) * PLAIN_STEPS);
    if (step <= plainStep) return;
    plainStep = step;
    const percent = Math.floor((done / total) * 100);
    const tail =
      done >= total ? `done in ${formatDuration((t - start) / 1000)}` : timeLeft(t - start, done, total);
    stream.write(`clusterheat: ${phase}: ${percent}% (${tail})\n`);
  };

  return {
    warn(message) {
      if (quiet) return;
      clear();
      stream.write(`clusterheat: warning: ${describeText(message, flagWording)}\n`);
    },
    progress(name, done, total) {
      if (quiet || !(total > 0)) return;
      const t = now();
      // a new phase, or the same phase started again (rows, then columns)
      if (name !== phase || done < lastDone) {
        clear();
        phase = name;
        start = t;
        lastDraw = Number.NEGATIVE_INFINITY;
        plainStep = 0;
      }
      lastDone = done;
      if (t - start <= delay) return;
      if (stream.isTTY) drawTty(t, Math.min(done, total), total);
      else drawPlain(t, Math.min(done, total), total);
    },
    finish: clear,
  };
}
