// Webhooks through the real route handlers on PostgreSQL, posting over real HTTP to a node:http
// receiver on 127.0.0.1: who may manage them, what a bad request is refused with (and that it
// writes nothing), what Send test and Redeliver send and record, and the delivery log.
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { POST as redeliverRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/webhooks/[id]/route";
import { POST as testRoute } from "@/app/api/v1/webhooks/[id]/test/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/webhooks/route";
import { disconnectDb, getDb } from "@/lib/db";
import { TEST_EVENT } from "@/lib/outbox/schema";
import type { DeliveryPage, TryResult, WebhookView } from "@/lib/webhooks/schema";
import { createSignedInUser, createToken, request, type TestRequestInit, type TestUser } from "@/tests/auth";
import { rowCounts } from "@/tests/db";

type As = TestRequestInit["as"];
type Received = { headers: IncomingHttpHeaders; raw: Buffer };

/** A webhook receiver: keeps every request's raw bytes and answers with `status`. */
function startReceiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
      res.writeHead(state.status, { "content-type": "text/plain" }).end("ok");
    });
  });
  return {
    received,
    state,
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const receiver = startReceiver();
let url = "";
let admin: TestUser;
let engineer: TestUser;
let productSlug = "";

beforeAll(async () => {
  url = await receiver.listen();
  [admin, engineer] = await Promise.all([createSignedInUser("admin"), createSignedInUser("engineer")]);
  productSlug = `hooks-${randomUUID().slice(0, 8)}`;
  await getDb().product.create({ data: { slug: productSlug, name: "Hooks product" } });
});
afterAll(async () => {
  await receiver.close();
  await disconnectDb();
});

const asAdmin = () => ({ cookie: admin.cookie });
const ctx = <P>(params: P) => ({ params: Promise.resolve(params) });

function create(body: unknown, as: As = asAdmin()) {
  return createRoute(request("/api/v1/webhooks", { method: "POST", body, as }), ctx({}));
}
async function created(body: Record<string, unknown>): Promise<WebhookView> {
  const response = await create(body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { webhook: WebhookView }).webhook;
}
async function sendTest(id: string): Promise<TryResult> {
  const response = await testRoute(request(`/api/v1/webhooks/${id}/test`, { method: "POST", as: asAdmin() }), ctx({ id }));
  expect(response.status).toBe(200);
  return (await response.json()) as TryResult;
}
async function deliveries(id: string, query = ""): Promise<DeliveryPage> {
  const response = await deliveriesRoute(request(`/api/v1/webhooks/${id}/deliveries${query}`, { as: asAdmin() }), ctx({ id }));
  expect(response.status).toBe(200);
  return (await response.json()) as DeliveryPage;
}
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("managing webhooks", () => {
  it("refuses a URL that is not http(s), naming the field, and writes nothing", async () => {
    const before = await rowCounts();
    for (const bad of ["file:///etc/passwd", "ftp://example.test/x", "javascript:alert(1)", "not a url"]) {
      const response = await create({ url: bad, events: ["run.failed"] });
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid");
      expect(error.message).toMatch(/^url: /);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses unknown events, no events, and an unknown product", async () => {
    const unknown = await create({ url, events: ["run.failed", "item.exploded"] });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('unknown event "item.exploded"');
    const none = await create({ url, events: [] });
    expect(none.status).toBe(400);
    expect((await errorOf(none)).message).toContain("at least one event");
    const product = await create({ url, events: ["run.failed"], product: "no-such-product" });
    expect(product.status).toBe(400);
    expect((await errorOf(product)).message).toBe('product: No product "no-such-product".');
  });

  it("is for admins only: engineers and tokens are refused", async () => {
    expect((await create({ url, events: ["run.failed"] }, { cookie: engineer.cookie })).status).toBe(403);
    const token = await createToken("engineer", { userId: admin.id });
    expect((await create({ url, events: ["run.failed"] }, { token: token.token })).status).toBe(403);
    expect((await listRoute(request("/api/v1/webhooks", { as: { cookie: engineer.cookie } }), ctx({}))).status).toBe(403);
  });

  it("creates, lists, changes and deletes a webhook without ever returning its secret", async () => {
    const hook = await created({ url, events: ["item.opened", "run.failed", "run.failed"], secret: "s3cret-value", format: "slack", product: productSlug });
    expect(hook).toMatchObject({ url, events: ["item.opened", "run.failed"], format: "slack", product: { slug: productSlug }, active: true, hasSecret: true });
    expect(JSON.stringify(hook)).not.toContain("s3cret-value");

    const list = (await (await listRoute(request("/api/v1/webhooks", { as: asAdmin() }), ctx({}))).json()) as { webhooks: WebhookView[] };
    expect(list.webhooks.map((w) => w.id)).toContain(hook.id);
    expect(JSON.stringify(list)).not.toContain("s3cret-value");

    const patched = await patchRoute(request(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", body: { active: false, secret: null, product: null }, as: asAdmin() }), ctx({ id: hook.id }));
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { webhook: WebhookView }).webhook).toMatchObject({ active: false, hasSecret: false, product: null });

    const badPatch = await patchRoute(request(`/api/v1/webhooks/${hook.id}`, { method: "PATCH", body: { url: "gopher://x" }, as: asAdmin() }), ctx({ id: hook.id }));
    expect(badPatch.status).toBe(400);
    const got = (await (await getRoute(request(`/api/v1/webhooks/${hook.id}`, { as: asAdmin() }), ctx({ id: hook.id }))).json()) as { webhook: WebhookView };
    expect(got.webhook.url).toBe(url);

    expect((await deleteRoute(request(`/api/v1/webhooks/${hook.id}`, { method: "DELETE", as: asAdmin() }), ctx({ id: hook.id }))).status).toBe(200);
    expect((await getRoute(request(`/api/v1/webhooks/${hook.id}`, { as: asAdmin() }), ctx({ id: hook.id }))).status).toBe(404);
  });
});

describe("send test, redeliver and the delivery log", () => {
  it("sends a signed JSON body that verifies against the raw bytes", async () => {
    const secret = "a-shared-secret-123";
    const hook = await created({ url, events: ["run.failed"], secret, product: productSlug });
    const before = receiver.received.length;
    const result = await sendTest(hook.id);
    expect(result.ok).toBe(true);
    expect(result.attempt).toMatchObject({ attempt: 1, statusCode: 200, error: null, manual: false });
    expect(result.delivery).toMatchObject({ event: TEST_EVENT, status: "delivered" });

    expect(receiver.received).toHaveLength(before + 1);
    const got = receiver.received.at(-1)!;
    const expected = `sha256=${createHmac("sha256", secret).update(got.raw).digest("hex")}`;
    expect(got.headers["x-certboard-signature"]).toBe(expected);
    expect(got.headers["x-certboard-event"]).toBe(TEST_EVENT);
    expect(got.headers["x-certboard-delivery"]).toBe(result.delivery.id);
    const body = JSON.parse(got.raw.toString("utf8")) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["at", "data", "event", "id", "product"]);
    expect(body).toMatchObject({ id: result.delivery.eventId, event: TEST_EVENT, product: productSlug });
    expect(new Date(body.at as string).toISOString()).toBe(body.at);
  });

  it("sends no signature without a secret, and Slack and Teams shapes for those formats", async () => {
    const json = await created({ url, events: ["run.failed"] });
    await sendTest(json.id);
    expect(receiver.received.at(-1)!.headers["x-certboard-signature"]).toBeUndefined();

    const slack = await created({ url, events: ["run.failed"], format: "slack" });
    await sendTest(slack.id);
    const slackBody = JSON.parse(receiver.received.at(-1)!.raw.toString("utf8")) as { text: string; blocks: { type: string; text: { type: string; text: string } }[] };
    expect(slackBody.text).toContain("A test from Certboard");
    expect(slackBody.text).toContain("/settings/webhooks|Open in Certboard>");
    expect(slackBody.blocks[0]).toMatchObject({ type: "section", text: { type: "mrkdwn" } });

    const teams = await created({ url, events: ["run.failed"], format: "teams" });
    await sendTest(teams.id);
    const teamsBody = JSON.parse(receiver.received.at(-1)!.raw.toString("utf8")) as { type: string; attachments: { contentType: string; content: { type: string; body: { text: string }[]; actions: { url: string }[] } }[] };
    expect(teamsBody.type).toBe("message");
    expect(teamsBody.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(teamsBody.attachments[0]!.content.type).toBe("AdaptiveCard");
    expect(teamsBody.attachments[0]!.content.body[0]!.text).toContain("A test from Certboard");
    expect(teamsBody.attachments[0]!.content.actions[0]!.url).toMatch(/\/settings\/webhooks$/);
  });

  it("records a failed test, then Redeliver adds a manual attempt; the log lists attempts newest delivery first", async () => {
    const hook = await created({ url, events: ["run.failed"] });
    receiver.state.status = 500;
    const failed = await sendTest(hook.id);
    receiver.state.status = 200;
    expect(failed.ok).toBe(false);
    expect(failed.attempt).toMatchObject({ attempt: 1, statusCode: 500, manual: false });
    expect(failed.attempt!.error).toContain("500");
    expect(failed.delivery.status).toBe("gave_up");

    const response = await redeliverRoute(
      request(`/api/v1/webhooks/${hook.id}/deliveries/${failed.delivery.id}/redeliver`, { method: "POST", as: asAdmin() }),
      ctx({ id: hook.id, deliveryId: failed.delivery.id }),
    );
    expect(response.status).toBe(200);
    const again = (await response.json()) as TryResult;
    expect(again.ok).toBe(true);
    expect(again.attempt).toMatchObject({ attempt: 2, statusCode: 200, manual: true, error: null });
    expect(again.delivery.status).toBe("delivered");

    const second = await sendTest(hook.id);
    const log = await deliveries(hook.id);
    expect(log.total).toBe(2);
    expect(log.deliveries.map((d) => d.id)).toEqual([second.delivery.id, failed.delivery.id]);
    const first = log.deliveries[1]!;
    expect(first.text).toContain("A test from Certboard");
    expect(first.attempts.map((a) => [a.attempt, a.statusCode, a.manual])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    for (const attempt of first.attempts) expect(Number.isInteger(attempt.durationMs) && attempt.durationMs >= 0).toBe(true);

    const paged = await deliveries(hook.id, "?pageSize=1&page=2");
    expect(paged.deliveries.map((d) => d.id)).toEqual([failed.delivery.id]);
    const badPage = await deliveriesRoute(request(`/api/v1/webhooks/${hook.id}/deliveries?pageSize=0`, { as: asAdmin() }), ctx({ id: hook.id }));
    expect(badPage.status).toBe(400);
  });

  it("answers 404 for a delivery of another webhook", async () => {
    const a = await created({ url, events: ["run.failed"] });
    const b = await created({ url, events: ["run.failed"] });
    const sent = await sendTest(a.id);
    const response = await redeliverRoute(
      request(`/api/v1/webhooks/${b.id}/deliveries/${sent.delivery.id}/redeliver`, { method: "POST", as: asAdmin() }),
      ctx({ id: b.id, deliveryId: sent.delivery.id }),
    );
    expect(response.status).toBe(404);
    expect((await deliveries(a.id)).deliveries[0]!.attempts).toHaveLength(1);
  });
});
