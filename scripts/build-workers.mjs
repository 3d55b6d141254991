#!/usr/bin/env node
/**
 * Compiles the server's worker-thread scripts into dist/ (esbuild, one self-contained ESM file
 * each): Next bundles server code, so a worker needs a real file at run time. Run by postinstall,
 * `npm run build`, `npm run dev` and the vitest projects (fast: well under a second).
 *
 *   node scripts/build-workers.mjs
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const WORKERS = [{ entry: "lib/backlog/parse-worker.ts", out: "dist/backlog-parse-worker.mjs" }];

export async function buildWorkers() {
  for (const worker of WORKERS) {
    await build({
      entryPoints: [path.join(ROOT, worker.entry)],
      outfile: path.join(ROOT, worker.out),
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      tsconfig: path.join(ROOT, "tsconfig.json"),
      // Bundled CommonJS dependencies call require(); ESM output needs one.
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: "warning",
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildWorkers();
}
