// Restricted products and product-scoped tokens through the real route handlers on PostgreSQL: a
// restricted product does not exist for a non-member (404 on every door, absent from lists), a
// member acts with the lower of their global and product role, and a scoped token is refused (403)
// on any other product. Every test makes its own products and people.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/backlog/export/route";
import { POST as importRoute } from "@/app/api/v1/backlog/import/route";
import { GET as componentsRoute } from "@/app/api/v1/components/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as getItemRoute, PATCH as patchItemRoute } from "@/app/api/v1/items/[key]/route";
import { GET as listItemsRoute } from "@/app/api/v1/items/route";
import { GET as phasesRoute } from "@/app/api/v1/phases/route";
import { POST as uploadRoute, GET as runsRoute } from "@/app/api/v1/preflight/runs/route";
import { GET as membersRoute, PUT as putMembersRoute } from "@/app/api/v1/products/[slug]/members/route";
import { GET as productRoute, PATCH as patchProductRoute } from "@/app/api/v1/products/[slug]/route";
import { GET as readinessRoute } from "@/app/api/v1/readiness/route";
import { GET as reportRoute } from "@/app/api/v1/report/route";
import { GET as streamRoute } from "@/app/api/v1/stream/route";
import { GET as summaryRoute } from "@/app/api/v1/summary/route";
import { POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { importBacklog } from "@/lib/backlog/mutations";
import { getDb } from "@/lib/db";
import { listProductsFor } from "@/lib/products/data";
import { createSignedInUser, createToken, disconnectDb, request, type TestRequestInit } from "@/tests/auth";

type As = TestRequestInit["as"];
const NO_PARAMS = { params: Promise.resolve({}) };
const DOCUMENT = ["# Access test backlog", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-1: An item", "**Status:** ❌ NOT STARTED", "", "Something.", ""].join("\n");

async function newProduct(prefix: string): Promise<{ slug: string; id: string }> {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: { kind: "import", name: "import" } });
  return getDb().product.findUniqueOrThrow({ where: { slug }, select: { slug: true, id: true } });
}

/** Every read door that names a product, as [label, call]. */
function readDoors(slug: string, as: As): [string, () => Promise<Response>][] {
  const q = `?product=${slug}`;
  const get = (path: string, headers: Record<string, string> = {}) => request(`${path}${q}`, { as, headers });
  return [
    ["items", () => listItemsRoute(get("/api/v1/items"), NO_PARAMS)],
    ["item", () => getItemRoute(get("/api/v1/items/P0-1"), { params: Promise.resolve({ key: "P0-1" }) })],
    ["components", () => componentsRoute(get("/api/v1/components"), NO_PARAMS)],
    ["phases", () => phasesRoute(get("/api/v1/phases"), NO_PARAMS)],
    ["runs", () => runsRoute(get("/api/v1/preflight/runs"), NO_PARAMS)],
    ["events", () => eventsRoute(get("/api/v1/events"), NO_PARAMS)],
    ["summary", () => summaryRoute(get("/api/v1/summary"), NO_PARAMS)],
    ["readiness", () => readinessRoute(get("/api/v1/readiness"), NO_PARAMS)],
    ["report", () => reportRoute(get("/api/v1/report"), NO_PARAMS)],
    ["export", () => exportRoute(get("/api/v1/backlog/export"), NO_PARAMS)],
    ["stream", () => streamRoute(new NextRequest(get("/api/v1/stream", { accept: "text/event-stream" })), NO_PARAMS)],
  ];
}

async function statuses(doors: [string, () => Promise<Response>][]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [label, call] of doors) {
    const response = await call();
    out[label] = response.status;
    await response.body?.cancel();
  }
  return out;
}

const all = (status: number) => Object.fromEntries(readDoors("x", null).map(([label]) => [label, status]));

afterAll(disconnectDb);

describe("restricted products", () => {
  it("do not exist for a non-member: 404 on every door, absent from their product list; members and admins see them", async () => {
    const admin = await createSignedInUser("admin");
    const member = await createSignedInUser("viewer");
    const stranger = await createSignedInUser("engineer");
    const product = await newProduct("restricted");

    const restrict = await patchProductRoute(request(`/api/v1/products/${product.slug}`, { method: "PATCH", body: { restricted: true }, as: { cookie: admin.cookie } }), {
      params: Promise.resolve({ slug: product.slug }),
    });
    expect(restrict.status).toBe(200);
    expect(await restrict.json()).toMatchObject({ product: { slug: product.slug, restricted: true, members: [] } });
    const put = await putMembersRoute(request(`/api/v1/products/${product.slug}/members`, { method: "PUT", body: [{ user: member.email, role: "viewer" }], as: { cookie: admin.cookie } }), {
      params: Promise.resolve({ slug: product.slug }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ members: [expect.objectContaining({ userId: member.id, role: "viewer", globalRole: "viewer" })] });

    expect(await statuses(readDoors(product.slug, { cookie: stranger.cookie }))).toEqual(all(404));
    expect(await statuses(readDoors(product.slug, { cookie: member.cookie }))).toEqual(all(200));
    expect(await statuses(readDoors(product.slug, { cookie: admin.cookie }))).toEqual(all(200));
    // A token acts for its owner: the stranger's token sees nothing more than they do.
    const strangersToken = await createToken("engineer", { userId: stranger.id });
    expect(await statuses(readDoors(product.slug, { token: strangersToken.token }))).toEqual(all(404));

    const slugsFor = async (id: string) => (await listProductsFor({ kind: "user", id, email: "", name: "", role: "engineer" })).map((p) => p.slug);
    expect(await slugsFor(stranger.id)).not.toContain(product.slug);
    expect(await slugsFor(member.id)).toContain(product.slug);

    // Importing into it is a 404 too, and writes nothing.
    const before = await getDb().backlogItem.count({ where: { productId: product.id } });
    const imported = await importRoute(
      request(`/api/v1/backlog/import?product=${product.slug}`, { method: "POST", body: DOCUMENT.replace("An item", "Renamed"), contentType: "text/markdown", as: { cookie: stranger.cookie } }),
      NO_PARAMS,
    );
    expect(imported.status).toBe(404);
    expect(await getDb().backlogItem.count({ where: { productId: product.id } })).toBe(before);
    expect((await getDb().backlogItem.findFirstOrThrow({ where: { productId: product.id, key: "P0-1" } })).title).toBe("An item");

    // Opened again, everyone sees it as before.
    await patchProductRoute(request(`/api/v1/products/${product.slug}`, { method: "PATCH", body: { restricted: false }, as: { cookie: admin.cookie } }), {
      params: Promise.resolve({ slug: product.slug }),
    });
    expect(await statuses(readDoors(product.slug, { cookie: stranger.cookie }))).toEqual(all(200));
  });

  it("a member acts with the lower of their global role and their role on the product", async () => {
    const admin = await createSignedInUser("admin");
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct("capped");
    const setMembers = (body: unknown) =>
      putMembersRoute(request(`/api/v1/products/${product.slug}/members`, { method: "PUT", body, as: { cookie: admin.cookie } }), { params: Promise.resolve({ slug: product.slug }) });
    await patchProductRoute(request(`/api/v1/products/${product.slug}`, { method: "PATCH", body: { restricted: true }, as: { cookie: admin.cookie } }), {
      params: Promise.resolve({ slug: product.slug }),
    });
    expect((await setMembers([{ user: engineer.id, role: "viewer" }])).status).toBe(200);
    const edit = () =>
      patchItemRoute(request(`/api/v1/items/P0-1?product=${product.slug}`, { method: "PATCH", body: { status: "in_progress", version: 1 }, as: { cookie: engineer.cookie } }), {
        params: Promise.resolve({ key: "P0-1" }),
      });
    const refused = await edit();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("(viewer)") } });

    // A role above the person's global role is refused, and the members stay as they were.
    const tooHigh = await setMembers([{ user: engineer.email, role: "admin" }]);
    expect(tooHigh.status).toBe(400);
    expect(await tooHigh.json()).toMatchObject({ error: { code: "invalid", message: expect.stringContaining("cannot be admin") } });
    const unknown = await setMembers([{ user: engineer.email, role: "engineer" }, { user: "nobody@example.test", role: "viewer" }]);
    expect(unknown.status).toBe(400);
    const members = await membersRoute(request(`/api/v1/products/${product.slug}/members`, { as: { cookie: admin.cookie } }), { params: Promise.resolve({ slug: product.slug }) });
    expect(await members.json()).toEqual({ members: [expect.objectContaining({ userId: engineer.id, role: "viewer" })] });

    expect((await setMembers([{ user: engineer.email, role: "engineer" }])).status).toBe(200);
    expect((await edit()).status).toBe(200);
  });

  it("only admins manage access: an engineer is refused on every access door", async () => {
    const engineer = await createSignedInUser("engineer");
    const product = await newProduct("doors");
    const params = { params: Promise.resolve({ slug: product.slug }) };
    const as = { cookie: engineer.cookie };
    expect((await productRoute(request(`/api/v1/products/${product.slug}`, { as }), params)).status).toBe(403);
    expect((await patchProductRoute(request(`/api/v1/products/${product.slug}`, { method: "PATCH", body: { restricted: true }, as }), params)).status).toBe(403);
    expect((await membersRoute(request(`/api/v1/products/${product.slug}/members`, { as }), params)).status).toBe(403);
    expect((await putMembersRoute(request(`/api/v1/products/${product.slug}/members`, { method: "PUT", body: [], as }), params)).status).toBe(403);
    expect((await getDb().product.findUniqueOrThrow({ where: { id: product.id } })).restricted).toBe(false);
  });
});

describe("tokens scoped to products", () => {
  it("a scoped token works on its products and gets 403 on any other; an unscoped token works on both", async () => {
    const engineer = await createSignedInUser("engineer");
    const mine = await newProduct("scope-mine");
    const other = await newProduct("scope-other");
    const created = await createTokenRoute(
      request("/api/v1/tokens", { method: "POST", body: { name: "ci", role: "engineer", products: [mine.slug] }, as: { cookie: engineer.cookie } }),
      NO_PARAMS,
    );
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { token: string } };
    const items = (slug: string, bearer: string) => listItemsRoute(request(`/api/v1/items?product=${slug}`, { as: { token: bearer } }), NO_PARAMS);
    expect((await items(mine.slug, token.token)).status).toBe(200);
    const refused = await items(other.slug, token.token);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden", message: expect.stringContaining("limited to other products") } });
    // Writes too.
    const write = await patchItemRoute(
      request(`/api/v1/items/P0-1?product=${other.slug}`, { method: "PATCH", body: { status: "in_progress", version: 1 }, as: { token: token.token } }),
      { params: Promise.resolve({ key: "P0-1" }) },
    );
    expect(write.status).toBe(403);
    expect((await getDb().backlogItem.findFirstOrThrow({ where: { productId: other.id, key: "P0-1" } })).version).toBe(1);

    // An upload to the other product is refused before its body is read.
    const upload = await uploadRoute(request(`/api/v1/preflight/runs?product=${other.slug}`, { method: "POST", body: {}, as: { token: token.token } }), NO_PARAMS);
    expect(upload.status).toBe(403);

    const unscoped = await createToken("engineer", { userId: engineer.id });
    expect((await items(mine.slug, unscoped.token)).status).toBe(200);
    expect((await items(other.slug, unscoped.token)).status).toBe(200);
  });

  it("a scope naming a product its owner cannot see is refused, and no token is made", async () => {
    const admin = await createSignedInUser("admin");
    const engineer = await createSignedInUser("engineer");
    const hidden = await newProduct("scope-hidden");
    await patchProductRoute(request(`/api/v1/products/${hidden.slug}`, { method: "PATCH", body: { restricted: true }, as: { cookie: admin.cookie } }), {
      params: Promise.resolve({ slug: hidden.slug }),
    });
    const name = `hidden-${randomUUID().slice(0, 6)}`;
    const response = await createTokenRoute(
      request("/api/v1/tokens", { method: "POST", body: { name, role: "uploader", products: [hidden.slug] }, as: { cookie: engineer.cookie } }),
      NO_PARAMS,
    );
    expect(response.status).toBe(404);
    expect(await getDb().apiToken.count({ where: { name } })).toBe(0);
  });
});
