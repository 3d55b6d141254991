"use client";

import Link from "next/link";
import { ageText } from "@/lib/inbox/age";
import type { NotificationView } from "@/lib/inbox/schema";

/**
 * Notifications as a list: the sentence (a link when it has one), its product and age; unread ones
 * carry a dot and say so to screen readers. Following a link calls `onOpen` (it marks the row read).
 */
export function NotificationList({
  notifications,
  now,
  onOpen,
  onMarkRead,
  compact = false,
}: {
  notifications: NotificationView[];
  now: Date;
  onOpen: (id: string) => void;
  /** Shows a "Mark read" button on unread rows. */
  onMarkRead?: (id: string) => void;
  compact?: boolean;
}) {
  return (
    <ul className="divide-y divide-line" data-testid="notification-list">
      {notifications.map((n) => {
        const unread = n.readAt === null;
        return (
          <li key={n.id} data-testid="notification" data-unread={unread} className={`flex items-start gap-2 ${compact ? "py-2" : "px-3 py-3"}`}>
            <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? "bg-brand-600" : "bg-transparent"}`} />
            <div className="min-w-0 flex-1 text-sm">
              {unread && <span className="sr-only">Unread: </span>}
              {n.link ? (
                <Link href={n.link} onClick={() => unread && onOpen(n.id)} className={`break-words hover:underline ${unread ? "font-medium text-ink" : "text-gray-700"}`}>
                  {n.text}
                </Link>
              ) : (
                <span className={`break-words ${unread ? "font-medium" : "text-gray-700"}`}>{n.text}</span>
              )}
              <p className="mt-0.5 text-xs text-muted">
                {n.product && <span>{n.product.name} · </span>}
                <time dateTime={n.createdAt} title={n.createdAt}>
                  {ageText(n.createdAt, now)}
                </time>
              </p>
            </div>
            {onMarkRead && unread && (
              <button type="button" onClick={() => onMarkRead(n.id)} className="shrink-0 rounded px-1.5 py-0.5 text-xs text-blue-700 hover:underline">
                Mark read<span className="sr-only">: {n.text}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
