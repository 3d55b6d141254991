#!/usr/bin/env node
/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → pending migrations (after an
 * automatic backup of a database holding data) → seed (the requirement catalog always; the demo
 * unless CERTBOARD_SEED=none; the first-run setup code while nobody has set up) → `next build`
 * when there is no build yet or the sources changed since it was made (scripts/build-stamp.mjs) →
 * the production server (scripts/serve.mjs) on PORT (default 3000). Extra arguments (`-p`, `-H`)
 * go to the server. Signals and the database's lifetime are handled by with-db.mjs, exactly as for
 * `npm run dev`.
 */
import path from "node:path";
import { rebuildReason } from "./build-stamp.mjs";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { runWithDb } from "./with-db.mjs";

// next, seed and migrations all expect the project root, wherever this was started from.
process.chdir(PROJECT_ROOT);
const extra = process.argv.slice(2);
const rebuild = rebuildReason();

const code = await runWithDb({
  migrate: true,
  seed: true,
  steps: rebuild ? [{ label: `${rebuild}: running next build`, command: "next", args: ["build"] }] : [],
  command: "node",
  args: [path.join(PROJECT_ROOT, "scripts", "serve.mjs"), ...extra],
});
process.exit(code);
