#!/usr/bin/env node
/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → pending migrations → seed (the
 * requirement catalog always; the demo unless CERTBOARD_SEED=none) → `next build` when there is
 * no build yet (so `npm install && npm start` works on a fresh clone) → the production server
 * (scripts/serve.mjs) on PORT (default 3000). Extra arguments (`-p`, `-H`) go to the server.
 * Signals and the database's lifetime are handled by with-db.mjs, exactly as for `npm run dev`.
 */
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { runWithDb } from "./with-db.mjs";

// next, seed and migrations all expect the project root, wherever this was started from.
process.chdir(PROJECT_ROOT);
const extra = process.argv.slice(2);
const built = fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"));

const code = await runWithDb({
  migrate: true,
  seed: true,
  steps: built ? [] : [{ label: "no production build yet: running next build", command: "next", args: ["build"] }],
  command: "node",
  args: [path.join(PROJECT_ROOT, "scripts", "serve.mjs"), ...extra],
});
process.exit(code);
