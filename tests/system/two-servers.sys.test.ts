// Two server processes on one PostgreSQL, as behind a load balancer: a change made through one
// reaches a live board served by the other (LISTEN/NOTIFY), and the rate limits count every
// attempt wherever it lands (the counters live in the database). The servers trust one proxy, and
// this file plays it: X-Forwarded-For names the client.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LIMITS, SIGN_IN_BACKOFF } from "@/lib/auth/limits";
import {
  type Admin,
  call,
  createDatabase,
  createToken,
  type EventStream,
  httpPort,
  openStream,
  printOutputOnFailure,
  PRODUCT,
  type Server,
  setUpAdmin,
  startServer,
  stopAll,
  waitFor,
} from "./harness";

// The bound for a change to reach another server's live board.
const LIVE_WITHIN_MS = 2_000;

let a: Server;
let b: Server;
let admin: Admin;
let token = "";
let remoteSetup: [number, string] = [0, ""];
const streams: EventStream[] = [];

beforeAll(async () => {
  const url = await createDatabase(inject("systemDatabaseUrl"), "sys_two_servers");
  [a, b] = await Promise.all([startServer(httpPort(3), url, { trustedProxies: 1 }), startServer(httpPort(4), url, { trustedProxies: 1 })]);
  // Through the proxy from another machine, first-run setup needs the code `npm start` printed.
  const remote = await call<{ error: { code: string; message: string } }>(a, "/api/v1/setup", {
    method: "POST",
    json: { name: "Remote Stranger", email: "stranger@system.test", password: "a-long-enough-password" },
    headers: { origin: a.base, "x-forwarded-for": "203.0.113.7" },
  });
  remoteSetup = [remote.status, remote.json.error?.code ?? ""];
  admin = await setUpAdmin(a);
  token = await createToken(a, admin, "engineer");
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await stopAll();
});

type Item = { version: number; effortText: string | null };

/** Opens `server`'s stream of the demo product and waits until it says it is live. */
async function liveBoard(server: Server): Promise<EventStream> {
  const stream = await openStream(server, PRODUCT, token);
  streams.push(stream);
  await stream.next("live status", (e) => e.event === "status" && (e.data as { live: boolean }).live, 10_000);
  return stream;
}

describe("two servers on one database", () => {
  it("refused first-run setup from another machine without the setup code, and set up from this one", () => {
    expect(remoteSetup).toEqual([403, "forbidden"]);
    expect(admin.cookie).not.toBe("");
  });

  it("a change saved through one server reaches a live board on the other within 2 s, both ways", async () => {
    printOutputOnFailure();
    for (const [writer, watcher, key] of [[a, b, "P0-1"], [b, a, "P0-4"]] as const) {
      const board = await liveBoard(watcher);
      const itemUrl = `/api/v1/items/${key}?product=${PRODUCT}`;
      const item = await call<Item>(writer, itemUrl, { token });
      const effortText = `${watcher.port} hours`;
      const saved = await call<Item>(writer, itemUrl, { method: "PATCH", token, json: { version: item.json.version, effortText } });
      expect(saved.status).toBe(200);
      const change = await board.next(
        `a change of ${key} on the board served by :${watcher.port}`,
        (e) => e.event === "change" && (e.data as { key?: string }).key === key,
        LIVE_WITHIN_MS,
      );
      expect(change.data).toEqual({ table: "BacklogItem", op: "update", key });
      // What the board then fetches from its own server is the new state.
      expect((await call<Item>(watcher, itemUrl, { token })).json).toMatchObject({ effortText, version: item.json.version + 1 });
    }
  });

  it("failed sign-ins for one account are slowed down at the same count, alternating between the servers", async () => {
    printOutputOnFailure();
    const person = { name: "Limited Person", email: "limited@system.test", role: "viewer", password: "the-right-password-1" };
    expect((await call(a, "/api/v1/users", { method: "POST", cookie: admin.cookie, json: person })).status).toBe(201);
    const signIn = (server: Server, password: string, attempt: number) =>
      call<{ code?: string; message?: string }>(server, "/api/auth/sign-in/email", {
        method: "POST",
        json: { email: person.email, password },
        // A new address each time: only the per-account counter can stop this.
        headers: { origin: server.base, "x-forwarded-for": `10.77.0.${attempt}` },
      });

    const { freeFailures } = SIGN_IN_BACKOFF;
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= freeFailures + 1; attempt++) statuses.push((await signIn(attempt % 2 ? a : b, "a-wrong-password", attempt)).status);
    expect(statuses).toEqual([...Array(freeFailures).fill(401), 429]);
    // Now the account waits on both servers, whatever the password, and each says how long.
    let retryAfter = 0;
    for (const server of [a, b]) {
      const reply = await signIn(server, person.password, 200);
      expect(reply.status).toBe(429);
      retryAfter = Number(reply.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
    }
    // Once the wait the server named has passed, the right password works.
    await waitFor("the account's delay to pass", async () => (await signIn(b, person.password, 201)).status === 200, (retryAfter + 5) * 1000);
  });

  it("failed token uses from one address are limited at the same count, alternating between the servers", async () => {
    printOutputOnFailure();
    const from = (server: Server, bearer: string, address = "10.78.0.1") =>
      call<{ error: { code: string } }>(server, `/api/v1/items?product=${PRODUCT}`, { token: bearer, headers: { "x-forwarded-for": address } });

    const { limit } = LIMITS.tokenFailuresPerClient;
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= limit + 2; attempt++) statuses.push((await from(attempt % 2 ? a : b, `cbt_not-a-real-token-${attempt}`)).status);
    expect(statuses).toEqual([...Array(limit).fill(401), 429, 429]);
    // The address is blocked on both servers, even with a valid token; another address is not.
    for (const server of [a, b]) {
      const blocked = await from(server, token);
      expect([blocked.status, blocked.json.error.code]).toEqual([429, "rate_limited"]);
      expect((await from(server, token, "10.78.0.2")).status).toBe(200);
    }
  });
});
