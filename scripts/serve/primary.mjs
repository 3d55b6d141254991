/**
 * The cluster primary (CERTBOARD_WORKERS > 1): forks the workers, which share one listening port
 * (node:cluster hands connections out round-robin), restarts a worker that dies, and on
 * SIGTERM/SIGINT lets every worker drain, then exits 128+signal. It serves no requests itself.
 *
 * Background jobs run once: only the worker of slot 0 (and whichever worker replaces it) runs the
 * notification worker of instrumentation.ts (relay, deliveries, schedules, sweeps); the others get
 * CERTBOARD_WORKER=off.
 */
import cluster from "node:cluster";
import { serveClusterMetrics } from "./metrics.mjs";
import { DRAIN_MS, shownAddress } from "./server.mjs";
import { restartPlan, YOUNG_MS } from "./workers.mjs";

/** Past the workers' own drain, the primary stops waiting and kills what is left. */
const STOP_GRACE_MS = DRAIN_MS + 10_000;

/**
 * @param {{ workers: number, log?: (line: string) => void }} options
 */
export function runPrimary({ workers, log = (line) => console.log(line) }) {
  serveClusterMetrics();
  /** @typedef {{ slot: number, worker: import("node:cluster").Worker | null, startedAt: number, listening: boolean, youngDeaths: number, failedStarts: number, timer: NodeJS.Timeout | null, replaced: { id: number, diedAt: number } | null }} Slot */
  /** @type {Slot[]} */
  const slots = Array.from({ length: workers }, (_, slot) => ({ slot, worker: null, startedAt: 0, listening: false, youngDeaths: 0, failedStarts: 0, timer: null, replaced: null }));
  let stopping = false;
  let announced = false;

  /** @param {Slot} s */
  const fork = (s) => {
    s.timer = null;
    /** @type {Record<string, string>} */
    const env = { CERTBOARD_SERVE_SLOT: String(s.slot) };
    if (s.slot !== 0) env.CERTBOARD_WORKER = "off";
    s.worker = cluster.fork(env);
    s.startedAt = Date.now();
    s.listening = false;
    const replacing = s.replaced;
    s.worker.once("listening", (address) => {
      s.listening = true;
      s.failedStarts = 0;
      if (replacing) log(`serve: worker ${replacing.id} replaced by worker ${s.worker?.id} (pid ${s.worker?.process.pid}), answering ${((Date.now() - replacing.diedAt) / 1000).toFixed(1)} s after it died`);
      if (!announced && slots.every((x) => x.listening)) {
        announced = true;
        log(`▲ Certboard ready on http://${shownAddress(/** @type {any} */ (address))} (${workers} workers)`);
      }
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    const s = slots.find((x) => x.worker === worker);
    if (!s) return;
    s.worker = null;
    if (stopping) return;
    s.replaced = { id: worker.id, diedAt: Date.now() };
    const lived = Date.now() - s.startedAt;
    s.youngDeaths = lived < YOUNG_MS ? s.youngDeaths + 1 : 0;
    if (!s.listening) s.failedStarts += 1;
    const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
    const plan = restartPlan(s);
    if (plan.giveUp) {
      console.error(`serve: worker ${worker.id} (pid ${worker.process.pid}, slot ${s.slot}) ${why} before listening, ${s.failedStarts} times in a row: giving up (is the build broken? see the output above)`);
      stopAll("SIGTERM", 1);
      return;
    }
    log(`serve: worker ${worker.id} (pid ${worker.process.pid}, slot ${s.slot}${s.slot === 0 ? ", background jobs" : ""}) ${why} after ${(lived / 1000).toFixed(1)} s; ${plan.delayMs ? `restarting in ${plan.delayMs / 1000} s` : "restarting"}`);
    s.timer = setTimeout(() => fork(s), plan.delayMs);
  });

  /** @param {NodeJS.Signals} signal @param {number} [exitCode] */
  function stopAll(signal, exitCode) {
    if (stopping) return;
    stopping = true;
    const code = exitCode ?? (signal === "SIGINT" ? 130 : 143);
    for (const s of slots) if (s.timer) clearTimeout(s.timer);
    const alive = slots.flatMap((s) => (s.worker && !s.worker.isDead() ? [s.worker] : []));
    if (alive.length === 0) process.exit(code);
    let left = alive.length;
    const kill = setTimeout(() => {
      for (const w of alive) if (!w.isDead()) w.process.kill("SIGKILL");
    }, STOP_GRACE_MS);
    kill.unref();
    for (const w of alive) {
      w.once("exit", () => {
        left -= 1;
        if (left === 0) process.exit(code);
      });
      // The same signal: each worker drains as a single server would (a signal sent to the whole
      // process group reaches them twice; a worker stops once).
      w.process.kill(signal);
    }
  }

  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
  for (const s of slots) fork(s);
}
