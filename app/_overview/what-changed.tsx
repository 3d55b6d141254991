import Link from "next/link";
import { EventFeed } from "@/components/event-feed";
import { countEvents, listEvents } from "@/lib/overview/data";
import { DEFAULT_EVENT_LIMIT, EVENT_WINDOW_DAYS, OVERVIEW_EVENT_LIMIT, type EventKind } from "@/lib/overview/schema";
import { overviewUrl } from "@/lib/overview/urls";

/**
 * "What changed", streamed behind the page's first screen: the newest few events (every one of the
 * week with `all`, or when filtered), and how many more there are.
 */
export async function WhatChanged({ product, query, slug, component, all, now }: {
  /** The product in the URL (links keep it), and the product shown. */
  product?: string;
  slug: string;
  query: { kind?: EventKind };
  component?: string;
  all: boolean;
  now: Date;
}) {
  const filtered = Boolean(component || query.kind);
  const since = new Date(now.getTime() - EVENT_WINDOW_DAYS * 86_400_000);
  const feed = await listEvents({ product: slug, component, kind: query.kind && [query.kind], since, limit: all ? DEFAULT_EVENT_LIMIT : OVERVIEW_EVENT_LIMIT }, now);
  if (feed.events.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="event-feed-empty">
        {filtered ? `No events match these filters in the last ${EVENT_WINDOW_DAYS} days.` : `Nothing changed in the last ${EVENT_WINDOW_DAYS} days.`}
      </p>
    );
  }
  const more = feed.truncated && !all ? (await countEvents(slug, since)) - feed.events.length : 0;
  return (
    <>
      <EventFeed events={feed.events} now={now.toISOString()} />
      {feed.truncated &&
        (all ? (
          <p className="text-xs text-muted">Showing the newest {feed.events.length} events; filter by component or kind to see others.</p>
        ) : (
          <Link href={`${overviewUrl({ product, changes: "all" })}#what-changed`} scroll={false} className="inline-block text-sm text-blue-700 hover:underline print:hidden">
            Show every change of the last {EVENT_WINDOW_DAYS} days ({more.toLocaleString("en-GB")} more)
          </Link>
        ))}
    </>
  );
}
