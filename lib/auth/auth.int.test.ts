// Accounts and API tokens end to end: scopes, revocation, deactivation, malformed credentials,
// cross-origin writes, rate limits, the first-run setup race and the last-admin rule. Every test
// makes its own users, tokens, products and client addresses: the shared database is never reset.
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { isAPIError } from "better-auth/api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listItemsRoute } from "@/app/api/v1/items/route";
import { GET as getItemRoute, PATCH as patchItemRoute } from "@/app/api/v1/items/[key]/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { POST as setupRoute } from "@/app/api/v1/setup/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/tokens/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { PATCH as patchUserRoute } from "@/app/api/v1/users/[id]/route";
import { POST as authRoute } from "@/app/api/auth/[...all]/route";
import { getAuth, githubProvider, oidcProviders } from "@/lib/auth/better-auth";
import { LIMITS, SIGN_IN_BACKOFF } from "@/lib/auth/limits";
import { backoffSeconds, hitRateLimit, RATE_LIMIT_RETENTION_SECONDS } from "@/lib/rate-limit/mutations";
import type { ItemDetail } from "@/lib/backlog/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import { generateToken } from "@/lib/auth/token";
import { createUser } from "@/lib/users/mutations";
import { createSignedInUser, createToken, request, TEST_ORIGIN, type TestRequestInit } from "@/tests/auth";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD_TIMEOUT_MS = 60_000;
const run = promisify(execFile);

type As = TestRequestInit["as"];
const NO_PARAMS = { params: Promise.resolve({}) };

/** A client address of this test's own, so rate-limit counters never leak between tests or runs. */
function uniqueAddress(): string {
  const hex = () => randomBytes(2).toString("hex");
  return `fd00:${hex()}:${hex()}:${hex()}::${hex()}`;
}

/** A product of the test's own with one item, P0-1, at version 1. */
async function productWithItem(): Promise<string> {
  const product = `auth-${randomUUID().slice(0, 8)}`;
  const document = [
    "# Auth test backlog",
    "",
    "## 🔴 CRITICAL BLOCKERS",
    "",
    "### P0-1: An item to edit",
    "**Effort:** 1 hour  ",
    "**Status:** ❌ NOT STARTED",
    "",
    "Something to fix.",
    "",
  ].join("\n");
  const result = await importBacklog({ document, productSlug: product, actor: { kind: "import", name: "import" } });
  expect(result.created).toBe(1);
  return product;
}

function patchItem(product: string, as: As, body: unknown, extra: Omit<TestRequestInit, "as" | "method" | "body"> = {}) {
  const req = request(`/api/v1/items/P0-1?product=${product}`, { method: "PATCH", body, as, ...extra });
  return patchItemRoute(req, { params: Promise.resolve({ key: "P0-1" }) });
}

async function readItem(product: string): Promise<ItemDetail> {
  const viewer = await viewerCookie();
  const response = await getItemRoute(request(`/api/v1/items/P0-1?product=${product}`, { as: { cookie: viewer } }), {
    params: Promise.resolve({ key: "P0-1" }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ItemDetail;
}

let sharedViewer: string | undefined;
async function viewerCookie(): Promise<string> {
  sharedViewer ??= (await createSignedInUser("viewer")).cookie;
  return sharedViewer;
}

/** GET /api/v1/me from an address of its own (failed bearer attempts count per address). */
function me(as: As, headers: Record<string, string> = {}) {
  return meRoute(request("/api/v1/me", { as, headers: { "x-certboard-peer": uniqueAddress(), ...headers } }), NO_PARAMS);
}

async function errorOf(response: Response): Promise<ErrorBody["error"]> {
  const body = (await response.json()) as ErrorBody;
  return body.error;
}

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody["error"]> {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  return error;
}

type SignIn = { status: number; retryAfter: string | null; cookies: string[]; body: string };

/**
 * Signs in through better-auth's API. Errors thrown by our hooks (the rate limits) escape
 * `asResponse` as APIError rather than a Response, so both are read into one shape.
 */
async function signIn(email: string, password: string, address = uniqueAddress()): Promise<SignIn> {
  try {
    const response = await (await getAuth()).api.signInEmail({
      body: { email, password },
      headers: new Headers({ origin: TEST_ORIGIN, "x-certboard-peer": address }),
      asResponse: true,
    });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), cookies: response.headers.getSetCookie(), body: await response.text() };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    return { status: error.statusCode, retryAfter: new Headers(error.headers).get("retry-after"), cookies: [], body: JSON.stringify(error.body) };
  }
}

/** Signs in the way a browser does: POST /api/auth/sign-in/email through the Next route handler. */
function signInOverHttp(email: string, password: string, address = uniqueAddress()): Promise<Response> {
  const headers = { origin: TEST_ORIGIN, "content-type": "application/json", "x-certboard-peer": address };
  return authRoute(new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password }) }));
}

const sessionCookies = (cookies: string[]) => cookies.filter((c) => /session_token=[^;]+/.test(c));

afterAll(disconnectDb);

describe("token scopes", () => {
  it("an uploader token may neither edit items nor list them", async () => {
    const product = await productWithItem();
    const { token } = await createToken("uploader");
    await expectError(await patchItem(product, { token }, { version: 1, status: "in_progress" }), 403, "forbidden");
    const list = await listItemsRoute(request(`/api/v1/items?product=${product}`, { as: { token } }), NO_PARAMS);
    await expectError(list, 403, "forbidden");
    expect((await readItem(product)).version).toBe(1);
  });

  it("an engineer token edits items, and the event names the token", async () => {
    const product = await productWithItem();
    const created = await createToken("engineer");
    const response = await patchItem(product, { token: created.token }, { version: 1, status: "in_progress" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ key: "P0-1", status: "in_progress", version: 2 });
    const item = await readItem(product);
    expect(item.history[0]).toMatchObject({ actor: `token ${created.name}`, field: "status", oldValue: "not_started", newValue: "in_progress" });
  });

  it("an engineer token may not mint or list tokens", async () => {
    const { token } = await createToken("engineer");
    const create = await createTokenRoute(request("/api/v1/tokens", { method: "POST", body: { name: "minted", role: "engineer" }, as: { token } }), NO_PARAMS);
    await expectError(create, 403, "forbidden");
    await expectError(await listTokensRoute(request("/api/v1/tokens", { as: { token } }), NO_PARAMS), 403, "forbidden");
  });
});

describe("tokens that stop working", () => {
  it("an expired token is refused with 401; one that has not expired yet works", async () => {
    const expired = await createToken("engineer", { expiresAt: new Date(Date.now() - 1_000) });
    await expectError(await me({ token: expired.token }), 401, "unauthenticated");
    const current = await createToken("engineer", { expiresAt: new Date(Date.now() + 3_600_000) });
    expect((await me({ token: current.token })).status).toBe(200);
  });

  it("a token revoked by its owner is refused at once; others cannot revoke it", async () => {
    const owner = await createSignedInUser("engineer");
    const stranger = await createSignedInUser("engineer");
    const created = await createTokenRoute(
      request("/api/v1/tokens", { method: "POST", body: { name: "ci", role: "engineer", expires: "1d" }, as: { cookie: owner.cookie } }),
      NO_PARAMS,
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { id: string; token: string; role: string } };
    expect(token.role).toBe("engineer");

    const before = await me({ token: token.token });
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ principal: { kind: "token", id: token.id, userId: owner.id } });

    const revoke = (cookie: string) =>
      revokeTokenRoute(request(`/api/v1/tokens/${token.id}`, { method: "DELETE", as: { cookie } }), { params: Promise.resolve({ id: token.id }) });
    await expectError(await revoke(stranger.cookie), 404, "not_found");
    expect((await me({ token: token.token })).status).toBe(200);

    const revoked = await revoke(owner.cookie);
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toEqual({ revoked: token.id });
    await expectError(await me({ token: token.token }), 401, "unauthenticated");
    expect((await revoke(owner.cookie)).status).toBe(200);
  });

  it("demoting a person lowers their tokens at once: a token never does more than its owner may", async () => {
    const admin = await createSignedInUser("admin");
    const person = await createSignedInUser("engineer");
    const product = await productWithItem();
    const engineerToken = await createToken("engineer", { userId: person.id });
    const uploaderToken = await createToken("uploader", { userId: person.id });
    const edit = (token: string, version: number) =>
      patchItemRoute(request(`/api/v1/items/P0-1?product=${product}`, { method: "PATCH", body: { status: "in_progress", version }, as: { token } }), {
        params: Promise.resolve({ key: "P0-1" }),
      });
    const upload = (token: string) => uploadRoute(request("/api/v1/preflight/runs", { method: "POST", body: {}, as: { token } }), NO_PARAMS);
    expect((await edit(engineerToken.token, 1)).status).toBe(200);
    // Allowed to upload: the empty document itself is what is refused.
    expect((await upload(uploaderToken.token)).status).toBe(422);

    const demote = await patchUserRoute(
      request(`/api/v1/users/${person.id}`, { method: "PATCH", body: { role: "viewer" }, as: { cookie: admin.cookie } }),
      { params: Promise.resolve({ id: person.id }) },
    );
    expect(demote.status).toBe(200);

    // A viewer reads; the engineer token now reads too, and edits nothing.
    expect((await getItemRoute(request(`/api/v1/items/P0-1?product=${product}`, { as: { token: engineerToken.token } }), { params: Promise.resolve({ key: "P0-1" }) })).status).toBe(200);
    await expectError(await edit(engineerToken.token, 2), 403, "forbidden");
    // Viewers do not upload results, so neither does their uploader token.
    await expectError(await upload(uploaderToken.token), 403, "forbidden");
    const item = await getDb().backlogItem.findFirstOrThrow({ where: { key: "P0-1", product: { slug: product } }, select: { version: true } });
    expect(item.version).toBe(2);
  });

  it("deactivating a person stops their token and their session at once, and they cannot sign in again", async () => {
    const admin = await createSignedInUser("admin");
    const person = await createSignedInUser("engineer");
    const personal = await createToken("engineer", { userId: person.id });
    expect((await me({ token: personal.token })).status).toBe(200);
    expect((await me({ cookie: person.cookie })).status).toBe(200);

    const deactivate = await patchUserRoute(
      request(`/api/v1/users/${person.id}`, { method: "PATCH", body: { active: false }, as: { cookie: admin.cookie } }),
      { params: Promise.resolve({ id: person.id }) },
    );
    expect(deactivate.status).toBe(200);
    expect(await deactivate.json()).toMatchObject({ user: { id: person.id, active: false } });

    await expectError(await me({ token: personal.token }), 401, "unauthenticated");
    await expectError(await me({ cookie: person.cookie }), 401, "unauthenticated");

    const tokens = await listTokensRoute(request("/api/v1/tokens", { as: { cookie: admin.cookie } }), NO_PARAMS);
    const listed = ((await tokens.json()) as { tokens: { id: string; state: string }[] }).tokens.find((t) => t.id === personal.id);
    expect(listed?.state).toBe("revoked");

    const again = await signIn(person.email, person.password);
    expect(again.status).toBe(403);
    expect(sessionCookies(again.cookies)).toEqual([]);
    const overHttp = await signInOverHttp(person.email, person.password);
    expect(overHttp.status).toBe(403);
    expect(sessionCookies(overHttp.headers.getSetCookie())).toEqual([]);
    expect(await getDb().session.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("better-auth's own endpoints", () => {
  const post = (endpoint: string, body: unknown, cookie?: string) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN, "content-type": "application/json", "x-certboard-peer": uniqueAddress() };
    if (cookie) headers.cookie = cookie;
    return authRoute(new Request(`${TEST_ORIGIN}/api/auth${endpoint}`, { method: "POST", headers, body: JSON.stringify(body) }));
  };

  it("let nobody sign up: people are created by setup, admins or the CLI", async () => {
    const email = `signup-${randomUUID().slice(0, 8)}@example.test`;
    const response = await post("/sign-up/email", { email, password: `pw-${randomUUID()}`, name: "Walk In" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/sign up is not enabled/i);
    expect(sessionCookies(response.headers.getSetCookie())).toEqual([]);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });

  it("let nobody raise their own role or reactivate themselves through update-user", async () => {
    const viewer = await createSignedInUser("viewer");
    const response = await post("/update-user", { role: "admin", active: true }, viewer.cookie);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/role is not allowed/);
    const after = await me({ cookie: viewer.cookie });
    expect(await after.json()).toMatchObject({ principal: { kind: "user", id: viewer.id, role: "viewer" }, permissions: ["read", "comment"] });
  });
});

describe("malformed credentials", () => {
  it.each([
    ["a bare scheme", "Bearer"],
    ["a short token", "Bearer x"],
    ["another scheme", "Basic abc"],
    ["a well-formed but unknown token", `Bearer ${generateToken().token}`],
  ])("%s is refused with 401", async (_name, authorization) => {
    const error = await expectError(await me(null, { authorization }), 401, "unauthenticated");
    expect(error.message).toMatch(/token/i);
  });

  it("a bad token is an error even next to a valid session cookie", async () => {
    const viewer = await viewerCookie();
    expect((await me({ cookie: viewer })).status).toBe(200);
    await expectError(await me({ cookie: viewer }, { authorization: "Bearer x" }), 401, "unauthenticated");
  });
});

describe("cross-origin writes with a session cookie", () => {
  it("are refused from another origin or site, and allowed from our own pages", async () => {
    const product = await productWithItem();
    const engineer = await createSignedInUser("engineer");
    const viewer = await createSignedInUser("viewer");
    const edit = { version: 1, status: "in_progress" };

    const evil = await expectError(await patchItem(product, { cookie: engineer.cookie }, edit, { origin: "https://evil.example" }), 403, "forbidden");
    expect(evil.message).toMatch(/cross-origin/i);
    await expectError(await patchItem(product, { cookie: viewer.cookie }, edit, { origin: "https://evil.example" }), 403, "forbidden");
    for (const as of [{ cookie: engineer.cookie }, { cookie: viewer.cookie }]) {
      await expectError(await patchItem(product, as, edit, { origin: null, headers: { "sec-fetch-site": "cross-site" } }), 403, "forbidden");
    }
    // Neither Origin nor Sec-Fetch-Site: nothing proves the write came from our pages.
    await expectError(await patchItem(product, { cookie: engineer.cookie }, edit, { origin: null }), 403, "forbidden");
    expect((await readItem(product)).version).toBe(1);

    const ours = await patchItem(product, { cookie: engineer.cookie }, edit);
    expect(ours.status).toBe(200);
    expect(await ours.json()).toMatchObject({ status: "in_progress", version: 2 });
  });

  it("reads are safe methods: a cross-origin GET is answered", async () => {
    const viewer = await viewerCookie();
    const response = await meRoute(request("/api/v1/me", { as: { cookie: viewer }, origin: "https://evil.example" }), NO_PARAMS);
    expect(response.status).toBe(200);
  });
});

describe("rate limits", () => {
  it(`failed bearer attempts from one address are cut off after ${LIMITS.tokenFailuresPerClient.limit}; other addresses are not`, async () => {
    const address = uniqueAddress();
    const unknown = generateToken().token;
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let attempt = 0; attempt < LIMITS.tokenFailuresPerClient.limit + 5 && !limited; attempt++) {
      const response = await me({ token: unknown }, { "x-certboard-peer": address });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, LIMITS.tokenFailuresPerClient.limit).every((s) => s === 401)).toBe(true);
    expect(limited).toBeDefined();
    if (!limited) return;
    await expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LIMITS.tokenFailuresPerClient.windowSeconds);
    await expectError(await me({ token: unknown }, { "x-certboard-peer": address }), 429, "rate_limited");

    const other = uniqueAddress();
    await expectError(await me({ token: unknown }, { "x-certboard-peer": other }), 401, "unauthenticated");
    const valid = await createToken("engineer");
    expect((await me({ token: valid.token }, { "x-certboard-peer": other })).status).toBe(200);
  });

  it("failed sign-ins for one account meet a growing delay from any address; the right password works once it has passed", async () => {
    const email = `slowed-${randomUUID().slice(0, 8)}@example.test`;
    const password = `pw-${randomUUID()}`;
    await createUser({ name: "Slowed Down", email, role: "viewer", password });
    const key = `signin-fail:${email}`;
    /** Moves the account's last failure into the past, as if `seconds` had gone by. */
    const wait = (seconds: number) => getDb().$executeRaw`UPDATE "RateLimitBucket" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds}) WHERE "key" = ${key}`;

    for (let attempt = 0; attempt < SIGN_IN_BACKOFF.freeFailures; attempt++) {
      const wrong = await signIn(email, `wrong-${attempt}-${randomUUID()}`);
      expect(wrong.status, `attempt ${attempt + 1}`).toBe(401);
    }
    // From here each attempt waits, whatever password it brings and from whichever address or door.
    const retries: number[] = [];
    for (let extra = 0; extra < 4; extra++) {
      const early = await signIn(email, password);
      expect(early.status).toBe(429);
      expect(early.body).toMatch(/rate_limited/);
      expect(sessionCookies(early.cookies)).toEqual([]);
      retries.push(Number(early.retryAfter));
      await wait(backoffSeconds(SIGN_IN_BACKOFF.freeFailures + extra, SIGN_IN_BACKOFF));
      expect((await signIn(email, `wrong-again-${extra}`)).status).toBe(401);
    }
    // The delay grows: 1, 2, 4, 8 seconds.
    expect(retries).toEqual([1, 2, 4, 8]);
    const overHttp = await signInOverHttp(email, password);
    expect(overHttp.status).toBe(429);
    expect(Number(overHttp.headers.get("retry-after"))).toBe(16);
    expect(await overHttp.json()).toMatchObject({ code: "rate_limited" });

    // After 9 failures, once the delay has passed, the owner signs in (a fixed lock would still refuse them).
    await wait(16);
    const right = await signInOverHttp(email, password);
    expect(right.status).toBe(200);
    expect(sessionCookies(right.headers.getSetCookie())).toHaveLength(1);
    // Success forgets the failures: a typo now costs nothing.
    expect((await signIn(email, "one-typo-after-success")).status).toBe(401);
    expect((await signIn(email, password)).status).toBe(200);

    const other = await createSignedInUser("viewer");
    const fine = await signInOverHttp(other.email, other.password);
    expect(fine.status).toBe(200);
  });

  it("the delay caps at five minutes, and every hit prunes rows older than a day", async () => {
    expect(backoffSeconds(4, SIGN_IN_BACKOFF)).toBe(0);
    expect(backoffSeconds(100, SIGN_IN_BACKOFF)).toBe(300);
    const stale = `stale-${randomUUID()}`;
    await getDb().rateLimitBucket.create({ data: { key: stale, count: 3, windowStart: new Date(Date.now() - (RATE_LIMIT_RETENTION_SECONDS + 60) * 1000) } });
    await hitRateLimit(`fresh-${randomUUID()}`, LIMITS.setupPerClient);
    expect(await getDb().rateLimitBucket.count({ where: { key: stale } })).toBe(0);
  });
});

describe("events name their actor", () => {
  it("an edit through a session records the person's name in the item history", async () => {
    const product = await productWithItem();
    const engineer = await createSignedInUser("engineer");
    const response = await patchItem(product, { cookie: engineer.cookie }, { version: 1, priority: "P1" });
    expect(response.status).toBe(200);
    const item = await readItem(product);
    expect(item.history[0]).toMatchObject({ actor: engineer.name, field: "priority", oldValue: "P0", newValue: "P1" });
    expect(item.history.map((e) => e.actor)).toEqual([engineer.name, "import"]);
  });
});

describe("the setup door", () => {
  it("is closed once an admin exists: 403, and nobody is created", async () => {
    // An admin in the shared database (createUser with role admin also completes the setup).
    await createSignedInUser("admin");
    const email = `late-setup-${randomUUID().slice(0, 8)}@example.test`;
    const response = await setupRoute(
      request("/api/v1/setup", {
        method: "POST",
        body: { name: "Late", email, password: "correct horse battery staple" },
        as: null,
        headers: { "x-certboard-peer": uniqueAddress() },
      }),
      NO_PARAMS,
    );
    await expectError(response, 403, "forbidden");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
  });
});

// ---- In a database of our own: the first-run setup and the last admin ---------------------------

type Outcome = { ok: true; id: string; role?: string; active?: boolean } | { ok: false; code: string | null; message: string };

// Runs in a child process (its own DATABASE_URL, its own Prisma client) and prints one JSON line.
const CHILD_SCRIPT = `
import { createUser, setupFirstAdmin, updateUser } from "@/lib/users/mutations";
import { ensureSetupCode } from "@/lib/auth/mutations";
import { disconnectDb } from "@/lib/db";

const outcome = (promise) =>
  promise.then(
    (value) => ({ ok: true, id: value.id, role: value.role, active: value.active }),
    (error) => ({ ok: false, code: error?.code ?? null, message: String(error?.message ?? error) }),
  );
const password = "correct horse battery staple";
const [mode, arg] = process.argv.slice(2);
let result;
if (mode === "race") {
  // As from another machine: the setup code is required.
  const asked = { requireCode: true };
  const refused = [
    await outcome(setupFirstAdmin({ name: "No code", email: "no-code-" + arg + "@example.test", password }, asked)),
    await outcome(setupFirstAdmin({ name: "Guess", email: "guess-" + arg + "@example.test", password, code: "AAAA-BBBB-CCCC-DDDD" }, asked)),
  ];
  const code = await ensureSetupCode();
  const raced = await Promise.all(
    Array.from({ length: 10 }, (_, i) => outcome(setupFirstAdmin({ name: "Admin " + i, email: "admin-" + i + "-" + arg + "@example.test", password, code: code.toLowerCase() }, asked))),
  );
  result = { refused, raced, code, codeAfter: await ensureSetupCode() };
} else if (mode === "last-admin") {
  const first = arg;
  const newAdmin = (name) => createUser({ name, email: name.toLowerCase().replace(/ /g, "-") + "@example.test", role: "admin", password });
  const steps = {};
  steps.deactivateOnly = await outcome(updateUser({ id: first, active: false, byUserId: first }));
  steps.demoteOnly = await outcome(updateUser({ id: first, role: "engineer", byUserId: first }));
  const second = await newAdmin("Second Admin");
  steps.concurrentDeactivations = await Promise.all([
    outcome(updateUser({ id: first, active: false, byUserId: second.id })),
    outcome(updateUser({ id: second.id, active: false, byUserId: first })),
  ]);
  const third = await newAdmin("Third Admin");
  const survivor = steps.concurrentDeactivations[0].ok ? second.id : first;
  steps.demoteWithAnother = await outcome(updateUser({ id: survivor, role: "engineer", byUserId: third.id }));
  steps.demoteLastAgain = await outcome(updateUser({ id: third.id, role: "viewer", byUserId: third.id }));
  steps.thirdId = third.id;
  result = steps;
} else {
  throw new Error("unknown mode " + mode);
}
console.log("RESULT " + JSON.stringify(result));
await disconnectDb();
`;

describe("in a database of our own", () => {
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `auth_setup_${randomBytes(6).toString("hex")}`;
  let dbUrl = "";
  let admin: pg.Client | undefined;
  let db: pg.Client | undefined;
  let scriptDir = "";

  async function child<T>(args: string[]): Promise<T> {
    const script = path.join(scriptDir, "child.mts");
    const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: dbUrl },
      timeout: CHILD_TIMEOUT_MS,
    });
    const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) throw new Error(`child printed no result:\n${stdout}`);
    return JSON.parse(line.slice("RESULT ".length)) as T;
  }

  async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!db) throw new Error("own database not connected");
    return (await db.query<T>(sql, params)).rows;
  }

  beforeAll(async () => {
    if (!serverUrl) throw new Error("DATABASE_URL must point at a PostgreSQL server for integration tests");
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    await run(process.execPath, ["scripts/migrate.mjs", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl }, timeout: CHILD_TIMEOUT_MS });
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), "certboard-auth-"));
    fs.writeFileSync(path.join(scriptDir, "child.mts"), CHILD_SCRIPT);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
    if (scriptDir) fs.rmSync(scriptDir, { recursive: true, force: true });
  }, 60_000);

  let firstAdminId = "";

  it("first-run setup from another machine needs the setup code; ten concurrent setups with it make exactly one admin", async () => {
    const cli = (...args: string[]) => run(process.execPath, ["bin/certboard.mjs", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl }, timeout: CHILD_TIMEOUT_MS });
    const printed = (await cli("setup-code")).stdout.trim();
    expect(printed).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const { refused, raced: outcomes, code, codeAfter } = await child<{ refused: Outcome[]; raced: Outcome[]; code: string; codeAfter: string | null }>([
      "race",
      randomBytes(4).toString("hex"),
    ]);
    // The CLI and the server read the same code.
    expect(code).toBe(printed);
    const after = await cli("setup-code").catch((error: { code: number; stderr: string }) => error);
    expect(after).toMatchObject({ code: 1, stderr: expect.stringContaining("already set up") });
    expect(refused.map((o) => (o.ok ? "created" : [o.code, o.message.split(".")[0]]))).toEqual([
      ["forbidden", "Enter the setup code"],
      ["forbidden", "This is not the setup code"],
    ]);
    // Used once, the code is gone.
    expect(codeAfter).toBeNull();
    expect(await query(`SELECT count(*)::int AS n FROM "AppSetting" WHERE key = 'setup_code'`)).toEqual([{ n: 0 }]);
    expect(outcomes).toHaveLength(10);
    const won = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
    const lost = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    expect(lost.map((o) => o.code)).toEqual(Array<string>(9).fill("forbidden"));
    firstAdminId = won[0]?.id ?? "";

    const users = await query<{ id: string; role: string }>(`SELECT id, role::text AS role FROM "User"`);
    expect(users).toEqual([{ id: firstAdminId, role: "admin" }]);
    expect(await query(`SELECT "adminId" FROM "SetupState"`)).toEqual([{ adminId: firstAdminId }]);
    expect(await query(`SELECT count(*)::int AS n FROM "Account" WHERE "providerId" = 'credential'`)).toEqual([{ n: 1 }]);
  });

  it("the last active admin can be neither deactivated nor demoted, even by concurrent requests", async () => {
    expect(firstAdminId).not.toBe("");
    type Steps = {
      deactivateOnly: Outcome;
      demoteOnly: Outcome;
      concurrentDeactivations: Outcome[];
      demoteWithAnother: Outcome;
      demoteLastAgain: Outcome;
      thirdId: string;
    };
    const steps = await child<Steps>(["last-admin", firstAdminId]);
    const lastAdmin = { ok: false, code: "invalid", message: expect.stringMatching(/last active admin/) };
    expect(steps.deactivateOnly).toEqual(lastAdmin);
    expect(steps.demoteOnly).toEqual(lastAdmin);
    // Two admins deactivating each other at once: one wins, the other finds itself the last admin.
    expect(steps.concurrentDeactivations.filter((o) => o.ok)).toHaveLength(1);
    expect(steps.concurrentDeactivations.filter((o) => !o.ok)).toEqual([lastAdmin]);
    expect(steps.demoteWithAnother).toMatchObject({ ok: true, role: "engineer" });
    expect(steps.demoteLastAgain).toEqual(lastAdmin);

    const admins = await query<{ id: string }>(`SELECT id FROM "User" WHERE role = 'admin' AND active`);
    expect(admins).toEqual([{ id: steps.thirdId }]);
  });
});

describe("single sign-on provisioning switches", () => {
  const github = { GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" };

  it("GitHub creates unknown people only with its own switch, never because OIDC_AUTO_PROVISION is on", () => {
    expect(githubProvider({ ...github, OIDC_AUTO_PROVISION: "1" }).github?.disableImplicitSignUp).toBe(true);
    expect(githubProvider({ ...github }).github?.disableImplicitSignUp).toBe(true);
    expect(githubProvider({ ...github, GITHUB_AUTO_PROVISION: "1" }).github?.disableImplicitSignUp).toBe(false);
    expect(githubProvider({ GITHUB_CLIENT_ID: "id" })).toEqual({});
  });

  it("OIDC keeps its own switch", () => {
    const oidc = { OIDC_ISSUER: "https://idp.example.test", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };
    expect(oidcProviders({ ...oidc, GITHUB_AUTO_PROVISION: "1" })[0]?.disableImplicitSignUp).toBe(true);
    expect(oidcProviders({ ...oidc, OIDC_AUTO_PROVISION: "1" })[0]?.disableImplicitSignUp).toBe(false);
  });
});
