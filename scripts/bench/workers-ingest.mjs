/**
 * Ingest by worker count (issue 16, "Every core"): the same uploads at N clients against a server
 * restarted with CERTBOARD_WORKERS=1, then =2, on the same dataset. Records two targets: the
 * speed-up of 2 workers over 1, and the server's CPU per upload with 1 worker.
 */
import { section, table } from "./report.mjs";
import { round } from "./stats.mjs";
import { target } from "./targets.mjs";

const SPEEDUP_TARGET = 1.6;
const CPU_TARGET_MS = 5;

/**
 * @param {{
 *   restart: (workers: number) => Promise<{ pid: number }>,
 *   post: (connections: number, amount: number) => Promise<{ ok: number, perSecond: number, errors: number, statuses: Record<string, number>, latency: { p50: number, p95: number } }>,
 *   cpuSeconds: (pid: number) => number,
 *   clients: number,
 *   runs: number,
 *   log: (line: string) => void,
 * }} options
 */
export async function measureIngestByWorkers({ restart, post, cpuSeconds, clients, runs, log }) {
  /** @type {Record<number, { perSecond: number, ok: number, errors: number, statuses: Record<string, number>, p50: number, p95: number, serverCpuMsPerRun: number | null }>} */
  const byWorkers = {};
  for (const workers of [1, 2]) {
    log(`[bench] ingest: API, ${clients} clients, CERTBOARD_WORKERS=${workers} (server restarted), ${runs} runs`);
    const server = await restart(workers);
    // A fresh server compiles and connects on its first requests: warm it before measuring.
    await post(clients, clients * 4);
    const cpu0 = cpuSeconds(server.pid);
    const api = await post(clients, runs);
    const cpu = cpuSeconds(server.pid) - cpu0;
    byWorkers[workers] = { perSecond: api.perSecond, ok: api.ok, errors: api.errors, statuses: api.statuses, p50: api.latency.p50, p95: api.latency.p95, serverCpuMsPerRun: api.ok ? (cpu * 1000) / api.ok : null };
  }
  const one = /** @type {NonNullable<typeof byWorkers[1]>} */ (byWorkers[1]);
  const two = /** @type {NonNullable<typeof byWorkers[2]>} */ (byWorkers[2]);
  const clean = (/** @type {typeof one} */ r) => r.errors === 0 && Object.keys(r.statuses).every((s) => s === "201");
  const speedup = one.perSecond > 0 && clean(one) && clean(two) ? two.perSecond / one.perSecond : null;
  target({
    name: `ingest ${clients} clients, 2 workers ÷ 1 worker`,
    measured: speedup,
    op: "≥",
    limit: SPEEDUP_TARGET,
    basis: `${round(two.perSecond)} ÷ ${round(one.perSecond)} runs/s, ${runs} runs each, server restarted between (only when every upload answered 201)`,
  });
  target({
    name: `server CPU per upload (ms), ${clients} clients, 1 worker`,
    measured: clean(one) ? one.serverCpuMsPerRun : null,
    op: "≤",
    limit: CPU_TARGET_MS,
    basis: "user + system CPU of the server's processes from /proc, over the measured uploads",
  });
  const report = section(
    `Ingest by worker count: ${clients} clients, POST /api/v1/preflight/runs`,
    table(
      ["CERTBOARD_WORKERS", "runs/s", "p50 ms", "p95 ms", "server CPU ms/run", "statuses", "errors"],
      [1, 2].map((w) => {
        const r = /** @type {typeof one} */ (byWorkers[w]);
        return [w, r.perSecond, r.p50, r.p95, r.serverCpuMsPerRun, Object.entries(r.statuses).map(([s, n]) => `${n}×${s}`).join(" "), r.errors];
      }),
    ),
  );
  return { byWorkers, speedup, report };
}
