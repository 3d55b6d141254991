// PostgreSQL stopped under a running server: requests fail fast with 503 and a clear error,
// /api/health says so, and the same server process serves again once the database is back.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Admin,
  call,
  createToken,
  type Database,
  dbPort,
  httpPort,
  PRODUCT,
  type Reply,
  scratchDir,
  type Server,
  setUpAdmin,
  sleep,
  startDatabase,
  startServer,
  printOutputOnFailure,
  stopAll,
  stopDatabase,
  waitFor,
} from "./harness";

// The bound: no request may hang longer than this while the database is away.
const HANG_LIMIT_MS = 10_000;

const dataDir = scratchDir("outage");
let db: Database;
let server: Server;
let admin: Admin;
let token = "";

beforeAll(async () => {
  // Its own PostgreSQL: stopping the tier's shared one would pull it from under other files.
  db = await startDatabase({ dataDir, port: dbPort(1), prepare: true });
  server = await startServer(httpPort(2), db.url);
  admin = await setUpAdmin(server);
  token = await createToken(server, admin, "engineer");
});
afterAll(async () => {
  await stopAll();
  rmSync(dataDir, { recursive: true, force: true });
});

type ErrorReply = { error?: { code: string; message: string }; status?: string };
type Item = { version: number };

/** The requests a person and a pipeline make, all at once; each is cut off (and fails the test) after HANG_LIMIT_MS. */
function traffic(): Promise<Reply<ErrorReply>>[] {
  const item = `/api/v1/items/P0-1?product=${PRODUCT}`;
  return [
    call<ErrorReply>(server, `/api/v1/items?product=${PRODUCT}`, { token, timeoutMs: HANG_LIMIT_MS }),
    call<ErrorReply>(server, item, { token, timeoutMs: HANG_LIMIT_MS }),
    call<ErrorReply>(server, item, { method: "PATCH", token, json: { version: 1, effortText: "2 hours" }, timeoutMs: HANG_LIMIT_MS }),
    call<ErrorReply>(server, "/api/v1/me", { cookie: admin.cookie, timeoutMs: HANG_LIMIT_MS }),
    call<ErrorReply>(server, `/api/v1/summary?product=${PRODUCT}`, { cookie: admin.cookie, timeoutMs: HANG_LIMIT_MS }),
  ];
}

describe("the database stopped under a running server", () => {
  it("answers 503 with a clear error within 10 s, says so on /api/health, and recovers by itself", { timeout: 120_000 }, async () => {
    printOutputOnFailure();
    expect((await call(server, "/api/health")).status).toBe(200);
    expect((await call(server, `/api/v1/items?product=${PRODUCT}`, { token })).status).toBe(200);

    await stopDatabase(db);

    // Several rounds: the pool's broken connections, then refused new ones, all end the same way.
    for (let round = 0; round < 3; round++) {
      const health = await call<ErrorReply>(server, "/api/health", { timeoutMs: HANG_LIMIT_MS });
      expect(health.status, `round ${round}: health`).toBe(503);
      expect(health.json).toMatchObject({ status: "unavailable", error: { code: "unavailable", message: expect.stringMatching(/database/i) } });
      for (const reply of await Promise.all(traffic())) {
        expect(reply.status, `round ${round}: ${reply.text}`).toBe(503);
        expect(reply.json.error, `round ${round}`).toEqual({ code: "unavailable", message: expect.stringMatching(/database is not reachable/i) });
        expect(reply.ms).toBeLessThan(HANG_LIMIT_MS);
      }
      await sleep(500);
    }
    expect(server.child.running).toBe(true);

    db = await startDatabase({ dataDir, port: db.port, prepare: false });

    // The same process (never restarted) serves again once its pool reconnects.
    await waitFor("/api/health to answer 200 again", async () => (await call(server, "/api/health", { timeoutMs: HANG_LIMIT_MS })).status === 200, 30_000);
    expect(server.child.running).toBe(true);
    const item = await call<Item>(server, `/api/v1/items/P0-1?product=${PRODUCT}`, { token });
    expect(item.status).toBe(200);
    const saved = await call<Item>(server, `/api/v1/items/P0-1?product=${PRODUCT}`, { method: "PATCH", token, json: { version: item.json.version, effortText: "3 hours" } });
    expect(saved.status).toBe(200);
    expect(saved.json.version).toBe(item.json.version + 1);
    expect((await call(server, "/api/v1/me", { cookie: admin.cookie })).status).toBe(200);
  });
});
