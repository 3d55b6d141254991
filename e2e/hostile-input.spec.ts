import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { CORPUS, DOORS, type Caller, type HostileCase, type Targets } from "../tests/hostile/corpus";
import { AUTH_FAILURE_BUCKETS, changes, snapshot, type Snapshot } from "../tests/hostile/snapshot";
import { codeOf, send, sendRaw, type Answer } from "../tests/hostile/send";
import { expect, importIntoNewProduct, test } from "./fixtures";
import { ADMIN, stateFile, TOKEN_FILE } from "./people";

// Every input of tests/hostile/corpus.ts goes to the production server over real HTTP, one at a
// time: each must get its 4xx with a code, change no row of any table (tests/hostile/snapshot.ts
// says what may change by design), and leave the server answering /api/health. The spec runs in
// its own Playwright project after every other one (see playwright.config.ts), so the database
// holds still between two snapshots. Soft assertions: one run reports every input that fails.

/** The e2e database, as scripts/embedded-db.mjs records it for tools (or the external one). */
function databaseUrl(): string {
  if (process.env.CERTBOARD_E2E_DATABASE_URL) return process.env.CERTBOARD_E2E_DATABASE_URL;
  const state = path.join(process.env.CERTBOARD_E2E_DATA_DIR ?? "", "db.json");
  if (!existsSync(state)) throw new Error(`${state} is missing: the web server's with-db.mjs writes it when it starts the e2e database.`);
  return (JSON.parse(readFileSync(state, "utf8")) as { url: string }).url;
}

function cookieHeader(who: "admin" | "engineer" | "viewer"): string {
  const state = JSON.parse(readFileSync(stateFile(who), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

// A refused sign-in or bad token counts against its rate limit: those buckets may change at these doors.
const MAY_COUNT_AUTH_FAILURES = new Set(["sign-in", "token use"]);

test("every hostile input is refused with a 4xx and a code, writes nothing, and the server keeps serving", async ({ request, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const base = new URL(baseURL!);
  const token = (JSON.parse(readFileSync(TOKEN_FILE, "utf8")) as { token: string }).token;
  const credentials: Record<Caller, Record<string, string>> = {
    "engineer-token": { authorization: `Bearer ${token}` },
    // Made below, once its owner exists.
    "demoted-token": {},
    "engineer-cookie": { cookie: cookieHeader("engineer"), origin: base.origin },
    "viewer-cookie": { cookie: cookieHeader("viewer"), origin: base.origin },
    "admin-cookie": { cookie: cookieHeader("admin"), origin: base.origin },
    anonymous: {},
  };

  // ---- The targets, made through the app's own doors before the first snapshot ----
  const product = await importIntoNewProduct(request, "hostile");
  const api = async <T,>(method: string, url: string, caller: Caller, data?: unknown): Promise<T> => {
    const answer = await send(base, method, url, { ...credentials[caller], ...(data === undefined ? {} : { "content-type": "application/json" }) }, data === undefined ? undefined : JSON.stringify(data));
    expect(answer.status, `${method} ${url}: ${answer.text}`).toBeLessThan(300);
    return JSON.parse(answer.text) as T;
  };
  const item = await api<{ key: string; version: number }>("GET", `/api/v1/items/P0-2?product=${product}`, "engineer-token");
  const [component] = (await api<{ components: { slug: string }[] }>("GET", `/api/v1/components?product=${product}`, "engineer-token")).components;
  const board = await api<{ component: { slug: string; version: number } }>("GET", `/api/v1/components/${component!.slug}?product=${product}`, "engineer-token");
  const phases = (await api<{ phases: { key: string; version: number }[] }>("GET", `/api/v1/phases?product=${product}`, "engineer-token")).phases;
  const [phase, dependent] = phases;
  await api("PATCH", `/api/v1/phases/${dependent!.key}?product=${product}`, "engineer-token", { version: dependent!.version, dependsOn: [phase!.key] });
  const user = await api<{ user: { id: string } }>("POST", "/api/v1/users", "admin-cookie", { name: "Hostile Target", email: `hostile-${Date.now()}@e2e.test`, role: "viewer" });
  // An engineer who makes a token and is then demoted to viewer: the token must fall with them.
  const demoted = { name: "Demoted Engineer", email: `demoted-${Date.now()}@e2e.test`, role: "engineer", password: "demoted-password-1234" };
  const demotedUser = await api<{ user: { id: string } }>("POST", "/api/v1/users", "admin-cookie", demoted);
  const signIn = await send(base, "POST", "/api/auth/sign-in/email", { "content-type": "application/json", origin: base.origin }, JSON.stringify({ email: demoted.email, password: demoted.password }));
  expect(signIn.status, signIn.text).toBe(200);
  const demotedCookie = (signIn.headers["set-cookie"] ?? "").split(/,(?=\s*certboard)/).map((c) => c.split(";")[0]!.trim()).join("; ");
  const minted = await send(base, "POST", "/api/v1/tokens", { cookie: demotedCookie, origin: base.origin, "content-type": "application/json" }, JSON.stringify({ name: "soon demoted", role: "engineer" }));
  expect(minted.status, minted.text).toBe(201);
  credentials["demoted-token"] = { authorization: `Bearer ${(JSON.parse(minted.text) as { token: { token: string } }).token.token}` };
  await api("PATCH", `/api/v1/users/${demotedUser.user.id}`, "admin-cookie", { role: "viewer" });
  const targets: Targets = {
    product,
    item: item.key,
    itemVersion: item.version,
    component: board.component.slug,
    componentVersion: board.component.version,
    phase: phase!.key,
    phaseVersion: phase!.version,
    dependentPhase: dependent!.key,
    user: user.user.id,
    adminEmail: ADMIN.email,
  };

  // The corpus covers every write door, in every form the brief names, with at least 60 inputs.
  expect(CORPUS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(CORPUS.map((c) => c.door))).toEqual(new Set(DOORS));
  expect(new Set(CORPUS.map((c) => `${c.door}: ${c.name}`)).size).toBe(CORPUS.length);

  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    let before: Snapshot = await snapshot(db);
    for (const [index, hostile] of CORPUS.entries()) {
      const label = `${hostile.door}: ${hostile.name}`;
      await test.step(label, async () => {
        let answer: Answer;
        try {
          answer = await deliver(base, hostile, targets, credentials[hostile.caller], index);
        } catch (error) {
          expect.soft(String(error), `${label}: the request failed`).toBe("an answer");
          return;
        }
        expect.soft(answer.status, `${label}: status (${answer.text.slice(0, 300)})`).toBe(hostile.expect.status);
        expect.soft(codeOf(answer), `${label}: code`).toBe(hostile.expect.code);
        const after = await snapshot(db);
        const allowed = MAY_COUNT_AUTH_FAILURES.has(hostile.door) ? [AUTH_FAILURE_BUCKETS] : [];
        expect.soft(changes(before, after, allowed), `${label}: rows written`).toEqual([]);
        before = after;
        const health = await send(base, "GET", "/api/health", {});
        expect.soft(health.status, `${label}: /api/health afterwards`).toBe(200);
      });
    }
  } finally {
    await db.end();
  }
  const health = await send(base, "GET", "/api/health", {});
  expect(health.status).toBe(200);
  expect(JSON.parse(health.text)).toEqual({ status: "ok", process: { pid: expect.any(Number), worker: 0 } });
});

/** One corpus input on the wire. Each gets its own client address, so rate limits never decide the outcome. */
function deliver(base: URL, hostile: HostileCase, targets: Targets, credentials: Record<string, string>, index: number): Promise<Answer> {
  const url = hostile.path(targets);
  const body = hostile.body?.(targets);
  const headers: Record<string, string> = { "x-forwarded-for": `198.18.${Math.floor(index / 250)}.${(index % 250) + 1}`, ...credentials };
  for (const [name, value] of Object.entries(hostile.headers ?? {})) {
    if (value === null) delete headers[name];
    else headers[name] = value;
  }
  const raw = hostile.rawHeaders !== undefined || hostile.expect.code.startsWith("http-");
  if (!raw) return send(base, hostile.method, url, headers, body);
  const lines = [
    `${hostile.method} ${url} HTTP/1.1`,
    `Host: ${base.host}`,
    "Connection: close",
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(hostile.rawHeaders ?? [`Content-Length: ${body === undefined ? 0 : Buffer.byteLength(typeof body === "string" ? body : Buffer.from(body))}`]),
  ];
  return sendRaw(base, `${lines.join("\r\n")}\r\n\r\n`, body);
}
