#!/usr/bin/env node
/**
 * Compiles what runs outside Next's own bundle, with esbuild for Node 20 ESM, into dist/ (run by
 * postinstall after `prisma generate`, by `npm run build` and `npm run dev`, and the worker part by
 * the vitest projects):
 *
 *   node scripts/build.mjs            # both
 *   node scripts/build.mjs cli        # dist/cli/ only
 *   node scripts/build.mjs workers    # dist/*-worker.mjs only (well under a second)
 *
 * **The CLI** (dist/cli/). bin/certboard.mjs used to compile bin/cli.ts and every lib/ module it uses
 * with tsx at each start (1–5 s, paid by every CI upload); it is compiled once instead.
 * - One ES module per command's share of lib/ (code splitting): bin/cli.ts loads each command's
 *   modules when it runs, so `--help` and `upload` never load Prisma, pg-boss or the markdown parser.
 * - Packages in node_modules stay external (Node resolves them at run time, as for the server);
 *   the generated Prisma client in generated/prisma is our source and is bundled.
 * - `react-server` is the condition lib/**\/data.ts needs (its `server-only` guard); the launcher
 *   imports the bundle in-process, without `--conditions`, so `server-only` is bundled as the empty
 *   module that condition selects.
 * - dist/cli/inputs.json lists the files the bundle was made from and when the build started:
 *   staleReason() compares their modification times with it (one stat per file, a few ms), so
 *   a developer who edits bin/, lib/ or the schema never runs an old build.
 *
 * **Worker threads** (dist/backlog-parse-worker.mjs): Next bundles server code, so a worker thread
 * needs a real file at run time; each is one self-contained file, dependencies included.
 *
 * esbuild is imported when a build runs, not with this module: bin/certboard.mjs imports
 * staleReason() from here at every start.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_DIR = path.join(ROOT, "dist", "cli");
export const CLI_ENTRY = path.join(CLI_DIR, "cli.mjs");
const INPUTS = path.join(CLI_DIR, "inputs.json");

export const WORKERS = [{ entry: "lib/backlog/parse-worker.ts", out: "dist/backlog-parse-worker.mjs" }];

/** What every output shares: Node 20, ES modules, bundled from the project's root. */
const NODE_ESM = { absWorkingDir: ROOT, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "warning" };

/** @type {import("esbuild").Plugin} */
const serverOnly = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};" }));
  },
};

/** Compiles bin/cli.ts into dist/cli/. Returns the number of source files it was made from. */
export async function buildCli() {
  const { build } = await import("esbuild");
  const startedAt = Date.now();
  fs.rmSync(CLI_DIR, { recursive: true, force: true });
  const result = await build({
    ...NODE_ESM,
    entryPoints: { cli: "bin/cli.ts" },
    outdir: CLI_DIR,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    packages: "external",
    conditions: ["react-server"],
    plugins: [serverOnly],
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes(":"));
  fs.writeFileSync(INPUTS, `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`);
  return inputs.length;
}

/** Compiles each worker-thread script into one self-contained file under dist/. */
export async function buildWorkers() {
  const { build } = await import("esbuild");
  for (const worker of WORKERS) {
    await build({
      ...NODE_ESM,
      entryPoints: [worker.entry],
      outfile: path.join(ROOT, worker.out),
      tsconfig: path.join(ROOT, "tsconfig.json"),
      // Bundled CommonJS dependencies call require(); ESM output needs one.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
  }
}

/**
 * Why dist/cli cannot be used as it is, or null when it holds a build of the current sources.
 * @returns {string | null}
 */
export function staleReason() {
  /** @type {{ startedAt: number, inputs: string[] }} */
  let built;
  try {
    built = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
  } catch {
    return "the CLI is not compiled yet";
  }
  for (const file of built.inputs) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(ROOT, file)).mtimeMs;
    } catch {
      return `${file} is gone since the CLI was compiled`;
    }
    if (mtime > built.startedAt) return `${file} changed since the CLI was compiled`;
  }
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? "all";
  if (!["all", "cli", "workers"].includes(what) || process.argv.length > 3) {
    console.error(`build: expected "cli", "workers" or nothing (both), got ${JSON.stringify(process.argv.slice(2).join(" "))}`);
    process.exit(2);
  }
  const started = performance.now();
  if (what !== "workers") {
    const files = await buildCli();
    console.error(`build: compiled bin/cli.ts and ${files - 1} modules into dist/cli/ in ${Math.round(performance.now() - started)} ms`);
  }
  if (what !== "cli") await buildWorkers();
}
