/**
 * The server's side of /api/metrics (prom-client). Each process records its requests in prom-client's
 * default registry, which the app's own metrics (lib/metrics) share: prom-client is a server external
 * package (next.config.ts), so Next's bundle and this file load the same module. In a cluster one
 * scrape must see every worker: the worker answering it asks the primary over the cluster's IPC
 * channel, and the primary merges all workers' registries (prom-client's AggregatorRegistry).
 */
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import client from "prom-client";
import { routeMatcher } from "./routes.mjs";

const ASK = "certboard:metrics?";
const ANSWER = "certboard:metrics";
/** How long a worker waits for the primary's merged answer (prom-client itself gives workers 5 s). */
const ASK_TIMEOUT_MS = 10_000;

/**
 * Records every request's duration by route template, method and status in this process.
 * @param {import("node:http").Server} server
 * @param {string} projectRoot
 */
export function observeRequests(server, projectRoot) {
  const manifest = path.join(projectRoot, ".next", "app-path-routes-manifest.json");
  const route = routeMatcher(fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, "utf8")) : {});
  const duration = new client.Histogram({
    name: "certboard_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its answer, by route template, method and status.",
    labelNames: ["route", "method", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });
  server.on("request", (req, res) => {
    const end = duration.startTimer();
    let observed = false;
    const observe = () => {
      if (observed) return;
      observed = true;
      end({ route: route(req.url ?? "/"), method: req.method ?? "GET", status: String(res.statusCode) });
    };
    // At "finish" the answer was handed to the OS, before the client can have read it; an answer cut
    // short (the client left, the process is stopping) counts at "close", with the status it had.
    res.once("finish", observe);
    res.once("close", observe);
  });
}

/** In a cluster worker: lets the metrics route ask the primary for the whole server's metrics. */
export function shareClusterMetrics() {
  // Creating one installs prom-client's worker side: it answers the primary's requests for this process's registry.
  new client.AggregatorRegistry();
  /** @type {Map<number, { resolve: (text: string) => void, reject: (error: Error) => void }>} */
  const waiting = new Map();
  let next = 0;
  process.on("message", (/** @type {any} */ message) => {
    if (message?.type !== ANSWER) return;
    const waiter = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error));
    else waiter?.resolve(message.text);
  });
  /** @type {any} */ (globalThis).certboardClusterMetrics = () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error("the primary did not merge the workers' metrics in time"));
      }, ASK_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      process.send?.({ type: ASK, id });
    });
}

/** In the cluster primary: answers workers' requests with every worker's metrics merged. */
export function serveClusterMetrics() {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, /** @type {any} */ message) => {
    if (message?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, text }),
      (/** @type {Error} */ error) => worker.isConnected() && worker.send({ type: ANSWER, id: message.id, error: error.message }),
    );
  });
}
