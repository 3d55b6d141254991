import http from "node:http";
import net from "node:net";

// Two ways to put a request on the wire. `send` uses node:http with exactly the headers given
// (no defaults added beyond Host and Content-Length) and one connection per request. `sendRaw`
// writes bytes to a socket for what an HTTP client refuses to produce (a CR inside a header,
// broken chunked framing, a Content-Length that lies) and for answers Node's own HTTP parser
// gives before any handler runs (431, 400), after which it drops the connection.

export type Answer = { status: number; headers: Record<string, string>; text: string };

const bufferOf = (body: Uint8Array | string | undefined) => (body === undefined ? undefined : Buffer.from(typeof body === "string" ? new TextEncoder().encode(body) : body));

export function send(base: URL, method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<Answer> {
  const payload = bufferOf(body);
  return new Promise((resolve, reject) => {
    // A server that refuses a large body answers before reading it and closes the connection; the
    // client, still writing, may then fail with EPIPE or ECONNRESET before it parsed the answer that
    // had already arrived (seen with both cores busy). The bytes that arrived are the answer.
    const arrived: Buffer[] = [];
    const request = http.request(
      { host: base.hostname, port: base.port, method, path, agent: false, headers: { ...headers, ...(payload ? { "content-length": String(payload.length) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)])),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("socket", (socket) => socket.on("data", (chunk: Buffer) => arrived.push(chunk)));
    request.setTimeout(120_000, () => request.destroy(new Error(`${method} ${path}: no answer within 120 s`)));
    request.on("error", (error) => {
      const answer = arrived.length ? answerOf(Buffer.concat(arrived).toString("latin1")) : null;
      if (answer) resolve(answer);
      else reject(error);
    });
    request.end(payload);
  });
}

/** An HTTP/1.x answer read from its raw bytes (latin1: one char a byte), or null when no status line arrived. */
function answerOf(raw: string): Answer | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(raw);
  if (!match) return null;
  const split = raw.indexOf("\r\n\r\n");
  const headerLines = raw.slice(0, split === -1 ? raw.length : split).split("\r\n").slice(1);
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  // Chunk sizes count bytes: undo the framing on the latin1 text, then decode.
  const body = split === -1 ? "" : raw.slice(split + 4);
  const bytes = /chunked/i.test(headers["transfer-encoding"] ?? "") ? unchunk(body) : body;
  return { status: Number(match[1]), headers, text: Buffer.from(bytes, "latin1").toString("utf8") };
}

export function sendRaw(base: URL, head: string, body?: Uint8Array | string): Promise<Answer> {
  const payload = bufferOf(body) ?? Buffer.alloc(0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect({ host: base.hostname, port: Number(base.port) });
    const finish = () => {
      const raw = Buffer.concat(chunks).toString("latin1");
      const answer = answerOf(raw);
      if (answer) resolve(answer);
      else reject(new Error(`no HTTP answer (${raw.length} bytes): ${raw.slice(0, 200)}`));
    };
    socket.setTimeout(120_000, () => socket.destroy(new Error("no answer within 120 s")));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", finish);
    // The server may reset a connection it refused while bytes were still in flight: what arrived counts.
    socket.on("error", (error) => (chunks.length ? finish() : reject(error)));
    // No half-close: a request that promised more body than it sent must be answered, not cut short.
    socket.write(head);
    socket.write(payload);
  });
}

function unchunk(text: string): string {
  let out = "";
  let rest = text;
  for (;;) {
    const line = rest.indexOf("\r\n");
    const size = parseInt(rest.slice(0, line), 16);
    if (line === -1 || !Number.isFinite(size) || size === 0) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** The error code of an answer: ours (`error.code`), better-auth's (`code`), or `http-<status>` when there is no JSON body. */
export function codeOf(answer: Answer): string {
  try {
    const body = JSON.parse(answer.text) as { error?: { code?: unknown }; code?: unknown };
    const code = body.error?.code ?? body.code;
    if (typeof code === "string") return code;
  } catch {
    // Not JSON: Node's HTTP parser answered before any handler ran.
  }
  return `http-${answer.status}`;
}
