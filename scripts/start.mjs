#!/usr/bin/env node
/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → pending migrations → seed (the
 * requirement catalog always; the demo unless CERTBOARD_SEED=none) → `next build` when there is
 * no build yet (so `npm install && npm start` works on a fresh clone) → `next start` on PORT
 * (default 3000). Extra arguments go to `next start`. Signals and the database's lifetime are
 * handled by with-db.mjs, exactly as for `npm run dev`.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { keepAliveArgs } from "./keep-alive.mjs";
import { runWithDb } from "./with-db.mjs";

// next, seed and migrations all expect the project root, wherever this was started from.
process.chdir(PROJECT_ROOT);
const extra = process.argv.slice(2);
const hasPort = extra.some((a) => a === "-p" || a === "--port" || a.startsWith("--port="));
const port = process.env.PORT || "3000";
const built = fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"));

const code = await runWithDb({
  migrate: true,
  seed: true,
  steps: built ? [] : [{ label: "no production build yet: running next build", command: "next", args: ["build"] }],
  command: "next",
  args: ["start", ...(hasPort ? [] : ["-p", port]), ...keepAliveArgs(), ...extra],
});
process.exit(code);
