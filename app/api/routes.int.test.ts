// The guard enumeration: every route handler under app/ is found on disk and knocked on, so a new
// door without `route(permission, ...)` fails here instead of shipping open. Public doors are an
// explicit, reviewed allowlist; so are files with server actions (public POST endpoints too).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, IMPORT_ACTOR, USER_ROLES, type Permission, type Principal, type TokenRole, type UserRole } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { createSignedInUser, createToken, disconnectDb, request, type TestUser } from "@/tests/auth";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_DIR = path.join(ROOT, "app");

const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof HTTP_METHODS)[number];
const READ_METHODS: ReadonlySet<Method> = new Set(["GET", "HEAD", "OPTIONS"]);

/** Doors anyone may use. Adding one here is a security review, not a formality. */
// /api/metrics is guarded by its own rule, not a user's permission: a scrape token, or this machine only (lib/metrics/access.ts).
const PUBLIC_DOORS: ReadonlySet<string> = new Set(["GET /api/health", "GET /api/metrics", "POST /api/v1/setup", "GET /api/v1/openapi.json"]);
/** better-auth's own endpoints (sign-in, sign-out, session, OIDC callbacks) guard themselves. */
const PUBLIC_PREFIXES = ["/api/auth/"];

/**
 * Every guarded door, with the permission it needs (lib/auth/schema.ts) and the status a caller who
 * has it gets for the test's harmless request. The walk fails on a door missing here and on an
 * entry whose door is gone, so a new door cannot ship without this decision; who must be refused is
 * then read from the grants with can(), so an admin-only door refuses engineers without anyone
 * having to remember to list them.
 */
// `ownerlessToken`: what a door answers the walk's tokens, which belong to no one, when that differs
// (watching is a person's act: a token watches for its owner, an ownerless one is refused).
const DOORS: Readonly<Record<string, { permission: Permission; status: number; accept?: string; ownerlessToken?: number }>> = {
  "GET /api/v1/backlog/export": { permission: "read", status: 200 },
  "POST /api/v1/backlog/import": { permission: "import_backlog", status: 415 },
  "GET /api/v1/components": { permission: "read", status: 200 },
  "GET /api/v1/components/x": { permission: "read", status: 404 },
  "GET /api/v1/components/x/grid": { permission: "read", status: 404 },
  "GET /api/v1/components/x/history": { permission: "read", status: 404 },
  "PATCH /api/v1/components/x": { permission: "edit_items", status: 400 },
  "PUT /api/v1/components/x/exceptions/x": { permission: "edit_items", status: 404 },
  "DELETE /api/v1/components/x/conflicts/:uuid": { permission: "edit_items", status: 404 },
  "PUT /api/v1/components/x/requirements/x": { permission: "edit_items", status: 400 },
  "GET /api/v1/events": { permission: "read", status: 200 },
  "GET /api/v1/forecast": { permission: "read", status: 200 },
  "GET /api/v1/items": { permission: "read", status: 200 },
  "POST /api/v1/items": { permission: "edit_items", status: 400 },
  "POST /api/v1/items/bulk": { permission: "edit_items", status: 400 },
  "PUT /api/v1/items/P0-1/watch": { permission: "read", status: 200, ownerlessToken: 400 },
  "DELETE /api/v1/items/P0-1/watch": { permission: "read", status: 200, ownerlessToken: 400 },
  "GET /api/v1/items/P0-1": { permission: "read", status: 200 },
  "PATCH /api/v1/items/P0-1": { permission: "edit_items", status: 400 },
  "GET /api/v1/items/P0-1/comments": { permission: "read", status: 200 },
  "POST /api/v1/items/P0-1/comments": { permission: "comment", status: 400 },
  "PATCH /api/v1/items/P0-1/comments/:uuid": { permission: "comment", status: 400 },
  "DELETE /api/v1/items/P0-1/comments/:uuid": { permission: "comment", status: 404 },
  "GET /api/v1/me": { permission: "read", status: 200 },
  "GET /api/v1/me/notifications": { permission: "read", status: 200, ownerlessToken: 403 },
  "PUT /api/v1/me/notifications": { permission: "read", status: 400, ownerlessToken: 403 },
  "GET /api/v1/notifications": { permission: "read", status: 200, ownerlessToken: 403 },
  "POST /api/v1/notifications/read": { permission: "read", status: 400, ownerlessToken: 403 },
  "GET /api/v1/phases": { permission: "read", status: 200 },
  "GET /api/v1/phases/P0-1": { permission: "read", status: 404 },
  "PATCH /api/v1/phases/P0-1": { permission: "edit_items", status: 400 },
  "GET /api/v1/preflight/runs": { permission: "read", status: 200 },
  "POST /api/v1/preflight/runs": { permission: "upload_results", status: 422 },
  "GET /api/v1/preflight/runs/:uuid": { permission: "read", status: 404 },
  "POST /api/v1/preflight/runs/:uuid/assign": { permission: "edit_items", status: 400 },
  "GET /api/v1/preflight/runs/compare": { permission: "read", status: 400 },
  "GET /api/v1/products/x": { permission: "manage_settings", status: 404 },
  "PATCH /api/v1/products/x": { permission: "edit_items", status: 404 },
  "GET /api/v1/products/x/members": { permission: "manage_settings", status: 404 },
  "PUT /api/v1/products/x/members": { permission: "manage_settings", status: 404 },
  "GET /api/v1/products/x/integrations/pyxis": { permission: "manage_settings", status: 404 },
  "PUT /api/v1/products/x/integrations/pyxis": { permission: "manage_settings", status: 404 },
  "DELETE /api/v1/products/x/integrations/pyxis": { permission: "manage_settings", status: 404 },
  "POST /api/v1/products/x/integrations/pyxis/test": { permission: "manage_settings", status: 404 },
  "GET /api/v1/products/x/integrations/pyxis/sync": { permission: "manage_settings", status: 404 },
  "POST /api/v1/products/x/integrations/pyxis/sync": { permission: "manage_settings", status: 404 },
  "PUT /api/v1/products/x/requirements/x": { permission: "edit_items", status: 404 },
  "GET /api/v1/readiness": { permission: "read", status: 200 },
  "GET /api/v1/report": { permission: "read", status: 200 },
  "GET /api/v1/search": { permission: "read", status: 400 },
  "GET /api/v1/stream": { permission: "read", status: 200, accept: "text/event-stream" },
  "GET /api/v1/summary": { permission: "read", status: 200 },
  "GET /api/v1/tokens": { permission: "manage_own_tokens", status: 200 },
  "POST /api/v1/tokens": { permission: "manage_own_tokens", status: 400 },
  "DELETE /api/v1/tokens/:uuid": { permission: "manage_own_tokens", status: 404 },
  "GET /api/v1/views": { permission: "read", status: 200 },
  "POST /api/v1/views": { permission: "read", status: 400 },
  "DELETE /api/v1/views/:uuid": { permission: "read", status: 404 },
  "GET /api/v1/users": { permission: "manage_users", status: 200 },
  "POST /api/v1/users": { permission: "manage_users", status: 400 },
  "PATCH /api/v1/users/:uuid": { permission: "manage_users", status: 400 },
  "GET /api/v1/webhooks": { permission: "manage_settings", status: 200 },
  "POST /api/v1/webhooks": { permission: "manage_settings", status: 400 },
  "GET /api/v1/webhooks/:uuid": { permission: "manage_settings", status: 404 },
  "PATCH /api/v1/webhooks/:uuid": { permission: "manage_settings", status: 400 },
  "DELETE /api/v1/webhooks/:uuid": { permission: "manage_settings", status: 404 },
  "GET /api/v1/webhooks/:uuid/deliveries": { permission: "manage_settings", status: 404 },
  "POST /api/v1/webhooks/:uuid/deliveries/x/redeliver": { permission: "manage_settings", status: 400 },
  "POST /api/v1/webhooks/:uuid/test": { permission: "manage_settings", status: 404 },
};

/** Files with a "use server" directive whose actions were reviewed for their own guard. None yet. */
const REVIEWED_SERVER_ACTION_FILES: readonly string[] = [];

type Params = Record<string, string | string[]>;
type Handler = (req: NextRequest, ctx: { params: Promise<Params> }) => Promise<Response>;
type Door = { file: string; pattern: string; url: string; params: Params; method: Method; handler: Handler; name: string };

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, keep));
    else if (entry.isFile() && keep(full)) found.push(full);
  }
  return found.sort();
}

const ROUTE_FILE = /^route\.(ts|tsx|js|mjs)$/;
const UUID = randomUUID();

/** The URL a route file answers, with dummy values for dynamic segments; route groups vanish. */
function urlFor(file: string): { pattern: string; url: string; params: Params } {
  const segments = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  const params: Params = {};
  const urlParts: string[] = [];
  const patternParts: string[] = [];
  for (const segment of segments) {
    const dynamic = /^\[\[?(\.\.\.)?([^\]]+)\]\]?$/.exec(segment);
    if (!dynamic) {
      urlParts.push(segment);
      patternParts.push(segment);
      continue;
    }
    const [, rest, name = "param"] = dynamic;
    const value = name === "key" ? "P0-1" : name === "id" ? UUID : "x";
    params[name] = rest ? [value] : value;
    urlParts.push(value);
    patternParts.push(name === "id" ? ":uuid" : value);
  }
  return { pattern: `/${patternParts.join("/")}`, url: `/${urlParts.join("/")}`, params };
}

async function discoverDoors(): Promise<Door[]> {
  const doors: Door[] = [];
  for (const file of walk(APP_DIR, (f) => ROUTE_FILE.test(path.basename(f)))) {
    const mod = (await import(file)) as Record<string, unknown>;
    const { pattern, url, params } = urlFor(file);
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (handler === undefined) continue;
      if (typeof handler !== "function") throw new Error(`${file} exports ${method} that is not a function`);
      doors.push({ file: path.relative(ROOT, file), pattern, url, params, method, handler: handler as Handler, name: `${method} ${pattern}` });
    }
  }
  return doors;
}

const isPublic = (door: Door) =>
  PUBLIC_DOORS.has(door.name) || PUBLIC_PREFIXES.some((prefix) => door.url.startsWith(prefix));

const doors = await discoverDoors();
const guarded = doors.filter((door) => !isPublic(door));

let product = "";

async function knock(door: Door, as: Parameters<typeof request>[1]["as"]): Promise<Response> {
  // Writes carry a harmless body: a door without a guard would answer 400, never 401/403.
  const body = READ_METHODS.has(door.method) ? undefined : {};
  const accept = DOORS[door.name]?.accept;
  const init = { method: door.method, body, as, ...(accept && { headers: { accept } }) };
  const response = await door.handler(request(`${door.url}?product=${product}`, init), { params: Promise.resolve(door.params) });
  // The event stream stays open: its status is all a knock needs.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) await response.body?.cancel();
  return response;
}

async function errorCode(response: Response): Promise<unknown> {
  const body = (await response.json()) as { error?: { code?: unknown } };
  return body.error?.code;
}

/** Everyone a door may meet, signed in with a session or holding a token of each role. */
type Caller = { name: string; principal: Principal; as: { cookie: string } | { token: string } };
const callers: Caller[] = [];

const userPrincipal = (user: TestUser, role: UserRole): Principal => ({ kind: "user", id: user.id, email: user.email, name: user.name, role });
const tokenPrincipal = (role: TokenRole): Principal => ({ kind: "token", id: role, name: role, prefix: role, role, userId: null, ownerRole: null, productIds: null });

beforeAll(async () => {
  for (const role of USER_ROLES) {
    const user = await createSignedInUser(role);
    callers.push({ name: `a signed-in ${role}`, principal: userPrincipal(user, role), as: { cookie: user.cookie } });
  }
  for (const role of ["uploader", "engineer"] as const) {
    callers.push({ name: `an ${role} token`, principal: tokenPrincipal(role), as: { token: (await createToken(role)).token } });
  }
  // A product of this file's own with one item, P0-1, so reads answer from data the test made.
  product = `routes-${randomUUID().slice(0, 8)}`;
  const document = "# Routes\n\n## CRITICAL BLOCKERS\n\n### P0-1: An item\n\n**Status:** ❌ NOT STARTED\n";
  await importBacklog({ document, productSlug: product, actor: IMPORT_ACTOR });
});

afterAll(disconnectDb);

describe("the route walk", () => {
  it("finds every door of the table, and the table names every guarded door", () => {
    const names = new Set(doors.map((d) => d.name));
    const missing = guarded.filter((door) => !(door.name in DOORS)).map((door) => `${door.name} (${door.file})`);
    expect(missing, "doors without a permission in DOORS: decide who may use them").toEqual([]);
    for (const name of Object.keys(DOORS)) expect(names, `DOORS entry ${name} no longer exists`).toContain(name);
    for (const door of PUBLIC_DOORS) expect(names, `allowlisted public door ${door} no longer exists`).toContain(door);
    expect(doors.some((d) => d.url.startsWith("/api/auth/"))).toBe(true);
    // Admin-only doors exist, so "engineers are refused on every one of them" is not vacuous.
    const adminOnly = guarded.filter((door) => DOORS[door.name] && callers.some((c) => c.name === "a signed-in engineer" && !can(c.principal, DOORS[door.name]!.permission)));
    expect(adminOnly.map((door) => door.name)).toEqual(expect.arrayContaining(["GET /api/v1/users", "POST /api/v1/users", "PATCH /api/v1/users/:uuid"]));
  });

  it("the health door is open to anyone", async () => {
    const health = doors.find((d) => d.name === "GET /api/health");
    expect(health).toBeDefined();
    if (!health) return;
    const response = await knock(health, null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", process: { pid: process.pid, worker: 0 } });
  });
});

describe("the metrics door", () => {
  it("refuses callers from elsewhere, signed in or not, unless they hold the scrape token", async () => {
    const metrics = doors.find((d) => d.name === "GET /api/metrics");
    expect(metrics).toBeDefined();
    if (!metrics) return;
    for (const caller of [null, ...callers.map((c) => c.as)]) {
      const response = await knock(metrics, caller);
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("forbidden");
    }
  });
});

describe("every guarded door", () => {
  it.each(guarded.map((d) => [d.name, d] as const))("%s refuses anonymous callers with 401", async (_name, door) => {
    const response = await knock(door, null);
    expect(response.status, `${door.file} answers anonymous callers`).toBe(401);
    expect(await errorCode(response)).toBe("unauthenticated");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  // One case per door and caller, generated from DOORS and the grants.
  const cases = guarded.flatMap((door) => ["viewer", "engineer", "admin", "uploader token", "engineer token"].map((who) => [door.name, who, door] as const));
  it.each(cases)("%s, knocked on by %s, answers exactly as the grants say", async (_name, who, door) => {
    const caller = callers.find((c) => c.name === `a signed-in ${who}` || c.name === `an ${who}`);
    const expected = DOORS[door.name];
    expect(caller && expected, `no caller "${who}" or no DOORS entry for ${door.name}`).toBeTruthy();
    if (!caller || !expected) return;
    const response = await knock(door, caller.as);
    if (can(caller.principal, expected.permission)) {
      const status = caller.principal.kind === "token" ? (expected.ownerlessToken ?? expected.status) : expected.status;
      const detail = response.status === status ? "" : `: ${await response.text()}`;
      expect(response.status, `${door.file} for ${caller.name}${detail}`).toBe(status);
    } else {
      expect(response.status, `${door.file} lets ${caller.name} in (needs ${expected.permission})`).toBe(403);
      expect(await errorCode(response)).toBe("forbidden");
    }
  });
});

/** Whether a source file holds a "use server" directive: at its top, or at the top of a function body. */
function hasServerDirective(source: string): boolean {
  return source.split("\n").some((line) => /^\s*(['"])use server\1\s*;?\s*(\/\/.*)?$/.test(line));
}

describe("server actions", () => {
  it("are only in files whose guards were reviewed", () => {
    const sources = ["app", "lib", "components"]
      .map((dir) => path.join(ROOT, dir))
      .filter((dir) => fs.existsSync(dir))
      .flatMap((dir) => walk(dir, (f) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(f)));
    expect(sources.length).toBeGreaterThan(20);
    const withActions = sources.filter((file) => hasServerDirective(fs.readFileSync(file, "utf8"))).map((file) => path.relative(ROOT, file));
    const unreviewed = withActions.filter((file) => !REVIEWED_SERVER_ACTION_FILES.includes(file));
    expect(
      unreviewed,
      `Server actions are public POST endpoints, and these files declare some without a reviewed guard: ${unreviewed.join(", ")}. ` +
        "Each action must authorize its caller itself (permission check and same-origin, like route() in lib/http.ts); " +
        "once reviewed, add the file to REVIEWED_SERVER_ACTION_FILES in app/api/routes.int.test.ts.",
    ).toEqual([]);
    const stale = REVIEWED_SERVER_ACTION_FILES.filter((file) => !withActions.includes(file));
    expect(stale, "REVIEWED_SERVER_ACTION_FILES lists files that no longer declare server actions").toEqual([]);
  });

  it("the directive check recognises file-level and inline directives", () => {
    expect(hasServerDirective(`"use server";\nexport async function save() {}`)).toBe(true);
    expect(hasServerDirective(`// actions\n'use server'\n`)).toBe(true);
    expect(hasServerDirective(`export default function Page() {\n  async function save() {\n    "use server";\n  }\n}`)).toBe(true);
    expect(hasServerDirective(`"use client";\nconst text = "use server is a directive";`)).toBe(false);
  });
});
