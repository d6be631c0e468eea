/**
 * `clusterheat serve [--port N]`: serves the static page (dist/web, built by
 * `npm run build:web`) on 127.0.0.1 only. Static files only: GET/HEAD of a
 * known file under the folder; a path that leaves the folder, a dot file or
 * anything else is a 404. Every answer carries a Content-Security-Policy that
 * allows nothing but the page's own files, and the headers that isolate the
 * page (cross-origin opener and embedder policies), so that it can cluster
 * on several threads. Ctrl-C stops it.
 */
import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { type CliIo, newCommand } from "./command-parts.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

/**
 * The page's policy: its own files only. 'wasm-unsafe-eval' lets the worker
 * compile the distance kernels (WebAssembly SIMD, embedded in the script);
 * it allows no eval of JavaScript.
 */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The built page: dist/web beside dist/cli, or from src/cli in a checkout. */
export function defaultWebRoot(): string {
  for (const rel of ["../web/", "../../dist/web/"]) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(path, "index.html"))) return path;
  }
  throw new UsageError("the web page is not built: run `npm run build:web` first");
}

/** The file a URL path names under root, or null (outside root, a dot file, not a file). */
export function resolveStatic(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\")) return null;
  if (path.endsWith("/")) path += "index.html";
  const parts = path.split("/").filter((p) => p !== "");
  if (parts.some((p) => p === ".." || p.startsWith("."))) return null;
  const base = realpathSync(root);
  const file = resolve(base, ...parts);
  if (!file.startsWith(base + sep)) return null;
  if (!existsSync(file)) return null;
  const real = realpathSync(file);
  if (!real.startsWith(base + sep) || !statSync(real).isFile()) return null;
  if (!(extname(real).toLowerCase() in TYPES)) return null;
  return real;
}

/** An HTTP server for the folder (not yet listening). */
export function staticServer(root: string): Server {
  return createServer((req, res) => {
    const headers = {
      "Content-Security-Policy": PAGE_POLICY,
      // cross-origin isolation: the page's workers may share memory (SharedArrayBuffer),
      // so the clustering runs on several threads (web/parallel.ts)
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-cache",
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      res
        .writeHead(405, { ...headers, Allow: "GET, HEAD", "Content-Type": "text/plain" })
        .end("method not allowed\n");
      return;
    }
    const file = resolveStatic(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      ...headers,
      "Content-Type": TYPES[extname(file).toLowerCase()],
      "Content-Length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  });
}

/** The `serve` command. */
export function serveCommand(io: CliIo): Command {
  const cmd = newCommand("serve")
    .summary("serve the drop-a-file web page on this computer (127.0.0.1)")
    .description(
      "Serve the interactive page on http://127.0.0.1:PORT/. Files you open there stay in the browser: " +
        "the page runs everything itself and sends nothing anywhere. Ctrl-C stops the server.",
    )
    .option("--port <n>", "port to listen on (0 = any free port)", "8080");
  cmd.action(async (flags: { port: string }) => {
    const port = Number(flags.port);
    if (!/^\d+$/.test(flags.port) || port > 65535) {
      throw new UsageError(
        `invalid --port: ${JSON.stringify(flags.port)} (expected an integer from 0 to 65535)`,
      );
    }
    const server = staticServer(defaultWebRoot());
    await new Promise<void>((done, fail) => {
      server.once("error", (e: NodeJS.ErrnoException) =>
        fail(
          e.code === "EADDRINUSE"
            ? new UsageError(`port ${port} is in use: try --port 0 or another port`)
            : e,
        ),
      );
      server.listen(port, "127.0.0.1", () => done());
    });
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    io.stdout.write(`clusterheat page on http://127.0.0.1:${actual}/ (Ctrl-C stops)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        server.closeAllConnections();
        server.close(() => done());
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  });
  return cmd;
}
