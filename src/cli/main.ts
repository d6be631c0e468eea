#!/usr/bin/env node
/**
 * The `clusterheat` executable: runs the program with the process's
 * arguments, streams and environment, and sets the exit status.
 */
import { runCli } from "./run.js";

// `clusterheat … | head` closes stdout early: stop quietly instead of failing.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
