// The system tier's machinery: real processes on loopback. A PostgreSQL held by
// scripts/with-db.mjs (stopping the holder stops the database, as it would for `npm start`), and
// production servers started as scripts/serve.mjs straight from node, so a signal reaches the server
// itself. Every process started here is tracked and stopped by stopAll(), even after a failure.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { onTestFailed } from "vitest";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVE = path.join(ROOT, "scripts", "serve.mjs");
const WITH_DB = path.join(ROOT, "scripts", "with-db.mjs");

/** The demo product every system database starts with (prisma/seed.ts). */
export const PRODUCT = "neuron-operator";

// Base ports, each file taking its own offsets, so a straggler of one file never answers another.
export const httpPort = (offset: number) => Number(process.env.CERTBOARD_SYSTEM_PORT ?? 3120) + offset;
export const dbPort = (offset: number) => Number(process.env.CERTBOARD_SYSTEM_DB_PORT ?? 24360) + offset;

/** A scratch folder PostgreSQL (the OS user "postgres" when we are root) can enter. */
export function scratchDir(name: string): string {
  const parent = process.env.CERTBOARD_SYSTEM_DATA_DIR ?? os.tmpdir();
  const dir = mkdtempSync(path.join(parent, `certboard-sys-${name}-`));
  chmodSync(dir, 0o755);
  return dir;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns something truthy; throws what it throws, or a timeout naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

type Exit = { code: number | null; signal: NodeJS.Signals | null };
const children = new Set<Child>();
const started: Child[] = [];

/** After a failed test, prints what this file's servers and databases wrote (the reason is often there). */
export function printOutputOnFailure(): void {
  onTestFailed(() => {
    for (const child of started) console.error(`--- ${child.label} (last output) ---\n${child.output().slice(-6_000)}`);
  });
}

/** A node child process with its recent output kept for failure messages. */
export class Child {
  readonly proc: ChildProcess;
  readonly exited: Promise<Exit>;
  private out = "";

  constructor(
    readonly label: string,
    readonly kind: "server" | "database",
    args: string[],
    env: NodeJS.ProcessEnv,
  ) {
    this.proc = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => {
      this.out = (this.out + chunk.toString()).slice(-20_000);
    };
    this.proc.stdout!.on("data", keep);
    this.proc.stderr!.on("data", keep);
    this.exited = new Promise((resolve) => this.proc.on("exit", (code, signal) => resolve({ code, signal })));
    children.add(this);
    started.push(this);
    void this.exited.then(() => children.delete(this));
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  output(): string {
    return this.out;
  }

  /** Sends `signal` and waits for the exit, escalating to SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 15_000): Promise<Exit> {
    if (!this.running) return this.exited;
    this.proc.kill(signal);
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Stops every process this file started: servers first, then databases (cleanly, so PostgreSQL stops too). */
export async function stopAll(): Promise<void> {
  const all = [...children];
  await Promise.all(all.filter((c) => c.kind === "server").map((c) => c.stop("SIGTERM", 5_000)));
  await Promise.all(all.filter((c) => c.kind === "database").map((c) => c.stop("SIGTERM", 30_000)));
}

/** Whether something accepts connections on 127.0.0.1:port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (taken: boolean) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(1_000, () => done(true));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export type Database = { url: string; port: number; dataDir: string; holder: Child };

/**
 * Starts (or restarts) the embedded PostgreSQL in `dataDir`, held by scripts/with-db.mjs until
 * stopDatabase(). `prepare` applies migrations and seeds the demo product.
 */
export async function startDatabase(options: { dataDir: string; port: number; prepare: boolean }): Promise<Database> {
  if (await portTaken(options.port)) throw new Error(`Port ${options.port} is taken: set CERTBOARD_SYSTEM_DB_PORT to a free range.`);
  const env: NodeJS.ProcessEnv = { ...process.env, CERTBOARD_DATA_DIR: options.dataDir, CERTBOARD_DB_PORT: String(options.port), NO_COLOR: "1" };
  // The tier controls its own PostgreSQL (it stops it): an outside DATABASE_URL is never used here.
  delete env.DATABASE_URL;
  delete env.CERTBOARD_SEED;
  const holder = new Child(`database :${options.port}`, "database", [WITH_DB, ...(options.prepare ? ["--migrate", "--seed"] : [])], env);
  const match = await waitFor(
    `PostgreSQL on port ${options.port}`,
    () => {
      if (!holder.running) throw new Error(`with-db.mjs exited early:\n${holder.output()}`);
      return /\[with-db\] DATABASE_URL=(\S+)/.exec(holder.output());
    },
    120_000,
  );
  return { url: match[1]!, port: options.port, dataDir: options.dataDir, holder };
}

/** Stops the database the way Ctrl-C on `npm start` would: fast shutdown, connections terminated. */
export async function stopDatabase(db: Database): Promise<void> {
  const exit = await db.holder.stop("SIGTERM", 30_000);
  if (exit.code !== 143 && exit.code !== 0) throw new Error(`with-db.mjs exited with ${JSON.stringify(exit)}:\n${db.holder.output()}`);
}

/** The URL of another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database copied from the migrated and seeded `certboard` one (fast: no migrations, no seed). */
export async function createDatabase(templateUrl: string, name: string): Promise<string> {
  await sql(databaseUrl(templateUrl, "postgres"), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${new URL(templateUrl).pathname.slice(1)}"`);
  });
  return databaseUrl(templateUrl, name);
}

/** Runs `work` with a connection of its own, closed afterwards. */
export async function sql<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

export type Server = { port: number; base: string; child: Child };

/** The servers run the production build: without one, say how to make it. */
export function requireBuild(): void {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `node scripts/test-all.mjs system` (it builds first) or `npx next build`.");
  }
}

/** The production server (scripts/serve.mjs) on 127.0.0.1:port over `databaseUrl`, ready once /api/health answers 200 (from any worker). */
export async function startServer(port: number, databaseUrl: string, options: { trustedProxies?: number; workers?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Server> {
  requireBuild();
  if (await portTaken(port)) throw new Error(`Port ${port} is taken: set CERTBOARD_SYSTEM_PORT to a free range.`);
  // One process unless a test is about the cluster (CERTBOARD_WORKERS), so the other files see one process as before.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, CERTBOARD_WORKERS: String(options.workers ?? 1), ...options.env };
  // Requests come from the server's own loopback origin; a test that plays a load balancer says so.
  delete env.CERTBOARD_URL;
  delete env.CERTBOARD_TRUSTED_PROXIES;
  if (options.trustedProxies) env.CERTBOARD_TRUSTED_PROXIES = String(options.trustedProxies);
  const child = new Child(`server :${port}`, "server", [SERVE, "-p", String(port), "-H", "127.0.0.1"], env);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    `${base}/api/health to answer 200`,
    async () => {
      if (!child.running) throw new Error(`the server exited early:\n${child.output()}`);
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      return response?.status === 200;
    },
    60_000,
  );
  return { port, base, child };
}

// ---------------------------------------------------------------------------------------------
// HTTP

export type Reply<T> = { status: number; json: T; text: string; headers: Headers; ms: number };

export type CallInit = {
  method?: string;
  token?: string;
  /** Session cookie; the server's own Origin is sent with it, as a browser page would. */
  cookie?: string;
  json?: unknown;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
};

/** One request; never waits longer than `timeoutMs` (10 s by default). */
export async function call<T = unknown>(server: Server, urlPath: string, init: CallInit = {}): Promise<Reply<T>> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.cookie) {
    headers.set("cookie", init.cookie);
    headers.set("origin", server.base);
  }
  let body = init.body;
  if (init.json !== undefined) body = JSON.stringify(init.json);
  if (body !== undefined) headers.set("content-type", init.contentType ?? "application/json");
  const started = Date.now();
  const response = await fetch(`${server.base}${urlPath}`, {
    method: init.method ?? "GET",
    headers,
    body,
    signal: AbortSignal.timeout(init.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a page, an empty body): `text` has it.
  }
  return { status: response.status, json: json as T, text, headers: response.headers, ms: Date.now() - started };
}

export type Admin = { email: string; password: string; cookie: string };

/** The first-run setup through POST /api/v1/setup: the first admin, signed in. */
export async function setUpAdmin(server: Server): Promise<Admin> {
  const admin = { name: "System Admin", email: `admin-${server.port}@system.test`, password: `system-test-password-${server.port}` };
  // A fresh server's first answers (modules loaded, password hashed) may be slow on a busy machine.
  const reply = await call(server, "/api/v1/setup", { method: "POST", json: admin, headers: { origin: server.base }, timeoutMs: 30_000 });
  if (reply.status !== 201) throw new Error(`setup: ${reply.status} ${reply.text}`);
  const cookie = reply.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie) throw new Error("setup answered 201 but set no session cookie");
  return { email: admin.email, password: admin.password, cookie };
}

/** An API token through POST /api/v1/tokens, as the signed-in admin. */
export async function createToken(server: Server, admin: Admin, role: "engineer" | "uploader"): Promise<string> {
  const reply = await call<{ token: { token: string } }>(server, "/api/v1/tokens", {
    method: "POST",
    cookie: admin.cookie,
    json: { name: `system-${role}-${Date.now()}`, role, expires: "1d" },
    timeoutMs: 30_000,
  });
  if (reply.status !== 201) throw new Error(`token: ${reply.status} ${reply.text}`);
  return reply.json.token.token;
}

// ---------------------------------------------------------------------------------------------
// Server-sent events

export type StreamEvent = { event: string; data: unknown; at: number };

export type EventStream = {
  events: StreamEvent[];
  /** Resolves with the first event (past or future) matching `match`, or rejects after `timeoutMs`. */
  next(what: string, match: (e: StreamEvent) => boolean, timeoutMs: number): Promise<StreamEvent>;
  close(): void;
};

/** GET /api/v1/stream?product=… read as EventSource would, once the response headers arrived. */
export async function openStream(server: Server, product: string, token: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${server.base}/api/v1/stream?product=${encodeURIComponent(product)}`, {
    headers: { accept: "text/event-stream", authorization: `Bearer ${token}` },
    signal: AbortSignal.any([abort.signal, AbortSignal.timeout(60_000)]),
  });
  if (response.status !== 200 || !response.body) throw new Error(`stream: ${response.status} ${await response.text()}`);
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (name && data !== undefined) events.push({ event: name, data: JSON.parse(data), at: Date.now() });
          for (const wake of waiters) wake();
        }
      }
    } catch {
      // Closed by close() or the 60 s cap.
    }
  })();
  return {
    events,
    next(what, match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No ${what} within ${timeoutMs} ms; events so far: ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
