/**
 * The bench's own database: `certboard_bench`, dropped and created afresh at every run, on the
 * bench's embedded PostgreSQL (own data dir and port) or, with DATABASE_URL, on that server
 * (the database the URL names is never touched). Migrated with scripts/migrate.mjs and given the
 * requirement catalog by the seed (CERTBOARD_SEED=none: no demo data).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, PROJECT_ROOT } from "../embedded-db.mjs";

export const BENCH_DB = "certboard_bench";
const MARK = "certboard bench: safe to drop";

/**
 * @param {string} url
 * @param {string} database
 */
function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
export function runChild(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command === "node" ? process.execPath : command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve(undefined) : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`))));
  });
}

/**
 * Starts (or reuses) the server, creates a fresh bench database, migrates and seeds the catalog.
 * @param {{ dataDir: string, dbPort: number, log: (line: string) => void }} options
 */
export async function prepareDatabase(options) {
  /** @type {Awaited<ReturnType<typeof ensureDatabase>> | null} */
  let handle = null;
  let serverUrl;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // The embedded server runs as the OS user "postgres" when we are root: it must enter the folder.
    fs.chmodSync(options.dataDir, 0o755);
    handle = await ensureDatabase({ dataDir: options.dataDir, port: options.dbPort, handleSignals: false, log: options.log });
    // Its "certboard" database serves as the maintenance connection for creating the bench's own.
    serverUrl = handle.url;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const existing = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1`, [BENCH_DB]);
    if (existing.rowCount) {
      if (process.env.DATABASE_URL && existing.rows[0].mark !== MARK) {
        throw new Error(`A database named ${BENCH_DB} already exists on that server and was not made by the bench; drop it or use another server.`);
      }
      await admin.query(`DROP DATABASE ${BENCH_DB} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${BENCH_DB}`);
    await admin.query(`COMMENT ON DATABASE ${BENCH_DB} IS '${MARK}'`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, BENCH_DB);
  const env = { ...process.env, DATABASE_URL: url, CERTBOARD_SEED: "none", NEXT_TELEMETRY_DISABLED: "1" };
  options.log("[bench] applying migrations");
  await runChild("node", [path.join(PROJECT_ROOT, "scripts", "migrate.mjs"), "deploy"], env);
  options.log("[bench] syncing the requirement catalog");
  await runChild("node", ["--import", "tsx", path.join(PROJECT_ROOT, "prisma", "seed.ts")], env);

  const drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  return {
    url,
    embedded: handle !== null,
    /** @param {{ keep: boolean }} opts */
    async release(opts) {
      if (!opts.keep) await drop().catch(() => {});
      await handle?.release();
    },
    releaseSync: () => handle?.releaseSync(),
  };
}
