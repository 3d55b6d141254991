/**
 * HTTP load through autocannon: every response's latency is kept (its `response` event) so the
 * percentiles come from stats.mjs, the same method as the raw-SQL floor. Only 2xx responses count
 * as samples; anything else is reported, and a phase with errors says so in the table.
 */
import autocannon from "autocannon";
import { summarize } from "./stats.mjs";

/**
 * @typedef {object} LoadResult
 * @property {ReturnType<typeof summarize>} latency milliseconds, 2xx responses only
 * @property {number} seconds wall time of the measured phase
 * @property {number} ok 2xx responses
 * @property {Record<string, number>} statuses every status code seen, with its count
 * @property {number} errors connection errors and timeouts
 * @property {number} bytes response bytes of 2xx responses
 */

/**
 * @param {import("autocannon").Options} options
 * @returns {Promise<LoadResult>}
 */
async function runOnce(options) {
  /** @type {number[]} */
  const samples = [];
  /** @type {Record<string, number>} */
  const statuses = {};
  let bytes = 0;
  const started = performance.now();
  const instance = autocannon({ timeout: 60, ...options });
  instance.on("response", (/** @type {unknown} */ _client, /** @type {number} */ status, /** @type {number} */ resBytes, /** @type {number} */ ms) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) {
      samples.push(ms);
      bytes += resBytes;
    }
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  return { latency: summarize(samples), seconds, ok: samples.length, statuses, errors: result.errors + result.timeouts, bytes };
}

/**
 * GET `url` from `connections` clients: `warmup` seconds unmeasured, then `duration` seconds measured.
 * @param {{ url: string, headers?: Record<string, string>, connections: number, duration: number, warmup: number }} options
 */
export async function measureGet(options) {
  const base = { url: options.url, headers: options.headers ?? {}, connections: options.connections };
  if (options.warmup > 0) await runOnce({ ...base, duration: options.warmup });
  return runOnce({ ...base, duration: options.duration });
}

/**
 * Sends `amount` POST requests from `connections` clients, each body made by `next()` (so every
 * request is distinct), and reports requests per second over the whole phase.
 * @param {{ url: string, headers: Record<string, string>, connections: number, amount: number, next: () => { path: string, body: string } }} options
 */
export async function measurePosts(options) {
  const result = await runOnce({
    url: options.url,
    connections: options.connections,
    amount: options.amount,
    requests: [
      {
        method: "POST",
        headers: options.headers,
        setupRequest: (/** @type {Record<string, unknown>} */ request) => {
          const { path, body } = options.next();
          return { ...request, method: "POST", path, headers: options.headers, body };
        },
      },
    ],
  });
  return { ...result, perSecond: result.ok / result.seconds };
}
