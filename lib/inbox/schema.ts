import { z } from "zod";
import type { Principal } from "@/lib/auth/schema";
import { emptyToUndefined } from "@/lib/query-params";

// The in-app inbox: the Notification rows the relay writes (lib/notify/relay), read and marked read
// by the person they are for. Request and response shapes live here so the API description can
// register them as they are.

/** The most rows one page of the list holds. */
export const MAX_PAGE = 100;
/** The rows the header's bell shows. */
export const BELL_ROWS = 8;

/** GET /api/v1/notifications. `limit=0` answers only the unread count (the bell's cheap read). */
export const listNotificationsQuerySchema = z.object({
  unread: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).transform((v) => v === "true").default(false)),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(MAX_PAGE).default(20)),
  /** The `nextCursor` of the previous page: the rows after it, newest first. */
  cursor: z.preprocess(emptyToUndefined, z.uuid("cursor must be the nextCursor of a previous answer").optional()),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuerySchema>;

/** POST /api/v1/notifications/read: some of one's own notifications, or all of them. */
export const markReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1, "Name at least one notification").max(MAX_PAGE) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkReadInput = z.infer<typeof markReadSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  /** Why the person hears about it: assigned, watched, mentions, regressions. */
  reason: z.string(),
  text: z.string(),
  /** A path inside Certboard, or null. */
  link: z.string().nullable(),
  product: z.object({ slug: z.string(), name: z.string() }).nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  notifications: z.array(notificationSchema),
  /** All of the person's unread notifications, whatever the page shows. */
  unread: z.number().int().nonnegative(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.uuid().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadResultSchema = z.object({
  /** How many unread notifications this marked read (others' ids and read ones count nothing). */
  marked: z.number().int().nonnegative(),
  unread: z.number().int().nonnegative(),
});
export type MarkReadResult = z.infer<typeof markReadResultSchema>;

/** Whose inbox a caller reads, and which products a scoped token limits it to. */
export type InboxOwner = { userId: string; productIds: string[] | null };

/** A person's inbox, a token's owner's (within the token's products); an ownerless token has none. */
export function inboxOwner(principal: Principal): InboxOwner | null {
  if (principal.kind === "user") return { userId: principal.id, productIds: null };
  return principal.userId ? { userId: principal.userId, productIds: principal.productIds } : null;
}

/** "99+" past 99: the badge stays narrow. */
export const unreadBadge = (count: number) => (count > 99 ? "99+" : String(count));

/** The bell's accessible name. */
export const bellLabel = (count: number) => `Notifications, ${count > 99 ? "more than 99" : count} unread`;
