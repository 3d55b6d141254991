// Saved views through the real route handlers on PostgreSQL: saving the /items filters under a
// name, who sees which view, who may share and delete, and refusals that write nothing. Every test
// makes its own products and people; the shared database is never reset.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE as deleteViewRoute } from "@/app/api/v1/views/[id]/route";
import { GET as listViewsRoute, POST as createViewRoute } from "@/app/api/v1/views/route";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import { disconnectDb, getDb } from "@/lib/db";
import type { ErrorBody } from "@/lib/errors";
import type { SavedViewList, SavedViewSummary } from "@/lib/views/schema";
import { createSignedInUser, createToken, request, type TestRequestInit, type TestUser } from "@/tests/auth";
import { rowCounts } from "@/tests/db";

type As = TestRequestInit["as"];
const NO_PARAMS = { params: Promise.resolve({}) };
const DOCUMENT = ["# Views test backlog", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-1: An item", "**Status:** ❌ NOT STARTED", "", "Something.", ""].join("\n");

afterAll(disconnectDb);

async function newProduct(): Promise<string> {
  const slug = `views-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: IMPORT_ACTOR });
  return slug;
}

const as = (user: TestUser): As => ({ cookie: user.cookie });

function save(who: As, body: Record<string, unknown>) {
  return createViewRoute(request("/api/v1/views", { method: "POST", body, as: who }), NO_PARAMS);
}

async function saved(who: As, body: Record<string, unknown>): Promise<SavedViewSummary> {
  const response = await save(who, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { view: SavedViewSummary }).view;
}

async function list(who: As, product: string): Promise<SavedViewList> {
  const response = await listViewsRoute(request(`/api/v1/views?product=${product}`, { as: who }), NO_PARAMS);
  expect(response.status).toBe(200);
  return (await response.json()) as SavedViewList;
}

function remove(who: As, id: string) {
  return deleteViewRoute(request(`/api/v1/views/${id}`, { method: "DELETE", as: who }), { params: Promise.resolve({ id }) });
}

/** Every table's rows, without the ones signing in touches. */
async function dataCounts(): Promise<Record<string, number>> {
  const { Session: _session, RateLimitBucket: _buckets, ...rest } = await rowCounts();
  return rest;
}

describe("saving a view", () => {
  it("takes the product from ?product= like every door, or from the body, and refuses two different ones", async () => {
    const engineer = await createSignedInUser("engineer");
    const [first, second] = [await newProduct(), await newProduct()];
    const byQuery = await createViewRoute(request(`/api/v1/views?product=${second}`, { method: "POST", body: { name: "By query", query: "status=blocked" }, as: as(engineer) }), NO_PARAMS);
    expect(byQuery.status).toBe(201);
    expect((await list(as(engineer), second)).views.map((v) => v.name)).toEqual(["By query"]);
    expect((await list(as(engineer), first)).views).toEqual([]);
    const both = await createViewRoute(request(`/api/v1/views?product=${first}`, { method: "POST", body: { name: "Both", query: "", product: second }, as: as(engineer) }), NO_PARAMS);
    expect(both.status).toBe(400);
    expect((await list(as(engineer), second)).views.map((v) => v.name)).toEqual(["By query"]);
  });

  it("stores the filters normalized under a trimmed name and answers 201 with the view", async () => {
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct();
    const response = await save(as(engineer), { name: "  Open blockers  ", query: "?status=blocked&category=critical_blocker&sort=key&offset=100&limit=20&product=x", product });
    expect(response.status).toBe(201);
    const { view } = (await response.json()) as { view: SavedViewSummary };
    expect(view).toEqual({ id: expect.any(String), name: "Open blockers", query: "category=critical_blocker&status=blocked", shared: false, owner: { name: engineer.name }, mine: true });
    const row = await getDb().savedView.findUniqueOrThrow({ where: { id: view.id }, include: { product: true } });
    expect(row).toMatchObject({ userId: engineer.id, name: "Open blockers", query: "category=critical_blocker&status=blocked", shared: false });
    expect(row.product.slug).toBe(product);
  });

  it("lists the caller's own views first, by name, then the ones others shared, and never another person's private view", async () => {
    const alice = await createSignedInUser("engineer");
    const bob = await createSignedInUser("engineer");
    const product = await newProduct();
    const other = await newProduct();
    await saved(as(alice), { name: "zeta", query: "priority=P0", product });
    await saved(as(alice), { name: "Alpha", query: "status=in_progress", shared: true, product });
    await saved(as(bob), { name: "Bob's shared", query: "status=blocked", shared: true, product });
    await saved(as(bob), { name: "Bob's private", query: "q=secret", product });
    await saved(as(alice), { name: "elsewhere", query: "", product: other });

    const forAlice = await list(as(alice), product);
    expect(forAlice.views.map((v) => [v.name, v.mine, v.shared, v.owner.name])).toEqual([
      ["Alpha", true, true, alice.name],
      ["zeta", true, false, alice.name],
      ["Bob's shared", false, true, bob.name],
    ]);
    expect(forAlice.views[2]).toEqual({ id: expect.any(String), name: "Bob's shared", query: "status=blocked", shared: true, owner: { name: bob.name }, mine: false });
    expect(forAlice.canShare).toBe(true);

    const forBob = await list(as(bob), product);
    expect(forBob.views.map((v) => v.name)).toEqual(["Bob's private", "Bob's shared", "Alpha"]);
    // Another product's views stay there.
    expect((await list(as(alice), other)).views.map((v) => v.name)).toEqual(["elsewhere"]);
  });

  it("answers 409 for a name the person already used on the product, and keeps the first", async () => {
    const engineer = await createSignedInUser("engineer");
    const colleague = await createSignedInUser("engineer");
    const product = await newProduct();
    const first = await saved(as(engineer), { name: "Mine", query: "status=blocked", product });
    const again = await save(as(engineer), { name: "  Mine ", query: "priority=P1", product });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error).toMatchObject({ code: "conflict", message: expect.stringContaining('"Mine"') });
    const rows = await getDb().savedView.findMany({ where: { userId: engineer.id } });
    expect(rows.map((r) => [r.id, r.query])).toEqual([[first.id, "status=blocked"]]);
    // The name is per person: a colleague may use it too.
    expect((await saved(as(colleague), { name: "Mine", query: "", product })).name).toBe("Mine");
  });

  it("refuses a query the item list would not read with 400 naming the parameter, and writes nothing", async () => {
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct();
    const before = await dataCounts();
    const bad = await save(as(engineer), { name: "Broken", query: "status=bogus&priority=P1", product });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid");
    expect(body.error.message).toMatch(/^query\.status: /);
    expect(body.error.details).toEqual([{ path: "query.status", message: expect.any(String) }]);

    const unknown = await save(as(engineer), { name: "Unknown", query: "colour=red", product });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.message).toContain("query.colour: not a filter of the item list");

    const blankName = await save(as(engineer), { name: "   ", query: "", product });
    expect(blankName.status).toBe(400);
    const extraField = await save(as(engineer), { name: "Extra", query: "", product, owner: "someone" });
    expect(extraField.status).toBe(400);
    expect(await dataCounts()).toEqual(before);
  });

  it("lets a viewer save a personal view but not a shared one", async () => {
    const viewer = await createSignedInUser("viewer");
    const product = await newProduct();
    expect((await list(as(viewer), product)).canShare).toBe(false);
    const before = await dataCounts();
    const shared = await save(as(viewer), { name: "For the team", query: "status=blocked", shared: true, product });
    expect(shared.status).toBe(403);
    expect(((await shared.json()) as ErrorBody).error).toMatchObject({ code: "forbidden", message: expect.stringContaining("personal views only") });
    expect(await dataCounts()).toEqual(before);

    const personal = await saved(as(viewer), { name: "For me", query: "status=blocked", product });
    expect(personal).toMatchObject({ name: "For me", shared: false, mine: true });
    expect((await list(as(viewer), product)).views.map((v) => v.name)).toEqual(["For me"]);
  });

  it("saves a token's view for its owner, and refuses a token nobody owns", async () => {
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct();
    const owned = await createToken("engineer", { userId: engineer.id });
    const view = await saved({ token: owned.token }, { name: "From CI", query: "priority=P0", product });
    expect((await list(as(engineer), product)).views).toEqual([{ ...view, mine: true }]);
    const ownerless = await createToken("engineer");
    const refused = await save({ token: ownerless.token }, { name: "Nobody's", query: "", product });
    expect(refused.status).toBe(403);
    expect(await getDb().savedView.count({ where: { name: "Nobody's" } })).toBe(0);
  });

  it("answers 404 for a product the caller cannot see", async () => {
    const engineer = await createSignedInUser("engineer");
    const missing = `views-missing-${randomUUID().slice(0, 8)}`;
    expect((await save(as(engineer), { name: "Lost", query: "", product: missing })).status).toBe(404);
    expect((await listViewsRoute(request(`/api/v1/views?product=${missing}`, { as: as(engineer) }), NO_PARAMS)).status).toBe(404);
  });
});

describe("deleting a view", () => {
  it("deletes the caller's own view (204); another person's is 403 when shared, 404 when private; an admin deletes any", async () => {
    const owner = await createSignedInUser("engineer");
    const colleague = await createSignedInUser("engineer");
    const admin = await createSignedInUser("admin");
    const product = await newProduct();
    const own = await saved(as(owner), { name: "Own", query: "", product });
    const shared = await saved(as(owner), { name: "Shared", query: "status=blocked", shared: true, product });
    const personal = await saved(as(owner), { name: "Personal", query: "priority=P2", product });

    const refused = await remove(as(colleague), shared.id);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("forbidden");
    const hidden = await remove(as(colleague), personal.id);
    expect(hidden.status).toBe(404);
    expect(await getDb().savedView.count({ where: { id: { in: [shared.id, personal.id] } } })).toBe(2);

    const deleted = await remove(as(owner), own.id);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect(await getDb().savedView.findUnique({ where: { id: own.id } })).toBeNull();

    expect((await remove(as(admin), personal.id)).status).toBe(204);
    expect((await remove(as(admin), shared.id)).status).toBe(204);
    expect((await list(as(owner), product)).views).toEqual([]);
  });

  it("answers 404 for an unknown or malformed id, and for a view already deleted", async () => {
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct();
    const view = await saved(as(engineer), { name: "Once", query: "", product });
    expect((await remove(as(engineer), view.id)).status).toBe(204);
    const again = await remove(as(engineer), view.id);
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorBody).error.code).toBe("not_found");
    expect((await remove(as(engineer), randomUUID())).status).toBe(404);
    expect((await remove(as(engineer), "not-a-uuid")).status).toBe(404);
  });
});
