#!/usr/bin/env node
/**
 * The production server: Next's request handler behind our own node:http server, in
 * CERTBOARD_WORKERS processes sharing one port (default: one per core, at most 8).
 *
 *   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]      (defaults: PORT or 3000, all interfaces)
 *
 * Why not `next start`: a route handler cannot see the TCP peer, and `next start` only fills
 * X-Forwarded-For from the socket when the client sent none, so a client could choose the address
 * its rate limits and the first-run setup's loopback check see. Here every request carries the
 * socket's address in `x-certboard-peer`, overwriting whatever the client sent (lib/auth/client-ip.ts).
 * Idle connections stay open CERTBOARD_KEEP_ALIVE_MS (scripts/keep-alive.mjs). SIGTERM/SIGINT stop
 * accepting connections, let requests in flight finish (live streams are cut after a grace period),
 * then exit 128+signal, as `next start` does.
 *
 * With CERTBOARD_WORKERS=1 this process is the server (scripts/serve/server.mjs). Otherwise it is a
 * node:cluster primary (scripts/serve/primary.mjs) that forks the workers, restarts those that die
 * and drains them all on SIGTERM; the workers run this same file and become servers.
 */
import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { runPrimary } from "./serve/primary.mjs";
import { runServer } from "./serve/server.mjs";
import { workerCount } from "./serve/workers.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port ?? process.env.PORT)}.`);
  process.exit(2);
}
let workers;
try {
  workers = workerCount(process.env.CERTBOARD_WORKERS);
} catch (error) {
  console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

if (workers > 1 && cluster.isPrimary) runPrimary({ workers });
else await runServer({ port, hostname: values.hostname, projectRoot: PROJECT_ROOT });
