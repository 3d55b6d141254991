import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "@/app/api/v1/preflight/runs/route";
import { GET as streamRoute } from "@/app/api/v1/stream/route";
import { getItem } from "@/lib/backlog/data";
import { updateItem } from "@/lib/items/mutations";
import { getDb, disconnectDb } from "@/lib/db";
import { closeChangeListener, getChangeListener, MAX_STREAMS_PER_PERSON } from "@/lib/live/data";
import { ChangeListener, type ListenerEvent } from "@/lib/live/listener";
import type { Change } from "@/lib/live/schema";
import { createSignedInUser, createToken, request, type TestUser } from "@/tests/auth";
import { productWithBacklog } from "@/tests/db";
import { hasBacklogFixture } from "@/tests/fixtures";

// Live updates against a real PostgreSQL: the triggers of the live_notify migration, the LISTEN
// connection and the event stream route. Each test writes to products of its own; waits below
// only bound a failure (a notification that never comes), they assert no timing.

const WAIT_MS = 15_000;
const actor = { kind: "user" as const, name: "live test" };

/** Everything a listener hears, with a way to wait for a particular event. */
function record(listener: ChangeListener) {
  const events: ListenerEvent[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = listener.subscribe((event) => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  });
  const changes = () => events.flatMap((e) => (e.type === "change" ? [e.change] : []));
  const waitFor = (predicate: (change: Change) => boolean, what: string) =>
    new Promise<Change>((resolve, reject) => {
      const check = () => {
        const found = changes().find(predicate);
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no notification for ${what}; heard ${JSON.stringify(changes())}`));
      }, WAIT_MS);
      waiters.add(check);
      check();
    });
  const waitForStatus = (live: boolean) =>
    new Promise<void>((resolve, reject) => {
      const start = events.length;
      const check = () => {
        if (!events.slice(start).some((e) => e.type === "status" && e.live === live)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error(`no status live=${live}`)), WAIT_MS);
      waiters.add(check);
    });
  return { events, changes, waitFor, waitForStatus, unsubscribe };
}

async function setStatus(product: string, key: string, status: "in_progress" | "blocked" | "done") {
  const { version } = await getItem(key, product);
  await updateItem({ productSlug: product, key, patch: { version, status }, actor });
}

async function productId(slug: string): Promise<string> {
  return (await getDb().product.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Reads an event stream until its text so far satisfies `done`. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, done: (text: string) => boolean, sofar = ""): Promise<string> {
  const decoder = new TextDecoder();
  let text = sofar;
  const deadline = Date.now() + WAIT_MS;
  while (!done(text)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`stream never satisfied the condition; got ${JSON.stringify(text)}`);
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), remaining))]);
    if (next === null) continue;
    if (next.done) throw new Error(`stream ended early; got ${JSON.stringify(text)}`);
    text += decoder.decode(next.value, { stream: true });
  }
  return text;
}

let viewer: TestUser;
const listener = new ChangeListener({ connectionString: process.env.DATABASE_URL ?? "", backoff: { baseMs: 100, maxMs: 1_000 } });

beforeAll(async () => {
  viewer = await createSignedInUser("viewer");
  expect(await listener.waitUntilLive(0)).toBe(false);
});

afterAll(async () => {
  await listener.close();
  await closeChangeListener();
  await disconnectDb();
});

describe.skipIf(!hasBacklogFixture)("live updates", () => {
  it("an import notifies every table it writes, with the product's id and slug", async () => {
    const heard = record(listener);
    expect(await listener.waitUntilLive(WAIT_MS)).toBe(true);
    const product = await productWithBacklog("live-import");
    const id = await productId(product);
    for (const table of ["BacklogItem", "ItemEvent", "Phase", "Component"]) {
      await heard.waitFor((c) => c.productId === id && c.table === table && c.op === "insert", `${table} insert`);
    }
    const item = await heard.waitFor((c) => c.productId === id && c.table === "BacklogItem" && c.key === "P0-2", "P0-2");
    expect(item).toEqual({ v: 1, productId: id, product, table: "BacklogItem", op: "insert", key: "P0-2" });
    heard.unsubscribe();
  });

  it("a committed update reaches its product's listeners and not another product's; a rolled-back one sends nothing", async () => {
    const [mine, other] = await Promise.all([productWithBacklog("live-a"), productWithBacklog("live-b")]);
    const [mineId, otherId] = await Promise.all([productId(mine), productId(other)]);
    const heard = record(listener);
    expect(await listener.waitUntilLive(WAIT_MS)).toBe(true);

    // A write that rolls back, then two that commit: notifications arrive in commit order, so once
    // the last one is heard, a notification from the rolled-back write would have been heard too.
    await expect(
      getDb().$transaction(async (tx) => {
        await tx.backlogItem.update({ where: { productId_key: { productId: mineId, key: "P0-4" } }, data: { title: "never saved" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await setStatus(other, "P0-3", "blocked");
    await setStatus(mine, "P0-2", "in_progress");

    // The import that created both products notified too, and those inserts may still be arriving:
    // wait for the update itself, never for "any P0-2 change".
    const update = await heard.waitFor((c) => c.productId === mineId && c.table === "BacklogItem" && c.key === "P0-2" && c.op === "update", "P0-2 update");
    expect(update).toMatchObject({ op: "update", product: mine });
    await heard.waitFor((c) => c.productId === mineId && c.table === "ItemEvent" && c.key === "P0-2" && c.op === "insert", "P0-2 history event");
    expect(heard.changes().filter((c) => c.productId === mineId && c.table === "BacklogItem" && c.op === "update" && c.key === "P0-4")).toEqual([]);
    // The other product's change was heard by the listener, which serves every product ...
    expect(heard.changes().some((c) => c.productId === otherId && c.key === "P0-3")).toBe(true);
    heard.unsubscribe();

    // ... but a product's event stream carries only that product's changes.
    const abort = new AbortController();
    const base = request(`/api/v1/stream?product=${mine}`, { as: { cookie: viewer.cookie }, headers: { accept: "text/event-stream" } });
    const response = await streamRoute(new NextRequest(base.url, { headers: base.headers, signal: abort.signal }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    const shared = getChangeListener();
    let text = await readUntil(reader, (t) => t.includes('event: status\ndata: {"live":true}'));
    expect(shared.subscriberCount).toBe(1);

    await setStatus(other, "P0-3", "done");
    await setStatus(mine, "P0-3", "in_progress");
    // The stream may still carry the product's own import (inserts of P0-3 and the rest): wait for the update.
    const p03Update = 'event: change\ndata: {"table":"BacklogItem","op":"update","key":"P0-3"}';
    text = await readUntil(reader, (t) => t.includes(p03Update), text);
    // The other product's P0-3 committed first; it would be here if the stream leaked it.
    expect(text.match(/"table":"BacklogItem","op":"update","key":"P0-3"/g)).toHaveLength(1);

    abort.abort();
    expect(shared.subscriberCount).toBe(0);
    // The stream ends: whatever was still queued, then done.
    for (let i = 0; i < 100; i++) if ((await reader.read()).done) return;
    throw new Error("the stream did not end after the request was aborted");
  });

  it("a preflight upload notifies its run under the component's slug", async () => {
    const product = await productWithBacklog("live-run");
    const id = await productId(product);
    const heard = record(listener);
    expect(await listener.waitUntilLive(WAIT_MS)).toBe(true);
    const { token } = await createToken("uploader");
    // A minimal results.json as preflight writes it: one failing check.
    const document = {
      image: "public.ecr.aws/os-partners/neuron-openshift/operator:live-1.0",
      passed: false,
      test_library: { name: "github.com/redhat-openshift-ecosystem/openshift-preflight", version: "1.16.0", commit: "b4a231cf9d50c5471eed598b3b48906eb5b9f3f7" },
      results: { passed: [], failed: [{ name: "HasLicense", elapsed_time: 0, description: "HasLicense" }], errors: [] },
    };
    const response = await uploadRoute(
      request(`/api/v1/preflight/runs?product=${product}&component=neuron-openshift-operator&arch=amd64`, { method: "POST", body: document, as: { token } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status, await response.clone().text()).toBe(201);
    const run = await heard.waitFor((c) => c.productId === id && c.table === "PreflightRun", "the run");
    expect(run).toMatchObject({ op: "insert", key: "neuron-openshift-operator", product });
    heard.unsubscribe();
  });

  it("reconnects after losing its connection, says so, and hears changes again", async () => {
    const product = await productWithBacklog("live-reconnect");
    const id = await productId(product);
    const heard = record(listener);
    expect(await listener.waitUntilLive(WAIT_MS)).toBe(true);
    const down = heard.waitForStatus(false);
    const up = heard.waitForStatus(true);
    await getDb().$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'certboard-live'`;
    await down;
    await up;
    expect(listener.live).toBe(true);
    await setStatus(product, "P0-2", "done");
    await heard.waitFor((c) => c.productId === id && c.key === "P0-2" && c.op === "update", "P0-2 after reconnecting");
    heard.unsubscribe();
  });
});

describe("the event stream door", () => {
  it("refuses a plain GET (it would never end) and an unknown product, before streaming", async () => {
    const plain = await streamRoute(request("/api/v1/stream", { as: { cookie: viewer.cookie } }), { params: Promise.resolve({}) });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toMatchObject({ error: { code: "invalid", message: expect.stringContaining("text/event-stream") } });

    const unknown = await streamRoute(
      request("/api/v1/stream?product=no-such-product", { as: { cookie: viewer.cookie }, headers: { accept: "text/event-stream" } }),
      { params: Promise.resolve({}) },
    );
    expect(unknown.status).toBe(404);

    const anonymous = await streamRoute(request("/api/v1/stream", { as: null, headers: { accept: "text/event-stream" } }), { params: Promise.resolve({}) });
    expect(anonymous.status).toBe(401);
  });

  it("caps the streams one person holds open, and frees a place when one ends", async () => {
    const person = await createSignedInUser("viewer");
    const product = await productWithBacklog("live-cap");
    const open = () => {
      const abort = new AbortController();
      const base = request(`/api/v1/stream?product=${product}`, { as: { cookie: person.cookie }, headers: { accept: "text/event-stream" } });
      return { abort, response: streamRoute(new NextRequest(base.url, { headers: base.headers, signal: abort.signal }), { params: Promise.resolve({}) }) };
    };
    const held: ReturnType<typeof open>[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_PERSON; i++) {
      const stream = open();
      expect((await stream.response).status).toBe(200);
      held.push(stream);
    }
    const refused = await open().response;
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited", message: expect.stringContaining(`at most ${MAX_STREAMS_PER_PERSON}`) } });
    // Someone else is not affected.
    const other = await streamRoute(
      request(`/api/v1/stream?product=${product}`, { as: { cookie: viewer.cookie }, headers: { accept: "text/event-stream" } }),
      { params: Promise.resolve({}) },
    );
    expect(other.status).toBe(200);
    await other.body?.cancel();

    held.pop()!.abort.abort();
    const again = open();
    expect((await again.response).status).toBe(200);
    for (const stream of [...held, again]) stream.abort.abort();
  });

  it("ends a person's open stream once they are deactivated", async () => {
    const person = await createSignedInUser("viewer");
    const product = await productWithBacklog("live-deactivate");
    const base = request(`/api/v1/stream?product=${product}`, { as: { cookie: person.cookie }, headers: { accept: "text/event-stream" } });
    const response = await streamRoute(new NextRequest(base.url, { headers: base.headers, signal: new AbortController().signal }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await readUntil(reader, (text) => text.includes("event: status"));

    await getDb().user.update({ where: { id: person.id }, data: { active: false } });
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())))]);
      if (next === null) throw new Error("the stream was still open after the person was deactivated");
      if (next.done) break;
    }
  });
});
