"use client";

// A client component for its size, not for interaction: its props travel in the page's RSC
// payload instead of the rendered tree, which is several times larger.

import Link from "next/link";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatAge } from "@/lib/overview/relative-time";
import { EVENT_KIND_LABELS, type EventKind, type FeedEvent } from "@/lib/overview/schema";
import { architectureText } from "@/lib/run-text";

const TONES: Record<EventKind, Tone> = {
  status: "blue",
  failure: "red",
  regression: "amber",
  verification: "green",
  import: "gray",
  certification: "purple",
};

const ABSOLUTE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "What changed", newest first: each event says its kind in words, who, when, and links to the item or run. */
export function EventFeed({ events, now }: { events: FeedEvent[]; now: string }) {
  const at = new Date(now);
  return (
    <ol className="divide-y divide-line" data-testid="event-feed">
      {events.map((event) => (
        <li key={event.id} data-testid="event-row" data-kind={event.kind} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm break-inside-avoid">
          <Badge tone={TONES[event.kind]}>{EVENT_KIND_LABELS[event.kind]}</Badge>
          <span className="min-w-0 flex-1">
            {event.item ? (
              <Link href={event.href} className="text-blue-700 hover:underline">
                <span className="font-mono text-xs">{event.item.key}</span> {event.item.title}
              </Link>
            ) : event.run ? (
              <Link href={event.href} className="text-blue-700 hover:underline">
                Preflight run ({architectureText(event.run.architecture)})
              </Link>
            ) : (
              <Link href={event.href} className="text-blue-700 hover:underline">
                Backlog
              </Link>
            )}
            <span className="block text-gray-700">{event.summary}</span>
          </span>
          <span className="text-xs text-muted">
            {event.actor} ·{" "}
            <time dateTime={event.at} title={`${ABSOLUTE.format(new Date(event.at))} UTC`}>
              {formatAge(event.at, at)}
            </time>
          </span>
        </li>
      ))}
    </ol>
  );
}
