// Items as people create and edit them, through the real route handlers on PostgreSQL: next keys,
// 409 on a taken key, editing every field a person owns (checks follow the text), owners and
// watchers, due dates and the overdue filter, and bulk changes that happen completely or not at all.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { PATCH as patchItemRoute, GET as getItemRoute } from "@/app/api/v1/items/[key]/route";
import { PUT as watchRoute, DELETE as unwatchRoute } from "@/app/api/v1/items/[key]/watch/route";
import { POST as bulkRoute } from "@/app/api/v1/items/bulk/route";
import { GET as listItemsRoute, POST as createItemRoute } from "@/app/api/v1/items/route";
import { importBacklog } from "@/lib/backlog/mutations";
import type { ItemDetail, ItemSummary } from "@/lib/backlog/schema";
import { getDb } from "@/lib/db";
import { createSignedInUser, createToken, disconnectDb, request, type TestRequestInit, type TestUser } from "@/tests/auth";

type As = TestRequestInit["as"];
const NO_PARAMS = { params: Promise.resolve({}) };
const DOCUMENT = [
  "# Items test backlog",
  "",
  "## 🔴 CRITICAL BLOCKERS",
  "",
  "### P0-1: First",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-2: Second",
  "**Status:** ❌ NOT STARTED",
  "",
  "### P0-3: Third",
  "**Status:** ❌ NOT STARTED",
  "",
].join("\n");

afterAll(disconnectDb);

async function newProduct(): Promise<string> {
  const slug = `items-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: { kind: "import", name: "import" } });
  return slug;
}

const as = (user: TestUser): As => ({ cookie: user.cookie });

async function create(slug: string, who: As, body: unknown) {
  return createItemRoute(request(`/api/v1/items?product=${slug}`, { method: "POST", body, as: who }), NO_PARAMS);
}

async function patch(slug: string, who: As, key: string, body: unknown) {
  return patchItemRoute(request(`/api/v1/items/${key}?product=${slug}`, { method: "PATCH", body, as: who }), { params: Promise.resolve({ key }) });
}

async function item(slug: string, who: As, key: string): Promise<ItemDetail> {
  const response = await getItemRoute(request(`/api/v1/items/${key}?product=${slug}`, { as: who }), { params: Promise.resolve({ key }) });
  expect(response.status).toBe(200);
  return response.json();
}

async function list(slug: string, who: As, query: string): Promise<string[]> {
  const response = await listItemsRoute(request(`/api/v1/items?product=${slug}&${query}`, { as: who }), NO_PARAMS);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: ItemSummary[] };
  return body.items.map((i) => i.key).sort();
}

describe("creating items", () => {
  it("gives the product's next T-n key, refuses a taken key with 409, and never hands out a number twice", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");

    const first = await create(slug, as(engineer), { title: "Rebuild the driver image on UBI", category: "critical_blocker", priority: "P0", effortText: "2h" });
    expect(first.status).toBe(201);
    const { item: created } = (await first.json()) as { item: ItemDetail };
    expect(created).toMatchObject({ key: "T-1", title: "Rebuild the driver image on UBI", status: "not_started", priority: "P0", effortMinHours: 2, effortMaxHours: 2 });
    expect(created.watchers.map((w) => w.email)).toEqual([engineer.email]);
    expect(created.history[0]).toMatchObject({ field: "created", actor: engineer.name });

    const explicit = await create(slug, as(engineer), { key: "T-2", title: "Taken by hand", category: "needs_verification" });
    expect(explicit.status).toBe(201);
    const next = await create(slug, as(engineer), { title: "Skips past T-2", category: "needs_verification" });
    expect(((await next.json()) as { item: ItemDetail }).item.key).toBe("T-3");

    const clash = await create(slug, as(engineer), { key: "P0-1", title: "Clash", category: "compliant" });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.message).toContain("P0-1 already exists");

    // A deleted item's number is not given again.
    await getDb().backlogItem.deleteMany({ where: { product: { slug }, key: "T-3" } });
    const after = await create(slug, as(engineer), { title: "After a deletion", category: "compliant" });
    expect(((await after.json()) as { item: ItemDetail }).item.key).toBe("T-4");
  });

  it("refuses bad input with a clear 400 and writes nothing; viewers and uploader tokens may not create", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const viewer = await createSignedInUser("viewer");
    const uploader = await createToken("uploader", { userId: engineer.id });
    const before = await getDb().backlogItem.count({ where: { product: { slug } } });

    const cases: [unknown, string][] = [
      [{ title: "x", category: "critical_blocker", effortText: "soonish" }, "Effort must be"],
      [{ title: "x", category: "bogus" }, "category"],
      [{ title: "", category: "compliant" }, "title"],
      [{ title: "x", category: "compliant", dueDate: "2027-02-30" }, "YYYY-MM-DD"],
      [{ title: "x", category: "compliant", phase: "no-such-phase" }, 'no phase "no-such-phase"'],
      [{ title: "x", category: "compliant", components: ["nope"] }, 'no component "nope"'],
      [{ title: "x", category: "compliant", requirements: ["CTR-99"] }, "CTR-99"],
      [{ title: "x", category: "compliant", assignee: "nobody@example.test" }, 'no person "nobody@example.test"'],
      [{ title: "x", category: "compliant", key: "has space" }, "key must be"],
      [{ title: "x", category: "compliant", colour: "red" }, "colour"],
    ];
    for (const [body, message] of cases) {
      const response = await create(slug, as(engineer), body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.message).toContain(message);
    }
    expect((await create(slug, as(viewer), { title: "x", category: "compliant" })).status).toBe(403);
    expect((await create(slug, { token: uploader.token }, { title: "x", category: "compliant" })).status).toBe(403);
    expect(await getDb().backlogItem.count({ where: { product: { slug } } })).toBe(before);
    const { itemSeq } = await getDb().product.findUniqueOrThrow({ where: { slug }, select: { itemSeq: true } });
    expect(itemSeq).toBe(0);
  });
});

describe("editing everything a person owns", () => {
  it("changes title, description, files, components and requirements with version; editing the source recomputes the checks", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const product = await getDb().product.findUniqueOrThrow({ where: { slug } });
    await getDb().component.create({ data: { productId: product.id, slug: "driver", name: "Neuron driver" } });

    const before = await item(slug, as(engineer), "P0-1");
    const response = await patch(slug, as(engineer), "P0-1", {
      version: before.version,
      title: "First, renamed",
      description: "Now with **markdown**.",
      fileRefs: ["Dockerfile", "bundle/manifests/csv.yaml", "Dockerfile"],
      components: ["driver"],
      requirements: ["ctr-10"],
      source: "preflight HasLicense failed on 1.2.3",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const after = (await response.json()) as ItemDetail;
    expect(after).toMatchObject({
      version: before.version + 1,
      title: "First, renamed",
      description: "Now with **markdown**.",
      fileRefs: ["Dockerfile", "bundle/manifests/csv.yaml"],
      components: [{ slug: "driver", name: "Neuron driver" }],
      requirements: ["CTR-10"],
      checkNames: ["HasLicense"],
    });
    const fields = after.history.map((e) => e.field);
    for (const field of ["title", "description", "fileRefs", "components", "requirements", "source", "checkNames"]) expect(fields).toContain(field);

    const source = await patch(slug, as(engineer), "P0-1", { version: after.version, source: "HasUniqueTag failed" });
    expect(((await source.json()) as ItemDetail).checkNames).toEqual(["HasUniqueTag"]);

    const stale = await patch(slug, as(engineer), "P0-1", { version: before.version, title: "Lost update" });
    expect(stale.status).toBe(409);
    expect((await item(slug, as(engineer), "P0-1")).title).toBe("First, renamed");
  });
});

describe("owners, watchers and dates", () => {
  it("assigns by email or id, filters by assignee=me|EMAIL|none, and makes the assignee a watcher", async () => {
    const slug = await newProduct();
    const alice = await createSignedInUser("engineer");
    const bob = await createSignedInUser("engineer");
    const p01 = await item(slug, as(alice), "P0-1");
    const p02 = await item(slug, as(alice), "P0-2");

    const byEmail = await patch(slug, as(alice), "P0-1", { version: p01.version, assignee: bob.email.toUpperCase() });
    expect(byEmail.status).toBe(200);
    const assigned = (await byEmail.json()) as ItemDetail;
    expect(assigned.assignee).toEqual({ id: bob.id, name: bob.name, email: bob.email });
    expect(assigned.watchers.map((w) => w.id)).toEqual([bob.id]);
    expect(assigned.history[0]).toMatchObject({ field: "assignee", oldValue: null, newValue: bob.name });
    expect((await patch(slug, as(alice), "P0-2", { version: p02.version, assignee: alice.id })).status).toBe(200);

    expect(await list(slug, as(bob), "assignee=me")).toEqual(["P0-1"]);
    expect(await list(slug, as(bob), `assignee=${encodeURIComponent(alice.email)}`)).toEqual(["P0-2"]);
    expect(await list(slug, as(bob), "assignee=none")).toEqual(["P0-3"]);

    const cleared = await patch(slug, as(alice), "P0-1", { version: assigned.version, assignee: null });
    expect(((await cleared.json()) as ItemDetail).assignee).toBeNull();
    expect(await list(slug, as(bob), "assignee=none")).toEqual(["P0-1", "P0-3"]);
  });

  it("lets anyone who reads the item watch and unwatch it", async () => {
    const slug = await newProduct();
    const viewer = await createSignedInUser("viewer");
    const watched = await watchRoute(request(`/api/v1/items/P0-3/watch?product=${slug}`, { method: "PUT", as: as(viewer) }), { params: Promise.resolve({ key: "P0-3" }) });
    expect(watched.status).toBe(200);
    expect((await watched.json()).watchers.map((w: { id: string }) => w.id)).toEqual([viewer.id]);
    const again = await watchRoute(request(`/api/v1/items/P0-3/watch?product=${slug}`, { method: "PUT", as: as(viewer) }), { params: Promise.resolve({ key: "P0-3" }) });
    expect((await again.json()).watchers).toHaveLength(1);
    const unwatched = await unwatchRoute(request(`/api/v1/items/P0-3/watch?product=${slug}`, { method: "DELETE", as: as(viewer) }), { params: Promise.resolve({ key: "P0-3" }) });
    expect((await unwatched.json()).watchers).toEqual([]);
  });

  it("stores due dates as days and lists overdue open items with ?overdue=true", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const set = async (key: string, body: Record<string, unknown>) => {
      const current = await item(slug, as(engineer), key);
      const response = await patch(slug, as(engineer), key, { version: current.version, ...body });
      expect(response.status).toBe(200);
      return (await response.json()) as ItemDetail;
    };
    expect((await set("P0-1", { dueDate: day(-3) })).dueDate).toBe(day(-3));
    await set("P0-2", { dueDate: day(-1), status: "done" });
    await set("P0-3", { dueDate: day(2) });

    expect(await list(slug, as(engineer), "overdue=true")).toEqual(["P0-1"]);
    expect(await list(slug, as(engineer), "overdue=false")).toEqual(["P0-2", "P0-3"]);
    expect(await list(slug, as(engineer), "sort=due").then((keys) => keys.length)).toBe(3);
    const response = await listItemsRoute(request(`/api/v1/items?product=${slug}&sort=due`, { as: as(engineer) }), NO_PARAMS);
    expect(((await response.json()) as { items: ItemSummary[] }).items.map((i) => i.key)).toEqual(["P0-1", "P0-2", "P0-3"]);
  });
});

describe("bulk changes", () => {
  it("set status, assignee, phase, priority and due date on every item at once", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const items = await Promise.all(["P0-1", "P0-2", "P0-3"].map((key) => item(slug, as(engineer), key)));
    const response = await bulkRoute(
      request(`/api/v1/items/bulk?product=${slug}`, {
        method: "POST",
        as: as(engineer),
        body: { items: items.map((i) => ({ key: i.key, version: i.version })), set: { status: "in_progress", assignee: engineer.email, priority: "P1", dueDate: "2027-01-31" } },
      }),
      NO_PARAMS,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { key: string; version: number; changed: string[] }[] };
    expect(body.items.map((i) => i.changed.sort())).toEqual(Array(3).fill(["assignee", "dueDate", "priority", "status"]));
    for (const key of ["P0-1", "P0-2", "P0-3"]) {
      expect(await item(slug, as(engineer), key)).toMatchObject({ status: "in_progress", priority: "P1", dueDate: "2027-01-31", assignee: { email: engineer.email } });
    }
  });

  it("changes nothing when one version is stale, and names it in the 409", async () => {
    const slug = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const items = await Promise.all(["P0-1", "P0-2", "P0-3"].map((key) => item(slug, as(engineer), key)));
    // Someone else saves P0-2 after the page loaded.
    expect((await patch(slug, as(engineer), "P0-2", { version: items[1]!.version, title: "Changed meanwhile" })).status).toBe(200);

    const response = await bulkRoute(
      request(`/api/v1/items/bulk?product=${slug}`, {
        method: "POST",
        as: as(engineer),
        body: { items: items.map((i) => ({ key: i.key, version: i.version })), set: { status: "done" } },
      }),
      NO_PARAMS,
    );
    expect(response.status).toBe(409);
    const error = (await response.json()).error;
    expect(error.message).toContain("P0-2");
    expect(error.message).toContain("nothing was changed");
    expect(error.details.stale).toEqual([{ key: "P0-2", sent: items[1]!.version, current: items[1]!.version + 1 }]);
    const statuses = await getDb().backlogItem.findMany({ where: { product: { slug } }, select: { status: true } });
    expect(statuses.every((s) => s.status === "not_started")).toBe(true);

    const empty = await bulkRoute(request(`/api/v1/items/bulk?product=${slug}`, { method: "POST", as: as(engineer), body: { items: [], set: { status: "done" } } }), NO_PARAMS);
    expect(empty.status).toBe(400);
    const nothing = await bulkRoute(request(`/api/v1/items/bulk?product=${slug}`, { method: "POST", as: as(engineer), body: { items: [{ key: "P0-1", version: 1 }], set: {} } }), NO_PARAMS);
    expect(nothing.status).toBe(400);
    expect((await nothing.json()).error.message).toContain("name at least one of");
  });
});
