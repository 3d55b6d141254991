import type { Metadata } from "next";
import { NotificationInbox } from "@/components/notification-inbox";
import { pagePath } from "@/lib/auth/next-path";
import { requirePageUser } from "@/lib/auth/session";
import { listNotificationsQuerySchema } from "@/lib/inbox/schema";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

/** Everything the bell has said to the signed-in person; the list itself is client-owned (it polls). */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  await requirePageUser(pagePath("/notifications", raw));
  const parsed = listNotificationsQuerySchema.pick({ unread: true }).safeParse(raw);
  return <NotificationInbox unread={parsed.success && parsed.data.unread} />;
}
