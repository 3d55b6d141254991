/**
 * One server process: Next's request handler behind our own node:http server (a cluster worker, or
 * the whole server when CERTBOARD_WORKERS=1). See scripts/serve.mjs for why it is not `next start`.
 */
import cluster from "node:cluster";
import http from "node:http";
import { keepAliveMs } from "../keep-alive.mjs";
import { observeRequests, shareClusterMetrics } from "./metrics.mjs";

/** The header lib/auth/client-ip.ts reads the TCP peer from; only this server may set it. */
const PEER_HEADER = "x-certboard-peer";
/** How long a stopping server waits for requests in flight before cutting the remaining connections. */
export const DRAIN_MS = 10_000;
/**
 * Lingering close. When an answer closes its connection before the request's body was read (a
 * 413 decided from Content-Length, a 401 before the upload), Node destroys the socket while the
 * client is still sending: the client's next write fails with EPIPE, and the reset can discard the
 * answer before the client reads it. Instead the answer and a FIN go out, and what the client
 * still sends is read and dropped until it closes its side, for at most LINGER_MS.
 */
const LINGER_MS = 5_000;

/** @param {import("node:net").Socket} socket */
function lingerOnClose(socket) {
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
}

/** @param {import("node:net").AddressInfo | string | null} address */
export function shownAddress(address) {
  return typeof address === "object" && address ? `${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}` : String(address);
}

/**
 * Prepares Next and serves it on port/hostname until SIGTERM/SIGINT: then it stops accepting
 * connections, lets requests in flight finish (cutting what is left after DRAIN_MS, e.g. live
 * streams), closes idle keep-alive connections at once and exits 128+signal.
 * @param {{ port: number, hostname: string | undefined, projectRoot: string }} options
 */
export async function runServer({ port, hostname, projectRoot }) {
  // `next start` sets these for the production server; a custom server must do it before loading next.
  process.env.NODE_ENV = "production";
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: projectRoot, hostname: hostname ?? "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = http.createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  observeRequests(server, projectRoot);
  if (cluster.isWorker) shareClusterMetrics();
  server.on("connection", lingerOnClose);
  server.keepAliveTimeout = keepAliveMs();
  // Node requires the headers timeout to exceed the keep-alive timeout, or idle sockets race it.
  server.headersTimeout = server.keepAliveTimeout + 1_000;

  server.on("error", (error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    const where = `http://${shownAddress(server.address())}`;
    // In a cluster the primary announces the server once; each worker says who it is.
    if (cluster.isWorker) console.log(`[serve] worker ${cluster.worker?.id} (pid ${process.pid}) listening on ${where}`);
    else console.log(`▲ Certboard ready on ${where}`);
  });

  let stopping = false;
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
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
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}
