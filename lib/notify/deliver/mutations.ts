import "server-only";
import { getDb } from "@/lib/db";
import { sendMail } from "../email";
import { eventEmail } from "../email-text";
import { postWebhook, type SendOutcome } from "../webhook-send";

// One try of one delivery, run by the queue's worker. A failed try is recorded, then thrown so the
// queue retries it with backoff; past GIVE_UP_MS (or the queue's last retry) it is given up.

export const GIVE_UP_MS = 24 * 60 * 60 * 1000;

export class DeliveryFailed extends Error {}

export type DeliverOptions = {
  /** The queue will not retry after this try. */
  lastTry: boolean;
  /** A person asked for it (Redeliver, Send test): sent even if delivered before. */
  manual?: boolean;
  now?: Date;
};

/** Returns the delivery's status after the try; throws DeliveryFailed when the queue should retry. */
export async function deliverOnce(deliveryId: string, options: DeliverOptions): Promise<string> {
  const db = getDb();
  const now = options.now ?? new Date();
  const delivery = await db.delivery.findUnique({
    where: { id: deliveryId },
    include: { event: { include: { product: { select: { slug: true } } } }, webhook: true, user: { select: { name: true, active: true } } },
  });
  // Deleted with its webhook or its event: nothing left to send.
  if (!delivery) return "gone";
  if (!options.manual && (delivery.status === "delivered" || delivery.status === "gave_up")) return delivery.status;
  if (!options.manual && now.getTime() - delivery.createdAt.getTime() > GIVE_UP_MS) {
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "gave_up" } });
    return "gave_up";
  }

  const event = { id: delivery.event.id, type: delivery.event.type, at: delivery.event.at, actor: delivery.event.actor, data: delivery.event.data, product: delivery.event.product?.slug ?? null };
  let outcome: SendOutcome;
  if (delivery.channel === "webhook") {
    if (!delivery.webhook) return "gone";
    outcome = await postWebhook(delivery.webhook, event, delivery.id);
  } else {
    const started = performance.now();
    try {
      if (!delivery.user?.active) throw new Error("the person's account is deactivated");
      await sendMail({ to: delivery.target, ...eventEmail(event) });
      outcome = { ok: true, statusCode: null, durationMs: Math.round(performance.now() - started), error: null };
    } catch (error) {
      outcome = { ok: false, statusCode: null, durationMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
    }
  }

  const attempt = delivery.attempts + 1;
  // A person's extra try that fails leaves the status as it was; its attempt row tells.
  const status = outcome.ok ? "delivered" : options.manual ? delivery.status : options.lastTry ? "gave_up" : "failing";
  await db.$transaction([
    db.deliveryAttempt.create({
      data: { deliveryId: delivery.id, attempt, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error?.slice(0, 1000) ?? null, manual: options.manual ?? false },
    }),
    db.delivery.update({
      where: { id: delivery.id },
      data: { attempts: attempt, status, lastError: outcome.error?.slice(0, 1000) ?? null, ...(outcome.ok && { deliveredAt: now }) },
    }),
  ]);
  if (!outcome.ok && !options.manual && status === "failing") throw new DeliveryFailed(`Delivery ${delivery.id} (try ${attempt}) failed: ${outcome.error}`);
  return status;
}
