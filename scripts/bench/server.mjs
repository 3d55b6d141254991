/**
 * The server under test: the production build (`next build` when there is none, or with --build),
 * the production server (scripts/serve.mjs) on its own port against the bench database, its resident memory sampled from /proc
 * for the whole run, and an optional flock(1) held while building and serving (machines where
 * several people share one .next).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { PROJECT_ROOT } from "../embedded-db.mjs";

const NEXT = path.join(PROJECT_ROOT, "node_modules", ".bin", "next");
const SERVE = path.join(PROJECT_ROOT, "scripts", "serve.mjs");

/**
 * Holds flock(1) on `file` until release() (the lock goes with the `flock` process).
 * @param {string} file
 * @param {(line: string) => void} log
 */
export async function holdLock(file, log) {
  log(`[bench] waiting for the lock ${file}`);
  const child = spawn("flock", [file, "sh", "-c", "echo locked; exec cat >/dev/null"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`flock ${file} exited (${code}) before taking the lock`)));
    readline.createInterface({ input: /** @type {import("node:stream").Readable} */ (child.stdout) }).once("line", resolve);
  });
  child.removeAllListeners("exit");
  log(`[bench] holding the lock ${file}`);
  return {
    release: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        child.stdin?.end();
      }),
  };
}

/**
 * @param {{ force: boolean, log: (line: string) => void }} options
 * @returns {Promise<number | null>} seconds the build took, or null when the existing build was used
 */
export async function ensureBuild(options) {
  if (!options.force && fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) return null;
  options.log("[bench] next build");
  const t0 = performance.now();
  await new Promise((resolve, reject) => {
    // Its output goes to stderr: stdout is the bench's report.
    const child = spawn(NEXT, ["build"], { cwd: PROJECT_ROOT, stdio: ["ignore", process.stderr, process.stderr], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(undefined) : reject(new Error(`next build failed (exit ${code})`))));
  });
  return (performance.now() - t0) / 1000;
}

/** Pids of `root` and all its descendants, from /proc. @param {number} root */
function processTree(root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Exited while we looked.
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(/** @type {number} */ (out[i])) ?? []));
  return out;
}

/** @param {number} pid @param {string} field VmRSS or VmHWM */
function statusKiB(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of `pid` and its descendants every `everyMs`: the peak of their sum,
 * and each process's own high-water mark (VmHWM, kept by the kernel between samples).
 * @param {number} pid
 * @param {number} [everyMs]
 */
export function sampleMemory(pid, everyMs = 200) {
  let peakSumKiB = 0;
  /** @type {Map<number, number>} */
  const hwm = new Map();
  const sample = () => {
    let sum = 0;
    for (const p of processTree(pid)) {
      sum += statusKiB(p, "VmRSS");
      hwm.set(p, Math.max(hwm.get(p) ?? 0, statusKiB(p, "VmHWM")));
    }
    peakSumKiB = Math.max(peakSumKiB, sum);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    sample,
    stop() {
      sample();
      clearInterval(timer);
      return { peakRssMiB: peakSumKiB / 1024, peakHwmMiB: Math.max(0, ...hwm.values()) / 1024, processes: hwm.size };
    },
  };
}

/**
 * The production server on 127.0.0.1:`port` against `databaseUrl`; resolves once /api/health answers 200.
 * `workers` sets CERTBOARD_WORKERS; without it the server runs its default (one process per core, at most 8).
 * @param {{ port: number, databaseUrl: string, logFile: string, log: (line: string) => void, workers?: number }} options
 */
export async function startServer(options) {
  const out = fs.openSync(options.logFile, "w");
  const child = spawn(process.execPath, [SERVE, "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    // Its own process group, so stopping it reaches every process the server made.
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, DATABASE_URL: options.databaseUrl, NODE_ENV: "production", PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1", ...(options.workers && { CERTBOARD_WORKERS: String(options.workers) }) },
  });
  fs.closeSync(out);
  const pid = /** @type {number} */ (child.pid);
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  const base = `http://127.0.0.1:${options.port}`;
  const t0 = performance.now();
  for (;;) {
    if (exited) throw new Error(`the server exited; see ${options.logFile}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - t0 > 90_000) throw new Error(`the server did not answer /api/health within 90 s; see ${options.logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  options.log(`[bench] server ready on ${base} in ${((performance.now() - t0) / 1000).toFixed(1)} s (pid ${pid}, CERTBOARD_WORKERS=${options.workers ?? process.env.CERTBOARD_WORKERS ?? "default"})`);
  return {
    pid,
    base,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve(undefined);
        child.once("exit", () => resolve(undefined));
        try {
          process.kill(-pid, "SIGTERM");
        } catch {
          resolve(undefined);
        }
        setTimeout(() => {
          try {
            if (!exited) process.kill(-pid, "SIGKILL");
          } catch {
            // Gone.
          }
        }, 10_000).unref();
      }),
  };
}
