import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/schema";
import { disconnectDb, getDb } from "@/lib/db";
import { addComment } from "@/lib/comments/mutations";
import { createItem } from "@/lib/items/mutations";
import { closeChangeListener } from "@/lib/live/data";
import { emit } from "@/lib/outbox/mutations";
import { deliverOnce, GIVE_UP_MS } from "@/lib/notify/deliver/mutations";
import { relayAll } from "@/lib/notify/relay/mutations";
import { startWorker, stopWorker } from "@/lib/notify/worker";
import { createUser } from "@/lib/users/mutations";
import { productWithBacklog } from "@/tests/db";
import { hasBacklogFixture } from "@/tests/fixtures";

// Delivery that never loses a message, against a real PostgreSQL, real pg-boss workers (in this
// process and as `certboard worker` processes) and a real HTTP receiver. Waits only bound a failure.

const WAIT_MS = 30_000;
const ROOT = path.resolve(import.meta.dirname, "../..");

type Received = { headers: http.IncomingHttpHeaders; raw: string; body: { id: string; event: string; at: string; product: string; data: Record<string, unknown> } };

/** A webhook receiver on 127.0.0.1; `answer` decides each response's status. */
async function receiver(answer: (n: number) => number = () => 200) {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  // A path of its own: a port closed by an earlier test may be this one's now.
  const own = `/hook/${randomUUID()}`;
  const server = http.createServer((req, res) => {
    if (req.url !== own) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Received["body"] });
      res.statusCode = answer(received.length);
      res.end();
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${own}`;
  const waitFor = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (received.length < count) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the receiver got ${received.length} of ${count} requests within ${WAIT_MS} ms`));
      }, WAIT_MS);
      waiters.add(check);
      check();
    });
  return { url, received, waitFor, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS} ms for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function webhookFor(product: string, url: string, events: string[], secret: string | null = null) {
  const { id: productId } = await getDb().product.findUniqueOrThrow({ where: { slug: product }, select: { id: true } });
  return getDb().webhook.create({ data: { productId, url, events, secret, format: "json", createdBy: "test" } });
}

const deliveriesOf = (webhookId: string) => getDb().delivery.findMany({ where: { webhookId }, include: { tries: true } });

/** `certboard worker` as a deployment runs it: its own process on the same database. */
function workerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "bin", "cli.ts"), "worker"], {
    cwd: ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => process.env.DEBUG_WORKER && process.stdout.write(`[child ${child.pid}] ${c}`));
  child.stderr?.on("data", (c: Buffer) => process.env.DEBUG_WORKER && process.stdout.write(`[child ${child.pid} err] ${c}`));
  return child;
}
const started = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the worker process did not start")), WAIT_MS);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("delivering notifications")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`the worker process exited with ${code}`)));
  });
const stopped = (child: ChildProcess, signal: NodeJS.Signals = "SIGTERM") =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });

const engineer = { kind: "user" as const, name: "Notify Tester" };

describe.skipIf(!hasBacklogFixture && !process.env.CI)("notifications: outbox → queue → receiver", () => {
  let product: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (!hasBacklogFixture) throw new Error("../shared/fixtures/backlog is missing: CI must have shared/ beside the clone.");
    product = await productWithBacklog("notify");
  });
  afterEach(async () => {
    await stopWorker();
    await Promise.all(children.splice(0).map((child) => stopped(child, "SIGKILL")));
    // Each test's webhook goes with it, so later events of the product are not sent to closed receivers.
    await getDb().webhook.deleteMany({ where: { product: { slug: product } } });
  });
  afterAll(async () => {
    await closeChangeListener();
    await disconnectDb();
  });

  it("delivers a committed change once, signed with the webhook's secret", async () => {
    const hook = await receiver();
    const secret = `s-${randomUUID()}`;
    const webhook = await webhookFor(product, hook.url, ["item.opened"], secret);
    await startWorker({ log: () => undefined, pollingIntervalSeconds: 0.5 });
    const { key } = await createItem({ productSlug: product, item: { title: "Signed delivery", category: "critical_blocker" }, actor: engineer });
    await hook.waitFor(1);

    const [got] = hook.received;
    expect(got!.headers["x-certboard-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(got!.raw).digest("hex")}`);
    expect(got!.headers["x-certboard-event"]).toBe("item.opened");
    expect(got!.body).toMatchObject({ event: "item.opened", product, data: { item: { key, title: "Signed delivery" } } });
    expect(Number.isNaN(Date.parse(got!.body.at))).toBe(false);
    const [delivery] = await until(() => deliveriesOf(webhook.id), (d) => d[0]?.status === "delivered", "the delivery to be marked delivered");
    expect(got!.headers["x-certboard-delivery"]).toBe(delivery!.id);
    expect(delivery!.tries).toMatchObject([{ attempt: 1, statusCode: 200, error: null }]);
    await hook.close();
  });

  it("retries a failing receiver with backoff (first retry within 30 s) and delivers", async () => {
    const hook = await receiver((n) => (n === 1 ? 503 : 200));
    const webhook = await webhookFor(product, hook.url, ["item.opened"]);
    await startWorker({ log: () => undefined, pollingIntervalSeconds: 0.5 });
    await createItem({ productSlug: product, item: { title: "Retried delivery", category: "needs_verification" }, actor: engineer });
    await hook.waitFor(1);
    const [failing] = await until(() => deliveriesOf(webhook.id), (d) => d[0]?.status === "failing", "the failed try to be recorded");
    expect(failing!.tries).toMatchObject([{ attempt: 1, statusCode: 503 }]);
    expect(failing!.lastError).toContain("503");

    // pg-boss holds the retry: its backoff puts the first one 15–30 s out.
    const [job] = await until(
      () => getDb().$queryRaw<{ state: string; wait_s: number; retry_limit: number; retry_backoff: boolean }[]>`
        SELECT state::text, extract(epoch FROM start_after - now())::float8 AS wait_s, retry_limit, retry_backoff FROM pgboss.job WHERE id = ${failing!.id}::uuid`,
      (rows) => rows[0]?.state === "retry",
      "the job to wait for its retry",
    );
    expect(job!.wait_s).toBeLessThanOrEqual(30);
    expect(job!.retry_backoff).toBe(true);
    // Bring the retry forward instead of sleeping through the backoff: the queue itself sends it.
    await getDb().$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE id = ${failing!.id}::uuid`;
    await hook.waitFor(2);
    const [delivered] = await until(() => deliveriesOf(webhook.id), (d) => d[0]?.status === "delivered", "the retry to be delivered");
    expect(delivered!.tries.map((t) => t.statusCode).sort()).toEqual([200, 503]);
    expect(hook.received[0]!.headers["x-certboard-delivery"]).toBe(hook.received[1]!.headers["x-certboard-delivery"]);
    await hook.close();
  });

  it("gives a delivery up after 24 hours, or after the queue's last retry, without trying it again", async () => {
    const hook = await receiver(() => 500);
    const webhook = await webhookFor(product, hook.url, ["item.opened"]);
    await createItem({ productSlug: product, item: { title: "Given up", category: "needs_verification" }, actor: engineer });
    await createItem({ productSlug: product, item: { title: "Last retry", category: "needs_verification" }, actor: engineer });
    // Relay without a worker: the jobs are left to this test.
    await relayAll(async () => undefined);
    const [old, last] = await getDb().delivery.findMany({ where: { webhookId: webhook.id }, orderBy: { createdAt: "asc" } });
    const dayLater = new Date(old!.createdAt.getTime() + GIVE_UP_MS + 1000);
    expect(await deliverOnce(old!.id, { lastTry: false, now: dayLater })).toBe("gave_up");
    expect(hook.received).toHaveLength(0);
    // The queue's last retry fails: given up, with the try recorded, and not thrown for another retry.
    expect(await deliverOnce(last!.id, { lastTry: true })).toBe("gave_up");
    expect(hook.received).toHaveLength(1);
    expect(await getDb().deliveryAttempt.count({ where: { deliveryId: last!.id } })).toBe(1);
    await hook.close();
  });

  it("tells the people an item concerns, once each: a mentioned assignee hears of the comment as a mention only", async () => {
    const email = `mira-${randomUUID().slice(0, 8)}@example.test`;
    const mira = await createUser({ email, name: "Mira Owner", role: "engineer", password: `pw-${randomUUID()}` });
    const { key } = await createItem({ productSlug: product, item: { title: "Mention once", category: "critical_blocker", assignee: email }, actor: engineer });
    const ref = await getDb().product.findUniqueOrThrow({ where: { slug: product }, select: { id: true, slug: true, name: true } });
    await addComment({ product: ref, key, body: `@${email} please look at the licence layer`, actor: engineer });
    await relayAll(async () => undefined);
    // One relay transaction writes all three, at one now(): compared as a set.
    const mine = await getDb().notification.findMany({ where: { userId: mira.id }, orderBy: { type: "asc" }, select: { type: true, reason: true, text: true } });
    expect(mine.map((n) => [n.type, n.reason])).toEqual([
      ["item.assigned", "assigned"],
      ["item.mentioned", "mentions"],
      ["item.opened", "assigned"],
    ]);
    expect(mine[1]!.text).toContain(`Notify Tester mentioned Mira Owner on ${key}`);
  });

  it("notifies nobody about a change that rolled back", async () => {
    const hook = await receiver();
    const webhook = await webhookFor(product, hook.url, ["phase.completed"]);
    const { id: productId } = await getDb().product.findUniqueOrThrow({ where: { slug: product }, select: { id: true } });
    const marker = `rolled-back-${randomUUID()}`;
    await expect(
      getDb().$transaction(async (tx) => {
        await emit(tx, SYSTEM_ACTOR, [{ type: "phase.completed", productId, data: { phase: { key: marker, title: marker } } }]);
        throw new Error("the change failed after writing its event");
      }),
    ).rejects.toThrow("the change failed");
    // A relay now finds nothing of it, and nothing was queued for the webhook.
    await relayAll(async () => undefined);
    expect(await getDb().outboxEvent.count({ where: { data: { path: ["phase", "key"], equals: marker } } })).toBe(0);
    expect(await getDb().delivery.count({ where: { webhookId: webhook.id } })).toBe(0);
    expect(hook.received).toHaveLength(0);
    await hook.close();
  });

  it("delivers what was committed while no worker ran, once a worker starts again", async () => {
    const hook = await receiver();
    const webhook = await webhookFor(product, hook.url, ["item.opened"]);
    // A worker process dies (kill -9), then a change commits: its event waits in the outbox.
    const first = workerProcess();
    children.push(first);
    await started(first);
    await stopped(first, "SIGKILL");
    const { key } = await createItem({ productSlug: product, item: { title: "Committed while down", category: "critical_blocker" }, actor: engineer });
    const waiting = await getDb().outboxEvent.findFirstOrThrow({ where: { type: "item.opened", product: { slug: product }, data: { path: ["item", "key"], equals: key } } });
    expect(waiting.dispatchedAt).toBeNull();

    const second = workerProcess();
    children.push(second);
    await started(second);
    await hook.waitFor(1);
    expect(hook.received[0]!.body.data).toMatchObject({ item: { key } });
    await until(() => deliveriesOf(webhook.id), (d) => d[0]?.status === "delivered", "the delivery to be marked delivered");
    await hook.close();
  });

  it("two worker processes on one database deliver each event to each target exactly once", async () => {
    const hook = await receiver();
    const webhook = await webhookFor(product, hook.url, ["item.opened"]);
    const workers = [workerProcess(), workerProcess()];
    children.push(...workers);
    await Promise.all(workers.map(started));
    const COUNT = 30;
    const keys = new Set<string>();
    for (let i = 0; i < COUNT; i++) {
      const { key } = await createItem({ productSlug: product, item: { title: `Fan-out ${i}`, category: "needs_verification" }, actor: engineer });
      keys.add(key);
    }
    await hook.waitFor(COUNT);
    const deliveries = await until(() => deliveriesOf(webhook.id), (d) => d.length === COUNT && d.every((x) => x.status === "delivered"), "every delivery to be marked delivered");
    expect(deliveries.every((d) => d.tries.length === 1)).toBe(true);
    // Every request has been answered and recorded: no second copy of any event arrived.
    expect(hook.received).toHaveLength(COUNT);
    expect(new Set(hook.received.map((r) => r.body.id)).size).toBe(COUNT);
    expect(new Set(hook.received.map((r) => (r.body.data.item as { key: string }).key))).toEqual(keys);
    await hook.close();
  });
});
