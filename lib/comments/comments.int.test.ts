// Comments on items through the real route handlers on PostgreSQL: who may comment, edit and
// delete, what a mention resolves to and is stored as, the history each write leaves, and that a
// refused body writes nothing. Every test makes its own product and people.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/items/[key]/comments/[id]/route";
import { GET as listRoute, POST as postRoute } from "@/app/api/v1/items/[key]/comments/route";
import { GET as getItemRoute } from "@/app/api/v1/items/[key]/route";
import { IMPORT_ACTOR } from "@/lib/auth/schema";
import { importBacklog } from "@/lib/backlog/mutations";
import type { ItemDetail } from "@/lib/backlog/schema";
import type { CommentView } from "@/lib/comments/schema";
import { disconnectDb, getDb } from "@/lib/db";
import { createUser } from "@/lib/users/mutations";
import { createSignedInUser, createToken, request, type TestRequestInit, type TestUser } from "@/tests/auth";
import { rowCounts } from "@/tests/db";

type As = TestRequestInit["as"];
const KEY = "P0-1";
const DOCUMENT = ["# Comments test backlog", "", "## 🔴 CRITICAL BLOCKERS", "", `### ${KEY}: An item to discuss`, "**Status:** ❌ NOT STARTED", "", "Something.", ""].join("\n");

async function newProduct(): Promise<{ slug: string; id: string }> {
  const slug = `comments-${randomUUID().slice(0, 8)}`;
  await importBacklog({ document: DOCUMENT, productSlug: slug, actor: IMPORT_ACTOR });
  return getDb().product.findUniqueOrThrow({ where: { slug }, select: { slug: true, id: true } });
}

const commentsUrl = (product: string, key = KEY, id?: string) => `/api/v1/items/${key}/comments${id ? `/${id}` : ""}?product=${product}`;

function post(product: string, as: As, body: unknown, key = KEY) {
  return postRoute(request(commentsUrl(product, key), { method: "POST", body, as }), { params: Promise.resolve({ key }) });
}
function list(product: string, as: As, key = KEY) {
  return listRoute(request(commentsUrl(product, key), { as }), { params: Promise.resolve({ key }) });
}
function patch(product: string, as: As, id: string, body: unknown) {
  return patchRoute(request(commentsUrl(product, KEY, id), { method: "PATCH", body, as }), { params: Promise.resolve({ key: KEY, id }) });
}
function remove(product: string, as: As, id: string) {
  return deleteRoute(request(commentsUrl(product, KEY, id), { method: "DELETE", as }), { params: Promise.resolve({ key: KEY, id }) });
}

async function created(response: Response): Promise<CommentView> {
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { comment: CommentView }).comment;
}
async function comments(product: string, as: As): Promise<CommentView[]> {
  const response = await list(product, as);
  expect(response.status).toBe(200);
  return ((await response.json()) as { comments: CommentView[] }).comments;
}
async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toMatchObject({ error: { code } });
}
const cookie = (user: TestUser): As => ({ cookie: user.cookie });

async function commentEvents(product: string) {
  return getDb().itemEvent.findMany({
    where: { field: "comment", item: { product: { slug: product }, key: KEY } },
    orderBy: { at: "asc" },
    select: { actor: true, userId: true, oldValue: true, newValue: true, note: true },
  });
}

afterAll(disconnectDb);

describe("comments", () => {
  it("a viewer comments, everyone who reads sees it, and only its author may change it", async () => {
    const product = await newProduct();
    const viewer = await createSignedInUser("viewer");
    const engineer = await createSignedInUser("engineer");

    const comment = await created(await post(product.slug, cookie(viewer), { body: "  When is this **done**?  " }));
    expect(comment).toMatchObject({ author: { id: viewer.id, name: viewer.name }, body: "When is this **done**?", editedAt: null, mentions: [], canEdit: true });
    expect(Date.parse(comment.createdAt)).not.toBeNaN();

    const second = await created(await post(product.slug, cookie(engineer), { body: "Next week." }));
    // Oldest first; each caller learns which ones they may change.
    expect((await comments(product.slug, cookie(engineer))).map((c) => [c.body, c.canEdit])).toEqual([["When is this **done**?", false], ["Next week.", true]]);
    expect((await comments(product.slug, cookie(viewer))).map((c) => [c.id, c.canEdit])).toEqual([[comment.id, true], [second.id, false]]);

    // The engineer may not edit or delete the viewer's comment, and it stays as written.
    await expectError(await patch(product.slug, cookie(engineer), comment.id, { body: "Rewritten" }), 403, "forbidden");
    await expectError(await remove(product.slug, cookie(engineer), comment.id), 403, "forbidden");
    const stored = await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(stored).toMatchObject({ body: "When is this **done**?", editedAt: null, userId: viewer.id, actor: viewer.name });

    // Its author edits it.
    const edited = await patch(product.slug, cookie(viewer), comment.id, { body: "When is this done, roughly?" });
    expect(edited.status).toBe(200);
    const after = ((await edited.json()) as { comment: CommentView }).comment;
    expect(after).toMatchObject({ id: comment.id, body: "When is this done, roughly?", canEdit: true });
    expect(after.editedAt).not.toBeNull();
  });

  it("uploader tokens may neither read nor write comments; engineer tokens write as their owner", async () => {
    const product = await newProduct();
    const owner = await createSignedInUser("engineer");
    const uploader = await createToken("uploader", { userId: owner.id });
    const before = await rowCounts();
    await expectError(await post(product.slug, { token: uploader.token }, { body: "from CI" }), 403, "forbidden");
    await expectError(await list(product.slug, { token: uploader.token }), 403, "forbidden");
    expect(await getDb().comment.count({ where: { item: { product: { slug: product.slug } } } })).toBe(0);
    expect(await rowCounts()).toEqual(before);

    const engineerToken = await createToken("engineer", { userId: owner.id });
    const comment = await created(await post(product.slug, { token: engineerToken.token }, { body: "Build 42 is green." }));
    expect(comment.author).toEqual({ id: owner.id, name: `token ${engineerToken.name}` });
    // The owner may change what their token wrote.
    expect((await comments(product.slug, cookie(owner)))[0]).toMatchObject({ id: comment.id, canEdit: true });
  });

  it("an admin may delete anyone's comment: it is gone, and the history keeps every step", async () => {
    const product = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const admin = await createSignedInUser("admin");

    const comment = await created(await post(product.slug, cookie(engineer), { body: "First draft" }));
    expect((await patch(product.slug, cookie(engineer), comment.id, { body: "Second draft" })).status).toBe(200);
    const other = await created(await post(product.slug, cookie(admin), { body: "A comment that stays" }));
    // Saving the same text again changes nothing and records nothing.
    expect((await patch(product.slug, cookie(engineer), comment.id, { body: " Second draft " })).status).toBe(200);
    expect((await comments(product.slug, cookie(admin)))[0]).toMatchObject({ id: comment.id, canEdit: true });

    const deleted = await remove(product.slug, cookie(admin), comment.id);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ deleted: comment.id });
    expect((await comments(product.slug, cookie(engineer))).map((c) => c.id)).toEqual([other.id]);
    expect(await getDb().comment.findUnique({ where: { id: comment.id } })).toBeNull();
    await expectError(await patch(product.slug, cookie(engineer), comment.id, { body: "Too late" }), 404, "not_found");
    await expectError(await remove(product.slug, cookie(admin), comment.id), 404, "not_found");

    // A deleted comment's texts leave the history too (a pasted secret must not stay readable there);
    // that it was written, edited and deleted, by whom, stays. Other comments keep their text.
    expect(await commentEvents(product.slug)).toEqual([
      { actor: engineer.name, userId: engineer.id, oldValue: null, newValue: null, note: "commented" },
      { actor: engineer.name, userId: engineer.id, oldValue: null, newValue: null, note: "edited a comment" },
      { actor: admin.name, userId: admin.id, oldValue: null, newValue: "A comment that stays", note: "commented" },
      { actor: admin.name, userId: admin.id, oldValue: null, newValue: null, note: "deleted a comment" },
    ]);
    // The item's own history (what its page shows) carries them, newest first.
    const item = (await (await getItemRoute(request(`/api/v1/items/${KEY}?product=${product.slug}`, { as: cookie(engineer) }), { params: Promise.resolve({ key: KEY }) })).json()) as ItemDetail;
    expect(item.history.filter((e) => e.field === "comment").map((e) => e.note)).toEqual(["deleted a comment", "commented", "edited a comment", "commented"]);
  });

  it("an admin who is only a viewer on a restricted product moderates nothing there", async () => {
    const product = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const admin = await createSignedInUser("admin");
    await getDb().product.update({
      where: { id: product.id },
      data: { restricted: true, members: { create: [{ userId: engineer.id, role: "engineer" }, { userId: admin.id, role: "viewer" }] } },
    });
    const comment = await created(await post(product.slug, cookie(engineer), { body: "Only mine to change" }));
    expect((await comments(product.slug, cookie(admin)))[0]).toMatchObject({ id: comment.id, canEdit: false });
    await expectError(await patch(product.slug, cookie(admin), comment.id, { body: "Changed by a viewer" }), 403, "forbidden");
    await expectError(await remove(product.slug, cookie(admin), comment.id), 403, "forbidden");
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("Only mine to change");
  });

  it("resolves mentions against active people who may see the product, and stores their ids", async () => {
    const product = await newProduct();
    const suffix = randomUUID().slice(0, 6);
    const author = await createSignedInUser("engineer");
    const dana = await createUser({ name: `Dana ${suffix}`, email: `dana-${suffix}@example.test`, role: "viewer" });
    const erin = await createUser({ name: `Erin ${suffix}`, email: `erin-${suffix}@example.test`, role: "engineer" });
    const gone = await createUser({ name: `Gone ${suffix}`, email: `gone-${suffix}@example.test`, role: "engineer" });
    await getDb().user.update({ where: { id: gone.id }, data: { active: false } });

    const body = `@dana-${suffix} and @Erin${suffix}: see \`@gone-${suffix}\`; @gone-${suffix} left, @nobody-${suffix} never was, cc @DANA-${suffix}@example.test`;
    const comment = await created(await post(product.slug, cookie(author), { body }));
    expect(comment.mentions).toEqual([
      { id: dana.id, name: dana.name, email: dana.email },
      { id: erin.id, name: erin.name, email: erin.email },
    ]);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).mentions).toEqual([dana.id, erin.id]);

    // An edit resolves again.
    const edited = await patch(product.slug, cookie(author), comment.id, { body: `only @erin-${suffix} now` });
    expect(((await edited.json()) as { comment: CommentView }).comment.mentions.map((m) => m.id)).toEqual([erin.id]);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).mentions).toEqual([erin.id]);

    // On a restricted product only its members (and admins) can be mentioned.
    await getDb().product.update({ where: { id: product.id }, data: { restricted: true, members: { create: [{ userId: author.id, role: "engineer" }, { userId: dana.id, role: "viewer" }] } } });
    const restricted = await created(await post(product.slug, cookie(author), { body: `@dana-${suffix} @erin-${suffix}` }));
    expect(restricted.mentions.map((m) => m.id)).toEqual([dana.id]);
  });

  it("refuses bad bodies with 400 (markdown too costly to read with 422) and writes nothing", async () => {
    const product = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const mine = await created(await post(product.slug, cookie(engineer), { body: "Keep me" }));
    const before = await rowCounts();

    for (const body of [{}, { body: "" }, { body: "  \n\t " }, { body: 42 }, { body: "x", extra: true }, { body: "x".repeat(20_001) }, "not json"]) {
      // A string is sent as it is: "not json" is a malformed JSON body.
      await expectError(await post(product.slug, cookie(engineer), body), 400, "invalid");
      await expectError(await patch(product.slug, cookie(engineer), mine.id, body), 400, "invalid");
    }
    // Markdown the parser would spend seconds on is refused before it is read.
    await expectError(await post(product.slug, cookie(engineer), { body: "*a".repeat(1500) }), 422, "not_markdown");
    await expectError(await patch(product.slug, cookie(engineer), mine.id, { body: `${">".repeat(40)} deep` }), 422, "not_markdown");
    // 20,000 characters after trimming is the limit, not past it.
    const longest = "y".repeat(20_000);
    await expectError(await post(product.slug, cookie(engineer), { body: `${longest}z` }), 400, "invalid");
    expect(await rowCounts()).toEqual(before);
    expect((await created(await post(product.slug, cookie(engineer), { body: `  ${longest}  ` }))).body).toBe(longest);
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe("Keep me");
  });

  it("answers 404 for unknown items, comments and products, and for items of a product the caller cannot see", async () => {
    const product = await newProduct();
    const other = await newProduct();
    const engineer = await createSignedInUser("engineer");
    const outsider = await createSignedInUser("viewer");
    const comment = await created(await post(product.slug, cookie(engineer), { body: "Here" }));

    await expectError(await post(product.slug, cookie(engineer), { body: "x" }, "NOPE-1"), 404, "not_found");
    await expectError(await list(product.slug, cookie(engineer), "NOPE-1"), 404, "not_found");
    await expectError(await patch(product.slug, cookie(engineer), randomUUID(), { body: "x" }), 404, "not_found");
    await expectError(await patch(product.slug, cookie(engineer), "not-a-uuid", { body: "x" }), 404, "not_found");
    await expectError(await remove(product.slug, cookie(engineer), randomUUID()), 404, "not_found");
    // The comment is addressed through its own item and product only.
    await expectError(await patch(other.slug, cookie(engineer), comment.id, { body: "moved?" }), 404, "not_found");
    await expectError(await remove(other.slug, cookie(engineer), comment.id), 404, "not_found");
    await expectError(await post(`missing-${randomUUID().slice(0, 6)}`, cookie(engineer), { body: "x" }), 404, "not_found");

    await getDb().product.update({ where: { id: product.id }, data: { restricted: true } });
    await expectError(await list(product.slug, cookie(outsider)), 404, "not_found");
    await expectError(await post(product.slug, cookie(outsider), { body: "let me in" }), 404, "not_found");
    expect(await getDb().comment.count({ where: { item: { productId: product.id } } })).toBe(1);
  });
});
