// The embedded PostgreSQL lifecycle (scripts/embedded-db.mjs through scripts/with-db.mjs), with real
// processes: DATABASE_URL is removed from the children's environment, and the file uses its own
// data dir (CERTBOARD_DATA_DIR, initialised once) and a free port per test (CERTBOARD_DB_PORT), so
// a running dev database is never touched. Every test ends with the server stopped.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const WITH_DB = path.join(ROOT, "scripts", "with-db.mjs");

// Child command: query the database, report, then hold it until stdin closes.
const HOLDER = `
const pg = require("pg");
(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query("SELECT 1 AS one");
  await client.end();
  console.log("READY " + rows[0].one + " " + process.pid + " " + process.env.DATABASE_URL);
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
})().catch((e) => { console.error(e); process.exit(3); });
`;

type Holder = {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

let dataDir: string;
let port: number;
const holders: Holder[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port: p } = server.address() as net.AddressInfo;
      server.close(() => resolve(p));
    });
  });
}

function childEnv(dir = dataDir): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CERTBOARD_DATA_DIR: dir, CERTBOARD_DB_PORT: String(port) };
  delete env.DATABASE_URL;
  return env;
}

function startHolder(dir = dataDir): Holder {
  const proc = spawn(process.execPath, [WITH_DB, "node", "-e", HOLDER], { cwd: ROOT, env: childEnv(dir), stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const holder = { proc, output: () => out, exited };
  holders.push(holder);
  return holder;
}

async function waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the holder's READY line: [childPid, url]. */
async function ready(holder: Holder): Promise<{ childPid: number; url: string }> {
  const match = await waitFor(`READY from with-db\n${holder.output()}`, () => {
    if (holder.proc.exitCode !== null) throw new Error(`with-db exited early:\n${holder.output()}`);
    return /READY 1 (\d+) (\S+)/.exec(holder.output());
  });
  return { childPid: Number(match[1]), url: match[2]! };
}

const pgDir = () => path.join(dataDir, "pg");
const pidFile = () => path.join(pgDir(), "postmaster.pid");
const postmasterPid = () => Number(fs.readFileSync(pidFile(), "utf8").split("\n")[0]);

/** Postmasters serving this test's data dir (backends have other command lines). */
function postmasters(): number[] {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .filter((line) => line.includes(`postgres -D ${pgDir()} `))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/** The SQLSTATE a connection attempt fails with, or null when it connects. */
async function connectError(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL with the fixed password every data folder had before the password file. */
const withOldPassword = (url: string) => url.replace(/\/\/postgres:[^@]*@/, "//postgres:postgres@");

/** Mode bits of a file, and whether this process owns it. */
function access(file: string): { mode: number; ours: boolean } {
  const st = fs.statSync(file);
  return { mode: st.mode & 0o777, ours: st.uid === process.getuid!() };
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0].one as number;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-db-test-"));
});

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  port = await freePort();
});

afterEach(async () => {
  for (const h of holders.splice(0)) {
    if (h.proc.exitCode === null && h.proc.signalCode === null) {
      h.proc.stdin?.end();
      await Promise.race([h.exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (h.proc.exitCode === null && h.proc.signalCode === null) h.proc.kill("SIGKILL");
    }
  }
  // Whatever a failed test left running is stopped before its data dir goes away.
  for (const pid of postmasters()) {
    process.kill(pid, "SIGINT");
    await waitFor("postmaster to stop", () => !alive(pid), 15_000).catch(() => process.kill(-pid, "SIGKILL"));
  }
});

describe("embedded PostgreSQL", () => {
  it("is shared by two processes and stopped by the last one out", async () => {
    const a = startHolder();
    const ra = await ready(a);
    expect(a.output()).toContain("embedded PostgreSQL started");
    const pid = postmasterPid();

    const b = startHolder();
    const rb = await ready(b);
    expect(b.output()).toContain("reusing embedded PostgreSQL");
    expect(rb.url).toBe(ra.url);
    expect(rb.url).toContain(`:${port}/`);
    expect(postmasters()).toEqual([pid]);

    // The starter leaves first: the server must stay up for the other user.
    a.proc.stdin!.end();
    expect((await a.exited).code).toBe(0);
    expect(a.output()).toContain("leaving embedded PostgreSQL running for 1 other process");
    expect(alive(pid)).toBe(true);
    expect(await selectOne(rb.url)).toBe(1);

    b.proc.stdin!.end();
    expect((await b.exited).code).toBe(0);
    expect(b.output()).toContain("embedded PostgreSQL stopped");
    expect(fs.existsSync(pidFile())).toBe(false);
    expect(alive(pid)).toBe(false);
    expect(fs.readdirSync(path.join(dataDir, "clients"))).toEqual([]);
  });

  it("stops cleanly on SIGTERM", async () => {
    const a = startHolder();
    await ready(a);
    const pid = postmasterPid();

    a.proc.kill("SIGTERM");
    const { code } = await a.exited;
    // The child dies of the forwarded SIGTERM; with-db reports it as 128 + 15.
    expect(code).toBe(143);
    expect(fs.existsSync(pidFile())).toBe(false);
    expect(alive(pid)).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, "postgres.log"), "utf8")).toContain("database system is shut down");
  });

  it("recovers from a SIGKILLed run that left a stale postmaster.pid", async () => {
    const a = startHolder();
    const { childPid } = await ready(a);
    const pid = postmasterPid();

    // Crash everything: wrapper, its child, and the server with its backends (own process group).
    a.proc.kill("SIGKILL");
    process.kill(childPid, "SIGKILL");
    process.kill(-pid, "SIGKILL");
    await a.exited;
    await waitFor("the killed server to be gone", () => !alive(pid));
    expect(fs.existsSync(pidFile())).toBe(true);

    const b = startHolder();
    const rb = await ready(b);
    expect(b.output()).toContain("embedded PostgreSQL started");
    expect(postmasters()).toHaveLength(1);
    expect(await selectOne(rb.url)).toBe(1);

    b.proc.stdin!.end();
    expect((await b.exited).code).toBe(0);
    expect(fs.existsSync(pidFile())).toBe(false);
    expect(postmasters()).toEqual([]);
  });

  it("names CERTBOARD_DB_PORT when the port belongs to another program", async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
    try {
      const a = startHolder();
      const { code } = await a.exited;
      expect(code).toBe(1);
      expect(a.output()).toContain("CERTBOARD_DB_PORT");
      expect(postmasters()).toEqual([]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it("keeps a random superuser password in a file only this user can read", async () => {
    const a = startHolder();
    const { url } = await ready(a);
    const password = fs.readFileSync(path.join(dataDir, "password"), "utf8").trim();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(new URL(url).password).toBe(password);
    expect(access(path.join(dataDir, "password"))).toEqual({ mode: 0o600, ours: true });
    // db.json repeats the URL, so it is as private as the password file.
    expect(access(path.join(dataDir, "db.json"))).toEqual({ mode: 0o600, ours: true });
    expect(await connectError(withOldPassword(url))).toBe("28P01");
    expect(await selectOne(url)).toBe(1);

    a.proc.stdin!.end();
    expect((await a.exited).code).toBe(0);
  });

  it("moves a data folder made with the old fixed password to a random one at the next start", async () => {
    const a = startHolder();
    const { url } = await ready(a);
    // What a folder initialised by an older Certboard looks like: the fixed password, no password file.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("ALTER ROLE postgres PASSWORD 'postgres'");
    await admin.end();
    fs.rmSync(path.join(dataDir, "password"), { force: true });
    a.proc.stdin!.end();
    expect((await a.exited).code).toBe(0);

    const b = startHolder();
    const rb = await ready(b);
    expect(b.output()).toContain("replaced the old fixed password");
    const password = fs.readFileSync(path.join(dataDir, "password"), "utf8").trim();
    expect(password).not.toBe("postgres");
    expect(new URL(rb.url).password).toBe(password);
    expect(access(path.join(dataDir, "password"))).toEqual({ mode: 0o600, ours: true });
    expect(await connectError(withOldPassword(rb.url))).toBe("28P01");
    expect(await selectOne(rb.url)).toBe(1);

    b.proc.stdin!.end();
    expect((await b.exited).code).toBe(0);
  });

  it("refuses a data folder that holds files but no global/pg_control, and deletes nothing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-db-half-"));
    try {
      fs.chmodSync(dir, 0o755);
      // What an initdb killed half-way (or a stray copy) leaves: files, but no control file.
      const pg = path.join(dir, "pg");
      fs.mkdirSync(path.join(pg, "base", "1"), { recursive: true });
      fs.writeFileSync(path.join(pg, "PG_VERSION"), "17\n");
      fs.writeFileSync(path.join(pg, "base", "1", "1259"), "precious");
      const a = startHolder(dir);
      const { code } = await a.exited;
      expect(code).toBe(1);
      expect(a.output()).toContain("global/pg_control");
      expect(a.output()).toContain(pg);
      expect(fs.readFileSync(path.join(pg, "base", "1", "1259"), "utf8")).toBe("precious");
      expect(fs.readFileSync(path.join(pg, "PG_VERSION"), "utf8")).toBe("17\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
