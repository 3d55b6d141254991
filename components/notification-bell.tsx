"use client";

import Link from "next/link";
import { HeaderMenu } from "@/components/header-menu";
import { NotificationList } from "@/components/notification-list";
import { useBellNotifications, useMarkRead } from "@/lib/inbox/client";
import { bellLabel, unreadBadge } from "@/lib/inbox/schema";

const BELL = "M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0";

/**
 * The header's bell: the unread count (polled, refetched on focus and on the live stream's word)
 * and a panel with the newest notifications, "Mark all read" and a link to /notifications.
 */
export function NotificationBell() {
  const bell = useBellNotifications();
  const markRead = useMarkRead();
  const unread = bell.data?.unread ?? 0;
  const rows = bell.data?.notifications ?? [];
  return (
    <HeaderMenu
      icon
      ariaLabel={bellLabel(unread)}
      panelClassName="sm:left-auto sm:right-4 sm:w-96 sm:rounded-b-lg sm:border-x"
      label={
        <>
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d={BELL} />
          </svg>
          {unread > 0 && (
            <span
              aria-hidden="true"
              data-testid="notification-badge"
              className="absolute -right-1.5 -top-1.5 min-w-4 rounded-full bg-brand-600 px-1 text-center text-[10px] font-semibold leading-4 text-on-brand"
            >
              {unreadBadge(unread)}
            </span>
          )}
        </>
      }
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Notifications</h2>
        <button
          type="button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
          className="rounded px-1.5 py-0.5 text-xs text-blue-700 hover:underline disabled:cursor-not-allowed disabled:text-muted disabled:no-underline"
        >
          Mark all read
        </button>
      </div>
      {bell.isError && <p className="text-sm text-red-800">Could not load notifications: {bell.error.message}</p>}
      {bell.data && rows.length === 0 && <p className="text-sm text-muted">Nothing yet — you’ll hear here when work is assigned to you, someone mentions you, or your images regress.</p>}
      {rows.length > 0 && (
        <div className="max-h-96 overflow-y-auto">
          <NotificationList compact notifications={rows} now={new Date()} onOpen={(id) => markRead.mutate({ ids: [id] })} />
        </div>
      )}
      <Link href="/notifications" className="block text-sm text-blue-700 hover:underline">
        See all notifications
      </Link>
    </HeaderMenu>
  );
}
