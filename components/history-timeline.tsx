import Link from "next/link";
import { CommentEventText } from "@/components/item-comment-event";
import { describeEvent, type EventAgent } from "@/lib/history/describe-event";
import type { ItemEventView } from "@/lib/backlog/schema";
import { runUrl } from "@/lib/preflight/client";

/** Who made a change; a run links to its page. */
function Agent({ by }: { by: EventAgent }) {
  if (!by.run) return <strong>{by.name}</strong>;
  return (
    <>
      <Link href={runUrl(by.run.id)} className="font-medium text-blue-700 hover:underline">{by.run.label}</Link> of {by.run.of}
    </>
  );
}

/** An item's history as sentences: "Status changed from Done to Not started by run … : HasLicense failed." */
export function HistoryTimeline({ events }: { events: ItemEventView[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3" data-testid="history">
      {events.map((e) => {
        const words = describeEvent(e);
        return (
          <li key={e.id} className="border-l-2 border-line pl-3 text-sm">
            <p className="break-words">
              {e.field === "comment" ? (
                <>
                  <strong>{e.actor}</strong> <CommentEventText note={e.note} oldValue={e.oldValue} newValue={e.newValue} />
                </>
              ) : (
                <>
                  {words.what} by <Agent by={words.by} />
                  {words.why ? `: ${words.why}` : ""}
                </>
              )}
            </p>
            <p className="text-xs text-muted">
              <time dateTime={e.at}>{new Date(e.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
