import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Principal } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inboxOwner, type InboxOwner, ListNotificationsQuery, NotificationList, NotificationView } from "./schema";

/** Whose inbox the caller reads; an ownerless (CLI) token has none to read: 403, not an empty list. */
export function requireInboxOwner(principal: Principal): InboxOwner {
  const owner = inboxOwner(principal);
  if (!owner) throw new AppError("forbidden", "Notifications belong to a person, and this token has no owner: use a token made by a person, or sign in.");
  return owner;
}

/** The rows an owner may see: their own, and for a scoped token only its products'. */
export function ownRows(owner: InboxOwner): Prisma.NotificationWhereInput {
  return { userId: owner.userId, ...(owner.productIds && { productId: { in: owner.productIds } }) };
}

/** How many of the owner's notifications are unread. */
export async function countUnread(owner: InboxOwner): Promise<number> {
  return getDb().notification.count({ where: { ...ownRows(owner), readAt: null } });
}

/**
 * One page of the owner's notifications, newest first, and their unread count. The cursor is the
 * last row of the previous page (compared in the database, so rows made in the same instant are
 * neither skipped nor repeated); a cursor that is not one of the owner's rows is refused.
 */
export async function listNotifications(owner: InboxOwner, query: ListNotificationsQuery): Promise<NotificationList> {
  const db = getDb();
  const where: Prisma.NotificationWhereInput = { ...ownRows(owner), ...(query.unread && { readAt: null }) };
  if (query.limit === 0) return { notifications: [], unread: await countUnread(owner), nextCursor: null };
  const cursor = query.cursor && (await db.notification.findFirst({ where: { ...ownRows(owner), id: query.cursor }, select: { id: true } }));
  if (query.cursor && !cursor) throw new AppError("invalid", "cursor: not one of your notifications; pass the nextCursor of a previous answer.");
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      ...(cursor && { cursor: { id: cursor.id }, skip: 1 }),
      select: { id: true, type: true, reason: true, text: true, link: true, productId: true, readAt: true, createdAt: true },
    }),
    countUnread(owner),
  ]);
  const page = rows.slice(0, query.limit);
  const productIds = [...new Set(page.map((r) => r.productId).filter((id): id is string => id !== null))];
  const products = productIds.length
    ? await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, slug: true, name: true } })
    : [];
  const productOf = new Map(products.map((p) => [p.id, { slug: p.slug, name: p.name }]));
  const notifications = page.map(
    (row): NotificationView => ({
      id: row.id,
      type: row.type,
      reason: row.reason,
      text: row.text,
      link: row.link,
      product: (row.productId && productOf.get(row.productId)) || null,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    }),
  );
  return { notifications, unread, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}
