// How long the server keeps an idle HTTP connection open. Node's default (5 s) races clients that
// reuse a pooled connection just as the server closes it: the client gets ECONNRESET on a request
// the server never saw. Clients and proxies in front of Certboard (browsers, CI HTTP clients, load
// balancers with a 60 s idle timeout) must close first, so the server waits longer than they do.
const DEFAULT_KEEP_ALIVE_MS = 65_000;

/** The idle keep-alive timeout of scripts/serve.mjs, from CERTBOARD_KEEP_ALIVE_MS (default 65 s). */
export function keepAliveMs(env = process.env) {
  const raw = env.CERTBOARD_KEEP_ALIVE_MS;
  const ms = raw === undefined || raw === "" ? DEFAULT_KEEP_ALIVE_MS : Number(raw);
  if (!Number.isInteger(ms) || ms <= 0) throw new Error(`CERTBOARD_KEEP_ALIVE_MS must be a positive whole number of milliseconds, not ${JSON.stringify(raw)}.`);
  return ms;
}
