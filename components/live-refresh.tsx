"use client";

import { FALLBACK_POLL_MS, useLiveUpdates, type LiveStatus } from "@/lib/live/client";

const SECONDS = Math.round(FALLBACK_POLL_MS / 1000);

const LOOK: Record<LiveStatus, { label: string; title: string; dot: string }> = {
  connecting: { label: "Connecting…", title: "Connecting to live updates.", dot: "bg-gray-400" },
  live: { label: "Live", title: "Changes made by others appear here as they are saved.", dot: "bg-green-600" },
  reconnecting: {
    label: "Reconnecting…",
    title: `Live updates are interrupted; this page checks for changes every ${SECONDS} s until they are back.`,
    dot: "bg-amber-500",
  },
  paused: { label: "Paused", title: "Live updates pause while this tab is hidden.", dot: "bg-gray-400" },
};

/**
 * Keeps the page up to date with other people's changes to `product` (see lib/live/client.ts) and
 * says, in words, whether it is live. `refreshPage` re-renders the server-rendered parts too.
 */
export function LiveRefresh({ product, refreshPage = true }: { product: string | null | undefined; refreshPage?: boolean }) {
  const status = useLiveUpdates(product, { refreshPage }) ?? "connecting";
  if (!product) return null;
  const look = LOOK[status];
  return (
    <p
      role="status"
      title={look.title}
      data-testid="live-status"
      data-status={status}
      className="inline-flex shrink-0 items-center gap-1.5 rounded-full border border-line bg-white px-2 py-0.5 text-xs text-gray-700"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${look.dot}`} />
      {look.label}
      {status !== "live" && <span className="sr-only"> — {look.title}</span>}
    </p>
  );
}
