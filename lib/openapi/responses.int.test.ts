// Real answers against the OpenAPI document: every GET door and the main writes, called through
// their route handlers on a demo product with runs, sign-offs, comments and views of this file's
// own. Each answer must be one the document describes (tests/openapi-http.ts checks every answer
// of the integration tier; this file makes sure the rich ones are among them), and every GET
// operation the document lists is called at least once with data behind it.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as exportRoute } from "@/app/api/v1/backlog/export/route";
import { POST as importRoute } from "@/app/api/v1/backlog/import/route";
import { PUT as exceptionRoute } from "@/app/api/v1/components/[slug]/exceptions/[kind]/route";
import { PUT as componentSignOffRoute } from "@/app/api/v1/components/[slug]/requirements/[code]/route";
import { GET as componentGridRoute } from "@/app/api/v1/components/[slug]/grid/route";
import { GET as componentHistoryRoute } from "@/app/api/v1/components/[slug]/history/route";
import { GET as componentRoute, PATCH as patchComponentRoute } from "@/app/api/v1/components/[slug]/route";
import { GET as componentsRoute } from "@/app/api/v1/components/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as forecastRoute } from "@/app/api/v1/forecast/route";
import { DELETE as deleteCommentRoute, PATCH as patchCommentRoute } from "@/app/api/v1/items/[key]/comments/[id]/route";
import { GET as commentsRoute, POST as commentRoute } from "@/app/api/v1/items/[key]/comments/route";
import { GET as itemRoute, PATCH as patchItemRoute } from "@/app/api/v1/items/[key]/route";
import { DELETE as unwatchRoute, PUT as watchRoute } from "@/app/api/v1/items/[key]/watch/route";
import { POST as bulkRoute } from "@/app/api/v1/items/bulk/route";
import { GET as itemsRoute, POST as createItemRoute } from "@/app/api/v1/items/route";
import { GET as preferencesRoute, PUT as putPreferencesRoute } from "@/app/api/v1/me/notifications/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as markReadRoute } from "@/app/api/v1/notifications/read/route";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as phaseRoute, PATCH as patchPhaseRoute } from "@/app/api/v1/phases/[key]/route";
import { GET as phasesRoute } from "@/app/api/v1/phases/route";
import { POST as assignRoute } from "@/app/api/v1/preflight/runs/[id]/assign/route";
import { GET as runRoute } from "@/app/api/v1/preflight/runs/[id]/route";
import { GET as compareRoute } from "@/app/api/v1/preflight/runs/compare/route";
import { GET as runsRoute, POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { DELETE as dismissConflictRoute } from "@/app/api/v1/components/[slug]/conflicts/[id]/route";
import { DELETE as disconnectPyxisRoute, GET as pyxisRoute, PUT as putPyxisRoute } from "@/app/api/v1/products/[slug]/integrations/pyxis/route";
import { GET as syncsRoute, POST as syncNowRoute } from "@/app/api/v1/products/[slug]/integrations/pyxis/sync/route";
import { POST as testPyxisRoute } from "@/app/api/v1/products/[slug]/integrations/pyxis/test/route";
import { GET as membersRoute, PUT as putMembersRoute } from "@/app/api/v1/products/[slug]/members/route";
import { PUT as productSignOffRoute } from "@/app/api/v1/products/[slug]/requirements/[code]/route";
import { GET as productRoute, PATCH as patchProductRoute } from "@/app/api/v1/products/[slug]/route";
import { GET as readinessRoute } from "@/app/api/v1/readiness/route";
import { GET as reportRoute } from "@/app/api/v1/report/route";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { POST as setupRoute } from "@/app/api/v1/setup/route";
import { GET as streamRoute } from "@/app/api/v1/stream/route";
import { GET as summaryRoute } from "@/app/api/v1/summary/route";
import { DELETE as revokeTokenRoute } from "@/app/api/v1/tokens/[id]/route";
import { GET as tokensRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { PATCH as patchUserRoute } from "@/app/api/v1/users/[id]/route";
import { GET as usersRoute, POST as createUserRoute } from "@/app/api/v1/users/route";
import { DELETE as deleteViewRoute } from "@/app/api/v1/views/[id]/route";
import { POST as redeliverRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhookRoute, GET as webhookRoute, PATCH as patchWebhookRoute } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testWebhookRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as webhooksRoute, POST as createWebhookRoute } from "@/app/api/v1/webhooks/route";
import { GET as viewsRoute, POST as createViewRoute } from "@/app/api/v1/views/route";
import { disconnectDb, getDb } from "@/lib/db";
import { getOpenApiDocument } from "@/lib/openapi/document";
import { ResponseValidator } from "@/lib/openapi/response-validator";
import { CONTAINER_CHECKS, entry, resultsDocument } from "@/lib/preflight/test-support";
import { syncRequirementCatalog } from "@/lib/requirements/mutations";
import { createDemoProduct } from "@/prisma/seed";
import { createSignedInUser, request, type TestUser } from "@/tests/auth";
import { startFakePyxis } from "@/tests/fake-pyxis";

type Handler = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
type Call = { method?: string; body?: unknown; contentType?: string; params?: Record<string, string>; headers?: Record<string, string> };

const validator = new ResponseValidator(getOpenApiDocument());
/** `GET /api/v1/items/{key}`: the operations this file has seen answer. */
const called = new Set<string>();

let admin: TestUser;
let product = "";

beforeAll(async () => {
  await getDb().$transaction((tx) => syncRequirementCatalog(tx));
  admin = await createSignedInUser("admin");
  product = (await getDb().$transaction((tx) => createDemoProduct(tx, { slug: `oas-${randomUUID().slice(0, 8)}`, name: "OpenAPI check" }), { timeout: 60_000 })).product;
});
afterAll(disconnectDb);

/** Calls a route handler as the admin's browser would and checks the answer against the document. */
async function call(handler: unknown, url: string, init: Call = {}): Promise<{ status: number; body: unknown; response: Response }> {
  const req = request(url, { method: init.method, body: init.body, contentType: init.contentType, as: { cookie: admin.cookie }, headers: init.headers });
  const response = await (handler as Handler)(req, { params: Promise.resolve((init.params ?? {}) as never) });
  const method = init.method ?? "GET";
  const pathname = new URL(req.url).pathname;
  const contentType = response.headers.get("content-type");
  const streaming = contentType?.startsWith("text/event-stream") ?? false;
  const text = streaming ? "" : await response.clone().text();
  const body = contentType?.startsWith("application/json") ? JSON.parse(text) : text;
  expect(validator.problems({ method, pathname, status: response.status, contentType, body: streaming ? undefined : body })).toEqual([]);
  called.add(`${method} ${validator.operationPath(method, pathname)}`);
  return { status: response.status, body, response };
}

const q = () => `product=${product}`;

function runDocument(image: string, failed: string[] = []) {
  return JSON.stringify(
    resultsDocument(
      { passed: CONTAINER_CHECKS.filter((name) => !failed.includes(name)).map((name) => entry(name)), failed: failed.map((name) => entry(name)) },
      { image },
    ),
  );
}

describe("answers of every door match the OpenAPI document", () => {
  it("the public doors and the caller", async () => {
    expect((await call(healthRoute, "/api/health")).status).toBe(200);
    expect((await call(healthRoute, "/api/health?ready=1")).status).toBe(200);
    expect((await call(metricsRoute, "/api/metrics", { headers: { "x-certboard-peer": "127.0.0.1" } })).body).toContain("certboard_preflight_uploads_total");
    expect((await call(metricsRoute, "/api/metrics", { headers: { "x-certboard-peer": "10.77.0.1" } })).status).toBe(403);
    const doc = await call(openApiRoute, "/api/v1/openapi.json");
    expect(doc.response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((doc.body as { info: { version: string } }).info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect((await call(meRoute, "/api/v1/me")).body).toMatchObject({ principal: { kind: "user", role: "admin" } });
    // Set up long ago: the first-run door refuses, in the documented error shape.
    const setup = await call(setupRoute, "/api/v1/setup", { method: "POST", body: { name: "X", email: "x@example.test", password: "x".repeat(16) }, headers: { "x-certboard-peer": `10.77.${Math.floor(Math.random() * 250)}.1` } });
    expect(setup.status).toBe(403);
  });

  it("items, bulk changes, watching and comments", async () => {
    const list = await call(itemsRoute, `/api/v1/items?${q()}&limit=500`);
    const items = (list.body as { items: { key: string; version: number }[] }).items;
    expect(items.length).toBeGreaterThan(5);
    for (const { key } of items) expect((await call(itemRoute, `/api/v1/items/${key}?${q()}`, { params: { key } })).status).toBe(200);
    expect((await call(itemRoute, `/api/v1/items/NOPE-1?${q()}`, { params: { key: "NOPE-1" } })).status).toBe(404);

    const created = await call(createItemRoute, `/api/v1/items?${q()}`, { method: "POST", body: { title: "Documented item", category: "needs_verification", priority: "P2", dueDate: "2027-03-01", assignee: admin.email } });
    expect(created.status).toBe(201);
    const key = (created.body as { item: { key: string; version: number } }).item.key;
    const patched = await call(patchItemRoute, `/api/v1/items/${key}?${q()}`, { method: "PATCH", params: { key }, body: { version: 1, status: "in_progress", effortText: "2h" } });
    expect(patched.status).toBe(200);
    expect((await call(patchItemRoute, `/api/v1/items/${key}?${q()}`, { method: "PATCH", params: { key }, body: { version: 1, status: "done" } })).status).toBe(409);
    const bulk = await call(bulkRoute, `/api/v1/items/bulk?${q()}`, { method: "POST", body: { items: [{ key, version: 2 }], set: { priority: "P1" } } });
    expect(bulk.body).toEqual({ items: [{ key, version: 3, changed: ["priority"] }] });
    expect((await call(watchRoute, `/api/v1/items/${key}/watch?${q()}`, { method: "PUT", params: { key } })).body).toMatchObject({ watching: true });
    expect((await call(unwatchRoute, `/api/v1/items/${key}/watch?${q()}`, { method: "DELETE", params: { key } })).body).toMatchObject({ watching: false });

    const comment = await call(commentRoute, `/api/v1/items/${key}/comments?${q()}`, { method: "POST", params: { key }, body: { body: `Looks right, @${admin.email}` } });
    expect(comment.status).toBe(201);
    const id = (comment.body as { comment: { id: string } }).comment.id;
    expect((await call(commentsRoute, `/api/v1/items/${key}/comments?${q()}`, { params: { key } })).body).toMatchObject({ comments: [{ id }] });
    expect((await call(patchCommentRoute, `/api/v1/items/${key}/comments/${id}?${q()}`, { method: "PATCH", params: { key, id }, body: { body: "Edited" } })).status).toBe(200);
    expect((await call(deleteCommentRoute, `/api/v1/items/${key}/comments/${id}?${q()}`, { method: "DELETE", params: { key, id } })).body).toEqual({ deleted: id });
  });

  it("components, their boards, sign-offs and exceptions", async () => {
    const list = await call(componentsRoute, `/api/v1/components?${q()}`);
    const slugs = (list.body as { components: { slug: string }[] }).components.map((c) => c.slug);
    expect(slugs).toContain("neuron-driver");
    for (const slug of slugs) expect((await call(componentRoute, `/api/v1/components/${slug}?${q()}`, { params: { slug } })).status).toBe(200);
    expect((await call(componentGridRoute, `/api/v1/components/neuron-driver/grid?${q()}&limit=1`, { params: { slug: "neuron-driver" } })).status).toBe(200);
    expect((await call(componentHistoryRoute, `/api/v1/components/neuron-driver/history?${q()}&runsLimit=1`, { params: { slug: "neuron-driver" } })).status).toBe(200);

    const board = (await call(componentRoute, `/api/v1/components/neuron-driver?${q()}`, { params: { slug: "neuron-driver" } })).body as {
      component: { version: number };
      exceptions: { kind: string; version: number }[];
    };
    const patched = await call(patchComponentRoute, `/api/v1/components/neuron-driver?${q()}`, { method: "PATCH", params: { slug: "neuron-driver" }, body: { version: board.component.version, owner: "Ada" } });
    expect(patched.status).toBe(200);
    const signOff = await call(componentSignOffRoute, `/api/v1/components/neuron-driver/requirements/CTR-17?${q()}`, {
      method: "PUT",
      params: { slug: "neuron-driver", code: "CTR-17" },
      body: { status: "met", note: "Repository page complete", link: "https://example.com/page" },
    });
    expect(signOff.status).toBe(200);
    const scratch = board.exceptions.find((e) => e.kind === "scratch")!;
    const exception = await call(exceptionRoute, `/api/v1/components/neuron-driver/exceptions/scratch?${q()}`, {
      method: "PUT",
      params: { slug: "neuron-driver", kind: "scratch" },
      body: { version: scratch.version, status: "requested", justification: "The driver ships kernel modules built on the host's distribution." },
    });
    expect(exception.status).toBe(200);
  });

  it("phases", async () => {
    const list = await call(phasesRoute, `/api/v1/phases?${q()}`);
    const phases = (list.body as { phases: { key: string; version: number }[] }).phases;
    for (const { key } of phases) expect((await call(phaseRoute, `/api/v1/phases/${key}?${q()}`, { params: { key } })).status).toBe(200);
    const first = phases[0]!;
    const patched = await call(patchPhaseRoute, `/api/v1/phases/${first.key}?${q()}`, { method: "PATCH", params: { key: first.key }, body: { version: first.version, targetDate: "2027-06-30" } });
    expect(patched.status).toBe(200);
  });

  it("preflight runs: uploads, the list, one run, a comparison and an assignment", async () => {
    const image = `quay.io/example/openapi-check-${randomUUID().slice(0, 6)}`;
    const upload = (tag: string, failed: string[], extra = "&createComponent=true") =>
      call(uploadRoute, `/api/v1/preflight/runs?${q()}&arch=amd64${extra}`, { method: "POST", body: runDocument(`${image}:${tag}`, failed) });
    const first = await upload("1.0", ["HasLicense"]);
    expect(first.status).toBe(201);
    const second = await upload("1.1", ["RunAsNonRoot"]);
    const [from, to] = [first, second].map((r) => (r.body as { runs: { id: string; component: string }[] }).runs[0]!);
    expect((await call(runsRoute, `/api/v1/preflight/runs?${q()}`)).status).toBe(200);
    expect((await call(runRoute, `/api/v1/preflight/runs/${to!.id}`, { params: { id: to!.id } })).status).toBe(200);
    const comparison = await call(compareRoute, `/api/v1/preflight/runs/compare?${q()}&from=${from!.id}&to=${to!.id}`);
    expect(comparison.body).toMatchObject({ comparison: { newlyFailed: ["RunAsNonRoot"], newlyPassed: ["HasLicense"] } });
    // A run of an image no component is registered for waits unassigned, then is assigned.
    const loose = await call(uploadRoute, `/api/v1/preflight/runs?${q()}&arch=arm64`, { method: "POST", body: runDocument(`quay.io/example/unclaimed-${randomUUID().slice(0, 6)}:1`) });
    const waiting = (loose.body as { runs: { id: string; unassigned: boolean }[] }).runs[0]!;
    expect(waiting.unassigned).toBe(true);
    const assigned = await call(assignRoute, `/api/v1/preflight/runs/${waiting.id}/assign?${q()}`, { method: "POST", params: { id: waiting.id }, body: { createComponent: true } });
    expect(assigned.status).toBe(200);
  });

  it("the status reads: summary, events, forecast, readiness, search, report, export and the live stream", async () => {
    expect((await call(summaryRoute, `/api/v1/summary?${q()}`)).status).toBe(200);
    expect((await call(eventsRoute, `/api/v1/events?${q()}&since=2020-01-01`)).status).toBe(200);
    expect((await call(forecastRoute, `/api/v1/forecast?${q()}`)).status).toBe(200);
    expect((await call(forecastRoute, `/api/v1/forecast?${q()}&phase=phase-1`)).status).toBe(200);
    expect((await call(readinessRoute, `/api/v1/readiness?${q()}`)).status).toBe(200);
    const search = await call(searchRoute, `/api/v1/search?${q()}&q=neuron`);
    expect((search.body as { results: unknown[] }).results.length).toBeGreaterThan(0);
    expect((await call(searchRoute, `/api/v1/search?${q()}`)).status).toBe(400);
    expect((await call(reportRoute, `/api/v1/report?${q()}`)).body).toContain("#");
    expect((await call(exportRoute, `/api/v1/backlog/export?${q()}`)).status).toBe(200);
    expect((await call(exportRoute, `/api/v1/backlog/export?${q()}&format=csv`)).response.headers.get("content-type")).toMatch(/^text\/csv/);
    const stream = await call(streamRoute, `/api/v1/stream?${q()}`, { headers: { accept: "text/event-stream" } });
    expect(stream.status).toBe(200);
    await stream.response.body?.cancel();
  });

  it("products, members and listing sign-offs", async () => {
    expect((await call(productRoute, `/api/v1/products/${product}`, { params: { slug: product } })).status).toBe(200);
    expect((await call(patchProductRoute, `/api/v1/products/${product}`, { method: "PATCH", params: { slug: product }, body: { hoursPerWeek: 30, targetDate: "2027-09-30" } })).status).toBe(200);
    expect((await call(membersRoute, `/api/v1/products/${product}/members`, { params: { slug: product } })).body).toEqual({ members: [] });
    expect((await call(putMembersRoute, `/api/v1/products/${product}/members`, { method: "PUT", params: { slug: product }, body: [{ user: admin.email, role: "admin" }] })).status).toBe(200);
    const signOff = await call(productSignOffRoute, `/api/v1/products/${product}/requirements/PRD-01`, { method: "PUT", params: { slug: product, code: "PRD-01" }, body: { status: "met", note: "Listing drafted" } });
    expect(signOff.status).toBe(200);
  });

  it("Red Hat's catalog: connection, test, syncs, and a conflict that is not open", async () => {
    const fake = await startFakePyxis({ apiKey: "oas-key" });
    try {
      const at = `/api/v1/products/${product}/integrations/pyxis`;
      const params = { slug: product };
      expect((await call(pyxisRoute, at, { params })).body).toMatchObject({ connected: false, lastSync: null });
      expect((await call(putPyxisRoute, at, { method: "PUT", params, body: { url: fake.url, apiKey: "oas-key" } })).body).toMatchObject({ connected: true, url: fake.url });
      expect((await call(testPyxisRoute, `${at}/test`, { method: "POST", params })).status).toBe(200);
      expect((await call(syncNowRoute, `${at}/sync`, { method: "POST", params })).body).toMatchObject({ trigger: "person" });
      expect((await call(syncsRoute, `${at}/sync`, { params })).body).toMatchObject({ syncs: [{ trigger: "person" }] });
      const id = randomUUID();
      const conflict = `/api/v1/components/neuron-openshift-operator/conflicts/${id}?${q()}`;
      expect((await call(dismissConflictRoute, conflict, { method: "DELETE", params: { slug: "neuron-openshift-operator", id } })).status).toBe(404);
      expect((await call(disconnectPyxisRoute, at, { method: "DELETE", params })).status).toBe(204);
    } finally {
      await fake.close();
    }
  });

  it("accounts, tokens and saved views", async () => {
    expect((await call(usersRoute, "/api/v1/users")).status).toBe(200);
    const user = await call(createUserRoute, "/api/v1/users", { method: "POST", body: { name: "Olive", email: `olive-${randomUUID().slice(0, 6)}@example.test`, role: "viewer" } });
    expect(user.status).toBe(201);
    const id = (user.body as { user: { id: string } }).user.id;
    expect((await call(patchUserRoute, `/api/v1/users/${id}`, { method: "PATCH", params: { id }, body: { role: "engineer" } })).status).toBe(200);

    const token = await call(createTokenRoute, "/api/v1/tokens", { method: "POST", body: { name: "ci", role: "uploader", expires: "30d", products: [product] } });
    expect(token.status).toBe(201);
    const tokenId = (token.body as { token: { id: string } }).token.id;
    expect((await call(tokensRoute, "/api/v1/tokens")).status).toBe(200);
    expect((await call(revokeTokenRoute, `/api/v1/tokens/${tokenId}`, { method: "DELETE", params: { id: tokenId } })).body).toEqual({ revoked: tokenId });

    const view = await call(createViewRoute, `/api/v1/views?${q()}`, { method: "POST", body: { name: "Blocked", query: "status=blocked", shared: true } });
    expect(view.status).toBe(201);
    const viewId = (view.body as { view: { id: string } }).view.id;
    expect((await call(viewsRoute, `/api/v1/views?${q()}`)).body).toMatchObject({ views: [{ id: viewId }] });
    expect((await call(deleteViewRoute, `/api/v1/views/${viewId}`, { method: "DELETE", params: { id: viewId } })).status).toBe(204);
  });

  it("webhooks, their delivery log, notifications and email choices", async () => {
    const created = await call(createWebhookRoute, "/api/v1/webhooks", { method: "POST", body: { url: "http://127.0.0.1:9/hook", events: ["item.assigned"], format: "slack", product, secret: "a-long-enough-secret" } });
    expect(created.status).toBe(201);
    const id = (created.body as { webhook: { id: string } }).webhook.id;
    expect((await call(webhooksRoute, "/api/v1/webhooks")).status).toBe(200);
    expect((await call(webhookRoute, `/api/v1/webhooks/${id}`, { params: { id } })).body).toMatchObject({ webhook: { id, hasSecret: true } });
    expect((await call(patchWebhookRoute, `/api/v1/webhooks/${id}`, { method: "PATCH", params: { id }, body: { format: "teams" } })).status).toBe(200);
    // Port 9 (discard) refuses: the test's try is logged as a failed attempt, and can be tried again.
    const tried = await call(testWebhookRoute, `/api/v1/webhooks/${id}/test`, { method: "POST", params: { id } });
    expect(tried.status).toBe(200);
    const log = await call(deliveriesRoute, `/api/v1/webhooks/${id}/deliveries`, { params: { id } });
    const deliveryId = (log.body as { deliveries: { id: string }[] }).deliveries[0]!.id;
    expect((await call(redeliverRoute, `/api/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`, { method: "POST", params: { id, deliveryId } })).status).toBe(200);
    expect((await call(deleteWebhookRoute, `/api/v1/webhooks/${id}`, { method: "DELETE", params: { id } })).body).toEqual({ deleted: id });

    expect((await call(notificationsRoute, "/api/v1/notifications?limit=5")).body).toMatchObject({ unread: expect.any(Number) });
    expect((await call(markReadRoute, "/api/v1/notifications/read", { method: "POST", body: { all: true } })).body).toMatchObject({ unread: 0 });
    expect((await call(preferencesRoute, "/api/v1/me/notifications")).body).toMatchObject({ digest: true });
    const off = { assigned: true, watched: true, mentions: true, regressions: true, digest: false };
    expect((await call(putPreferencesRoute, "/api/v1/me/notifications", { method: "PUT", body: off })).body).toMatchObject(off);
  });

  it("imports a backlog document", async () => {
    const document = ["# Import check", "", "## 🔴 CRITICAL BLOCKERS", "", "### P0-1: One item", "**Status:** ❌ NOT STARTED", "", "Text.", ""].join("\n");
    const slug = `oas-import-${randomUUID().slice(0, 8)}`;
    const dry = await call(importRoute, `/api/v1/backlog/import?product=${slug}&dryRun=true`, { method: "POST", body: document, contentType: "text/markdown" });
    expect(dry.status).toBe(200);
    const real = await call(importRoute, `/api/v1/backlog/import?product=${slug}`, { method: "POST", body: document, contentType: "text/markdown" });
    expect(real).toMatchObject({ status: 201, body: { created: 1 } });
  });

  it("has called every GET operation of the document", () => {
    const gets = Object.entries(getOpenApiDocument().paths ?? {})
      .filter(([path, item]) => item?.get && !path.startsWith("/api/auth/"))
      .map(([path]) => `GET ${path}`);
    expect(gets.filter((operation) => !called.has(operation))).toEqual([]);
  });
});
