"use client";

import Link from "next/link";
import { NotificationList } from "@/components/notification-list";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useInboxPages, useMarkRead } from "@/lib/inbox/client";

const FILTERS = [
  { unread: false, label: "All", href: "/notifications" },
  { unread: true, label: "Unread", href: "/notifications?unread=true" },
];

/** /notifications: the whole list, newest first, page by page, with the unread filter in the URL. */
export function NotificationInbox({ unread }: { unread: boolean }) {
  const pages = useInboxPages(unread);
  const markRead = useMarkRead();
  const rows = pages.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unreadCount = pages.data?.pages[0]?.unread ?? 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <Button variant="secondary" size="sm" disabled={unreadCount === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
          Mark all read
        </Button>
      </div>
      <nav aria-label="Filter notifications" className="flex items-center gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.label}
            href={f.href}
            aria-current={f.unread === unread ? "page" : undefined}
            className={`rounded-md border px-3 py-1 ${f.unread === unread ? "border-brand-600 font-medium text-ink" : "border-line bg-white text-gray-700 hover:bg-gray-50"}`}
          >
            {f.label}
            {f.unread && ` (${unreadCount})`}
          </Link>
        ))}
      </nav>
      {pages.isPending && <p className="text-sm text-muted">Loading notifications…</p>}
      {pages.isError && <p role="alert" className="text-sm text-red-800">Could not load notifications: {pages.error.message}</p>}
      {pages.isSuccess && rows.length === 0 && (
        <EmptyState title={unread ? "No unread notifications" : "Nothing yet — you’ll hear here when something needs you"}>
          {unread
            ? "You have read everything."
            : "When someone assigns you an item or mentions you, an item you watch changes, or an image you own fails or regresses."}
        </EmptyState>
      )}
      {rows.length > 0 && (
        <div className="rounded-lg border border-line bg-white">
          <NotificationList
            notifications={rows}
            now={new Date()}
            onOpen={(id) => markRead.mutate({ ids: [id] })}
            onMarkRead={(id) => markRead.mutate({ ids: [id] })}
          />
        </div>
      )}
      {pages.hasNextPage && (
        <Button variant="secondary" size="sm" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? "Loading…" : "Show older"}
        </Button>
      )}
    </div>
  );
}
