import { NextResponse } from "next/server";
import { readQuery, route } from "@/lib/http";
import { listNotifications, requireInboxOwner } from "@/lib/inbox/data";
import { listNotificationsQuerySchema, type NotificationList } from "@/lib/inbox/schema";

/** The caller's own notifications, newest first, with their unread count (`limit=0`: the count only). */
export const GET = route("read", async (req, _ctx, principal) => {
  const owner = requireInboxOwner(principal);
  const query = readQuery(req, listNotificationsQuerySchema);
  return NextResponse.json((await listNotifications(owner, query)) satisfies NotificationList);
});
