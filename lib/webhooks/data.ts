import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeEvent } from "@/lib/notify/text";
import type { AttemptView, DeliveriesQuery, DeliveryPage, DeliveryStatus, DeliveryView, WebhookFormatName, WebhookView } from "./schema";

// Reads of admins' webhooks and their delivery log. The secret never leaves this file.

const webhookInclude = { product: { select: { slug: true, name: true } } } as const;
type WebhookRow = Prisma.WebhookGetPayload<{ include: typeof webhookInclude }>;

export function toWebhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    format: row.format as WebhookFormatName,
    events: row.events,
    product: row.product ? { slug: row.product.slug, name: row.product.name } : null,
    active: row.active,
    hasSecret: Boolean(row.secret),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listWebhooks(): Promise<WebhookView[]> {
  const rows = await getDb().webhook.findMany({ include: webhookInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toWebhookView);
}

export async function getWebhook(id: string): Promise<WebhookView> {
  const row = await getDb().webhook.findUnique({ where: { id }, include: webhookInclude });
  if (!row) throw new AppError("not_found", "No such webhook.");
  return toWebhookView(row);
}

const deliveryInclude = {
  event: { include: { product: { select: { slug: true } } } },
  tries: { orderBy: [{ at: "asc" }, { attempt: "asc" }] },
} satisfies Prisma.DeliveryInclude;
type DeliveryRow = Prisma.DeliveryGetPayload<{ include: typeof deliveryInclude }>;

export function toAttemptView(row: DeliveryRow["tries"][number]): AttemptView {
  return { attempt: row.attempt, statusCode: row.statusCode, durationMs: row.durationMs, error: row.error, at: row.at.toISOString(), manual: row.manual };
}

function toDeliveryView(row: DeliveryRow): DeliveryView {
  const product = row.event.product?.slug ?? null;
  return {
    id: row.id,
    eventId: row.eventId,
    event: row.event.type,
    text: describeEvent({ type: row.event.type, actor: row.event.actor, data: row.event.data, product }).text,
    product,
    status: row.status as DeliveryStatus,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    attempts: row.tries.map(toAttemptView),
  };
}

/** One webhook's deliveries, newest first, a page at a time. */
export async function listDeliveries(webhookId: string, query: DeliveriesQuery): Promise<DeliveryPage> {
  const db = getDb();
  const exists = await db.webhook.count({ where: { id: webhookId } });
  if (!exists) throw new AppError("not_found", "No such webhook.");
  const where = { webhookId, channel: "webhook" };
  const [rows, total] = await Promise.all([
    db.delivery.findMany({ where, include: deliveryInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.delivery.count({ where }),
  ]);
  return { deliveries: rows.map(toDeliveryView), page: query.page, pageSize: query.pageSize, total };
}

/** One delivery of a webhook (404 when it belongs to another). */
export async function getDelivery(webhookId: string, deliveryId: string): Promise<DeliveryView> {
  const row = await getDb().delivery.findFirst({ where: { id: deliveryId, webhookId }, include: deliveryInclude });
  if (!row) throw new AppError("not_found", "No such delivery for this webhook.");
  return toDeliveryView(row);
}
