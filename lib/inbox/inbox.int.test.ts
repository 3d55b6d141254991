// The in-app inbox through the real route handlers on PostgreSQL: notifications made the way the
// app makes them (a change writes the outbox, the relay fans it out), read and marked read by the
// person they are for and nobody else. Every test makes its own products and people.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as markReadRoute } from "@/app/api/v1/notifications/read/route";
import { GET as listRoute } from "@/app/api/v1/notifications/route";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import type { MarkReadResult, NotificationList } from "@/lib/inbox/schema";
import { updateItem } from "@/lib/items/mutations";
import { relayAll } from "@/lib/notify/relay/mutations";
import { createSignedInUser, createToken, request, type TestRequestInit, type TestUser } from "@/tests/auth";

type As = TestRequestInit["as"];
const NO_PARAMS = { params: Promise.resolve({}) };
const KEYS = ["P0-1", "P0-2", "P0-3"];
const DOCUMENT = [
  "# Inbox test backlog",
  "",
  "## 🔴 CRITICAL BLOCKERS",
  "",
  ...KEYS.flatMap((key) => [`### ${key}: Item ${key}`, "**Status:** ❌ NOT STARTED", "", "Something.", ""]),
].join("\n");

afterAll(disconnectDb);

const as = (user: TestUser): As => ({ cookie: user.cookie });

async function newProduct(): Promise<string> {
  const slug = `inbox-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: IMPORT_ACTOR });
  return slug;
}

/** `by` assigns each item to `to`, as the items API would; the relay then writes the notifications. */
async function assign(product: string, keys: string[], to: TestUser, by: TestUser): Promise<void> {
  for (const key of keys) {
    await updateItem({ productSlug: product, key, patch: { version: 1, assignee: to.email }, actor: { kind: "user", name: by.name, userId: by.id } });
  }
  await relayAll(async () => undefined);
}

async function list(who: As, query = ""): Promise<NotificationList> {
  const response = await listRoute(request(`/api/v1/notifications${query}`, { as: who }), NO_PARAMS);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as NotificationList;
}

function markRead(who: As, body: unknown) {
  return markReadRoute(request("/api/v1/notifications/read", { method: "POST", body, as: who }), NO_PARAMS);
}

async function readStates(userId: string): Promise<Record<string, boolean>> {
  const rows = await getDb().notification.findMany({ where: { userId }, select: { id: true, readAt: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.readAt !== null]));
}

describe("listing notifications", () => {
  it("shows a person only their own, newest first, with the unread count and the product", async () => {
    const [erin, frank, lead] = [await createSignedInUser("engineer"), await createSignedInUser("engineer"), await createSignedInUser("admin")];
    const product = await newProduct();
    await assign(product, ["P0-1", "P0-2"], erin, lead);
    await assign(product, ["P0-3"], frank, lead);

    const mine = await list(as(erin));
    expect(mine.unread).toBe(2);
    expect(mine.nextCursor).toBeNull();
    expect(mine.notifications.map((n) => n.text)).toEqual([
      `P0-2 assigned to ${erin.name} by ${lead.name}: Item P0-2`,
      `P0-1 assigned to ${erin.name} by ${lead.name}: Item P0-1`,
    ]);
    expect(mine.notifications[0]).toMatchObject({ type: "item.assigned", reason: "assigned", readAt: null, product: { slug: product } });
    expect(mine.notifications[0]!.link).toContain("P0-2");

    const franks = await list(as(frank));
    expect(franks.notifications.map((n) => n.text)).toEqual([`P0-3 assigned to ${frank.name} by ${lead.name}: Item P0-3`]);
    expect(franks.unread).toBe(1);
    // The one who made the change hears nothing of it.
    expect(await list(as(lead))).toEqual({ notifications: [], unread: 0, nextCursor: null });
  });

  it("pages with the cursor, filters to unread, and answers the count alone for limit=0", async () => {
    const [erin, lead] = [await createSignedInUser("engineer"), await createSignedInUser("admin")];
    const product = await newProduct();
    await assign(product, KEYS, erin, lead);

    const first = await list(as(erin), "?limit=2");
    expect(first.notifications.map((n) => n.text.slice(0, 4))).toEqual(["P0-3", "P0-2"]);
    expect(first.nextCursor).toBe(first.notifications[1]!.id);
    const second = await list(as(erin), `?limit=2&cursor=${first.nextCursor}`);
    expect(second.notifications.map((n) => n.text.slice(0, 4))).toEqual(["P0-1"]);
    expect(second.nextCursor).toBeNull();

    expect(await list(as(erin), "?limit=0")).toEqual({ notifications: [], unread: 3, nextCursor: null });
    expect((await markRead(as(erin), { ids: [first.notifications[0]!.id] })).status).toBe(200);
    const unread = await list(as(erin), "?unread=true");
    expect(unread.notifications.map((n) => n.text.slice(0, 4))).toEqual(["P0-2", "P0-1"]);
    expect(unread.unread).toBe(2);
    expect((await list(as(erin))).notifications.map((n) => n.readAt !== null)).toEqual([true, false, false]);
  });

  it("refuses a bad query, someone else's cursor, and tokens without a person", async () => {
    const [erin, frank, lead] = [await createSignedInUser("engineer"), await createSignedInUser("engineer"), await createSignedInUser("admin")];
    const product = await newProduct();
    await assign(product, ["P0-1"], frank, lead);
    const franksId = (await list(as(frank))).notifications[0]!.id;

    for (const query of ["?limit=101", "?limit=-1", "?unread=yes", "?cursor=abc", `?cursor=${franksId}`]) {
      const response = await listRoute(request(`/api/v1/notifications${query}`, { as: as(erin) }), NO_PARAMS);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("invalid");
    }
    const ownerless = await createToken("engineer");
    const byMachine = await listRoute(request("/api/v1/notifications", { as: { token: ownerless.token } }), NO_PARAMS);
    expect(byMachine.status).toBe(403);
    expect(((await byMachine.json()) as ErrorBody).error.message).toMatch(/no owner/);
    expect((await listRoute(request("/api/v1/notifications", { as: null }), NO_PARAMS)).status).toBe(401);

    const franksToken = await createToken("engineer", { userId: frank.id });
    const byToken = await listRoute(request("/api/v1/notifications", { as: { token: franksToken.token } }), NO_PARAMS);
    expect(byToken.status).toBe(200);
    expect(((await byToken.json()) as NotificationList).notifications.map((n) => n.id)).toEqual([franksId]);
  });
});

describe("marking notifications read", () => {
  it("marks the named ones, then all, of one's own and never anyone else's", async () => {
    const [erin, frank, lead] = [await createSignedInUser("engineer"), await createSignedInUser("engineer"), await createSignedInUser("admin")];
    const product = await newProduct();
    await assign(product, ["P0-1", "P0-2"], erin, lead);
    await assign(product, ["P0-3"], frank, lead);
    const [newest, older] = (await list(as(erin))).notifications;
    const franksId = (await list(as(frank))).notifications[0]!.id;

    const one = await markRead(as(erin), { ids: [newest!.id, franksId] });
    expect(one.status).toBe(200);
    expect((await one.json()) as MarkReadResult).toEqual({ marked: 1, unread: 1 });
    expect(await readStates(erin.id)).toEqual({ [newest!.id]: true, [older!.id]: false });
    expect(await readStates(frank.id)).toEqual({ [franksId]: false });

    const again = await markRead(as(erin), { ids: [newest!.id] });
    expect((await again.json()) as MarkReadResult).toEqual({ marked: 0, unread: 1 });

    const all = await markRead(as(erin), { all: true });
    expect((await all.json()) as MarkReadResult).toEqual({ marked: 1, unread: 0 });
    expect(await readStates(erin.id)).toEqual({ [newest!.id]: true, [older!.id]: true });
    expect(await readStates(frank.id)).toEqual({ [franksId]: false });
    expect((await list(as(erin), "?limit=0")).unread).toBe(0);
  });

  it("refuses a bad body with 400 and marks nothing", async () => {
    const [erin, lead] = [await createSignedInUser("engineer"), await createSignedInUser("admin")];
    const product = await newProduct();
    await assign(product, ["P0-1"], erin, lead);
    const before = await readStates(erin.id);
    const bodies: unknown[] = [{}, { all: false }, { ids: [] }, { ids: ["not-a-uuid"] }, { ids: [randomUUID()], all: true }, { all: true, extra: 1 }, "not json"];
    for (const body of bodies) {
      const response = await markRead(as(erin), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as ErrorBody).error.code).toBe("invalid");
    }
    const wrongType = await markReadRoute(request("/api/v1/notifications/read", { method: "POST", body: "all=true", contentType: "application/x-www-form-urlencoded", as: as(erin) }), NO_PARAMS);
    expect(wrongType.status).toBe(415);
    const crossSite = await markReadRoute(request("/api/v1/notifications/read", { method: "POST", body: { all: true }, as: as(erin), origin: "https://evil.example" }), NO_PARAMS);
    expect(crossSite.status).toBe(403);
    const ownerless = await createToken("engineer");
    const byMachine = await markReadRoute(request("/api/v1/notifications/read", { method: "POST", body: { all: true }, as: { token: ownerless.token } }), NO_PARAMS);
    expect(byMachine.status).toBe(403);
    expect(await readStates(erin.id)).toEqual(before);
    expect(Object.values(before)).toEqual([false]);
  });
});
