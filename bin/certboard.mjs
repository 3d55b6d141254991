#!/usr/bin/env node
// Certboard CLI launcher: makes sure a database is there (the shared embedded one unless
// DATABASE_URL is set), then runs the TypeScript CLI with the same modules the server uses.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase } from "../scripts/embedded-db.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
// `upload` talks to a server over HTTP; everything else works on the database directly.
const needsDb = args.length > 0 && !args.includes("--help") && !args.includes("-h") && !["help", "upload"].includes(args[0]);

const db = needsDb ? await ensureDatabase({}) : null;
const child = spawn(
  process.execPath,
  // react-server: lets lib/**/data.ts (guarded by `server-only`) load outside Next.
  ["--conditions=react-server", "--import", import.meta.resolve("tsx"), path.join(root, "bin", "cli.ts"), ...args],
  {
    stdio: "inherit",
    cwd: process.cwd(),
    // tsconfig gives tsx the "@/" import alias wherever the CLI is called from.
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"), ...(db && { DATABASE_URL: db.url }) },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 128 : 1))));
await db?.release();
process.exit(code);
