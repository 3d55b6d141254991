import "server-only";
import type { Actor } from "@/lib/auth/schema";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliverOnce } from "@/lib/notify/deliver/mutations";
import { TEST_EVENT } from "@/lib/outbox/schema";
import { getDelivery, toWebhookView } from "./data";
import type { CreateWebhookInput, TryResult, UpdateWebhookInput, WebhookView } from "./schema";

// Admins' webhooks: create, change, delete, send a test, redeliver. Every write is one short
// transaction; the tries (network I/O) run after it commits, through deliverOnce like the worker's.

const include = { product: { select: { slug: true, name: true } } } as const;

/** The product a webhook is limited to: null for all products; an unknown slug is the request's fault. */
async function productIdOf(tx: Tx, slug: string | null | undefined): Promise<string | null> {
  if (!slug) return null;
  const product = await tx.product.findUnique({ where: { slug }, select: { id: true } });
  const message = `No product "${slug}".`;
  if (!product) throw new AppError("invalid", `product: ${message}`, [{ path: "product", message }]);
  return product.id;
}

export async function createWebhook(input: CreateWebhookInput, actor: Actor): Promise<WebhookView> {
  const row = await getDb().$transaction(async (tx) =>
    tx.webhook.create({
      data: {
        url: input.url,
        events: input.events,
        secret: input.secret ?? null,
        format: input.format,
        productId: await productIdOf(tx, input.product),
        createdBy: actor.name,
      },
      include,
    }),
  );
  return toWebhookView(row);
}

export async function updateWebhook(id: string, patch: UpdateWebhookInput): Promise<WebhookView> {
  const row = await getDb().$transaction(async (tx) => {
    if (!(await tx.webhook.count({ where: { id } }))) throw new AppError("not_found", "No such webhook.");
    return tx.webhook.update({
      where: { id },
      data: {
        ...(patch.url !== undefined && { url: patch.url }),
        ...(patch.events !== undefined && { events: patch.events }),
        ...(patch.secret !== undefined && { secret: patch.secret }),
        ...(patch.format !== undefined && { format: patch.format }),
        ...(patch.active !== undefined && { active: patch.active }),
        ...(patch.product !== undefined && { productId: await productIdOf(tx, patch.product) }),
      },
      include,
    });
  });
  return toWebhookView(row);
}

/** Deletes a webhook with its deliveries and their attempts (cascade). */
export async function deleteWebhook(id: string): Promise<void> {
  const { count } = await getDb().$transaction(async (tx) => tx.webhook.deleteMany({ where: { id } }));
  if (count === 0) throw new AppError("not_found", "No such webhook.");
}

async function tryResult(webhookId: string, deliveryId: string): Promise<TryResult> {
  const delivery = await getDelivery(webhookId, deliveryId);
  const attempt = delivery.attempts.at(-1) ?? null;
  return { delivery, attempt, ok: attempt !== null && attempt.error === null };
}

/**
 * Send test: a webhook.test event (born dispatched, so the relay never fans it out to anyone else)
 * and one delivery for this webhook, tried at once. A failed test is given up rather than queued
 * for retries: the admin sees the answer now and may press Redeliver.
 */
export async function sendTestEvent(webhookId: string, actor: Actor): Promise<TryResult> {
  const deliveryId = await getDb().$transaction(async (tx) => {
    const webhook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { id: true, productId: true } });
    if (!webhook) throw new AppError("not_found", "No such webhook.");
    const event = await tx.outboxEvent.create({
      data: {
        type: TEST_EVENT,
        productId: webhook.productId,
        actor: actor.name,
        actorUserId: "userId" in actor ? (actor.userId ?? null) : null,
        data: { message: "A test from Certboard: this webhook works." },
        dispatchedAt: new Date(),
      },
      select: { id: true },
    });
    const delivery = await tx.delivery.create({ data: { eventId: event.id, channel: "webhook", webhookId: webhook.id, target: webhook.id }, select: { id: true } });
    return delivery.id;
  });
  await deliverOnce(deliveryId, { lastTry: true });
  return tryResult(webhookId, deliveryId);
}

/**
 * Redeliver: one more try of a delivery, now, recorded as a manual attempt. Run here rather than
 * through the queue so the admin sees its outcome at once, and so it works when no worker runs
 * (CERTBOARD_WORKER=off); a manual try is never retried by itself — the admin may press again.
 */
export async function redeliver(webhookId: string, deliveryId: string): Promise<TryResult> {
  await getDelivery(webhookId, deliveryId);
  const status = await deliverOnce(deliveryId, { lastTry: false, manual: true });
  if (status === "gone") throw new AppError("not_found", "The delivery was deleted with its webhook.");
  return tryResult(webhookId, deliveryId);
}
