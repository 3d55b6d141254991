#!/usr/bin/env node
/**
 * The production server: Next's request handler behind our own node:http server.
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
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "./embedded-db.mjs";
import { keepAliveMs } from "./keep-alive.mjs";

/** The header lib/auth/client-ip.ts reads the TCP peer from; only this server may set it. */
const PEER_HEADER = "x-certboard-peer";
/** How long a stopping server waits for requests in flight before cutting the remaining connections. */
const DRAIN_MS = 10_000;

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: the port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port ?? process.env.PORT)}.`);
  process.exit(2);
}
const hostname = values.hostname;

// `next start` sets these for the production server; a custom server must do it before loading next.
process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { default: next } = await import("next");

const app = next({ dev: false, dir: PROJECT_ROOT, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
// Lingering close. When an answer closes its connection before the request's body was read (a
// 413 decided from Content-Length, a 401 before the upload), Node destroys the socket while the
// client is still sending: the client's next write fails with EPIPE, and the reset can discard the
// answer before the client reads it. Instead the answer and a FIN go out, and what the client
// still sends is read and dropped until it closes its side, for at most LINGER_MS.
const LINGER_MS = 5_000;
server.on("connection", (socket) => {
  socket.destroySoon = function lingeringClose() {
    if (this.writable) this.end();
    if (this.readableEnded) {
      if (this.writableFinished) this.destroy();
      else this.once("finish", () => this.destroy());
      return;
    }
    const cut = setTimeout(() => this.destroy(), LINGER_MS);
    cut.unref();
    this.once("close", () => clearTimeout(cut));
    this.once("end", () => this.destroy());
    this.resume();
  };
});
server.keepAliveTimeout = keepAliveMs();
// Node requires the headers timeout to exceed the keep-alive timeout, or idle sockets race it.
server.headersTimeout = server.keepAliveTimeout + 1_000;

server.on("error", (error) => {
  console.error(`serve: ${error.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === "object" && address ? `${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}` : String(address);
  console.log(`▲ Certboard ready on http://${shown}`);
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
function stop(signal) {
  if (stopping) return;
  stopping = true;
  const code = signal === "SIGINT" ? 130 : 143;
  const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  cut.unref();
  server.close(() => {
    clearTimeout(cut);
    app
      .close()
      .catch((error) => console.error(`serve: ${error}`))
      .finally(() => process.exit(code));
  });
  // Idle keep-alive connections would otherwise hold close() open for the whole keep-alive timeout.
  server.closeIdleConnections();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
