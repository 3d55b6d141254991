#!/usr/bin/env node
/**
 * Runs a command with a database:
 *
 *   node scripts/with-db.mjs [--migrate] [--seed] [--] <command> [args...]
 *
 * - DATABASE_URL set: used as is. Otherwise the embedded PostgreSQL is started or reused
 *   (scripts/embedded-db.mjs) and its URL is put in the command's environment.
 * - --migrate applies pending migrations first (migrate.mjs deploy, in a child process so the
 *   wasm engine's memory is not held for the life of a dev server).
 * - --seed runs `node --conditions=react-server --import tsx prisma/seed.ts` when that file exists: it syncs the requirement
 *   catalog, and loads the demo unless CERTBOARD_SEED is "none" or the database has data.
 * - Commands resolve from node_modules/.bin. SIGINT/SIGTERM/SIGHUP go to the running child;
 *   when it exits the database is released (stopped if no other process uses it) and this
 *   process exits with the child's exit code.
 * - Without a command, the database is held until SIGINT/SIGTERM (for psql, a GUI, ...).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase, PROJECT_ROOT, SIGNALS } from "./embedded-db.mjs";

const SELF = fileURLToPath(import.meta.url);
// Certboard runs in disconnected data centres: never phone home from next build/start.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const MIGRATE_SCRIPT = path.join(PROJECT_ROOT, "scripts", "migrate.mjs");
const SEED_FILE = path.join(PROJECT_ROOT, "prisma", "seed.ts");

/**
 * @typedef {object} Step
 * @property {string} label shown before the step runs
 * @property {string} command
 * @property {string[]} args
 * @property {string} [cwd] default: the current directory
 */

/**
 * @typedef {object} RunOptions
 * @property {boolean} [migrate] apply pending migrations before the command
 * @property {boolean} [seed] run prisma/seed.ts (if present)
 * @property {Step[]} [steps] more commands to run, in order, after migrate/seed
 * @property {string} [command] the main command; none = hold the database until a signal
 * @property {string[]} [args]
 */

/** @param {NodeJS.Signals} signal */
const signalExitCode = (signal) => 128 + (os.constants.signals[signal] ?? 1);

/** Environment for children: the database URL, and node_modules/.bin first on PATH. @param {string} url */
function childEnv(url) {
  const bin = path.join(PROJECT_ROOT, "node_modules", ".bin");
  return { ...process.env, DATABASE_URL: url, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
}

/**
 * Runs the database-dependent steps and the command. Returns the exit code to exit with.
 * @param {RunOptions} options
 * @returns {Promise<number>}
 */
export async function runWithDb(options) {
  /** @type {import("node:child_process").ChildProcess | null} */
  let child = null;
  /** @type {NodeJS.Signals | null} */
  let signalled = null;
  /** @type {(() => void) | null} */
  let wakeHold = null;

  // Installed before the database is ready so that an early Ctrl-C still ends in a clean release.
  const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
    signalled ??= signal;
    // The child may have received it from the terminal too; sending it again is harmless and
    // covers `kill <pid>` aimed at this wrapper alone (Playwright, systemd, CI runners).
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    wakeHold?.();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);

  /** @type {Awaited<ReturnType<typeof ensureDatabase>> | null} */
  let db = null;
  try {
    try {
      db = await ensureDatabase({ handleSignals: false });
    } catch (error) {
      console.error(`with-db: ${/** @type {Error} */ (error).message}`);
      return 1;
    }
    if (signalled) return signalExitCode(signalled);
    const env = childEnv(db.url);

    /** @param {string} command @param {string[]} args @param {string} [cwd] */
    const runChild = (command, args, cwd = process.cwd()) =>
      new Promise((resolve) => {
        // "node" means this node, whatever PATH says (nvm, volta, npx shims).
        const file = command === "node" ? process.execPath : command;
        const proc = spawn(file, args, { stdio: "inherit", env, cwd });
        child = proc;
        proc.on("error", (error) => {
          const e = /** @type {NodeJS.ErrnoException} */ (error);
          console.error(e.code === "ENOENT" ? `with-db: command not found: ${command}` : `with-db: ${e.message}`);
          resolve(e.code === "ENOENT" ? 127 : 1);
        });
        proc.on("exit", (code, signal) => resolve(code ?? (signal ? signalExitCode(signal) : 1)));
      }).finally(() => {
        child = null;
      });

    /** @type {Step[]} */
    const steps = [];
    if (options.migrate) {
      steps.push({ label: "applying pending migrations", command: "node", args: [MIGRATE_SCRIPT, "deploy"], cwd: PROJECT_ROOT });
    }
    if (options.seed && fs.existsSync(SEED_FILE)) {
      // The seed reaches server-only modules (the notification outbox): run it as the server would.
      steps.push({ label: "seeding", command: "node", args: ["--conditions=react-server", "--import", "tsx", SEED_FILE], cwd: PROJECT_ROOT });
    }
    steps.push(...(options.steps ?? []));
    for (const step of steps) {
      console.error(`[with-db] ${step.label}`);
      const code = /** @type {number} */ (await runChild(step.command, step.args, step.cwd));
      if (signalled) return signalExitCode(signalled);
      if (code !== 0) {
        console.error(`[with-db] ${step.label} failed (exit ${code})`);
        return code;
      }
    }

    if (!options.command) {
      console.error(`[with-db] DATABASE_URL=${db.url}\n[with-db] holding the database; press Ctrl-C to release it`);
      // A pending promise alone does not keep node running; this timer does, until a signal.
      const keepAlive = setInterval(() => {}, 1 << 30);
      await new Promise((resolve) => {
        wakeHold = () => resolve(undefined);
        if (signalled) resolve(undefined);
      });
      clearInterval(keepAlive);
      return 0;
    }
    return /** @type {number} */ (await runChild(options.command, options.args ?? []));
  } finally {
    // Stop the database only after the child is gone (and only if no other process uses it).
    await db?.release();
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

/**
 * @param {string[]} argv
 * @returns {RunOptions}
 */
export function parseArgs(argv) {
  /** @type {RunOptions} */
  const options = { migrate: false, seed: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--migrate") options.migrate = true;
    else if (arg === "--seed") options.seed = true;
    else if (arg === "--") {
      i++;
      break;
    } else if (arg === "--help" || arg === "-h") {
      console.log("Usage: node scripts/with-db.mjs [--migrate] [--seed] [--] <command> [args...]");
      process.exit(0);
    } else break;
  }
  options.command = argv[i];
  options.args = argv.slice(i + 1);
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  runWithDb(parseArgs(process.argv.slice(2))).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
