// The guard enumeration: every route handler under app/ is found on disk and knocked on, so a new
// door without `route(permission, ...)` fails here instead of shipping open. Public doors are an
// explicit, reviewed allowlist; so are files with server actions (public POST endpoints too).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/auth/schema";
import { createSignedInUser, createToken, disconnectDb, request, type TestUser } from "@/tests/auth";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_DIR = path.join(ROOT, "app");

const HTTP_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof HTTP_METHODS)[number];
const READ_METHODS: ReadonlySet<Method> = new Set(["GET", "HEAD", "OPTIONS"]);

/** Doors anyone may use. Adding one here is a security review, not a formality. */
const PUBLIC_DOORS: ReadonlySet<string> = new Set(["GET /api/health", "POST /api/v1/setup"]);
/** better-auth's own endpoints (sign-in, sign-out, session, OIDC callbacks) guard themselves. */
const PUBLIC_PREFIXES = ["/api/auth/"];

/** Reads that need more than `read`: the least role that may use them. Every other read is for viewers. */
const READ_ROLES: Readonly<Record<string, UserRole>> = {
  "GET /api/v1/users": "admin",
  "GET /api/v1/tokens": "engineer",
  "GET /api/v1/products/x": "admin",
  "GET /api/v1/products/x/members": "admin",
};

/** Writes an uploader token may make: the only thing uploaders are for. */
const UPLOADER_WRITES: ReadonlySet<string> = new Set(["POST /api/v1/preflight/runs"]);

/** Files with a "use server" directive whose actions were reviewed for their own guard. None yet. */
const REVIEWED_SERVER_ACTION_FILES: readonly string[] = [];

/** Routes we know exist: the walk must find at least these, so a broken walk cannot pass vacuously. */
const KNOWN_ROUTES = [
  "/api/v1/items",
  "/api/v1/items/P0-1",
  "/api/v1/backlog/import",
  "/api/v1/backlog/export",
  "/api/v1/components",
  "/api/v1/components/x",
  "/api/v1/components/x/exceptions/x",
  "/api/v1/phases",
  "/api/v1/phases/P0-1",
  "/api/v1/summary",
  "/api/v1/users",
  "/api/v1/users/:uuid",
  "/api/v1/tokens",
  "/api/v1/tokens/:uuid",
  "/api/v1/me",
  "/api/v1/preflight/runs",
  "/api/v1/preflight/runs/:uuid",
  "/api/v1/preflight/runs/compare",
  "/api/v1/preflight/runs/:uuid/assign",
  "/api/v1/components/x/requirements/x",
  "/api/v1/products/x/requirements/x",
  "/api/v1/products/x",
  "/api/v1/products/x/members",
  "/api/v1/readiness",
  "/api/v1/stream",
  "/api/v1/events",
  "/api/v1/report",
];

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
const reads = guarded.filter((door) => READ_METHODS.has(door.method));
const writes = guarded.filter((door) => !READ_METHODS.has(door.method));

function knock(door: Door, as: Parameters<typeof request>[1]["as"]): Promise<Response> {
  // Writes carry a harmless body: a door without a guard would answer 400, never 401/403.
  const body = READ_METHODS.has(door.method) ? undefined : {};
  return door.handler(request(door.url, { method: door.method, body, as }), { params: Promise.resolve(door.params) });
}

async function errorCode(response: Response): Promise<unknown> {
  const body = (await response.json()) as { error?: { code?: unknown } };
  return body.error?.code;
}

const users: Partial<Record<UserRole, TestUser>> = {};
let uploaderToken = "";

function userFor(role: UserRole): TestUser {
  const user = users[role];
  if (!user) throw new Error(`no signed-in ${role}`);
  return user;
}

beforeAll(async () => {
  for (const role of ["viewer", "engineer", "admin"] as const) users[role] = await createSignedInUser(role);
  uploaderToken = (await createToken("uploader")).token;
});

afterAll(disconnectDb);

describe("the route walk", () => {
  it("finds every route we know of, and every public door on the allowlist", () => {
    const patterns = new Set(doors.map((d) => d.pattern));
    for (const known of KNOWN_ROUTES) expect(patterns, `route ${known} not found by the walk`).toContain(known);
    const names = new Set(doors.map((d) => d.name));
    for (const door of PUBLIC_DOORS) expect(names, `allowlisted public door ${door} no longer exists`).toContain(door);
    for (const role of Object.keys(READ_ROLES)) expect(names, `READ_ROLES entry ${role} no longer exists`).toContain(role);
    expect(doors.some((d) => d.url.startsWith("/api/auth/"))).toBe(true);
    expect(writes.length).toBeGreaterThanOrEqual(6);
    expect(reads.length).toBeGreaterThanOrEqual(8);
  });

  it("the health door is open to anyone", async () => {
    const health = doors.find((d) => d.name === "GET /api/health");
    expect(health).toBeDefined();
    if (!health) return;
    const response = await knock(health, null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("every guarded door", () => {
  it.each(guarded.map((d) => [d.name, d] as const))("%s refuses anonymous callers with 401", async (_name, door) => {
    const response = await knock(door, null);
    expect(response.status, `${door.file} answers anonymous callers`).toBe(401);
    expect(await errorCode(response)).toBe("unauthenticated");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("every write door", () => {
  it.each(writes.map((d) => [d.name, d] as const))("%s refuses a signed-in viewer and an uploader token with 403", async (_name, door) => {
    const asViewer = await knock(door, { cookie: userFor("viewer").cookie });
    expect(asViewer.status, `${door.file} lets a viewer write`).toBe(403);
    expect(await errorCode(asViewer)).toBe("forbidden");

    const asUploader = await knock(door, { token: uploaderToken });
    if (UPLOADER_WRITES.has(door.name)) {
      expect([401, 403], `${door.file} refuses the uploader it exists for`).not.toContain(asUploader.status);
    } else {
      expect(asUploader.status, `${door.file} lets an uploader token write`).toBe(403);
      expect(await errorCode(asUploader)).toBe("forbidden");
    }
  });
});

describe("every read door", () => {
  it.each(reads.map((d) => [d.name, d] as const))("%s lets its role in and keeps uploader tokens out", async (name, door) => {
    const role = READ_ROLES[name] ?? "viewer";
    const allowed = await knock(door, { cookie: userFor(role).cookie });
    expect([401, 403], `${role} was refused: ${await allowed.clone().text()}`).not.toContain(allowed.status);
    expect(allowed.status, await allowed.clone().text()).toBeLessThan(500);

    if (role !== "viewer") {
      const asViewer = await knock(door, { cookie: userFor("viewer").cookie });
      expect(asViewer.status).toBe(403);
      expect(await errorCode(asViewer)).toBe("forbidden");
    }

    const asUploader = await knock(door, { token: uploaderToken });
    expect(asUploader.status).toBe(403);
    expect(await errorCode(asUploader)).toBe("forbidden");
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
