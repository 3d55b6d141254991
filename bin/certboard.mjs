#!/usr/bin/env node
// Certboard CLI launcher: makes sure a database is there (the shared embedded one unless
// DATABASE_URL is set), then runs the CLI compiled by scripts/build.mjs in this process. When
// that build is missing or older than its sources, it says so on one line and runs bin/cli.ts
// through tsx instead (seconds slower, never stale).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CLI_ENTRY, staleReason } from "../scripts/build.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
// `upload` talks to a server over HTTP; everything else works on the database directly.
const needsDb = args.length > 0 && !args.includes("--help") && !args.includes("-h") && !["help", "upload"].includes(args[0]);

const stale = staleReason();
// `worker` drains its deliveries on SIGINT/SIGTERM itself; other commands just stop (and release).
const handleSignals = args[0] !== "worker";
const db = needsDb ? await (await import("../scripts/embedded-db.mjs")).ensureDatabase({ handleSignals }) : null;
if (db) process.env.DATABASE_URL = db.url;

let code;
if (!stale) {
  const { main } = await import(pathToFileURL(CLI_ENTRY).href);
  code = await main(args);
} else {
  console.error(`certboard: ${stale}: running from source (npm run build:cli compiles it)`);
  const child = spawn(
    process.execPath,
    // react-server: lets lib/**/data.ts (guarded by `server-only`) load outside Next.
    ["--conditions=react-server", "--import", import.meta.resolve("tsx"), path.join(root, "bin", "cli.ts"), ...args],
    // tsconfig gives tsx the "@/" import alias wherever the CLI is called from.
    { stdio: "inherit", env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") } },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 128 : 1))));
}
await db?.release();
process.exit(code);
