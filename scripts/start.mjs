#!/usr/bin/env node
/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → pending migrations (after an
 * automatic backup of a database holding data) → seed (the requirement catalog always; the demo
 * unless CERTBOARD_SEED=none) → `next build` when there is no build yet or the sources changed
 * since it was made (scripts/build-stamp.mjs) → `next start` on PORT
 * (default 3000). Extra arguments go to `next start`. Signals and the database's lifetime are
 * handled by with-db.mjs, exactly as for `npm run dev`.
 */
import { rebuildReason } from "./build-stamp.mjs";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { keepAliveArgs } from "./keep-alive.mjs";
import { runWithDb } from "./with-db.mjs";

// next, seed and migrations all expect the project root, wherever this was started from.
process.chdir(PROJECT_ROOT);
const extra = process.argv.slice(2);
const hasPort = extra.some((a) => a === "-p" || a === "--port" || a.startsWith("--port="));
const port = process.env.PORT || "3000";
const rebuild = rebuildReason();

const code = await runWithDb({
  migrate: true,
  seed: true,
  steps: rebuild ? [{ label: `${rebuild}: running next build`, command: "next", args: ["build"] }] : [],
  command: "next",
  args: ["start", ...(hasPort ? [] : ["-p", port]), ...keepAliveArgs(), ...extra],
});
process.exit(code);
